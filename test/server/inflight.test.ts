import { describe, expect, it } from 'vitest';
import { inflightGate } from '../../src/server/_inflight.js';

describe('inflightGate: the bound on requests worked on at once', () => {
  it('gives out max places, heavy ones among them at most maxHeavy', () => {
    const enter = inflightGate(3, 1);
    const heavy = enter(true);
    expect(heavy).toBeTypeOf('function');
    // The one heavy place is taken; a light one is still free.
    expect(enter(true)).toBeUndefined();
    const light = enter(false);
    const last = enter(false);
    expect(light).toBeTypeOf('function');
    expect(last).toBeTypeOf('function');
    // All three taken: neither kind gets one.
    expect(enter(false)).toBeUndefined();
    expect(enter(true)).toBeUndefined();
    heavy?.();
    // The heavy place given back frees a place of either kind.
    const again = enter(true);
    expect(again).toBeTypeOf('function');
    expect(enter(false)).toBeUndefined();
  });

  it('a light request given back frees no heavy place', () => {
    const enter = inflightGate(3, 1);
    enter(true);
    enter(false)?.();
    expect(enter(true)).toBeUndefined();
    expect(enter(false)).toBeTypeOf('function');
  });

  it('a release called twice gives its place back once', () => {
    const enter = inflightGate(1, 1);
    const first = enter(false);
    first?.();
    first?.();
    const second = enter(false);
    expect(second).toBeTypeOf('function');
    // Had the double release counted twice, a second place would now be free.
    expect(enter(false)).toBeUndefined();
    second?.();
    expect(enter(true)).toBeTypeOf('function');
  });
});
