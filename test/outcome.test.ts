import { describe, expect, it } from 'vitest';
import type { LeafCondition } from '../src/condition.js';
import { blame, type Outcome, statusOf } from '../src/outcome.js';

const leaf = (fact: string, result: boolean | undefined): Outcome => ({
  leaf: { fact, operator: 'equal', value: true } as LeafCondition,
  result,
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
    const outcome = (op === 'all' ? { all: children } : { any: children }) as Outcome;
    expect(statusOf(outcome)).toBe(status);
  });

  it('negates pass and fail and keeps unknown', () => {
    expect([statusOf({ not: T }), statusOf({ not: F }), statusOf({ not: U })]).toStrictEqual([
      'fail',
      'pass',
      'unknown',
    ]);
  });

  it('blames the leaves that decide', () => {
    const facts = (o: Outcome, s: 'pass' | 'fail' | 'unknown') =>
      blame(o, s).map((l) => l.leaf.fact);
    expect(facts({ all: [T, F, U] }, 'fail')).toStrictEqual(['f']);
    expect(facts({ all: [T, U] }, 'unknown')).toStrictEqual(['u']);
    expect(facts({ any: [F, leaf('g', false)] }, 'fail')).toStrictEqual(['f', 'g']);
    expect(facts({ not: { all: [T] } }, 'fail')).toStrictEqual(['t']);
  });
});
