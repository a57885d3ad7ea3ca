/**
 * The operators a rule set may use: json-rules-engine's own, plus a few that the regulations
 * need and json-rules-engine lacks. Each is a plain function, registered on every Engine and
 * reused by the compiled evaluator, so both paths agree by construction.
 */

/** An operator: fact value on the left, the condition's `value` on the right. */
export type OperatorFn = (factValue: unknown, value: unknown) => boolean;

function isEmpty(v: unknown): boolean {
  if (typeof v === 'string') return v.trim().length === 0;
  if (Array.isArray(v)) return v.length === 0;
  return v === null || v === undefined;
}

function wordCount(v: unknown): number {
  return typeof v === 'string' ? v.split(/\s+/).filter(Boolean).length : 0;
}

// json-rules-engine's own number guard: what parseFloat reads as a number.
const numeric = (v: unknown) => Number.parseFloat(v as string).toString() !== 'NaN';

/**
 * json-rules-engine's built-in operators, exactly as its engine-default-operators.js defines
 * them (type guards included): the compiled evaluator uses these, json-rules-engine its own.
 */
export const BUILT_IN_OPERATORS: Readonly<Record<string, OperatorFn>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => numeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => numeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => numeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => numeric(a) && (a as number) >= (b as number),
};

/** Operators this library adds; their `value` types are checked when a rule set loads. */
export const EXTRA_OPERATORS: Readonly<Record<string, OperatorFn>> = {
  /** Blank string or empty array, compared with a boolean: `{ operator: 'isEmpty', value: false }`. */
  isEmpty: (a, b) => isEmpty(a) === b,
  /** The fact (an array) shares at least one item with the value (an array). */
  containsAny: (a, b) => Array.isArray(a) && Array.isArray(b) && a.some((x) => b.includes(x)),
  /** The fact (an array) shares no item with the value (an array). */
  containsNone: (a, b) => Array.isArray(a) && Array.isArray(b) && !a.some((x) => b.includes(x)),
  /** The fact (an array) holds every item of the value (an array). */
  containsAll: (a, b) => Array.isArray(a) && Array.isArray(b) && b.every((x) => a.includes(x)),
  /** Word count of a text is at least the value. */
  wordCountAtLeast: (a, b) => typeof a === 'string' && wordCount(a) >= (b as number),
  /** Word count of a text is at most the value. */
  wordCountAtMost: (a, b) => typeof a === 'string' && wordCount(a) <= (b as number),
};

/** The expected type of each operator's `value`, checked at load. */
export const OPERATOR_VALUE_TYPES: Readonly<
  Record<string, 'any' | 'number' | 'array' | 'boolean'>
> = {
  equal: 'any',
  notEqual: 'any',
  in: 'array',
  notIn: 'array',
  contains: 'any',
  doesNotContain: 'any',
  lessThan: 'number',
  lessThanInclusive: 'number',
  greaterThan: 'number',
  greaterThanInclusive: 'number',
  isEmpty: 'boolean',
  containsAny: 'array',
  containsNone: 'array',
  containsAll: 'array',
  wordCountAtLeast: 'number',
  wordCountAtMost: 'number',
};

/** Every operator a rule set may name. */
export const OPERATORS: Readonly<Record<string, OperatorFn>> = {
  ...BUILT_IN_OPERATORS,
  ...EXTRA_OPERATORS,
};
