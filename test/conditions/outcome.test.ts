import { describe, expect, it } from 'vitest';
import type { LeafCondition } from '../../src/conditions/condition.js';
import {
  allOf,
  allStatus,
  anyOf,
  anyStatus,
  blame,
  leafFields,
  leafStatus,
  notOf,
  type Outcome,
  shortfall,
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

describe('statuses of lists', () => {
  it.each([
    [[], 'pass', 'fail'],
    [['pass'], 'pass', 'pass'],
    [['fail'], 'fail', 'fail'],
    [['unknown'], 'unknown', 'unknown'],
    [['pass', 'unknown'], 'unknown', 'pass'],
    [['fail', 'unknown'], 'fail', 'unknown'],
    [['unknown', 'fail', 'pass'], 'fail', 'pass'],
  ] as const)('%j: all %s, any %s', (statuses, all, any) => {
    expect(allStatus(statuses)).toBe(all);
    expect(anyStatus(statuses)).toBe(any);
  });

  it('a leaf is unknown without a result', () => {
    expect([leafStatus(true), leafStatus(false), leafStatus(undefined)]).toStrictEqual([
      'pass',
      'fail',
      'unknown',
    ]);
  });
});

describe('blame', () => {
  const facts = (o: Outcome, s: 'pass' | 'fail' | 'unknown') => blame(o, s).map((l) => l.leaf.fact);

  it('names the passing leaves of a passing tree and none of another status', () => {
    expect(facts(allOf([T, leaf('s', true)]), 'pass')).toStrictEqual(['t', 's']);
    expect(facts(anyOf([T, F]), 'pass')).toStrictEqual(['t']);
    expect(facts(T, 'fail')).toStrictEqual([]);
    expect(facts(allOf([T, T]), 'unknown')).toStrictEqual([]);
  });

  it('turns the status around under not, twice over', () => {
    expect(facts(notOf(anyOf([T, F])), 'fail')).toStrictEqual(['t']);
    expect(facts(notOf(notOf(allOf([F, T]))), 'fail')).toStrictEqual(['f']);
    expect(facts(notOf(U), 'unknown')).toStrictEqual(['u']);
  });

  it('walks nested trees in order', () => {
    const tree = allOf([anyOf([U, F]), allOf([T, leaf('v', undefined)])]);
    expect(tree.status).toBe('unknown');
    expect(facts(tree, 'unknown')).toStrictEqual(['u', 'v']);
  });
});

describe('leafFields', () => {
  const of = (l: object) => leafFields(l as LeafCondition);
  it('the fact, at its path', () => {
    expect(
      of({ fact: 'indikator', path: 'sdm.jumlah', operator: 'equal', value: 1 }),
    ).toStrictEqual(['indikator.sdm.jumlah']);
    expect(of({ fact: 'tahapan', operator: 'equal', value: 'x' })).toStrictEqual(['tahapan']);
  });
  it('and the fact it is compared with', () => {
    expect(
      of({
        fact: 'indikator',
        path: 'sdm.jumlah',
        operator: 'greaterThan',
        value: { fact: 'indikator', path: 'sdm.target' },
      }),
    ).toStrictEqual(['indikator.sdm.jumlah', 'indikator.sdm.target']);
    expect(
      of({ fact: 'tahun', operator: 'equal', value: { fact: 'tahun', path: 5 } }),
    ).toStrictEqual(['tahun', 'tahun']);
  });
  it('a derived fact reads the fields it is made of', () => {
    expect(of({ fact: 'urusanKelompok', operator: 'contains', value: 'absolut' })).toStrictEqual([
      'urusan',
    ]);
  });
  it('a value that is not a fact reference adds nothing', () => {
    expect(of({ fact: 'tahun', operator: 'equal', value: null })).toStrictEqual(['tahun']);
    expect(of({ fact: 'tahun', operator: 'in', value: [{ fact: 'x' }] })).toStrictEqual(['tahun']);
    expect(of({ fact: 'tahun', operator: 'equal', value: { fact: 5 } })).toStrictEqual(['tahun']);
  });
});

describe('shortfall', () => {
  const num = (operator: string, actual: unknown, expected: unknown, result = false): Outcome => ({
    leaf: { fact: 'indikator', path: 'sdm.jumlah', operator, value: expected } as LeafCondition,
    result,
    actual,
    expected,
    status: leafStatus(result),
  });

  it.each([
    ['greaterThanInclusive', 8, 11, 3],
    ['greaterThan', 40, 50, 11],
    ['greaterThan', 40.5, 50, 9.5],
    ['greaterThan', 40, 50.5, 10.5],
    ['lessThanInclusive', 9, 7, 2],
    ['lessThan', 9, 7, 3],
    ['lessThan', 9.25, 7, 2.25],
    ['greaterThanInclusive', 1, 1.333, 0.33],
    ['greaterThanInclusive', 0, 2.005, 2.01],
  ])('%s: from %d to %d is %d', (operator, actual, expected, gap) => {
    expect(shortfall(num(operator, actual, expected))).toBe(gap);
  });

  it('is undefined where no single number stands in the way', () => {
    expect(shortfall(num('greaterThan', 40, 50, true))).toBeUndefined();
    expect(shortfall(num('equal', 40, 50))).toBeUndefined();
    expect(shortfall(num('greaterThan', '40', 50))).toBeUndefined();
    expect(shortfall(num('greaterThan', 40, '50'))).toBeUndefined();
    expect(shortfall(num('greaterThan', undefined, 50, undefined as never))).toBeUndefined();
    expect(shortfall(notOf(num('greaterThan', 40, 50, true)))).toBeUndefined();
    expect(
      shortfall(allOf([num('greaterThan', 1, 5), num('greaterThanInclusive', 1, 5)])),
    ).toBeUndefined();
    expect(shortfall(anyOf([F, num('equal', 1, 2)]))).toBeUndefined();
  });

  it('in an all, the one failing leaf; in an any, the nearest of them', () => {
    expect(shortfall(allOf([T, num('greaterThanInclusive', 8, 11)]))).toBe(3);
    expect(
      shortfall(anyOf([num('greaterThanInclusive', 8, 11), num('greaterThanInclusive', 2, 4), F])),
    ).toBe(2);
  });
});
