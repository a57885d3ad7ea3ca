import { DERIVED_FACTS, fieldsOf, RECORD_FIELDS, RECORD_PATHS } from '../record/_facts.js';
import { OPERATOR_VALUE_TYPES } from './_operators.js';
import { dottedPathProblem } from './_path.js';

/**
 * Conditions in json-rules-engine's syntax (all / any / not, fact, operator, value), restricted
 * to what can be checked at load: known facts, known operators, plain dotted paths, no
 * condition references, no fact params.
 */

/** A leaf condition: `fact` (at `path`) compared with `value` by `operator`. */
export interface LeafCondition {
  /** A record field (`kebaruan`, `indikator`) or a derived fact (`urusanKelompok`, `tahunT1`). */
  fact: string;
  /** Plain dotted path inside the fact, e.g. `sdm.jumlah`. */
  path?: string;
  /** A json-rules-engine operator or one of this library's extra operators. */
  operator: string;
  /** The value to compare with: a JSON value, or `{ "fact": ..., "path"?: ... }` to compare with another fact. */
  value: unknown;
}

/** A condition tree in json-rules-engine's syntax. */
export type Condition =
  | LeafCondition
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/** The top of a condition tree: json-rules-engine requires a boolean operator there. */
export type TopLevelCondition = { all: Condition[] } | { any: Condition[] } | { not: Condition };

/** A problem found in a condition tree, with its path relative to the tree. */
export interface ConditionProblem {
  path: (string | number)[];
  message: string;
}

/** Deepest condition tree accepted. */
export const MAX_CONDITION_DEPTH = 16;

const BOOLEAN_KEYS = ['all', 'any', 'not'] as const;
const LEAF_KEYS = new Set(['fact', 'path', 'operator', 'value']);
const KNOWN_FACTS = new Set([...RECORD_FIELDS, ...Object.keys(DERIVED_FACTS)]);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkFactRef(
  fact: unknown,
  path: unknown,
  at: (string | number)[],
  problems: ConditionProblem[],
): void {
  if (typeof fact !== 'string' || !KNOWN_FACTS.has(fact)) {
    problems.push({
      path: [...at, 'fact'],
      message: `unknown fact ${JSON.stringify(fact)}: use a record field or a derived fact (${Object.keys(DERIVED_FACTS).join(', ')})`,
    });
    return;
  }
  if (path === undefined) return;
  if (typeof path !== 'string') {
    problems.push({ path: [...at, 'path'], message: 'path must be a string' });
    return;
  }
  const problem = dottedPathProblem(path);
  if (problem) {
    problems.push({ path: [...at, 'path'], message: problem });
    return;
  }
  const field = `${fact}.${path}`;
  if (!Object.hasOwn(DERIVED_FACTS, fact) && !RECORD_PATHS.has(field)) {
    problems.push({
      path: [...at, 'path'],
      message: `"${field}" is not a field of the innovation record`,
    });
  }
}

function checkValue(
  operator: string,
  value: unknown,
  at: (string | number)[],
  problems: ConditionProblem[],
): void {
  if (isObject(value) && 'fact' in value) {
    const type = OPERATOR_VALUE_TYPES[operator];
    if (type !== 'any' && type !== 'number') {
      // json-rules-engine would throw on a missing referenced list; allow references only where
      // a missing value is harmless.
      problems.push({
        path: [...at, 'value'],
        message: `operator "${operator}" needs a literal ${type} value, not a fact reference`,
      });
      return;
    }
    const extra = Object.keys(value).filter((k) => k !== 'fact' && k !== 'path');
    if (extra.length > 0) {
      problems.push({
        path: [...at, 'value'],
        message: `unexpected key "${extra[0]}" in a fact reference`,
      });
    }
    checkFactRef(value.fact, value.path, [...at, 'value'], problems);
    return;
  }
  const expected = OPERATOR_VALUE_TYPES[operator];
  const ok =
    expected === 'any' ||
    (expected === 'number' && typeof value === 'number' && Number.isFinite(value)) ||
    (expected === 'array' && Array.isArray(value)) ||
    (expected === 'boolean' && typeof value === 'boolean');
  if (!ok) {
    problems.push({
      path: [...at, 'value'],
      message: `operator "${operator}" needs a ${expected} value`,
    });
  }
}

function checkCondition(
  node: unknown,
  at: (string | number)[],
  depth: number,
  problems: ConditionProblem[],
): void {
  if (depth > MAX_CONDITION_DEPTH) {
    problems.push({
      path: at,
      message: `condition nested deeper than ${MAX_CONDITION_DEPTH} levels`,
    });
    return;
  }
  if (!isObject(node)) {
    problems.push({ path: at, message: 'a condition must be an object' });
    return;
  }
  const booleans = BOOLEAN_KEYS.filter((k) => Object.hasOwn(node, k));
  if (booleans.length > 0) {
    const keys = Object.keys(node);
    if (booleans.length > 1 || keys.length > 1) {
      problems.push({
        path: at,
        message: `a boolean condition has exactly one key (all, any or not); found ${keys.join(', ')}`,
      });
      return;
    }
    const op = booleans[0] as (typeof BOOLEAN_KEYS)[number];
    const children = node[op];
    if (op === 'not') {
      checkCondition(children, [...at, 'not'], depth + 1, problems);
      return;
    }
    if (!Array.isArray(children) || children.length === 0) {
      problems.push({
        path: [...at, op],
        message: `"${op}" must be a non-empty array of conditions`,
      });
      return;
    }
    children.forEach((child, i) => {
      checkCondition(child, [...at, op, i], depth + 1, problems);
    });
    return;
  }
  if (Object.hasOwn(node, 'condition')) {
    problems.push({
      path: [...at, 'condition'],
      message: 'condition references are not supported: write the condition inline',
    });
    return;
  }
  for (const key of Object.keys(node)) {
    if (!LEAF_KEYS.has(key))
      problems.push({ path: [...at, key], message: `unexpected key "${key}" in a condition` });
  }
  for (const key of ['fact', 'operator', 'value']) {
    if (!Object.hasOwn(node, key))
      problems.push({ path: [...at, key], message: `a condition needs "${key}"` });
  }
  checkFactRef(node.fact, node.path, at, problems);
  if (typeof node.operator !== 'string' || !Object.hasOwn(OPERATOR_VALUE_TYPES, node.operator)) {
    problems.push({
      path: [...at, 'operator'],
      message: `unknown operator ${JSON.stringify(node.operator)}: use one of ${Object.keys(OPERATOR_VALUE_TYPES).join(', ')}`,
    });
  } else if (Object.hasOwn(node, 'value')) {
    checkValue(node.operator, node.value, at, problems);
  }
}

/**
 * Validates a top-level condition tree and lists every problem with its path.
 *
 * @internal
 */
export function conditionProblems(node: unknown): ConditionProblem[] {
  const problems: ConditionProblem[] = [];
  if (!isObject(node) || !BOOLEAN_KEYS.some((k) => Object.hasOwn(node, k))) {
    problems.push({ path: [], message: 'conditions must start with "all", "any" or "not"' });
  }
  if (problems.length === 0) checkCondition(node, [], 0, problems);
  return problems;
}

/**
 * Calls `visit` on every leaf of a condition tree, in document order.
 *
 * @internal
 */
export function forEachLeaf(node: Condition, visit: (leaf: LeafCondition) => void): void {
  if ('all' in node) for (const c of node.all) forEachLeaf(c, visit);
  else if ('any' in node) for (const c of node.any) forEachLeaf(c, visit);
  else if ('not' in node) forEachLeaf(node.not, visit);
  else visit(node);
}

/**
 * The record fields a condition tree reads, in document order, each once.
 *
 * @internal
 */
export function fieldsRead(node: Condition): string[] {
  const fields = new Set<string>();
  forEachLeaf(node, (leaf) => {
    for (const f of fieldsOf(leaf.fact, leaf.path)) fields.add(f);
    const v = leaf.value;
    if (isObject(v) && typeof v.fact === 'string') {
      for (const f of fieldsOf(v.fact, typeof v.path === 'string' ? v.path : undefined))
        fields.add(f);
    }
  });
  return [...fields];
}
