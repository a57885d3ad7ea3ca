import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/index.js';
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
});
