import { InternalError } from '../errors.js';
import type { Condition, LeafCondition, TopLevelCondition } from './condition.js';
import { OPERATORS } from './operators.js';
import {
  allOf,
  anyOf,
  type CheckResults,
  type LeafOutcome,
  leafStatus,
  notOf,
  notStatus,
  type Outcome,
  type Status,
} from './outcome.js';
import { getSegments } from './path.js';

/**
 * The compiled evaluator: each condition tree is turned once, at load, into a tree of plain
 * closures (no code generation) that produce the same {@link Outcome} trees as the
 * json-rules-engine run in `engine.ts`. It mirrors json-rules-engine's semantics exactly —
 * its operators with their type guards, its path rule (a path applies only to an object fact),
 * its fact references — and a differential test holds the two to identical outcomes.
 */

type Facts = Readonly<Record<string, unknown>>;

/** A check to run: its id and its conditions. */
export interface CheckSpec {
  readonly id: string;
  readonly conditions: TopLevelCondition;
}

/** Runs a rule set's checks on one record's facts, synchronously (the compiled evaluator). */
export type SyncCheckRunner = (facts: Readonly<Record<string, unknown>>) => CheckResults;

function readFact(facts: Facts, fact: string, path: readonly string[] | undefined): unknown {
  const value = Object.hasOwn(facts, fact) ? facts[fact] : undefined;
  // Like json-rules-engine: a path is applied only to an object; other values pass through.
  if (path && value !== null && typeof value === 'object') return getSegments(value, path);
  return value;
}

const split = (path: unknown) => (typeof path === 'string' && path ? path.split('.') : undefined);

interface Compiled {
  /** The status alone, with no allocation: the hot path. */
  status: (facts: Facts) => Status;
  /** The whole outcome tree, built only to explain a status. */
  explain: (facts: Facts) => Outcome;
}

function compileLeaf(leaf: LeafCondition): Compiled {
  const op = OPERATORS[leaf.operator];
  if (!op) throw new InternalError(`operator "${leaf.operator}" has no compiled form`);
  const { fact } = leaf;
  const path = split(leaf.path);
  const ref = leaf.value as { fact?: unknown; path?: unknown } | null;
  const isRef = typeof ref === 'object' && ref !== null && Object.hasOwn(ref, 'fact');
  const refFact = isRef ? String(ref.fact) : '';
  const refPath = isRef ? split(ref.path) : undefined;
  const result = (actual: unknown, expected: unknown): boolean | undefined =>
    actual === undefined ||
    actual === null ||
    (isRef && (expected === undefined || expected === null))
      ? undefined
      : op(actual, expected);
  const expectedOf = (facts: Facts) => (isRef ? readFact(facts, refFact, refPath) : leaf.value);
  return {
    status: (facts) => leafStatus(result(readFact(facts, fact, path), expectedOf(facts))),
    explain: (facts): LeafOutcome => {
      const actual = readFact(facts, fact, path);
      const expected = expectedOf(facts);
      const r = result(actual, expected);
      return { leaf, result: r, actual, expected, status: leafStatus(r) };
    },
  };
}

function compileNode(node: Condition): Compiled {
  if ('not' in node) {
    const child = compileNode(node.not);
    return {
      status: (facts) => notStatus(child.status(facts)),
      explain: (facts) => notOf(child.explain(facts)),
    };
  }
  if ('all' in node || 'any' in node) {
    const isAll = 'all' in node;
    const children = (isAll ? node.all : node.any).map(compileNode);
    // Short-circuit on the deciding value; remember an unknown in case nothing decides.
    const decides: Status = isAll ? 'fail' : 'pass';
    const otherwise: Status = isAll ? 'pass' : 'fail';
    return {
      status: (facts) => {
        let unknown = false;
        for (const child of children) {
          const status = child.status(facts);
          if (status === decides) return decides;
          if (status === 'unknown') unknown = true;
        }
        return unknown ? 'unknown' : otherwise;
      },
      explain: (facts) => {
        const outcomes = children.map((c) => c.explain(facts));
        return isAll ? allOf(outcomes) : anyOf(outcomes);
      },
    };
  }
  return compileLeaf(node);
}

/**
 * Compiles checks into a runner that evaluates them synchronously. Statuses are computed when
 * asked for and outcome trees only when a status has to be explained; both are memoised per
 * record. A check is named by its id or, on hot paths, by its position in `checks`.
 *
 * @internal
 */
export function createCompiledRunner(checks: readonly CheckSpec[]): SyncCheckRunner {
  const compiled = checks.map((check) => compileNode(check.conditions));
  const index = new Map(checks.map((check, i) => [check.id, i]));
  const at = (id: string | number): number => {
    if (typeof id === 'number') return id;
    const i = index.get(id);
    if (i === undefined) throw new InternalError(`no check "${id}"`);
    return i;
  };
  return (facts) => {
    // Memoised per record in arrays indexed like `checks`: cheaper than a Map per record.
    const statuses: (Status | undefined)[] = new Array(checks.length);
    const outcomes: (Outcome | undefined)[] = new Array(checks.length);
    return {
      status(id) {
        const i = at(id);
        let status = statuses[i];
        if (status === undefined) {
          status = (compiled[i] as Compiled).status(facts);
          statuses[i] = status;
        }
        return status;
      },
      outcome(id) {
        const i = at(id);
        let outcome = outcomes[i];
        if (outcome === undefined) {
          outcome = (compiled[i] as Compiled).explain(facts);
          outcomes[i] = outcome;
        }
        return outcome;
      },
    };
  };
}

/**
 * Results made only when first asked for: a record whose reasons and scores are all kept
 * (see `memo.ts`) never builds its facts nor runs a check.
 *
 * @internal
 */
export function deferred(make: () => CheckResults): CheckResults {
  let results: CheckResults | undefined;
  return {
    status: (id) => {
      results ??= make();
      return results.status(id);
    },
    outcome: (id) => {
      results ??= make();
      return results.outcome(id);
    },
  };
}
