import type { Issue } from './errors.js';

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

/**
 * The first limit an input exceeds, as an issue with the path where it was found; `undefined`
 * when the input is within limits. Iterative, so even a cyclic or absurdly deep object is
 * measured safely.
 *
 * @internal
 */
export function limitIssue(input: unknown, limits = LIMITS): Issue | undefined {
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
    if (Array.isArray(value)) {
      if (value.length > limits.maxNodes) {
        return {
          path: pathOf(frame),
          code: 'too_large',
          message: `a list longer than ${limits.maxNodes} items`,
        };
      }
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({ value: value[i], depth: depth + 1, key: i, parent: frame });
      }
    } else {
      const keys = Object.keys(value);
      if (keys.length > limits.maxNodes) {
        return {
          path: pathOf(frame),
          code: 'too_large',
          message: `an object with more than ${limits.maxNodes} keys`,
        };
      }
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        stack.push({
          value: (value as Record<string, unknown>)[key],
          depth: depth + 1,
          key,
          parent: frame,
        });
      }
    }
  }
  return undefined;
}
