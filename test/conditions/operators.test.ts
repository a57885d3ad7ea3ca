import { describe, expect, it } from 'vitest';
import { createCompiledRunner } from '../../src/conditions/compile.js';
import type { Condition, TopLevelCondition } from '../../src/conditions/condition.js';
import { createEngineRunner } from '../../src/conditions/json-rules-engine.js';
import { EXTRA_OPERATORS } from '../../src/conditions/operators.js';

/** Runs one condition on one set of facts, compiled and through json-rules-engine. */
async function both(conditions: TopLevelCondition, facts: Record<string, unknown>) {
  const checks = [{ id: 'c', conditions }];
  const compiled = createCompiledRunner(checks)(facts).status('c');
  const reference = (await createEngineRunner(checks)(facts)).get('c')?.status;
  return { compiled, reference };
}
const leaf = (fact: string, operator: string, value: unknown): Condition =>
  ({ fact, operator, value }) as Condition;

// Every operator: a fact that meets it, one that does not, and a missing fact (unknown).
describe.each([
  ['equal', 'x', 'a', 'a', 'b'],
  ['notEqual', 'x', 'a', 'b', 'a'],
  ['in', 'x', ['a', 'b'], 'b', 'c'],
  ['notIn', 'x', ['a', 'b'], 'c', 'a'],
  ['contains', 'xs', 'a', ['a', 'b'], ['b']],
  ['doesNotContain', 'xs', 'a', ['b'], ['a', 'b']],
  ['lessThan', 'n', 5, 4, 5],
  ['lessThanInclusive', 'n', 5, 5, 6],
  ['greaterThan', 'n', 5, 6, 5],
  ['greaterThanInclusive', 'n', 5, 5, 4],
  ['isEmpty', 'xs', false, ['a'], []],
  ['containsAny', 'xs', ['a', 'z'], ['z'], ['b']],
  ['containsNone', 'xs', ['a', 'z'], ['b'], ['z', 'b']],
  ['containsAll', 'xs', ['a', 'b'], ['b', 'c', 'a'], ['a']],
  ['wordCountAtLeast', 's', 3, 'satu dua tiga', 'satu dua'],
  ['wordCountAtMost', 's', 2, 'satu dua', 'satu dua tiga'],
  ['dateOnOrAfter', 'd', '2024-03-01', '2024-03-01', '2024-02-29'],
  ['dateOnOrBefore', 'd', 2024, '2024-12-31', '2025-01-01'],
  ['dateBefore', 'd', 2024, '2023-12-31', '2024-01-01'],
  ['dateAfter', 'd', '2024-03-01', '2024-03-02', '2024-03-01'],
  ['dateBetween', 'd', [2023, '2024-06-30'], '2023-01-01', '2024-07-01'],
])('operator %s', (operator, fact, value, meets, fails) => {
  const conditions = { all: [leaf(fact, operator, value)] };

  it('passes, fails, and is unknown without the fact', async () => {
    const pass = await both(conditions, { [fact]: meets });
    const fail = await both(conditions, { [fact]: fails });
    const unknown = await both(conditions, {});
    expect([pass.compiled, fail.compiled, unknown.compiled]).toStrictEqual([
      'pass',
      'fail',
      'unknown',
    ]);
    // The compiled evaluator is held to json-rules-engine, this library's operators included.
    expect([pass.reference, fail.reference, unknown.reference]).toStrictEqual([
      'pass',
      'fail',
      'unknown',
    ]);
  });
});

describe('boolean conditions', () => {
  const yes = leaf('a', 'equal', true);
  const no = leaf('b', 'equal', true);
  it.each([
    ['not of a passing leaf fails', { not: yes }, { a: true }, 'fail'],
    ['not of a failing leaf passes', { not: yes }, { a: false }, 'pass'],
    ['not of an unknown leaf is unknown', { not: yes }, {}, 'unknown'],
    ['all: a failure beats a missing fact', { all: [no, yes] }, { b: false }, 'fail'],
    ['all: a missing fact after passes is unknown', { all: [yes, no] }, { a: true }, 'unknown'],
    ['any: a pass beats a missing fact', { any: [no, yes] }, { a: true }, 'pass'],
    [
      'any: a missing fact beside a failure is unknown',
      { any: [no, yes] },
      { a: false },
      'unknown',
    ],
    ['any: failures only fail', { any: [no, yes] }, { a: false, b: false }, 'fail'],
    ['nested: not (any)', { not: { any: [no, yes] } }, { a: false, b: false }, 'pass'],
  ] as const)('%s', async (_, conditions, facts, status) => {
    const r = await both(conditions as TopLevelCondition, facts);
    expect(r.compiled).toBe(status);
    expect(r.reference).toBe(status);
  });
});

// The added operators as plain functions, at their edges: blank text, whitespace runs, values
// of the wrong type (a rule set's `value` is checked at load, a fact's type is not).
describe('EXTRA_OPERATORS', () => {
  const op = (name: string) => EXTRA_OPERATORS[name] as (a: unknown, b: unknown) => boolean;

  it.each([
    ['', true],
    [' \t\n', true],
    ['a', false],
    [[], true],
    [[''], false],
    [null, true],
    [undefined, true],
    [0, false],
    [false, false],
    [{}, false],
  ])('isEmpty(%j) is %s', (fact, empty) => {
    expect(op('isEmpty')(fact, true)).toBe(empty);
    expect(op('isEmpty')(fact, false)).toBe(!empty);
  });

  it.each([
    ['containsAny', ['a', 'x'], ['a', 'b'], true],
    ['containsAny', ['x', 'a'], ['a', 'b'], true],
    ['containsAny', ['x'], ['a', 'b'], false],
    ['containsAny', [], ['a'], false],
    ['containsAny', 'a', ['a'], false],
    ['containsAny', ['a'], 'a', false],
    ['containsNone', ['x'], ['a', 'b'], true],
    ['containsNone', ['x', 'b'], ['a', 'b'], false],
    ['containsNone', [], ['a'], true],
    ['containsNone', 'x', ['a'], false],
    ['containsNone', ['x'], 'a', false],
    ['containsAll', ['a', 'b', 'c'], ['a', 'b'], true],
    ['containsAll', ['a'], ['a', 'b'], false],
    ['containsAll', ['a'], [], true],
    ['containsAll', 'ab', ['a'], false],
    ['containsAll', ['a'], 'a', false],
    ['wordCountAtLeast', '  satu   dua\tTiga\n', 3, true],
    ['wordCountAtLeast', '  satu   dua\tTiga\n', 4, false],
    ['wordCountAtLeast', '', 0, true],
    ['wordCountAtLeast', 5, 0, false],
    ['wordCountAtLeast', ['satu', 'dua'], 1, false],
    ['wordCountAtMost', ' satu dua ', 2, true],
    ['wordCountAtMost', ' satu dua ', 1, false],
    ['wordCountAtMost', 5, 10, false],
    ['wordCountAtMost', null, 10, false],
    // Dates: a year is its 1 January on the left of a range, its 31 December on the right.
    ['dateOnOrAfter', '2023-01-01', 2023, true],
    ['dateOnOrAfter', '2022-12-31', 2023, false],
    ['dateOnOrAfter', '2023-01-01T08:00:00+07:00', '2023-01-01', true],
    ['dateOnOrBefore', '2023-12-31', 2023, true],
    ['dateOnOrBefore', '2024-01-01', 2023, false],
    ['dateBefore', '2022-12-31', 2023, true],
    ['dateBefore', '2023-01-01', '2023-01-01', false],
    ['dateAfter', '2024-01-01', 2023, true],
    ['dateAfter', '2023-12-31', 2023, false],
    ['dateBetween', '2023-06-01', [2023, 2024], true],
    ['dateBetween', '2024-12-31', [2023, 2024], true],
    ['dateBetween', '2025-01-01', [2023, 2024], false],
    ['dateBetween', '2022-12-31', ['2023-01-01', '2024-12-31'], false],
    ['dateBetween', '2023-06-01', [2023], false],
    // Not a date on either side: false, as json-rules-engine's number operators are.
    ['dateOnOrAfter', 'kemarin', 2023, false],
    ['dateOnOrAfter', 2024, 2023, true],
    ['dateOnOrAfter', 2024.5, 2023, false],
    ['dateOnOrAfter', '2024-01-01', '2023', false],
    ['dateOnOrAfter', '2024-01-01', null, false],
    ['dateBefore', null, 2023, false],
    ['dateBetween', undefined, [2023, 2024], false],
  ])('%s(%j, %j) is %s', (name, fact, value, expected) => {
    expect(op(name)(fact, value)).toBe(expected);
  });
});
