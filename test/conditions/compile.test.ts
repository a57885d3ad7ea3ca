import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCompiledRunner } from '../../src/conditions/_compile.js';
import { createEngineRunner } from '../../src/conditions/_json-rules-engine.js';
import { getRuleSet, InnovationSchema, listRuleSets, type RubricRuleSet } from '../../src/index.js';
import { factsOf } from '../../src/record/_facts.js';
import { rubricChecks } from '../../src/scoring/_plan.js';
import { recordArb } from '../arbitraries.js';
import { runs } from '../runs.js';

const checksOf = (id: string) => {
  const ruleSet = getRuleSet(id);
  return ruleSet.kind === 'eligibility'
    ? ruleSet.criteria.flatMap((c) => c.checks)
    : rubricChecks(ruleSet as RubricRuleSet);
};

describe('compiled evaluator against json-rules-engine', () => {
  const ids = listRuleSets()
    // Weighted rule sets have no conditions to compile.
    .filter((r) => r.builtIn && r.kind !== 'weighted')
    .map((r) => r.id);

  it.each(ids)('%s: identical outcome trees on random records', async (id) => {
    const checks = checksOf(id);
    const reference = createEngineRunner(checks);
    const compiled = createCompiledRunner(checks);
    await fc.assert(
      fc.asyncProperty(recordArb, async (input) => {
        const facts = factsOf(InnovationSchema.parse(input));
        const expected = await reference(facts);
        const actual = compiled(facts);
        for (const check of checks) {
          const reference = expected.get(check.id);
          expect(actual.outcome(check.id)).toStrictEqual(reference);
          expect(actual.status(check.id)).toBe(reference?.status);
        }
      }),
      { numRuns: runs(1000) },
    );
  });
});
