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

/**
 * The day a date operator reads: a date (`YYYY-MM-DD`, or the day of a longer ISO time) as it
 * is, or a year (a whole number, as `tahunT1` gives it) as its first day, or its last when
 * `end`; anything else `undefined`, so that the operator is false, as json-rules-engine's
 * number operators are on a value that is not a number.
 */
function dayOf(v: unknown, end: boolean): string | undefined {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1000 && v <= 9999) {
    return `${v}-${end ? '12-31' : '01-01'}`;
  }
  return undefined;
}

/** Compares the fact's day with the value's, each read as {@link dayOf} reads it. */
const compareDays =
  (valueEnd: boolean, holds: (fact: string, value: string) => boolean): OperatorFn =>
  (a, b) => {
    const fact = dayOf(a, false);
    const value = dayOf(b, valueEnd);
    return fact !== undefined && value !== undefined && holds(fact, value);
  };

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
  /** The fact (a date) is on or after the value: a date, or a year (from its 1 January). */
  dateOnOrAfter: compareDays(false, (fact, value) => fact >= value),
  /** The fact (a date) is on or before the value: a date, or a year (to its 31 December). */
  dateOnOrBefore: compareDays(true, (fact, value) => fact <= value),
  /** The fact (a date) is before the value: a date, or a year (before its 1 January). */
  dateBefore: compareDays(false, (fact, value) => fact < value),
  /** The fact (a date) is after the value: a date, or a year (after its 31 December). */
  dateAfter: compareDays(true, (fact, value) => fact > value),
  /** The fact (a date) lies within the value `[from, to]`, both ends included: dates or years. */
  dateBetween: (a, b) => {
    if (!Array.isArray(b) || b.length !== 2) return false;
    const fact = dayOf(a, false);
    const from = dayOf(b[0], false);
    const to = dayOf(b[1], true);
    return (
      fact !== undefined && from !== undefined && to !== undefined && from <= fact && fact <= to
    );
  },
};

/** The expected type of each operator's `value`, checked at load. */
export const OPERATOR_VALUE_TYPES: Readonly<
  Record<string, 'any' | 'number' | 'array' | 'boolean' | 'date' | 'date range'>
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
  dateOnOrAfter: 'date',
  dateOnOrBefore: 'date',
  dateBefore: 'date',
  dateAfter: 'date',
  dateBetween: 'date range',
};

/** Every operator a rule set may name. */
export const OPERATORS: Readonly<Record<string, OperatorFn>> = {
  ...BUILT_IN_OPERATORS,
  ...EXTRA_OPERATORS,
};
