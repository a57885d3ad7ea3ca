import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintRuleSet, lintTestCases } from '../../src/features/lint.js';

const path = new URL('../fixtures/rule-sets/five-mistakes.json', import.meta.url);
const source = readFileSync(path, 'utf8');
const file = JSON.parse(source);

describe("lintRuleSet: every problem, located for a person, in the author's language", () => {
  it('gives each problem its criterion and check, pointer, line and column', () => {
    const problems = lintRuleSet(file, { source, locale: 'en' });
    expect(problems).toHaveLength(6);
    expect(problems[0]).toMatchObject({
      severity: 'error',
      code: 'unknown_fact',
      where:
        'criterion 1 (dapat_di_replikasi) › check 1 (tahap_penerapan) › conditions.all[0].fact',
      pointer: '/criteria/0/checks/0/conditions/all/0/fact',
      line: 23,
      column: 23,
      suggestion: 'tahapan',
    });
    expect(source.split('\n')[22]?.slice(22, 28)).toBe('"fact"');
    expect(
      problems.find((p) => p.pointer === '/criteria/0/checks/0/messages/fail/en')?.message,
    ).toBe('The English text (en) of the fail message is missing.');
    expect(problems.find((p) => p.code === 'unknown_rule_set')).toMatchObject({
      line: 4,
      message: 'extends "pp-38-2071" is no known rule set (did you mean "pp-38-2017"?).',
    });
  });

  it('writes Indonesian by default', () => {
    const problems = lintRuleSet(file);
    expect(problems[1]?.message).toBe(
      'Nilai "Penerapan" tidak berlaku untuk tahapan (maksudnya "penerapan"?): pilih salah satu dari inisiatif, uji_coba, penerapan.',
    );
    expect(problems[0]?.where).toBe(
      'kriteria 1 (dapat_di_replikasi) › pemeriksaan 1 (tahap_penerapan) › conditions.all[0].fact',
    );
    expect(problems[0]?.line).toBeUndefined();
  });

  it('says in Indonesian what a field holds, how to compare dates, and which urusan was meant', () => {
    const withLeaf = (leaf: object) => {
      const copy = structuredClone(file);
      copy.criteria[0].checks[0].conditions = { all: [leaf] };
      copy.criteria[0].checks[0].fields = [(leaf as { fact: string }).fact];
      return copy;
    };
    const messages = (leaf: object, locale: 'id' | 'en' = 'id') =>
      lintRuleSet(withLeaf(leaf), { locale })
        .filter((p) => p.pointer.startsWith('/criteria/0/checks/0/conditions'))
        .map((p) => p.message);
    expect(messages({ fact: 'urusan', operator: 'contains', value: 'umkm' })).toStrictEqual([
      'Nilai "umkm" tidak berlaku untuk urusan (maksudnya "koperasi_usaha_kecil_dan_menengah"?): isian itu berisi id atau kode urusan dari katalog urusan (docs/fields.md).',
    ]);
    expect(
      messages({ fact: 'waktuPenerapan', operator: 'greaterThanInclusive', value: '2025-01-01' }),
    ).toStrictEqual([
      'Operator "greaterThanInclusive" membandingkan bilangan, dan nilainya tanggal: untuk membandingkan tanggal, gunakan dateOnOrAfter, dateOnOrBefore, dateBefore, dateAfter, dateBetween.',
    ]);
    expect(messages({ fact: 'waktuPenerapan', operator: 'lessThan', value: 5 })).toStrictEqual([
      'Operator "lessThan" membandingkan bilangan, tetapi waktuPenerapan berisi tanggal (YYYY-MM-DD). Untuk tanggal, gunakan dateOnOrAfter, dateOnOrBefore, dateBefore, dateAfter, dateBetween.',
    ]);
    expect(
      messages({ fact: 'waktuPenerapan', operator: 'dateBetween', value: [2025, 2024] }, 'en'),
    ).toStrictEqual([
      'Operator "dateBetween" needs [from, to], each a date (YYYY-MM-DD) or a year, from not after to, such as ["2024-01-01", "2025-12-31"]; found [2025,2024].',
    ]);
  });

  it("says each broken rule of inheritance in the author's language, English with locale en", () => {
    const perbup = JSON.parse(
      readFileSync(new URL('../../examples/perbup-contoh.json', import.meta.url), 'utf8'),
    );
    const said = (json: unknown, locale: 'id' | 'en' = 'id') =>
      lintRuleSet(json, { locale })
        .filter((p) => p.code === 'invalid_rule')
        .map((p) => `${p.pointer} ${p.message}`);
    expect(said({ ...perbup, extends: perbup.id })[0]).toBe(
      '/extends rule set tidak dapat memperluas (extends) dirinya sendiri',
    );
    expect(said({ ...perbup, extends: 'iga-2026' })[0]).toBe(
      '/extends extends menunjuk rule set berjenis "rubric"; yang dapat diperluas hanya rule set kriteria (eligibility)',
    );
    expect(said({ ...perbup, extends: 'iga-2026' }, 'en')[0]).toBe(
      '/extends extends a rule set of kind "rubric"',
    );
    expect(said({ ...perbup, id: 'iga-2026' })).toStrictEqual([
      '/id "iga-2026" adalah id rule set berjenis "rubric"; rule set berjenis "eligibility" tidak dapat memakainya: pilih id lain',
    ]);
    const criterion = perbup.criteria[2];
    const broken = {
      ...perbup,
      remove: ['tidak_ada'],
      criteria: [
        { ...criterion, id: 'baru', checks: undefined, removeChecks: ['x'] },
        { ...criterion, id: 'tambahan' },
        { ...criterion, id: 'tambahan_lagi' },
      ],
    };
    expect(said(broken)).toStrictEqual([
      '/remove/0 "tidak_ada" bukan kriteria yang diwarisi',
      '/criteria/0/checks kriteria yang tidak mengganti kriteria warisan perlu checks sendiri',
      '/criteria/0/removeChecks "removeChecks" hanya berlaku untuk kriteria yang mengganti kriteria warisan',
      '/criteria/0/removeChecks/0 "x" bukan check dari kriteria yang diwarisi',
      `/criteria/2/checks id check "${criterion.checks[0].id}" dipakai oleh lebih dari satu kriteria`,
    ]);
  });

  it('warns for a criterion one letter from the inherited one it was meant to replace; strict makes it an error', () => {
    const fixed = structuredClone(file);
    fixed.extends = 'pp-38-2017';
    fixed.criteria = [
      {
        id: 'dapat_di_replikasi',
        title: { id: 'Replikasi', en: 'Replication' },
        citation: 'Perbup Uji 1/2024 Pasal 5',
        checks: [
          {
            id: 'tahap_penerapan',
            conditions: { all: [{ fact: 'tahapan', operator: 'equal', value: 'penerapan' }] },
            fields: ['tahapan'],
            messages: {
              pass: { id: 'ok', en: 'ok' },
              fail: { id: 'gagal', en: 'failed' },
              unknown: { id: 'isi', en: 'fill' },
            },
          },
        ],
      },
    ];
    const [warning] = lintRuleSet(fixed, { locale: 'en' });
    expect(warning).toMatchObject({
      severity: 'warning',
      code: 'near_inherited_id',
      suggestion: 'dapat_direplikasi',
      pointer: '/criteria/0/id',
    });
    expect(lintRuleSet(fixed, { strict: true })[0]?.severity).toBe('error');
    // Removing the inherited criterion says the new one replaces it on purpose.
    expect(lintRuleSet({ ...fixed, remove: ['dapat_direplikasi'] })).toStrictEqual([]);
    expect(lintRuleSet({ ...fixed, remove: ['pembaharuan'] })).toHaveLength(1);
    fixed.criteria[0].id = 'syarat_tambahan';
    expect(lintRuleSet(fixed)).toStrictEqual([]);
  });
});

describe('lintTestCases', () => {
  it('names a misspelt field in a test-case record, with the field it was meant to be', () => {
    const problems = lintTestCases({
      ruleSet: 'pp-38-2017',
      base: { nama: 'x', kebaruaan: 'tidak' },
      cases: [{ name: 'a', record: { dapatDireplikasi: true, urusann: ['agama'] }, expect: {} }],
    });
    expect(problems.map((p) => [p.path.join('.'), p.suggestion])).toStrictEqual([
      ['base.kebaruaan', 'kebaruan'],
      ['cases.0.record.urusann', 'urusan'],
    ]);
  });
});
