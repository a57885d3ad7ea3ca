import type { Issue } from '../errors.js';
import { thrownText } from '../messages.js';

/**
 * Size limits on input, checked before validation so that a hostile or broken input is
 * refused quickly with a clear error instead of exhausting the stack or the memory.
 */
export const LIMITS = Object.freeze({
  /** Deepest nesting of objects and arrays in a record (a real record is about 5 deep). */
  maxDepth: 32,
  /** Most values (objects, arrays, strings, numbers, …) in one record. */
  maxNodes: 20_000,
  /** Longest string in a record, in characters. */
  maxStringLength: 100_000,
});

/** Limits of the same shape as {@link LIMITS}. */
export type Limits = { readonly [K in keyof typeof LIMITS]: number };

/** What a scan of the input found. */
export interface Scan {
  /** The first limit exceeded (or the first property that could not be read), with its path. */
  issue?: Issue;
  /** Whether a `null` appears anywhere in the input. */
  hasNull: boolean;
}

/** Options of {@link scanInput}. */
export interface ScanOptions {
  /** Top-level keys not to walk (measured elsewhere, e.g. a region's innovations one by one). */
  skip?: readonly string[];
}

/**
 * Measures an input against the limits in one pass over its own enumerable properties, without
 * copying anything, and stops at the first limit exceeded: refusing an input costs less than
 * reading it did. Cycles end at the depth limit. A getter or Proxy trap that throws is an issue
 * (`unreadable`) at its path, never an escape.
 */
export function scanInput(
  input: unknown,
  limits: Limits = LIMITS,
  options: ScanOptions = {},
): Scan {
  // The fast pass keeps no path; only a refused input is walked again, to the same point, to
  // say where. Both stop at the first limit, so refusing costs no more than accepting.
  const fast = walk(input, limits, options, undefined);
  if (!fast.failed) return { hasNull: fast.hasNull };
  const path: (string | number)[] = [];
  const located = walk(input, limits, options, path);
  return { issue: located.issue ?? fast.issue, hasNull: fast.hasNull };
}

interface Walk {
  failed: boolean;
  hasNull: boolean;
  issue?: Issue;
}

function walk(
  input: unknown,
  limits: Limits,
  options: ScanOptions,
  path: (string | number)[] | undefined,
): Walk {
  let nodes = 0;
  let hasNull = false;
  let issue: Issue | undefined;
  const fail = (code: string, message: string) => {
    issue = { path: path ? [...path] : [], code, message };
    return false;
  };
  // The objects above the value, when locating: a record that holds itself (a cycle, which
  // JSON cannot write but an object can) is said as that, not as a path 32 levels deep.
  const above: object[] | undefined = path ? [] : undefined;
  // Recursion is safe: it never goes deeper than `maxDepth`.
  const within = (value: unknown, depth: number): boolean => {
    if (++nodes > limits.maxNodes) {
      return fail('too_large', `the input holds more than ${limits.maxNodes} values`);
    }
    if (value === null) {
      hasNull = true;
      return true;
    }
    if (typeof value === 'string') {
      return (
        value.length <= limits.maxStringLength ||
        fail('too_long', `a text longer than ${limits.maxStringLength} characters`)
      );
    }
    if (typeof value !== 'object') return true;
    const at = above?.indexOf(value) ?? -1;
    if (at >= 0) {
      const where = path?.slice(0, at).join('.') || '(the record)';
      return fail('circular', `refers to itself: it holds the value at "${where}" above it`);
    }
    if (depth >= limits.maxDepth) {
      return fail('too_deep', `nested deeper than ${limits.maxDepth} levels`);
    }
    above?.push(value);
    if (Array.isArray(value)) {
      if (value.length > limits.maxNodes) {
        return fail('too_large', `a list of more than ${limits.maxNodes} items`);
      }
      for (let i = 0; i < value.length; i++) {
        path?.push(i);
        if (!within(value[i], depth + 1)) return false;
        path?.pop();
      }
      above?.pop();
      return true;
    }
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      if (depth === 0 && options.skip?.includes(key)) continue;
      path?.push(key);
      if (!within((value as Record<string, unknown>)[key], depth + 1)) return false;
      path?.pop();
    }
    above?.pop();
    return true;
  };
  try {
    within(input, 0);
  } catch (error) {
    issue = {
      path: path ? [...path] : [],
      code: 'unreadable',
      message: `a property could not be read: ${thrownMessage(error)}`,
    };
  }
  return issue ? { failed: true, hasNull, issue } : { failed: false, hasNull };
}

/** A thrown error's message (an `Error`'s own text), else what was thrown, never throwing. */
function thrownMessage(error: unknown): string {
  try {
    if (error instanceof Error) return String(error.message);
  } catch {
    // A hostile error: said as any thrown value is.
  }
  return thrownText(error);
}
