import { readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate as evaluateCore } from '../../src/core/index.js';
import {
  checkRuleSet,
  createEngine,
  type EligibilityRuleSet,
  InvalidRecordError,
  InvalidRuleSetError,
  loadRuleSet,
} from '../../src/index.js';
import { evaluateWithJsonRulesEngine } from '../../src/reference.js';
import { answerIssues, questionsJsonSchema } from '../../src/rule-sets/questions.js';
import { lintRuleSet } from '../../src/schemas.js';
import { runTestCases } from '../../src/vitest.js';

// A region's own questions (`questions`, answered under `daerah.<id>`), on the fictitious
// Surakarta example that docs/writing-a-rule-set.md walks through.

const file = () =>
  JSON.parse(readFileSync('examples/perwali-surakarta-contoh.json', 'utf8')) as Record<
    string,
    // biome-ignore lint/suspicious/noExplicitAny: a rule-set file edited by the tests
    any
  >;
const cases = JSON.parse(readFileSync('examples/perwali-surakarta-contoh.cases.json', 'utf8'));
const engine = createEngine({ ruleSets: [file()] });
const ID = 'perwali-surakarta-contoh-2025';
const ruleSet = engine.ruleSets.find((r) => r.id === ID) as EligibilityRuleSet;
const base = cases.base as Record<string, unknown>;
const withAnswers = (daerah: unknown) => ({ ...base, daerah });

describe('questions in a rule set', () => {
  it('loads them, in order, with their types', () => {
    expect(ruleSet.questions.map((q) => [q.id, q.type])).toEqual([
      ['ketua_tim', 'text'],
      ['sk_tim', 'boolean'],
    ]);
    expect(engine.ruleSets.find((r) => r.id === 'pp-38-2017')).toMatchObject({ questions: [] });
  });

  it('are inherited by a rule set that extends it, and cannot be declared again there', () => {
    const child = {
      ...file(),
      id: 'anak',
      extends: ID,
      questions: [
        { ...file().questions[0], citation: 'x' },
        { ...file().questions[1], id: 'anggota', type: 'integer' },
      ],
      criteria: [],
    };
    expect(() => engine.with(child)).toThrow(InvalidRuleSetError);
    try {
      engine.with(child);
    } catch (error) {
      expect((error as InvalidRuleSetError).issues).toEqual([
        expect.objectContaining({ path: ['questions', 0, 'id'] }),
      ]);
    }
    const ok = engine.with({ ...child, questions: [child.questions[1]] });
    const loaded = ok.ruleSets.find((r) => r.id === 'anak') as EligibilityRuleSet;
    expect(loaded.questions.map((q) => q.id)).toEqual(['ketua_tim', 'sk_tim', 'anggota']);
  });

  it('the example passes its own cases', async () => {
    loadRuleSet(file());
    const results = await runTestCases(cases);
    expect(results.filter((r) => !r.passed)).toEqual([]);
    expect(results).toHaveLength(8);
  });

  it('reports every planted mistake about questions in one pass, each once, with paths', () => {
    const broken = file();
    const [lead, decree] = broken.criteria[2].checks;
    lead.conditions.all[0].path = 'ketua_tm';
    lead.fields = ['daerah.ketua_tm'];
    lead.messages.pass = { id: 'Ketua.', en: 'Lead.' };
    decree.conditions.all[0].value = 'ya';
    broken.criteria[0].checks[0].conditions.all.push({
      fact: 'daerah',
      operator: 'equal',
      value: 1,
    });
    broken.questions.push({
      id: 'jenis',
      type: 'choice',
      label: lead.messages.pass,
      citation: 'x',
    });
    const problems = checkRuleSet(broken);
    const at = problems.map((p) => [p.path.join('.'), p.code]);
    expect(at).toEqual(
      expect.arrayContaining([
        ['questions.2.values', 'invalid_rule'],
        ['criteria.0.checks.0.conditions.all.1.path', 'missing_question'],
        ['criteria.2.checks.0.conditions.all.0.path', 'unknown_question'],
        ['criteria.2.checks.0.fields.0', 'unknown_question'],
        ['criteria.2.checks.1.conditions.all.0.value', 'invalid_value'],
      ]),
    );
    expect(at).toHaveLength(5);
    expect(problems.find((p) => p.code === 'unknown_question')?.suggestion).toBe('ketua_tim');
    // The same, in Indonesian, from the linter every command shares.
    const lint = lintRuleSet(broken, { locale: 'id', source: JSON.stringify(broken, null, 2) });
    expect(lint.filter((p) => p.severity === 'error')).toHaveLength(5);
    expect(lint.find((p) => p.code === 'unknown_question')?.message).toMatch(
      /bukan pertanyaan daerah/,
    );
  });

  it('checks each value read against its question’s type, as national fields are', () => {
    const typed = file();
    typed.questions = [
      { id: 'anggaran', type: 'number', label: { id: 'a', en: 'a' }, citation: 'c' },
      { id: 'anggota', type: 'integer', label: { id: 'a', en: 'a' }, citation: 'c' },
      { id: 'tanggal_sk', type: 'date', label: { id: 'a', en: 'a' }, citation: 'c' },
      {
        id: 'jenis',
        type: 'choice',
        values: ['inti', 'lintas_opd'],
        label: { id: 'a', en: 'a' },
        citation: 'c',
      },
      { id: 'ketua', type: 'text', label: { id: 'a', en: 'a' }, citation: 'c' },
    ];
    const leaves = [
      { fact: 'daerah', path: 'anggaran', operator: 'equal', value: 'banyak' },
      { fact: 'daerah', path: 'anggaran', operator: 'greaterThan', value: 1.5 },
      { fact: 'daerah', path: 'anggota', operator: 'equal', value: 2.5 },
      { fact: 'daerah', path: 'anggota', operator: 'greaterThanInclusive', value: 3 },
      { fact: 'daerah', path: 'tanggal_sk', operator: 'greaterThan', value: 2025 },
      { fact: 'daerah', path: 'tanggal_sk', operator: 'dateOnOrAfter', value: '2025-01-01' },
      { fact: 'daerah', path: 'jenis', operator: 'equal', value: 'intii' },
      { fact: 'daerah', path: 'jenis', operator: 'in', value: ['inti', 'lintas_opd'] },
      { fact: 'daerah', path: 'ketua', operator: 'greaterThan', value: 1 },
    ];
    const check = typed.criteria[2].checks[0];
    check.conditions = { all: leaves };
    check.fields = [
      'daerah.anggaran',
      'daerah.anggota',
      'daerah.tanggal_sk',
      'daerah.jenis',
      'daerah.ketua',
    ];
    check.messages.pass = { id: 'ok', en: 'ok' };
    typed.criteria[2].checks[1].conditions.all[0].path = 'anggota';
    typed.criteria[2].checks[1].conditions.all[0].value = 3;
    typed.criteria[2].checks[1].fields = ['daerah.anggota'];
    const problems = checkRuleSet(typed).map((p) => [p.path.at(-2), p.code, p.suggestion]);
    expect(problems).toEqual([
      [0, 'invalid_value', undefined],
      [2, 'invalid_value', undefined],
      [4, 'invalid_operator_for_field', undefined],
      [6, 'invalid_value', 'inti'],
      [8, 'invalid_operator_for_field', undefined],
    ]);
  });

  it('names the undeclared field a check lists, with the nearest question', () => {
    const broken = file();
    broken.criteria[2].checks[1].fields = ['daerah.sk_tm'];
    const [problem, ...rest] = checkRuleSet(broken).filter((p) => p.code === 'unknown_question');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      path: ['criteria', 2, 'checks', 1, 'fields', 0],
      code: 'unknown_question',
      suggestion: 'daerah.sk_tim',
      message:
        '"daerah.sk_tm" is no question of this rule set (did you mean "daerah.sk_tim"?): declare it in "questions"',
      params: { field: 'daerah.sk_tm', declared: 'daerah.ketua_tim, daerah.sk_tim' },
    });
    const none = file();
    delete none.questions;
    const bare = checkRuleSet(none).find(
      (p) => p.code === 'unknown_question' && p.path.includes('fields'),
    );
    expect(bare?.params).toEqual({ field: 'daerah.ketua_tim', declared: '-' });
    expect(bare?.message).toBe(
      '"daerah.ketua_tim" is no question of this rule set: declare it in "questions"',
    );
  });

  it('refuses a question read by a rule set that declares none', () => {
    const national = file();
    delete national.questions;
    const problems = checkRuleSet(national);
    expect(problems.filter((p) => p.code === 'unknown_question')).toHaveLength(4);
  });

  it('refuses a question path that is no id, and a rubric indicator on the answers', () => {
    const bad = file();
    bad.criteria[2].checks[0].conditions.all[0].path = 'ketua.tim';
    expect(checkRuleSet(bad).map((p) => p.path.join('.'))).toContain(
      'criteria.2.checks.0.conditions.all.0.path',
    );
    const rubric = JSON.parse(readFileSync('rules/iga-2026.json', 'utf8'));
    rubric.id = 'iga-uji';
    rubric.indicators[0].field = 'daerah';
    expect(checkRuleSet(rubric).map((p) => p.path.join('.'))).toContain('indicators.0.field');
  });
});

describe('answers in a record', () => {
  it('decide the criteria that read them; the kept results never mix answers up', async () => {
    // Same national fields, answers alternating: a cache keyed on national values alone would
    // hand the second record the first one's verdict.
    const answers = [
      [{ ketua_tim: 'Rina', sk_tim: true }, 'eligible'],
      [{ ketua_tim: 'Rina', sk_tim: false }, 'not_eligible'],
      [{ sk_tim: true }, 'incomplete'],
      [{ ketua_tim: '', sk_tim: true }, 'not_eligible'],
      [{ ketua_tim: 'Rina', sk_tim: true, lain: 'x' }, 'eligible'],
    ] as const;
    for (let round = 0; round < 3; round += 1) {
      for (const [daerah, verdict] of answers) {
        const evaluation = await engine.evaluate(withAnswers(daerah));
        expect(evaluation.ruleSet.id).toBe(ID);
        expect(evaluation.verdict, JSON.stringify(daerah)).toBe(verdict);
      }
    }
    const missing = await engine.evaluate(withAnswers({}));
    expect(missing.missingFields).toEqual(['daerah.ketua_tim', 'daerah.sk_tim']);
  });

  it('an answer of the wrong type is an invalid record, at its path, in the locale', async () => {
    const call = engine.evaluate(withAnswers({ ketua_tim: 12, sk_tim: 'ya' }), { locale: 'en' });
    await expect(call).rejects.toThrow(InvalidRecordError);
    const error = (await call.catch((e: unknown) => e)) as InvalidRecordError;
    expect(error.issues.map((i) => [i.path, i.code])).toEqual([
      [['daerah', 'ketua_tim'], 'invalid_answer'],
      [['daerah', 'sk_tim'], 'invalid_answer'],
    ]);
    expect(error.issues[1]?.message).toBe(
      'the answer daerah.sk_tim (The team is appointed by a decree of the agency head) must be true or false; found "ya"',
    );
    const safe = await engine.safeEvaluate(withAnswers({ sk_tim: 1 }));
    expect(safe.success).toBe(false);
  });

  it('in a region, a wrong answer names its innovation, beside the others’ problems', async () => {
    const region = {
      pemda: 'Kota Surakarta',
      tahun: 2025,
      inovasi: [
        withAnswers({ ketua_tim: 'Rina', sk_tim: true }),
        withAnswers({ sk_tim: 'ya' }),
        { ...withAnswers({ ketua_tim: 7 }), kebaruan: 'semua' },
      ],
    };
    const error = (await engine
      .evaluateRegion(region)
      .catch((e: unknown) => e)) as InvalidRecordError;
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect(error.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['inovasi.1.daerah.sk_tim', 'invalid_answer'],
      // An innovation with national problems has its answers named as well: one pass shows all.
      ['inovasi.2.kebaruan', 'invalid_value'],
      ['inovasi.2.daerah.ketua_tim', 'invalid_answer'],
    ]);
    const fine = await engine.evaluateRegion({ ...region, inovasi: region.inovasi.slice(0, 1) });
    expect(fine.ruleSet.id).toBe(ID);
    expect(fine.innovations[0]?.verdict).toBe('eligible');
  });

  it('in a region, answers of an unreadable innovation are named, never read through a getter', async () => {
    const hostile = { ...withAnswers({}), kebaruan: 'semua' };
    Object.defineProperty(hostile, 'daerah', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    const refusing = new Proxy(withAnswers({ sk_tim: 'ya' }), {
      get() {
        throw new Error('no');
      },
      getOwnPropertyDescriptor() {
        throw new Error('no');
      },
    });
    const inovasi = [
      { ...withAnswers({ sk_tim: 'ya' }), daerah: 'Rina' },
      { ...withAnswers({ sk_tim: 'ya' }), tahun: 'dua ribu' },
      hostile,
      refusing,
      null,
    ];
    const error = (await engine
      .evaluateRegion({ pemda: 'Kota Surakarta', tahun: 2025, inovasi })
      .catch((e: unknown) => e)) as InvalidRecordError;
    expect(error).toBeInstanceOf(InvalidRecordError);
    const found = error.issues.map((i) => `${i.path.join('.')} ${i.code}`);
    expect(found.filter((f) => f.startsWith('inovasi.0.'))).toEqual([
      expect.stringMatching(/^inovasi\.0\.daerah [a-z_]+$/),
    ]);
    expect(found).toContain('inovasi.1.daerah.sk_tim invalid_answer');
    expect(found.some((f) => f.startsWith('inovasi.1.tahun'))).toBe(true);
    expect(found.some((f) => f.startsWith('inovasi.2.'))).toBe(true);
    expect(found.some((f) => f.startsWith('inovasi.2.daerah.'))).toBe(false);
    expect(found.some((f) => f.startsWith('inovasi.3'))).toBe(true);
    expect(found.some((f) => f.startsWith('inovasi.3.daerah.'))).toBe(false);
    expect(found.some((f) => f.startsWith('inovasi.4'))).toBe(true);
  });

  it('are ignored by another region’s rules, whatever they hold', async () => {
    const batu = await engine.evaluate({
      ...base,
      pemda: 'Kota Batu',
      daerah: { sk_tim: 'ya', ketua_tim: { nested: true } },
    });
    expect(batu.ruleSet.id).toBe('perwali-batu-36-2022');
  });

  it('are read alike by json-rules-engine (the reference) and the compiled rules', async () => {
    const answer = fc.record(
      {
        ketua_tim: fc.oneof(fc.constant(''), fc.string({ maxLength: 5 }), fc.constant(null)),
        sk_tim: fc.oneof(fc.boolean(), fc.constant(null)),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(answer, async (daerah) => {
        const record = withAnswers(daerah);
        const options = { ruleSet };
        const compiled = await engine.evaluate(record, options);
        const reference = await evaluateWithJsonRulesEngine(record, options);
        expect(reference.criteria).toEqual(compiled.criteria);
        expect(reference.verdict).toBe(compiled.verdict);
      }),
      { numRuns: 60 },
    );
  });

  it('are checked alike by the core entry', async () => {
    const rubric = engine.ruleSets.find((r) => r.id === 'iga-2026');
    const options = { ruleSet, rubric } as Parameters<typeof evaluateCore>[1];
    expect(
      (await evaluateCore(withAnswers({ ketua_tim: 'R', sk_tim: true }), options)).verdict,
    ).toBe('eligible');
    await expect(evaluateCore(withAnswers({ sk_tim: 'ya' }), options)).rejects.toThrow(
      InvalidRecordError,
    );
  });

  it('answerIssues checks each type and leaves unasked answers alone', () => {
    const q = (type: string, values?: string[]) =>
      ({ id: 'x', type, values, label: { id: 'X', en: 'X' }, citation: 'c' }) as never;
    const ok = (type: string, value: unknown, values?: string[]) =>
      answerIssues({ x: value }, [q(type, values)], 'en').length === 0;
    expect(ok('text', 'a')).toBe(true);
    expect(ok('text', 1)).toBe(false);
    expect(ok('number', 1.5)).toBe(true);
    expect(ok('number', Number.NaN)).toBe(false);
    expect(ok('integer', 2)).toBe(true);
    expect(ok('integer', 2.5)).toBe(false);
    expect(ok('boolean', false)).toBe(true);
    expect(ok('boolean', 'false')).toBe(false);
    expect(ok('date', '2025-02-28')).toBe(true);
    expect(ok('date', '2025-02-30')).toBe(false);
    expect(ok('date', '28/02/2025')).toBe(false);
    expect(ok('choice', 'a', ['a', 'b'])).toBe(true);
    expect(ok('choice', 'c', ['a', 'b'])).toBe(false);
    expect(ok('text', null)).toBe(true);
    const said = (type: string, values?: string[]) =>
      answerIssues({ x: {} }, [q(type, values)], 'id')[0]?.message;
    expect(said('number')).toBe('jawaban daerah.x (X) harus bilangan; tertulis {}');
    expect(said('integer')).toBe('jawaban daerah.x (X) harus bilangan bulat; tertulis {}');
    expect(said('date')).toBe('jawaban daerah.x (X) harus tanggal (YYYY-MM-DD); tertulis {}');
    expect(said('choice', ['a', 'b'])).toBe(
      'jawaban daerah.x (X) harus salah satu dari a, b; tertulis {}',
    );
    expect(said('text')).toBe('jawaban daerah.x (X) harus teks; tertulis {}');
    expect(answerIssues({ y: 1 }, [q('text')], 'en')).toEqual([]);
    expect(answerIssues(undefined, [q('text')], 'en')).toEqual([]);
  });

  it('questionsJsonSchema describes each question in the locale', () => {
    expect(questionsJsonSchema(ruleSet.questions, 'en')).toEqual({
      type: 'object',
      properties: {
        ketua_tim: {
          type: 'string',
          title: 'Name of the innovation team lead',
          description: "Full name of the civil servant who leads the agency's innovation team.",
        },
        sk_tim: {
          type: 'boolean',
          title: 'The team is appointed by a decree of the agency head',
        },
      },
      additionalProperties: true,
    });
  });
});
