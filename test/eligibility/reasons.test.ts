import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runnerFor } from '../../src/eligibility/evaluator.js';
import { parseRecord } from '../../src/eligibility/pipeline.js';
import { judgeCriterion } from '../../src/eligibility/reasons.js';
import {
  type EligibilityRuleSet,
  getRuleSet,
  type InnovationInput,
  loadRuleSet,
} from '../../src/index.js';
import { factsOf } from '../../src/record/facts.js';
import type { Criterion } from '../../src/rule-sets/format.js';
import { recordArb } from '../arbitraries.js';
import { countingResults } from '../helpers.js';
import { runs } from '../runs.js';

const batu = getRuleSet('perwali-batu-36-2022') as EligibilityRuleSet;
const criterion = (id: string) => {
  const found = batu.criteria.find((c) => c.id === id);
  if (!found) throw new Error(`no criterion ${id}`);
  return found;
};

function judge(id: string, input: InnovationInput, locale: 'id' | 'en' = 'en', memo = true) {
  const record = parseRecord(input);
  return judgeCriterion(criterion(id), runnerFor(batu)(factsOf(record)), record, locale, memo);
}

describe('judgeCriterion', () => {
  it('a failure names its fields, what was expected and the values found', () => {
    const result = judge('tidak_membebani', {
      nama: 'Retribusi',
      pungutanBaru: true,
      pungutanSesuaiPeraturan: false,
      membatasiAkses: false,
    });
    expect(result).toMatchObject({
      id: 'tidak_membebani',
      ref: '3',
      status: 'fail',
      citation: criterion('tidak_membebani').citation,
    });
    expect(result.title).toBe(criterion('tidak_membebani').title.en);
    expect(result.reasons).toHaveLength(1);
    const [reason] = result.reasons;
    expect(reason).toMatchObject({
      code: 'pungutan_berdasar_peraturan_fail',
      status: 'fail',
      ref: '4a',
      fields: ['pungutanBaru', 'pungutanSesuaiPeraturan'],
      actual: { pungutanBaru: true, pungutanSesuaiPeraturan: false },
    });
    expect(reason?.expected?.map((e) => e.field)).toStrictEqual([
      'pungutanBaru',
      'pungutanSesuaiPeraturan',
    ]);
    expect(reason?.message).toMatch(/^Criterion 4a: /);
  });

  it('a missing value is reported as null among the values found', () => {
    const [reason] = judge('tidak_membebani', {
      nama: 'x',
      pungutanBaru: true,
      pungutanSesuaiPeraturan: false,
    }).reasons;
    expect(reason?.actual).toStrictEqual({ pungutanBaru: true, pungutanSesuaiPeraturan: false });
    const unknown = judge('tidak_membebani', { nama: 'x', pungutanBaru: true });
    expect(unknown.status).toBe('unknown');
    expect(unknown.reasons.map((r) => [r.code, r.fields])).toStrictEqual([
      ['pungutan_berdasar_peraturan_unknown', ['pungutanSesuaiPeraturan']],
      ['akses_tidak_dibatasi_unknown', ['membatasiAkses']],
    ]);
    expect(unknown.reasons[0]).not.toHaveProperty('expected');
    expect(unknown.reasons[0]).not.toHaveProperty('actual');
  });

  it('a passing criterion shows every check passing, in the rule set order, with its fields', () => {
    const result = judge('tidak_membebani', {
      nama: 'x',
      pungutanBaru: false,
      membatasiAkses: false,
    });
    expect(result.status).toBe('pass');
    expect(result.reasons.map((r) => [r.code, r.status, r.ref, r.fields])).toStrictEqual([
      [
        'pungutan_berdasar_peraturan_pass',
        'pass',
        '4a',
        ['pungutanBaru', 'pungutanSesuaiPeraturan'],
      ],
      ['akses_tidak_dibatasi_pass', 'pass', '4b', ['membatasiAkses']],
    ]);
  });

  it('failures come first, then missing facts; passing checks are left out', () => {
    // urusan undecided (first in the rule set), replication refused (third): the failure leads.
    const result = judge('kewenangan_daerah', {
      nama: 'x',
      dapatDireplikasi: false,
      subUrusan: [],
    });
    expect(result.status).toBe('fail');
    expect(result.reasons.map((r) => r.code)).toStrictEqual([
      'dapat_direplikasi_fail',
      'urusan_kewenangan_daerah_unknown',
    ]);
    expect(result).not.toHaveProperty('ref', undefined);
    const undecided = judge('kewenangan_daerah', { nama: 'x', urusan: ['kesehatan'] });
    expect(undecided.status).toBe('unknown');
    expect(undecided.reasons.every((r) => r.status === 'unknown')).toBe(true);
  });

  it('a check without its own ref and a criterion with one', () => {
    const result = judge('bermanfaat', { nama: 'x', manfaatBagi: [] });
    expect(result.ref).toBe('2');
    expect(result.reasons[0]).not.toHaveProperty('ref');
    expect(result.reasons[0]?.code).toBe('manfaat_ada_fail');
  });

  it('prints urusan by name in messages', () => {
    const result = judge('kewenangan_daerah', {
      nama: 'x',
      urusan: ['1.01', 'politik_luar_negeri'],
      dapatDireplikasi: true,
    });
    const reason = result.reasons.find((r) => r.code === 'urusan_kewenangan_daerah_fail');
    expect(reason?.message).toContain('Pendidikan');
    expect(reason?.message).not.toContain('politik_luar_negeri');
  });

  it('writes each locale', () => {
    const record = { nama: 'x', manfaatBagi: [] };
    expect(judge('bermanfaat', record, 'id').reasons[0]?.message).toBe(
      judge('bermanfaat', record, 'id', false).reasons[0]?.message,
    );
    expect(judge('bermanfaat', record, 'id').reasons[0]?.message).not.toBe(
      judge('bermanfaat', record, 'en').reasons[0]?.message,
    );
  });

  it('a memoised undecided reason is a copy: changing one result changes no other', () => {
    const first = judge('tidak_membebani', { nama: 'a' });
    first.reasons[0]?.fields.push('changed');
    (first.reasons[0] as { message: string }).message = 'changed';
    const second = judge('tidak_membebani', { nama: 'b' });
    expect(second.reasons[0]?.fields).toStrictEqual(['pungutanBaru', 'pungutanSesuaiPeraturan']);
    expect(second.reasons[0]?.message).not.toBe('changed');
  });

  it('a kept failure is a copy: changing its fields, expectations or values changes no other', () => {
    const first = judge('bermanfaat', { nama: 'a', manfaatBagi: [] });
    const reason = first.reasons[0];
    if (!reason?.actual || !reason.expected) throw new Error('no failure');
    (reason.actual.manfaatBagi as string[]).push('changed');
    (reason.expected[0] as { operator: string }).operator = 'changed';
    reason.fields.push('changed');
    const second = judge('bermanfaat', { nama: 'b', manfaatBagi: [] });
    expect(second.reasons[0]?.actual).toStrictEqual({ manfaatBagi: [] });
    expect(second.reasons[0]?.expected?.[0]?.operator).toBe('isEmpty');
    expect(second.reasons[0]?.fields).toStrictEqual(['manfaatBagi']);
  });

  it('a kept result is told apart by every value it prints: the same criterion, other benefits', () => {
    const given = { untukKepentinganPribadi: false };
    const one = judge('bermanfaat', { nama: 'a', manfaatBagi: ['capaian_kinerja'], ...given });
    const two = judge('bermanfaat', { nama: 'b', manfaatBagi: ['mutu_pelayanan'], ...given });
    expect(one.status).toBe('pass');
    expect(one.reasons[0]?.message).toBe('Benefits stated: capaian kinerja.');
    expect(two.reasons[0]?.message).toBe('Benefits stated: mutu pelayanan.');
    expect(two).toStrictEqual(
      judge('bermanfaat', { nama: 'b', manfaatBagi: ['mutu_pelayanan'], ...given }, 'en', false),
    );
  });

  it('a kept result is not judged again: the checks are not asked, unless memo is off', () => {
    const record = parseRecord({ nama: 'a', kebaruan: 'sebagian' });
    const real = runnerFor(batu)(factsOf(record));
    const counting = countingResults(real);
    const first = judgeCriterion(criterion('pembaharuan'), counting, record, 'id');
    const once = counting.asked();
    expect(once).toBeGreaterThan(0);
    expect(judgeCriterion(criterion('pembaharuan'), counting, record, 'id')).toStrictEqual(first);
    expect(counting.asked()).toBe(once);
    judgeCriterion(criterion('pembaharuan'), counting, record, 'id', false);
    expect(counting.asked()).toBeGreaterThan(once);
  });

  it('memoised and built afresh, every criterion says the same on any record', async () => {
    await fc.assert(
      fc.property(recordArb, (input) => {
        const record = parseRecord(input);
        const results = runnerFor(batu)(factsOf(record));
        for (const c of batu.criteria) {
          for (const locale of ['id', 'en'] as const) {
            expect(judgeCriterion(c, results, record, locale, true)).toStrictEqual(
              judgeCriterion(c, results, record, locale, false),
            );
          }
        }
      }),
      { numRuns: runs(200) },
    );
  });
});

// The shipped rule sets' undecided checks are flat and print nothing in their message. A rule set
// may nest its conditions (which leaf is to blame then depends on the values given) and print a
// value in the message: the memo must never hand out another record's reason.
describe('the memo of undecided reasons, on a check that nests and prints a value', () => {
  const pp38 = structuredClone(getRuleSet('pp-38-2017')) as unknown as {
    lineage: unknown;
    criteria: { checks: Record<string, unknown>[] }[];
  };
  const { lineage: _, ...json } = pp38;
  const first = json.criteria[0];
  if (!first) throw new Error('no criterion');
  first.checks = [
    {
      id: 'bersarang',
      conditions: {
        any: [
          {
            all: [
              { fact: 'pungutanBaru', operator: 'equal', value: false },
              { fact: 'membatasiAkses', operator: 'equal', value: false },
              { fact: 'kebaruan', operator: 'in', value: ['seluruh', 'sebagian'] },
            ],
          },
          { fact: 'untukKepentinganPribadi', operator: 'equal', value: false },
        ],
      },
      fields: ['pungutanBaru', 'membatasiAkses', 'kebaruan', 'untukKepentinganPribadi'],
      messages: {
        pass: { id: 'Lolos.', en: 'Passes.' },
        fail: { id: 'Gagal.', en: 'Fails.' },
        unknown: {
          id: 'Belum pasti ({kebaruan}, {pungutanBaru}).',
          en: 'Undecided ({kebaruan}, {pungutanBaru}).',
        },
      },
    },
    {
      id: 'datar',
      conditions: {
        all: [
          { fact: 'kebaruan', operator: 'in', value: ['seluruh', 'sebagian'] },
          { fact: 'pungutanBaru', operator: 'equal', value: false },
        ],
      },
      fields: ['kebaruan', 'pungutanBaru'],
      messages: {
        pass: { id: 'Lolos.', en: 'Passes.' },
        fail: { id: 'Gagal.', en: 'Fails.' },
        unknown: {
          id: 'Belum pasti ({kebaruan}; {pungutanBaru}).',
          en: 'Flat, undecided ({kebaruan}; {pungutanBaru}).',
        },
      },
    },
  ];
  const ruleSet = loadRuleSet({ ...json, id: 'uji-alasan-memo' }) as EligibilityRuleSet;
  const judgeNested = (input: InnovationInput, memo: boolean) => {
    const record = parseRecord(input);
    const results = runnerFor(ruleSet)(factsOf(record));
    return judgeCriterion(ruleSet.criteria[0] as never, results, record, 'en', memo).reasons;
  };
  const all = ['pungutanBaru', 'membatasiAkses', 'kebaruan', 'untukKepentinganPribadi'];

  const cases = [
    [{ nama: 'a', membatasiAkses: false }, all.filter((f) => f !== 'membatasiAkses')],
    [{ nama: 'b', membatasiAkses: true }, ['untukKepentinganPribadi']],
    [{ nama: 'c', kebaruan: 'seluruh' }, all.filter((f) => f !== 'kebaruan')],
    [{ nama: 'd', kebaruan: 'sebagian' }, all.filter((f) => f !== 'kebaruan')],
  ] as const;

  it.each(cases)('%j: blames %j', (input, fields) => {
    const [fresh, flat] = judgeNested(input as InnovationInput, false);
    expect(flat?.message).toContain((input as { kebaruan?: string }).kebaruan ?? '(');
    expect(fresh?.fields).toStrictEqual(fields);
    expect(fresh?.message).toContain((input as { kebaruan?: string }).kebaruan ?? '(');
  });

  // In one test: the memo lives across records (the mutation run empties it between tests).
  it('memoised, record after record, each gets its own reason', () => {
    for (const [input] of [...cases, ...[...cases].reverse(), ...cases]) {
      expect(judgeNested(input as InnovationInput, true), JSON.stringify(input)).toStrictEqual(
        judgeNested(input as InnovationInput, false),
      );
    }
  });
});

describe('a criterion of a failing and an undecided check, in either order', () => {
  const { lineage: _, ...json } = structuredClone(getRuleSet('pp-38-2017')) as unknown as {
    lineage: unknown;
    criteria: Record<string, unknown>[];
  };
  const check = (id: string, fact: string, value: unknown) => ({
    id,
    conditions: { all: [{ fact, operator: 'equal', value }] },
    fields: [fact],
    messages: {
      pass: { id: `${id} lolos.`, en: `${id} passes.` },
      fail: { id: `${id} gagal.`, en: `${id} fails.` },
      unknown: { id: `${id} belum diisi.`, en: `${id} is not filled in.` },
    },
  });
  const baru = check('baru', 'kebaruan', 'seluruh');
  const pungutan = check('tanpa_pungutan', 'pungutanBaru', false);
  const [first, ...rest] = json.criteria;
  const { ref: _ref, ...withoutRef } = first as Record<string, unknown>;
  const load = (id: string, checks: unknown[]) =>
    loadRuleSet({
      ...json,
      id,
      criteria: [{ ...withoutRef, checks }, ...rest],
    }) as EligibilityRuleSet;
  const orders = [
    ['uji-gagal-lalu-belum', load('uji-gagal-lalu-belum', [baru, pungutan])],
    ['uji-belum-lalu-gagal', load('uji-belum-lalu-gagal', [pungutan, baru])],
  ] as const;

  it.each(orders)(
    '%s: fails, the failure shown first, and no ref when it has none',
    (_, ruleSet) => {
      const record = parseRecord({ nama: 'x', kebaruan: 'tidak' });
      const criterion = ruleSet.criteria[0] as Criterion;
      const result = judgeCriterion(criterion, runnerFor(ruleSet)(factsOf(record)), record, 'en');
      expect(result.status).toBe('fail');
      expect(result.reasons.map((r) => [r.code, r.status])).toStrictEqual([
        ['baru_fail', 'fail'],
        ['tanpa_pungutan_unknown', 'unknown'],
      ]);
      expect(Object.keys(result)).toStrictEqual(['id', 'title', 'status', 'citation', 'reasons']);
    },
  );

  it.each(orders)('%s: undecided when nothing fails, passing checks not shown', (_, ruleSet) => {
    const record = parseRecord({ nama: 'x', kebaruan: 'seluruh' });
    const criterion = ruleSet.criteria[0] as Criterion;
    const result = judgeCriterion(criterion, runnerFor(ruleSet)(factsOf(record)), record, 'en');
    expect(result.status).toBe('unknown');
    expect(result.reasons.map((r) => r.code)).toStrictEqual(['tanpa_pungutan_unknown']);
  });
});
