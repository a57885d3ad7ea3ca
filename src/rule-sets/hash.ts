import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';
import { weakMemo } from '../conditions/memo.js';
import type { RuleSet } from './types.js';

/** The part of `node:crypto` used here. */
interface NodeCrypto {
  createHash(algorithm: 'sha256'): {
    update(text: string, encoding: 'utf8'): { digest(encoding: 'hex'): string };
  };
}

/**
 * SHA-256 of a text's UTF-8 bytes, in hex. The same digest everywhere: Node's own hash where it
 * has one (a rubric of 70 kB hashes in a fraction of a millisecond, where pure JavaScript takes
 * several in a process's first evaluation), else pure JavaScript (a browser).
 *
 * @internal
 */
export function sha256Hex(text: string): string {
  // Node's own `crypto`, where the runtime offers it without an import (Node 20.16 and later).
  const crypto = (
    globalThis as { process?: { getBuiltinModule?: (id: string) => NodeCrypto | undefined } }
  ).process?.getBuiltinModule?.('node:crypto');
  if (crypto) return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * SHA-256 of a value's canonical JSON (RFC 8785: keys sorted, numbers and strings as JSON
 * writes them), as `sha256:<hex>`.
 *
 * @internal
 */
export const contentHash = (value: unknown): string =>
  `sha256:${sha256Hex(canonicalize(value) ?? '')}`;

/**
 * The content hash of a loaded rule set ({@link contentHash}). The loaded rule set is hashed,
 * so what it inherits through `extends` is part of it: a changed threshold in a parent changes
 * the child's hash too. Computed once per rule set.
 *
 * @internal
 */
export function ruleSetHash(ruleSet: RuleSet): string {
  return hashes(ruleSet);
}

const hashes = weakMemo((ruleSet: RuleSet) => contentHash(ruleSet));
