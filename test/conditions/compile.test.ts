import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCompiledRunner, deferred } from '../../src/conditions/compile.js';
import { createEngineRunner } from '../../src/conditions/json-rules-engine.js';
import { getRuleSet, InnovationSchema, listRuleSets, type RubricRuleSet } from '../../src/index.js';
import { factsOf } from '../../src/record/facts.js';
import { rubricChecks } from '../../src/scoring/indicator-plan.js';
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

// Trees of every shape (not, nested all/any, fact references, paths, every operator) on facts of
// every type: the shipped rule sets do not use all of them, so they are generated here.
const valueArb = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer({ min: -3, max: 12 }),
  fc.double({ min: -5, max: 15, noNaN: true }),
  fc.constantFrom('', ' ', 'a', 'b', 'satu dua tiga', '5', 'x y'),
  fc.constantFrom('2023-12-31', '2024-01-01', '2024-06-30', '2025-01-01', 2024),
  fc.boolean(),
  fc.array(fc.constantFrom('a', 'b', 'c', 5), { maxLength: 3 }),
  // Facts come from a parsed record: plain objects only.
  fc.record(
    { x: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(null)) },
    { noNullPrototype: true },
  ),
);
const factsArb = fc.record(
  { a: valueArb, b: valueArb, c: valueArb, d: valueArb },
  { noNullPrototype: true },
);

const OPERATOR_VALUES: Record<string, fc.Arbitrary<unknown>> = {
  equal: valueArb.filter((v) => v !== undefined),
  notEqual: valueArb.filter((v) => v !== undefined),
  in: fc.array(fc.constantFrom('a', 'b', 5, true, null), { maxLength: 3 }),
  notIn: fc.array(fc.constantFrom('a', 'b', 5, true, null), { maxLength: 3 }),
  contains: fc.constantFrom('a', 'b', 5),
  doesNotContain: fc.constantFrom('a', 'b', 5),
  lessThan: fc.integer({ min: -2, max: 12 }),
  lessThanInclusive: fc.integer({ min: -2, max: 12 }),
  greaterThan: fc.integer({ min: -2, max: 12 }),
  greaterThanInclusive: fc.integer({ min: -2, max: 12 }),
  isEmpty: fc.boolean(),
  containsAny: fc.array(fc.constantFrom('a', 'b', 'c', 5), { maxLength: 3 }),
  containsNone: fc.array(fc.constantFrom('a', 'b', 'c', 5), { maxLength: 3 }),
  containsAll: fc.array(fc.constantFrom('a', 'b', 'c', 5), { maxLength: 3 }),
  wordCountAtLeast: fc.integer({ min: 0, max: 4 }),
  wordCountAtMost: fc.integer({ min: 0, max: 4 }),
  dateOnOrAfter: fc.constantFrom('2024-01-01', '2024-06-30', 2024, 2025),
  dateOnOrBefore: fc.constantFrom('2024-01-01', '2024-06-30', 2024, 2025),
  dateBefore: fc.constantFrom('2024-01-01', '2024-06-30', 2024, 2025),
  dateAfter: fc.constantFrom('2024-01-01', '2024-06-30', 2024, 2025),
  dateBetween: fc.constantFrom([2024, 2024], ['2024-01-01', '2024-06-30'], [2023, '2025-01-01']),
};

const leafArb = fc
  .record({
    fact: fc.constantFrom('a', 'b', 'c', 'd', 'missing'),
    path: fc.option(fc.constant('x'), { nil: undefined }),
    operator: fc.constantFrom(...Object.keys(OPERATOR_VALUES)),
    ref: fc.option(
      fc.record({
        fact: fc.constantFrom('a', 'c', 'missing'),
        path: fc.option(fc.constant('x'), { nil: undefined }),
      }),
      { nil: undefined, freq: 3 },
    ),
  })
  .chain(({ fact, path, operator, ref }) =>
    (ref &&
    [
      'equal',
      'notEqual',
      'lessThan',
      'greaterThanInclusive',
      'dateOnOrAfter',
      'dateBefore',
    ].includes(operator)
      ? fc.constant(ref.path ? { fact: ref.fact, path: ref.path } : { fact: ref.fact })
      : (OPERATOR_VALUES[operator] as fc.Arbitrary<unknown>)
    ).map((value) => ({ fact, ...(path ? { path } : {}), operator, value })),
  );

const { tree: treeArb } = fc.letrec<{ tree: unknown; node: unknown }>((tie) => ({
  tree: fc.oneof(
    fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
  ),
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leafArb, tie('tree')),
}));

describe('compiled evaluator against json-rules-engine, on generated trees', () => {
  it('identical outcome trees and statuses for every shape, operator and fact type', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(treeArb, { minLength: 1, maxLength: 4 }),
        factsArb,
        async (trees, facts) => {
          const checks = trees.map((conditions, i) => ({
            id: `c${i}`,
            conditions: conditions as never,
          }));
          const expected = await createEngineRunner(checks)(facts);
          const actual = createCompiledRunner(checks)(facts);
          checks.forEach((check, i) => {
            const reference = expected.get(check.id);
            // By position (the hot path) and by id, status first (no tree built yet).
            expect(actual.status(i)).toBe(reference?.status);
            expect(actual.outcome(check.id)).toStrictEqual(reference);
            expect(actual.status(check.id)).toBe(reference?.status);
          });
        },
      ),
      { numRuns: runs(600) },
    );
  });

  it('names an unknown check as a bug', () => {
    const run = createCompiledRunner([
      { id: 'only', conditions: { all: [{ fact: 'a', operator: 'equal', value: 1 }] } },
    ])({ a: 1 });
    expect(run.status('only')).toBe('pass');
    expect(() => run.status('other')).toThrow('internal: no check "other"');
  });
});

describe('deferred', () => {
  it('makes the results on the first question only, and answers from them', () => {
    let made = 0;
    const runner = createCompiledRunner([
      { id: 'a', conditions: { all: [{ fact: 'x', operator: 'equal', value: 1 }] } },
    ]);
    const results = deferred(() => {
      made += 1;
      return runner({ x: 1 });
    });
    expect(made).toBe(0);
    expect(results.status('a')).toBe('pass');
    expect(results.outcome('a').status).toBe('pass');
    expect(results.status(0)).toBe('pass');
    expect(made).toBe(1);
    const other = deferred(() => {
      made += 1;
      return runner({ x: 2 });
    });
    expect(other.outcome('a').status).toBe('fail');
    expect(other.status('a')).toBe('fail');
    expect(made).toBe(2);
  });
});
