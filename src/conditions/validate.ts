import { clip, shown, suggest } from '../messages.js';
import { DERIVED_FACTS, RECORD_FIELDS } from '../record/facts.js';
import {
  describeFieldType,
  isCalendarDay,
  isQuestionPath,
  QUESTION_FACT,
} from '../record/field-type.js';
import { FIELD_TYPES, type FieldType, RECORD_PATHS } from '../record/fields.js';
import { findSubUrusan, subUrusanCatalogue } from '../record/kewenangan.js';
import { findUrusan, urusanCatalogue } from '../record/urusan.js';
import { urusanIdOfLabel } from '../record/urusan-labels.js';
import { OPERATOR_VALUE_TYPES } from './operators.js';
import { dottedPathProblem } from './path.js';

export { describeFieldType };

/**
 * What a loader accepts of a condition in json-rules-engine's syntax (all / any / not, fact,
 * operator, value): known facts, known operators, plain dotted paths, values of the field's
 * type, no condition references, no fact params.
 */

/** A problem found in a condition tree, with its path relative to the tree. */
export interface ConditionProblem {
  path: (string | number)[];
  message: string;
  /** A stable code for the kinds an author meets most (`unknown_fact`, `invalid_value`, …). */
  code?: string;
  /** The closest valid name, for "did you mean …". */
  suggestion?: string;
  /** The values the message is made of, for messages in other languages. */
  values?: Record<string, string>;
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
    const suggestion = typeof fact === 'string' ? suggest(fact, KNOWN_FACTS) : undefined;
    problems.push({
      code: 'unknown_fact',
      ...(suggestion ? { suggestion } : {}),
      values: { fact: typeof fact === 'string' ? clip(fact) : shown(fact) },
      path: [...at, 'fact'],
      message: `unknown fact ${shown(fact)}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: use a field of the innovation record (${RECORD_FIELDS.join(', ')}) or a derived fact (${Object.keys(DERIVED_FACTS).join(', ')})`,
    });
    return;
  }
  if (path === undefined) {
    if (fact === QUESTION_FACT) {
      problems.push({
        code: 'missing_question',
        values: { fact: QUESTION_FACT },
        path: [...at, 'path'],
        message: `fact "${QUESTION_FACT}" holds a region's own answers: name the question in "path"`,
      });
    }
    return;
  }
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
  if (fact === QUESTION_FACT) {
    if (!isQuestionPath(field)) {
      problems.push({
        path: [...at, 'path'],
        message: `"${clip(path)}" is not a question id: a region's question is read as fact "${QUESTION_FACT}", path its id (lowercase letters, digits and "_")`,
      });
    }
    return;
  }
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
    if (type !== 'any' && type !== 'number' && type !== 'date') {
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
  if (expected === 'date' || expected === 'date range') {
    checkDateValue(operator, value, expected, at, problems);
    return;
  }
  const ok =
    expected === 'any' ||
    (expected === 'number' && typeof value === 'number' && Number.isFinite(value)) ||
    (expected === 'array' && Array.isArray(value)) ||
    (expected === 'boolean' && typeof value === 'boolean');
  if (!ok) {
    const date = expected === 'number' && isDayOrYear(value);
    problems.push({
      path: [...at, 'value'],
      message: `operator "${operator}" needs ${expected === 'array' ? 'an' : 'a'} ${expected} value${date ? `; to compare dates use ${[...DATE_OPERATORS].join(', ')}` : ''}`,
      ...(date
        ? {
            code: 'number_operator_on_date',
            values: { operator, dateOperators: [...DATE_OPERATORS].join(', ') },
          }
        : {}),
    });
  }
}

/** A day of the calendar written `YYYY-MM-DD` (no 31 April), or a year from 1000 to 9999. */
function isDayOrYear(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1000 && value <= 9999;
  return typeof value === 'string' && isCalendarDay(value);
}

/** The value of a date operator: a day or a year; for `dateBetween`, `[from, to]` in order. */
function checkDateValue(
  operator: string,
  value: unknown,
  expected: 'date' | 'date range',
  at: (string | number)[],
  problems: ConditionProblem[],
): void {
  const say = (message: string, code = 'invalid_date_value') =>
    problems.push({
      code,
      values: { operator, value: shown(value) },
      path: [...at, 'value'],
      message,
    });
  if (expected === 'date') {
    if (!isDayOrYear(value)) {
      say(
        `operator "${operator}" needs a date (YYYY-MM-DD) or a year, such as "2025-01-01" or 2025; found ${shown(value)}`,
      );
    }
    return;
  }
  if (!Array.isArray(value) || value.length !== 2 || !value.every(isDayOrYear)) {
    say(
      `operator "${operator}" needs [from, to], each a date (YYYY-MM-DD) or a year, such as ["2024-01-01", "2025-12-31"]; found ${shown(value)}`,
      'invalid_date_range',
    );
    return;
  }
  const [from, to] = value.map((v, i) =>
    typeof v === 'number' ? `${v}-${i === 0 ? '01-01' : '12-31'}` : v,
  );
  if ((from as string) > (to as string)) {
    say(
      `operator "${operator}" needs [from, to] with from not after to; found ${shown(value)}`,
      'invalid_date_range',
    );
  }
}

/** Operators whose value is a list of the field's values (or of its items, for a list field). */
const LIST_OPERATORS = new Set(['in', 'notIn', 'containsAny', 'containsNone', 'containsAll']);
const ITEM_OPERATORS = new Set(['contains', 'doesNotContain']);
const DATE_OPERATORS = new Set([
  'dateOnOrAfter',
  'dateOnOrBefore',
  'dateBefore',
  'dateAfter',
  'dateBetween',
]);
const NUMBER_OPERATORS = new Set([
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
]);

/**
 * Whether a value fits a field type; for a misspelt value, the closest valid one. An urusan is
 * matched as the record's are (id, code or alias); one written by its name or a label real apps
 * use ("Kesehatan", "UMKM") is refused, with its id as the suggestion.
 */
function fits(type: FieldType, value: unknown): { ok: boolean; suggestion?: string } {
  switch (type.kind) {
    case 'enum': {
      if (typeof value === 'string' && type.values.includes(value)) return { ok: true };
      const suggestion = typeof value === 'string' ? suggest(value, type.values) : undefined;
      return suggestion ? { ok: false, suggestion } : { ok: false };
    }
    case 'boolean':
      return { ok: typeof value === 'boolean' };
    case 'number':
      return {
        ok:
          typeof value === 'number' &&
          (!type.integer || Number.isInteger(value)) &&
          (type.min === undefined || value >= type.min) &&
          (type.max === undefined || value <= type.max),
      };
    case 'date':
      return { ok: typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) };
    case 'string':
      return { ok: typeof value === 'string' };
    case 'urusan': {
      if (typeof value !== 'string') return { ok: false };
      if (findUrusan(value) !== undefined) return { ok: true };
      const suggestion =
        urusanIdOfLabel(value) ??
        suggest(
          value,
          urusanCatalogue.flatMap((u) => [u.id, ...(u.aliases ?? [])]),
        );
      return suggestion ? { ok: false, suggestion } : { ok: false };
    }
    case 'subUrusan': {
      if (typeof value !== 'string') return { ok: false };
      if (findSubUrusan(value) !== undefined) return { ok: true };
      const suggestion = suggest(
        value,
        subUrusanCatalogue.map((s) => s.id),
      );
      return suggestion ? { ok: false, suggestion } : { ok: false };
    }
    default:
      return { ok: true };
  }
}

/**
 * Checks a leaf's literal value against the record field it reads: a value outside the field's
 * allowed values (`"Penerapan"` for `tahapan`) would make every record fail for a reason no
 * author meant.
 */
function checkFieldValue(
  node: Record<string, unknown>,
  at: (string | number)[],
  problems: ConditionProblem[],
  typeOf: (field: string) => FieldType | undefined = (field) => FIELD_TYPES.get(field),
): void {
  const { fact, path, operator, value } = node as {
    fact: string;
    path?: string;
    operator: string;
    value: unknown;
  };
  // A fact or path that is no text is a problem of the condition's shape, reported as such.
  if (typeof fact !== 'string' || (path !== undefined && typeof path !== 'string')) return;
  if (Object.hasOwn(DERIVED_FACTS, fact) || (isObject(value) && 'fact' in value)) return;
  const field = path ? `${fact}.${path}` : fact;
  const type = typeOf(field);
  if (!type) return;
  const report = (item: unknown, expected: FieldType, where: (string | number)[]) => {
    const { ok, suggestion } = fits(expected, item);
    if (ok) return;
    problems.push({
      code: 'invalid_value',
      ...(suggestion ? { suggestion } : {}),
      values: {
        value: shown(item),
        field,
        allowed: describeFieldType(expected),
        'allowed@id': describeFieldType(expected, 'id'),
        ...(expected.kind === 'enum' ? { choices: expected.values.join(', ') } : {}),
      },
      path: where,
      message: `${shown(item)} is not a value of ${field}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: it holds ${describeFieldType(expected)}`,
    });
  };
  const item = type.kind === 'array' ? type.item : type;
  if (NUMBER_OPERATORS.has(operator) || DATE_OPERATORS.has(operator)) {
    const dates = DATE_OPERATORS.has(operator);
    if (item.kind !== (dates ? 'date' : 'number')) {
      const instead = item.kind === 'date' ? `: use ${[...DATE_OPERATORS].join(', ')}` : '';
      problems.push({
        code: 'invalid_operator_for_field',
        values: {
          operator,
          field,
          allowed: describeFieldType(type),
          'allowed@id': describeFieldType(type, 'id'),
          compares: dates ? 'dates' : 'numbers',
          ...(instead ? { instead: [...DATE_OPERATORS].join(', ') } : {}),
        },
        path: [...at, 'operator'],
        message: `operator "${operator}" compares ${dates ? 'dates' : 'numbers'}, but ${field} holds ${describeFieldType(type)}${instead}`,
      });
    }
    return;
  }
  if (LIST_OPERATORS.has(operator) && Array.isArray(value)) {
    value.forEach((v, i) => {
      report(v, item, [...at, 'value', i]);
    });
  } else if (ITEM_OPERATORS.has(operator) && type.kind === 'array') {
    report(value, type.item, [...at, 'value']);
  } else if ((operator === 'equal' || operator === 'notEqual') && type.kind !== 'array') {
    if (value !== null) report(value, type, [...at, 'value']);
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
      problems.push({ path: [...at, key], message: `unexpected key ${shown(key)} in a condition` });
  }
  for (const key of ['fact', 'operator', 'value']) {
    if (!Object.hasOwn(node, key))
      problems.push({ path: [...at, key], message: `a condition needs "${key}"` });
  }
  checkFactRef(node.fact, node.path, at, problems);
  if (typeof node.operator !== 'string' || !Object.hasOwn(OPERATOR_VALUE_TYPES, node.operator)) {
    const operators = Object.keys(OPERATOR_VALUE_TYPES);
    const suggestion =
      typeof node.operator === 'string' ? suggest(node.operator, operators) : undefined;
    problems.push({
      code: 'unknown_operator',
      ...(suggestion ? { suggestion } : {}),
      values: {
        operator: typeof node.operator === 'string' ? node.operator : shown(node.operator),
      },
      path: [...at, 'operator'],
      message: `unknown operator ${shown(node.operator)}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: use one of ${operators.join(', ')}`,
    });
  } else if (Object.hasOwn(node, 'value')) {
    const before = problems.length;
    checkValue(node.operator, node.value, at, problems);
    // A misspelt fact: check the value against the field it was surely meant to be, so that
    // its value's mistake shows in the same pass.
    const meant =
      typeof node.fact === 'string' && !KNOWN_FACTS.has(node.fact)
        ? suggest(node.fact, KNOWN_FACTS)
        : node.fact;
    if (problems.length === before || meant !== node.fact) {
      if (typeof meant === 'string' && KNOWN_FACTS.has(meant)) {
        checkFieldValue({ ...node, fact: meant }, at, problems);
      }
    }
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
 * Checks what a valid condition tree reads of a region's own questions (fact `daerah`) against
 * the questions its rule set declares, inherited ones included: each one read must be declared
 * (else "did you mean"), and each value must fit the question's type, as a national field's
 * values are checked against the record schema.
 *
 * @param node - a condition tree with no problems of its own
 * @param types - each declared question's type, by path (`daerah.ketua_tim`)
 * @internal
 */
export function questionProblems(
  node: unknown,
  types: ReadonlyMap<string, FieldType>,
): ConditionProblem[] {
  const problems: ConditionProblem[] = [];
  const declared = [...types.keys()];
  const walk = (current: unknown, at: (string | number)[]) => {
    if (!isObject(current)) return;
    for (const key of BOOLEAN_KEYS) {
      const children = current[key];
      if (Array.isArray(children)) {
        children.forEach((child, i) => {
          walk(child, [...at, key, i]);
        });
      } else if (children !== undefined) walk(children, [...at, key]);
    }
    if (!('fact' in current)) return;
    const reads: [unknown, unknown, (string | number)[]][] = [[current.fact, current.path, at]];
    const { value } = current;
    if (isObject(value) && 'fact' in value) reads.push([value.fact, value.path, [...at, 'value']]);
    let known = true;
    for (const [fact, path, where] of reads) {
      if (fact !== QUESTION_FACT || typeof path !== 'string') continue;
      const field = `${fact}.${path}`;
      // A path that is no question id at all is the condition check's problem.
      if (types.has(field) || !isQuestionPath(field)) continue;
      known = false;
      const suggestion = suggest(field, declared);
      problems.push({
        code: 'unknown_question',
        ...(suggestion ? { suggestion: suggestion.slice(QUESTION_FACT.length + 1) } : {}),
        values: { field: clip(field), declared: declared.join(', ') || '-' },
        path: [...where, 'path'],
        message:
          declared.length === 0
            ? `"${clip(field)}" is no question of this rule set: declare it in "questions" (a region's own questions belong to an eligibility rule set)`
            : `"${clip(field)}" is no question of this rule set${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: it declares ${declared.join(', ')}`,
      });
    }
    if (known && current.fact === QUESTION_FACT) {
      checkFieldValue(current, at, problems, (field) => types.get(field));
    }
  };
  walk(node, []);
  return problems;
}

/**
 * Writes every catalogued value of a valid condition tree as the record holds it: an urusan
 * given by its code (`"2.17"`) or an alias becomes its id (`koperasi_usaha_kecil_dan_menengah`),
 * as a record's urusan do when it is read, so that the rule matches the records that give the
 * same affair in any of its forms. Changes `node` in place: the loader's private copy.
 *
 * @internal
 */
export function normaliseCatalogued(node: unknown): void {
  if (!isObject(node)) return;
  for (const key of BOOLEAN_KEYS) {
    const children = node[key];
    if (Array.isArray(children)) for (const child of children) normaliseCatalogued(child);
    else if (children !== undefined) normaliseCatalogued(children);
  }
  const { fact, path, value } = node as { fact?: unknown; path?: unknown; value?: unknown };
  if (typeof fact !== 'string' || isObject(value)) return;
  const type = FIELD_TYPES.get(typeof path === 'string' && path ? `${fact}.${path}` : fact);
  const item = type?.kind === 'array' ? type.item : type;
  const canonical =
    item?.kind === 'urusan'
      ? (v: unknown) => (typeof v === 'string' ? (findUrusan(v)?.id ?? v) : v)
      : item?.kind === 'subUrusan'
        ? (v: unknown) => (typeof v === 'string' ? (findSubUrusan(v)?.id ?? v) : v)
        : undefined;
  if (!canonical) return;
  node.value = Array.isArray(value) ? value.map(canonical) : canonical(value);
}
