import { fieldsOf } from '../record/facts.js';
import type { LeafCondition } from './condition.js';

/**
 * Three-valued outcomes of a condition tree. A leaf whose fact is missing is `unknown`, not
 * false: that is how a half-filled draft differs from a record that fails. Both evaluators (the
 * reference json-rules-engine run and the compiled one) produce these trees, and everything
 * after them — statuses, reasons, messages — is shared.
 */

/** Status of a check or a criterion. */
export type Status = 'pass' | 'fail' | 'unknown';

/** A leaf's outcome: `result` is `undefined` when a fact it needs is missing. */
export interface LeafOutcome {
  readonly leaf: LeafCondition;
  readonly result: boolean | undefined;
  /** The fact's value (at the leaf's path). */
  readonly actual?: unknown;
  /** The value compared with, a fact reference resolved. */
  readonly expected?: unknown;
  /** `pass`, `fail`, or `unknown` when `result` is undefined. */
  readonly status: Status;
}

/** The outcome of a condition tree, shaped like the tree; every node carries its status. */
export type Outcome =
  | LeafOutcome
  | { readonly all: readonly Outcome[]; readonly status: Status }
  | { readonly any: readonly Outcome[]; readonly status: Status }
  | { readonly not: Outcome; readonly status: Status };

/** The outcomes of a rule set's checks for one record, by check id or by position. */
export interface CheckResults {
  /** The status of a check. */
  status(id: string | number): Status;
  /** The outcome tree of a check, for explaining its status. */
  outcome(id: string | number): Outcome;
}

const invert: Record<Status, Status> = { pass: 'fail', fail: 'pass', unknown: 'unknown' };

// Kleene's three-valued logic: `all` fails on any failure, `any` passes on any pass, and an
// unknown decides only what nothing else decides (a definite fail beats missing facts).
/** @internal */
export function allStatus(statuses: readonly Status[]): Status {
  if (statuses.includes('fail')) return 'fail';
  return statuses.includes('unknown') ? 'unknown' : 'pass';
}

/** @internal */
export function anyStatus(statuses: readonly Status[]): Status {
  if (statuses.includes('pass')) return 'pass';
  return statuses.includes('unknown') ? 'unknown' : 'fail';
}

/** @internal */
export function notStatus(status: Status): Status {
  return invert[status];
}

/** @internal */
export function leafStatus(result: boolean | undefined): Status {
  return result === undefined ? 'unknown' : result ? 'pass' : 'fail';
}

/** Builds the outcome of an `all` node. @internal */
export const allOf = (all: readonly Outcome[]): Outcome => ({
  all,
  status: allStatus(all.map(statusOf)),
});
/** Builds the outcome of an `any` node. @internal */
export const anyOf = (any: readonly Outcome[]): Outcome => ({
  any,
  status: anyStatus(any.map(statusOf)),
});
/** Builds the outcome of a `not` node. @internal */
export const notOf = (not: Outcome): Outcome => ({ not, status: notStatus(not.status) });

/**
 * The status of an outcome tree.
 *
 * @internal
 */
export function statusOf(outcome: Outcome): Status {
  return outcome.status;
}

/**
 * The leaves that explain why a tree has the given status: the failing leaves of a failing
 * `all`, every leaf of a failing `any`, the missing leaves of an undecided tree, and so on.
 *
 * @internal
 */
export function blame(outcome: Outcome, status: Status): LeafOutcome[] {
  if ('not' in outcome) return blame(outcome.not, invert[status]);
  if ('all' in outcome || 'any' in outcome) {
    const children = 'all' in outcome ? outcome.all : outcome.any;
    return children.filter((child) => child.status === status).flatMap((c) => blame(c, status));
  }
  return outcome.status === status ? [outcome] : [];
}

/**
 * The record fields a leaf reads: its fact and, when its value is a fact reference, that fact.
 *
 * @internal
 */
export function leafFields(leaf: LeafCondition): string[] {
  const fields = [...fieldsOf(leaf.fact, leaf.path)];
  const value = leaf.value as { fact?: unknown; path?: unknown } | null;
  if (value && typeof value === 'object' && typeof value.fact === 'string') {
    fields.push(...fieldsOf(value.fact, typeof value.path === 'string' ? value.path : undefined));
  }
  return fields;
}

const isInt = (n: number) => Number.isInteger(n);

/**
 * How far a failing tree is from passing on one number: for `sdm.jumlah >= 11` with 8 staff,
 * 3. Defined only where a single numeric leaf stands in the way (in each `all`), so the
 * figure is never a guess; integer operands step by whole units (`> 50` from 40 is 11).
 *
 * @internal
 */
export function shortfall(outcome: Outcome): number | undefined {
  if ('not' in outcome) return undefined;
  if ('all' in outcome) {
    const failing = outcome.all.filter((c) => c.status !== 'pass');
    return failing.length === 1 ? shortfall(failing[0] as Outcome) : undefined;
  }
  if ('any' in outcome) {
    const gaps = outcome.any.map(shortfall).filter((g): g is number => g !== undefined);
    return gaps.length > 0 ? Math.min(...gaps) : undefined;
  }
  const { actual: a, expected: v, result } = outcome;
  if (result !== false || typeof a !== 'number' || typeof v !== 'number') return undefined;
  const step = isInt(a) && isInt(v) ? 1 : 0;
  const gap: Record<string, number> = {
    greaterThanInclusive: v - a,
    greaterThan: v - a + step,
    lessThanInclusive: a - v,
    lessThan: a - v + step,
  };
  const value = gap[outcome.leaf.operator];
  return value === undefined ? undefined : Math.round(value * 100) / 100;
}
