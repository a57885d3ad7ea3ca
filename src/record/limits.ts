import type { Issue } from '../errors.js';
import { InternalError } from '../errors.js';

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

/** What a scan of the input found. @internal */
export interface Scan {
  /** The first limit exceeded, with the path where it was found. */
  issue?: Issue;
  /** Whether a `null` appears anywhere in the input. */
  hasNull: boolean;
}

/**
 * Measures an input against the limits; even a cyclic or absurdly deep object is measured
 * safely. The fast pass keeps no paths; only when a limit is exceeded does a second, iterative
 * pass find where.
 *
 * @internal
 */
export function scanInput(input: unknown, limits = LIMITS): Scan {
  // Recursion is safe here: it never goes deeper than `maxDepth`, which also ends cycles.
  let nodes = 0;
  let hasNull = false;
  const within = (value: unknown, depth: number): boolean => {
    if (++nodes > limits.maxNodes) return false;
    if (value === null) {
      hasNull = true;
      return true;
    }
    if (typeof value === 'string') return value.length <= limits.maxStringLength;
    if (typeof value !== 'object') return true;
    if (depth >= limits.maxDepth) return false;
    if (Array.isArray(value)) {
      if (value.length > limits.maxNodes) return false;
      for (let i = 0; i < value.length; i++) if (!within(value[i], depth + 1)) return false;
      return true;
    }
    for (const key in value) {
      if (!within((value as Record<string, unknown>)[key], depth + 1)) return false;
    }
    return true;
  };
  return within(input, 0) ? { hasNull } : { issue: locate(input, limits), hasNull };
}

/** The slow pass: the same walk, keeping paths, to say where a limit is exceeded. */
function locate(input: unknown, limits: typeof LIMITS): Issue {
  interface Frame {
    value: unknown;
    depth: number;
    key: string | number | undefined;
    parent: Frame | undefined;
  }
  const pathOf = (frame: Frame): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) path.unshift(f.key);
    return path;
  };
  const stack: Frame[] = [{ value: input, depth: 0, key: undefined, parent: undefined }];
  let nodes = 0;
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const { value, depth } = frame;
    if (++nodes > limits.maxNodes) {
      return {
        path: pathOf(frame),
        code: 'too_large',
        message: `the input holds more than ${limits.maxNodes} values`,
      };
    }
    if (typeof value === 'string' && value.length > limits.maxStringLength) {
      return {
        path: pathOf(frame),
        code: 'too_long',
        message: `a text longer than ${limits.maxStringLength} characters`,
      };
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= limits.maxDepth) {
      return {
        path: pathOf(frame),
        code: 'too_deep',
        message: `nested deeper than ${limits.maxDepth} levels`,
      };
    }
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value as object);
    if (entries.length > limits.maxNodes) {
      return {
        path: pathOf(frame),
        code: 'too_large',
        message: `a list or object of more than ${limits.maxNodes} items`,
      };
    }
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [string | number, unknown];
      stack.push({ value: child, depth: depth + 1, key, parent: frame });
    }
  }
  throw new InternalError('a limit was exceeded but could not be located');
}
