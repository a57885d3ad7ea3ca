import { memo } from './memo.js';

/**
 * Plain dotted paths (`indikator.sdm.jumlah`): the only path syntax rule sets may use.
 * json-rules-engine's default resolver evaluates JSONPath, an expression language; ours only
 * walks own properties, so a rule file can never run an expression or reach a prototype.
 */

const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Checks a dotted path and returns why it is not acceptable, or `undefined` when it is.
 *
 * @internal
 */
export function dottedPathProblem(path: string): string | undefined {
  if (path.length === 0) return 'path must not be empty';
  if (path.length > 200) return 'path is longer than 200 characters';
  for (const segment of path.split('.')) {
    if (!SEGMENT.test(segment)) {
      return `"${path}" is not a plain dotted path (letters, digits and _ separated by dots)`;
    }
    if (FORBIDDEN.has(segment)) return `"${segment}" may not appear in a path`;
  }
  return undefined;
}

/**
 * Reads a dotted path from a value through own properties only.
 *
 * @internal
 */
export function getPath(value: unknown, path: string): unknown {
  return getSegments(value, splitPath(path));
}

// The paths are those of the loaded rule sets and messages: few, and reused for every record.
const splitPath = memo((path: string): readonly string[] => path.split('.'));

/**
 * Like {@link getPath}, with the path already split (hot paths split once, at load).
 *
 * @internal
 */
export function getSegments(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
