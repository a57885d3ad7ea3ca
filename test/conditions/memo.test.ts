import { describe, expect, it } from 'vitest';
import {
  clearMemos,
  getOrBuild,
  latest,
  memo,
  valueCache,
  weakMemo,
} from '../../src/conditions/memo.js';

describe('weakMemo', () => {
  it('builds once per key, and again after clearMemos', () => {
    const built: object[] = [];
    const sizeOf = weakMemo((key: { n: number }) => {
      built.push(key);
      return { size: key.n * 2 };
    });
    const a = { n: 1 };
    const b = { n: 2 };
    const first = sizeOf(a);
    expect(first).toStrictEqual({ size: 2 });
    expect(sizeOf(a)).toBe(first);
    expect(sizeOf(b)).toStrictEqual({ size: 4 });
    expect(built).toStrictEqual([a, b]);
    clearMemos();
    expect(sizeOf(a)).not.toBe(first);
    expect(sizeOf(a)).toStrictEqual({ size: 2 });
    expect(built).toStrictEqual([a, b, a]);
  });

  it('clear() forgets only its own values', () => {
    let builds = 0;
    const one = weakMemo((_: object) => ++builds);
    const other = weakMemo((_: object) => ++builds);
    const key = {};
    expect([one(key), other(key)]).toStrictEqual([1, 2]);
    one.clear();
    expect([one(key), other(key)]).toStrictEqual([3, 2]);
  });
});

describe('memo', () => {
  it('builds once per key up to its limit, then builds without keeping', () => {
    const calls: string[] = [];
    const split = memo((path: string) => {
      calls.push(path);
      return path.split('.');
    }, 2);
    expect(split('a.b')).toStrictEqual(['a', 'b']);
    expect(split('a.b')).toBe(split('a.b'));
    split('c');
    split('d');
    split('d');
    expect(split('c')).toStrictEqual(['c']);
    expect(calls).toStrictEqual(['a.b', 'c', 'd', 'd']);
    split.clear();
    split('a.b');
    expect(calls).toStrictEqual(['a.b', 'c', 'd', 'd', 'a.b']);
  });

  it('keeps 10,000 keys by default', () => {
    let builds = 0;
    const id = memo((n: number) => {
      builds += 1;
      return n;
    });
    for (let n = 0; n < 10_001; n++) id(n);
    id(9_999);
    id(10_000);
    expect(builds).toBe(10_002);
  });
});

describe('getOrBuild', () => {
  it('stores what it builds in the map given, once per key', () => {
    const map = new Map<string, number[]>();
    let builds = 0;
    const first = getOrBuild(map, 'x', () => [++builds]);
    expect(getOrBuild(map, 'x', () => [++builds])).toBe(first);
    expect(map.get('x')).toBe(first);
    const weak = new WeakMap<object, string>();
    const key = {};
    expect(getOrBuild(weak, key, () => 'dibangun')).toBe('dibangun');
    expect(getOrBuild(weak, key, () => 'lagi')).toBe('dibangun');
    expect(builds).toBe(1);
  });
});

describe('valueCache', () => {
  /** A cache whose values say which build made them. */
  const counting = (max?: number) => {
    let builds = 0;
    const cache = valueCache<number>(max);
    return {
      get: (values: unknown[]) => cache.get(values, () => ++builds),
      cache,
    };
  };

  it('keeps a value per list of record values; null and a missing value alike', () => {
    const { get } = counting();
    expect(get(['a', 1, true])).toBe(1);
    expect(get(['a', 1, true])).toBe(1);
    expect(get([undefined, 1])).toBe(2);
    expect(get([null, 1])).toBe(2);
    expect(get([])).toBe(3);
    expect(get([])).toBe(3);
    // Keys of any length may mix: none is the start of another.
    expect(get(['a'])).toBe(4);
    expect(get(['a', 1])).toBe(5);
    expect(get(['a'])).toBe(4);
    expect(get(['a', 1, true])).toBe(1);
  });

  it('tells apart what prints differently: 1 and "1", 0 and -0, a list and a text, list items', () => {
    const { get } = counting();
    const seen = [
      get([1]),
      get(['1']),
      get([0]),
      get([-0]),
      get([true]),
      get(['true']),
      get([[2024]]),
      get([['2024']]),
      get(['n2024,']),
      get([[2024, 2023]]),
      get([[2023, 2024]]),
      get([[null]]),
      get([[-0]]),
      get([[0]]),
      get([[false]]),
      get([['a,b']]),
      get([['a', 'b']]),
    ];
    seen.push(get([[]]));
    expect(new Set(seen).size).toBe(seen.length);
    // Each is kept: asked again, the same value.
    expect(get([[2024, 2023]])).toBe(seen[9]);
    expect(get([[undefined]])).toBe(seen[11]);
    expect(get([[-0]])).toBe(seen[12]);
    expect(get([['a,b']])).toBe(seen[15]);
    expect(get([-0])).toBe(seen[3]);
    expect(get([[]])).toBe(seen[17]);
  });

  it('builds afresh when a value past the first makes no key, also on a first miss', () => {
    const { get } = counting();
    expect(get([1, { a: 1 }])).toBe(1);
    expect(get([1, { a: 1 }])).toBe(2);
    expect(get([1, 'x'.repeat(300)])).toBe(3);
    expect(get([1, 2])).toBe(4);
    expect(get([1, 2])).toBe(4);
  });

  it('builds each time, keeping nothing, for values that make no short key', () => {
    const { get } = counting();
    const long = 'x'.repeat(257);
    expect(get([long])).toBe(1);
    expect(get([long])).toBe(2);
    expect(get(['x'.repeat(256)])).toBe(3);
    expect(get(['x'.repeat(256)])).toBe(3);
    expect(get([{ a: 1 }])).toBe(4);
    expect(get([{ a: 1 }])).toBe(5);
    expect(get([[{ a: 1 }]])).toBe(6);
    expect(get([[{ a: 1 }]])).toBe(7);
    expect(get([new Array(33).fill(1)])).toBe(8);
    expect(get([new Array(33).fill(1)])).toBe(9);
    expect(get([new Array(32).fill(1)])).toBe(10);
    expect(get([new Array(32).fill(1)])).toBe(10);
    expect(get([1n])).toBe(11);
    expect(get([1n])).toBe(12);
  });

  it('keeps at most max values (5,000 unless told), and nothing after clear', () => {
    const { get, cache } = counting(2);
    expect(get([1])).toBe(1);
    expect(get([2])).toBe(2);
    expect(get([3])).toBe(3);
    expect(get([3])).toBe(4);
    expect(get([1])).toBe(1);
    cache.clear();
    expect(get([1])).toBe(5);
    const byDefault = counting();
    for (let i = 0; i < 5_000; i++) byDefault.get([i]);
    expect(byDefault.get([4_999])).toBe(5_000);
    expect(byDefault.get([5_000])).toBe(5_001);
    expect(byDefault.get([5_000])).toBe(5_002);
  });

  it('is emptied by clearMemos through the weakMemo that owns it', () => {
    const owner = weakMemo((_: object) => valueCache<number>());
    const key = {};
    let builds = 0;
    expect(owner(key).get([1], () => ++builds)).toBe(1);
    expect(owner(key).get([1], () => ++builds)).toBe(1);
    clearMemos();
    expect(owner(key).get([1], () => ++builds)).toBe(2);
  });
});

describe('latest', () => {
  it('keeps the value of the last key only, and nothing after clearMemos', () => {
    let builds = 0;
    const of = latest((key: number) => ({ key, build: ++builds }));
    const first = of(1);
    expect(of(1)).toBe(first);
    expect(of(2)).toStrictEqual({ key: 2, build: 2 });
    expect(of(1)).toStrictEqual({ key: 1, build: 3 });
    expect(of(1)).toBe(of(1));
    clearMemos();
    expect(of(1)).toStrictEqual({ key: 1, build: 4 });
  });
});
