import { describe, expect, it } from 'vitest';
import type { LeafCondition } from '../../src/conditions/condition.js';
import {
  allOf,
  anyOf,
  blame,
  leafStatus,
  notOf,
  type Outcome,
  statusOf,
} from '../../src/conditions/outcome.js';

const leaf = (fact: string, result: boolean | undefined): Outcome => ({
  leaf: { fact, operator: 'equal', value: true } as LeafCondition,
  result,
  status: leafStatus(result),
});
const T = leaf('t', true);
const F = leaf('f', false);
const U = leaf('u', undefined);

describe('three-valued outcomes', () => {
  it.each([
    ['all', [T, T], 'pass'],
    ['all', [T, U], 'unknown'],
    ['all', [F, U], 'fail'],
    ['any', [F, U], 'unknown'],
    ['any', [T, U], 'pass'],
    ['any', [F, F], 'fail'],
  ] as const)('%s of %#', (op, children, status) => {
    const outcome = op === 'all' ? allOf(children) : anyOf(children);
    expect(statusOf(outcome)).toBe(status);
  });

  it('negates pass and fail and keeps unknown', () => {
    expect([statusOf(notOf(T)), statusOf(notOf(F)), statusOf(notOf(U))]).toStrictEqual([
      'fail',
      'pass',
      'unknown',
    ]);
  });

  it('blames the leaves that decide', () => {
    const facts = (o: Outcome, s: 'pass' | 'fail' | 'unknown') =>
      blame(o, s).map((l) => l.leaf.fact);
    expect(facts(allOf([T, F, U]), 'fail')).toStrictEqual(['f']);
    expect(facts(allOf([T, U]), 'unknown')).toStrictEqual(['u']);
    expect(facts(anyOf([F, leaf('g', false)]), 'fail')).toStrictEqual(['f', 'g']);
    expect(facts(notOf(allOf([T])), 'fail')).toStrictEqual(['t']);
  });
});
