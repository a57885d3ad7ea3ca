import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';
import { weakMemo } from '../conditions/memo.js';
import type { RuleSet } from './types.js';

/**
 * The content hash of a loaded rule set: SHA-256 of its canonical JSON (RFC 8785: keys sorted,
 * numbers and strings as JSON writes them), as `sha256:<hex>`. The loaded rule set is hashed,
 * so what it inherits through `extends` is part of it: a changed threshold in a parent changes
 * the child's hash too. The same bytes and the same hash on Node and in a browser (pure
 * JavaScript, no `crypto` module), computed once per rule set.
 *
 * @internal
 */
export function ruleSetHash(ruleSet: RuleSet): string {
  return hashes(ruleSet);
}

const hashes = weakMemo(
  (ruleSet: RuleSet) => `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalize(ruleSet) ?? '')))}`,
);
