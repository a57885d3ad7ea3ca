import { describe, expect, it } from 'vitest';
import { clearMemos, getOrBuild, memo, weakMemo } from '../../src/conditions/_memo.js';

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
