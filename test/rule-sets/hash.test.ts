import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentHash, ruleSetHash, sha256Hex } from '../../src/rule-sets/hash.js';
import { getRuleSet } from '../../src/rule-sets/registry.js';

const nodeDigest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('sha256Hex', () => {
  it("gives Node's digest of the text's UTF-8 bytes, on Node and without it (a browser)", () => {
    const texts = ['', 'abc', 'Inovasi Daerah — Kota Batu', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓', 'a'.repeat(100_000)];
    for (const text of texts) expect(sha256Hex(text)).toBe(nodeDigest(text));
    // Where the runtime offers no `node:crypto` without an import, the pure JavaScript hash.
    const builtin = vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined as never);
    for (const text of texts) expect(sha256Hex(text)).toBe(nodeDigest(text));
    expect(builtin).toHaveBeenCalled();
  });

  it('agrees with itself both ways on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const fast = sha256Hex(text);
        const builtin = vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined as never);
        const portable = sha256Hex(text);
        builtin.mockRestore();
        return fast === portable && fast === nodeDigest(text);
      }),
    );
  });
});

describe('contentHash and ruleSetHash', () => {
  it('hash the canonical JSON: the order of keys does not count, a value does', () => {
    expect(contentHash({ b: 1, a: [1, 'x'] })).toBe(`sha256:${nodeDigest('{"a":[1,"x"],"b":1}')}`);
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
    // What has no JSON (undefined) hashes as the empty text.
    expect(contentHash(undefined)).toBe(`sha256:${nodeDigest('')}`);
    const iga = getRuleSet('iga-2026');
    expect(ruleSetHash(iga)).toBe(contentHash(iga));
    expect(ruleSetHash(iga)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
