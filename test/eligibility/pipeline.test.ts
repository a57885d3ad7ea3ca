import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createEvaluator,
  judgeEligibility,
  parseRecord,
  runnerFor,
} from '../../src/eligibility/_pipeline.js';
import { getRuleSet } from '../../src/index.js';
import { factsOf } from '../../src/record/_facts.js';
import type { EligibilityRuleSet, RubricRuleSet } from '../../src/rule-sets/types.js';
import { rubricRunnerFor, scoreParsed } from '../../src/scoring/score.js';
import { recordArb } from '../arbitraries.js';
import { runs } from '../runs.js';

// The pipeline builds what does not depend on a record once (undecided reasons, indicators a
// record leaves out) and hands out copies: the result must be exactly what building it every
// time gives, and no caller may change what the next one gets.
describe('the pipeline’s memos are invisible', () => {
  const cases = [
    ['perwali-batu-36-2022', 'iga-2026', 'id'],
    ['pp-38-2017', 'iga-2023', 'en'],
    ['kipp-2023', 'iga-2026', 'id'],
  ] as const;

  it.each(cases)(
    '%s with %s in %s: memoised equals built fresh, on random records',
    (ruleSetId, rubricId, locale) => {
      const ruleSet = getRuleSet(ruleSetId) as EligibilityRuleSet;
      const rubric = getRuleSet(rubricId) as RubricRuleSet;
      fc.assert(
        fc.property(recordArb, (input) => {
          const record = parseRecord(input);
          const facts = factsOf(record);
          const outcomes = runnerFor(ruleSet)(facts);
          const levels = rubricRunnerFor(rubric)(facts);
          expect(judgeEligibility(record, ruleSet, outcomes, locale, true)).toStrictEqual(
            judgeEligibility(record, ruleSet, outcomes, locale, false),
          );
          expect(scoreParsed(record, levels, rubric, locale, true)).toStrictEqual(
            scoreParsed(record, levels, rubric, locale, false),
          );
        }),
        { numRuns: runs(400) },
      );
    },
  );

  it('hands out copies: changing one result leaves the next intact', () => {
    const evaluator = createEvaluator();
    const first = evaluator.evaluate({ nama: 'Draf' });
    const fresh = JSON.stringify(evaluator.evaluate({ nama: 'Draf' }));
    first.criteria[0]?.reasons[0]?.fields.push('diubah');
    first.score.indicators[0]?.reason.fields.push('diubah');
    (first.score.upgrades[0] as { message: string }).message = 'diubah';
    (first.score.indicators[1] as { points: number }).points = 99;
    expect(JSON.stringify(evaluator.evaluate({ nama: 'Draf' }))).toBe(fresh);
  });
});

describe('editionFor: the edition of a year, cached until a rule set is loaded', () => {
  it('sees a newly loaded edition for the years it covers', async () => {
    const { editionFor } = await import('../../src/eligibility/_pipeline.js');
    const { loadRuleSet } = await import('../../src/index.js');
    const iga2026 = (await import('../../rules/iga-2026.json', { with: { type: 'json' } })).default;
    expect(editionFor(2030).id).toBe('iga-2026');
    expect(editionFor(2030)).toBe(editionFor(2030));
    const edition2030 = {
      ...structuredClone(iga2026),
      id: 'iga-2030',
      edition: '2030',
      effective: { from: '2030-01-01' },
    };
    loadRuleSet(edition2030);
    expect(editionFor(2030).id).toBe('iga-2030');
    expect(editionFor(2027).id).toBe('iga-2026');
    // Replaced by a region's own rubric, it is no national edition: the cache sees that too
    // (and the other test files, sharing the registry in the mutation run, see iga-2026 again).
    loadRuleSet(
      { ...edition2030, jurisdiction: { level: 'kota', name: 'Kota Uji' } },
      { replace: true },
    );
    expect(editionFor(2030).id).toBe('iga-2026');
  });
});
