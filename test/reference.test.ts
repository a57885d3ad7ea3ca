import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, evaluate } from '../src/index.js';
import { evaluateWithJsonRulesEngine } from '../src/reference.js';
import { recordArb } from './arbitraries.js';
import { fixture } from './helpers.js';
import { runs } from './runs.js';

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
      shipped: true,
      ruleSets: [
        {
          kind: 'eligibility',
          id: 'uji-urusan-kode',
          title: { id: 'Uji', en: 'Test' },
          edition: '2025',
          jurisdiction: { level: 'kota', name: 'Kota Uji' },
          effective: { from: '2025-01-01' },
          legalBasis: [
            { id: 'perwali', title: 'Perwali Uji 1/2025', citation: 'Perwali Uji 1/2025' },
          ],
          extends: 'pp-38-2017',
          criteria: [
            {
              id: 'umkm',
              title: { id: 'Urusan koperasi dan UKM', en: 'Cooperatives and SMEs' },
              citation: 'Perwali Uji 1/2025 Pasal 3',
              checks: [
                {
                  id: 'umkm',
                  fields: ['urusan'],
                  conditions: { all: [{ fact: 'urusan', operator: 'contains', value: '2.17' }] },
                  messages: {
                    pass: { id: 'ya', en: 'yes' },
                    fail: { id: 'bukan', en: 'no' },
                    unknown: { id: 'isi urusan', en: 'fill in urusan' },
                  },
                },
              ],
            },
          ],
        },
      ],
    });
    const ruleSet = engine.getRuleSet('uji-urusan-kode');
    for (const [urusan, status] of [
      [['2.17'], 'pass'],
      [['koperasi_usaha_kecil_dan_menengah'], 'pass'],
      [['kesehatan'], 'fail'],
    ] as const) {
      const record = { nama: 'Uji', urusan: [...urusan] };
      const ours = await evaluate(record, { ruleSet });
      const reference = await evaluateWithJsonRulesEngine(record, { ruleSet });
      expect(ours.criteria.find((c) => c.id === 'umkm')?.status).toBe(status);
      expect(JSON.stringify(reference)).toBe(JSON.stringify(ours));
    }
  });
});
