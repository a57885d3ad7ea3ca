import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, evaluate, type RuleSet } from '../src/index.js';
import { evaluateWithJsonRulesEngine } from '../src/reference.js';
import { recordArb } from './arbitraries.js';
import { fixture } from './helpers.js';
import { runs } from './runs.js';

/** A city rule set over PP 38/2017 with one criterion of one check, as an author writes it. */
function cityRuleSet(id: string, fields: string[], conditions: unknown) {
  return {
    kind: 'eligibility',
    id,
    title: { id: 'Uji', en: 'Test' },
    edition: '2025',
    jurisdiction: { level: 'kota', name: 'Kota Uji' },
    effective: { from: '2025-01-01' },
    legalBasis: [{ id: 'perwali', title: 'Perwali Uji 1/2025', citation: 'Perwali Uji 1/2025' }],
    extends: 'pp-38-2017',
    criteria: [
      {
        id: 'uji',
        title: { id: 'Kriteria uji', en: 'Test criterion' },
        citation: 'Perwali Uji 1/2025 Pasal 3',
        checks: [
          {
            id: 'uji',
            fields,
            conditions,
            messages: {
              pass: { id: 'ya', en: 'yes' },
              fail: { id: 'tidak', en: 'no' },
              unknown: { id: 'isi dulu', en: 'fill in' },
            },
          },
        ],
      },
    ],
  };
}

/** The test criterion's status under our engine, after checking json-rules-engine agrees. */
async function statusOf(ruleSet: RuleSet, record: Record<string, unknown>) {
  const ours = await evaluate(record, { ruleSet });
  const reference = await evaluateWithJsonRulesEngine(record, { ruleSet });
  expect(JSON.stringify(reference)).toBe(JSON.stringify(ours));
  return ours.criteria.find((c) => c.id === 'uji')?.status;
}

describe('inovasi-rules/reference: evaluation through json-rules-engine', () => {
  it('gives byte-identical evaluations to evaluate() on random records, in both editions and locales', async () => {
    await fc.assert(
      fc.asyncProperty(
        recordArb,
        fc.constantFrom('iga-2023', 'iga-2026'),
        fc.constantFrom('id', 'en') as fc.Arbitrary<'id' | 'en'>,
        async (record, rubric, locale) => {
          const options = { rubric, locale };
          expect(JSON.stringify(await evaluateWithJsonRulesEngine(record, options))).toBe(
            JSON.stringify(await evaluate(record, options)),
          );
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it('scores the hand-computed record the same', async () => {
    const by2026 = await evaluateWithJsonRulesEngine(fixture('scored.json'), {
      rubric: 'iga-2026',
    });
    expect([by2026.score.claimed, by2026.score.proven]).toStrictEqual([86, 80]);
    // 2023 takes a perkada for level 3 of regulasi (weight 3): three points more, both ways.
    const by2023 = await evaluateWithJsonRulesEngine(fixture('scored.json'), {
      rubric: 'iga-2023',
    });
    expect([by2023.score.claimed, by2023.score.proven]).toStrictEqual([89, 83]);
  });

  it('agrees on a rule that names an urusan by its code: both read it as the id records hold', async () => {
    const engine = createEngine({
      ruleSets: [
        cityRuleSet('uji-urusan-kode', ['urusan'], {
          all: [{ fact: 'urusan', operator: 'contains', value: '2.17' }],
        }),
      ],
    });
    const ruleSet = engine.getRuleSet('uji-urusan-kode');
    expect(await statusOf(ruleSet, { nama: 'Uji', urusan: ['2.17'] })).toBe('pass');
    expect(
      await statusOf(ruleSet, { nama: 'Uji', urusan: ['koperasi_usaha_kecil_dan_menengah'] }),
    ).toBe('pass');
    expect(await statusOf(ruleSet, { nama: 'Uji', urusan: ['kesehatan'] })).toBe('fail');
  });

  it('agrees on a date window relative to the year of entry (the example of docs/writing-a-rule-set.md)', async () => {
    const engine = createEngine({
      ruleSets: [
        cityRuleSet('uji-jendela', ['waktuPenerapan', 'tahun'], {
          all: [
            { fact: 'waktuPenerapan', operator: 'dateOnOrAfter', value: { fact: 'tahunT2' } },
            { fact: 'waktuPenerapan', operator: 'dateOnOrBefore', value: { fact: 'tahunT1' } },
          ],
        }),
      ],
    });
    const ruleSet = engine.getRuleSet('uji-jendela');
    const at = (waktuPenerapan?: string) =>
      statusOf(ruleSet, {
        nama: 'Uji',
        tahun: 2025,
        ...(waktuPenerapan ? { waktuPenerapan } : {}),
      });
    expect(await at('2022-12-31')).toBe('fail');
    expect(await at('2023-01-01')).toBe('pass');
    expect(await at('2024-12-31')).toBe('pass');
    expect(await at('2025-01-01')).toBe('fail');
    expect(await at()).toBe('unknown');
  });
});
