import { findNodeAtLocation, type Node, parseTree } from 'jsonc-parser';
import indonesian from 'zod/v4/locales/id.js';
import { OPERATOR_VALUE_TYPES } from '../conditions/operators.js';
import type { Issue } from '../errors.js';
import { clip, type Locale, optionNames, optionsObject, pick, suggest } from '../messages.js';
import { DERIVED_FACTS, RECORD_FIELDS } from '../record/facts.js';
import { EligibilityRuleSetSchema } from '../rule-sets/format.js';
import { checkRuleSet, getRuleSet, listRuleSets } from '../rule-sets/registry.js';
import { TEXTS } from './texts.js';

/**
 * Rule-set authoring: every problem of a rule-set file at once, each with where a person finds
 * it (the criterion and check by number and id, the JSON pointer, the line and column), in the
 * author's language, with "did you mean" where a near name exists, and warnings for what is
 * valid but likely a mistake.
 */

/** Options of {@link lintRuleSet}. */
export interface LintOptions {
  /** Language of the messages: `id` (default) or `en`. */
  locale?: Locale;
  /** Warnings count as errors. */
  strict?: boolean;
  /** The file's text, for line and column numbers. */
  source?: string;
}

const LINT_OPTIONS = optionNames<LintOptions>({ locale: true, strict: true, source: true });

/** One problem of a rule-set file, located for a person. */
export interface RuleSetProblem extends Issue {
  /** `error` (the file does not load) or `warning` (it loads, but likely not as meant). */
  severity: 'error' | 'warning';
  /** Where, as a person counts: `kriteria 1 (dapat_di_replikasi) › pemeriksaan 2 (sdm) › fact`. */
  where: string;
  /** The JSON pointer of the place (`/criteria/0/checks/1/conditions/all/0/fact`). */
  pointer: string;
  /** Line in the file, from 1, when `source` is given. */
  line?: number;
  /** Column in the line, from 1, when `source` is given. */
  column?: number;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const texts = () => TEXTS.lint;

/** A JSON pointer (RFC 6901) for a path. */
const pointerOf = (path: readonly (string | number)[]) =>
  path.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

/** The criterion and check of a path by number and id, then the rest of the path. */
function whereOf(json: unknown, path: readonly (string | number)[], locale: Locale): string {
  const t = texts();
  const parts: string[] = [];
  let rest = [...path];
  const listOf = (key: string, word: keyof typeof t, node: unknown) => {
    if (rest[0] !== key || typeof rest[1] !== 'number') return node;
    const list = isObject(node) ? node[key] : undefined;
    const item = Array.isArray(list) ? list[rest[1]] : undefined;
    const id = isObject(item) && typeof item.id === 'string' ? item.id : '?';
    const name =
      key === 'cases' && isObject(item) && typeof item.name === 'string' ? item.name : id;
    // Plain replacement: ids are shown as written (never as spaced labels).
    const template = pick(t[word] as { id: string; en: string }, locale);
    parts.push(template.replace('{n}', String((rest[1] as number) + 1)).replace('{id}', name));
    rest = rest.slice(2);
    return item;
  };
  let node = listOf('criteria', 'criterion', json);
  node = listOf('checks', 'check', node);
  listOf('cases', 'case', json);
  if (rest.length > 0)
    parts.push(
      rest
        .map((p) => (typeof p === 'number' ? `[${p}]` : p))
        .join('.')
        .replace(/\.\[/g, '['),
    );
  return parts.join(' › ') || '(root)';
}

/** Offsets of the line breaks of a text, to turn an offset into a line and column. */
function lineBreaks(text: string): number[] {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  return breaks;
}

/** Line and column (from 1) of an offset, by binary search over the line breaks. */
function position(breaks: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((breaks[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  const start = lo === 0 ? 0 : (breaks[lo - 1] as number) + 1;
  return { line: lo + 1, column: offset - start + 1 };
}

/** Line and column (from 1) of the deepest node of `path` that exists in the parsed text. */
function locate(
  tree: Node | undefined,
  breaks: readonly number[],
  path: readonly (string | number)[],
  source?: string,
) {
  if (!tree) {
    // Too deep for the tree: the text is walked for the path instead.
    const at = source === undefined ? undefined : offsetOfPath(source, path);
    return at === undefined ? undefined : position(breaks, at);
  }
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n) as (string | number)[]);
    if (!node) continue;
    // A property's value: point at its key, where a person looks.
    const at =
      node.parent?.type === 'property'
        ? (node.parent.children?.[0]?.offset ?? node.offset)
        : node.offset;
    return position(breaks, at);
  }
  return undefined;
}

/**
 * The offset of the deepest value of `path` in a JSON text (a property's value: its key), found
 * by walking the text token by token with a stack of its own: a file nested past any parser's
 * recursion is still located.
 */
function offsetOfPath(text: string, path: readonly (string | number)[]): number | undefined {
  // Per open container: whether its own path matches `path` so far, the key of the value being
  // read in it (a property name, or the index in an array), and where that key was written.
  const stack: { array: boolean; matches: boolean; key: string | number; keyAt: number }[] = [];
  let best: number | undefined;
  let matched = -1;
  let expectKey = false;
  const valueAt = (at: number): boolean => {
    const parent = stack[stack.length - 1];
    const depth = stack.length;
    const matches = parent === undefined || (parent.matches && path[depth - 1] === parent.key);
    if (matches && depth > matched) {
      matched = depth;
      best = parent && !parent.array ? parent.keyAt : at;
    }
    return matches;
  };
  for (let i = 0; i < text.length && matched < path.length; i++) {
    const c = text[i] as string;
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === ':') continue;
    if (c === '{' || c === '[') {
      const matches = valueAt(i);
      stack.push({ array: c === '[', matches, key: 0, keyAt: i });
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.array) top.key = (top.key as number) + 1;
      expectKey = top !== undefined && !top.array;
    } else if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        try {
          top.key = JSON.parse(text.slice(i, end + 1)) as string;
        } catch {
          top.key = text.slice(i + 1, end);
        }
        top.keyAt = i;
        expectKey = false;
      } else {
        valueAt(i);
      }
      i = end;
    } else {
      valueAt(i);
      while (i + 1 < text.length && !',}] \n\r\t'.includes(text[i + 1] as string)) i++;
    }
  }
  return best;
}

/**
 * Keys written twice in one object: JSON keeps the last in silence, so the first is never read.
 * Walked without recursion, so any depth is safe.
 */
function duplicateKeys(tree: Node | undefined): Issue[] {
  if (!tree) return [];
  const issues: Issue[] = [];
  const stack: { node: Node; path: (string | number)[] }[] = [{ node: tree, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: Node; path: (string | number)[] };
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key?.type !== 'string') continue;
        const name = String(key.value);
        if (seen.has(name)) {
          issues.push({
            path: [...path, name],
            code: 'duplicate_key',
            message: `"${clip(name)}" is written twice in this object: JSON keeps only the last, so the first is never read; remove one`,
            params: { key: clip(name) },
            offset: key.offset,
          } as Issue & { offset: number });
        }
        seen.add(name);
        if (value) stack.push({ node: value, path: [...path, name] });
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => {
        stack.push({ node: child, path: [...path, i] });
      });
    }
  }
  return issues;
}

/** The parsed text as a tree, or none when it is too deep for the parser's recursion. */
function treeOf(source: string | undefined): Node | undefined {
  if (source === undefined) return undefined;
  try {
    return parseTree(source);
  } catch {
    return undefined;
  }
}

/** The message in the author's language, where the library has it in words of its own. */
function localize(issue: Issue, locale: Locale): string {
  const t = texts();
  const params: Record<string, string> = { ...(issue.params ?? {}) };
  params.hint = issue.suggestion
    ? pick(t.hint, locale).replace('{suggestion}', issue.suggestion)
    : '';
  // A value given in both languages (`allowed` and `allowed@id`) is said in the author's.
  const say = (key: keyof typeof t) =>
    pick(t[key] as { id: string; en: string }, locale).replace(
      /\{(\w+)\}/g,
      (m, k: string) => params[`${k}@${locale}`] ?? params[k] ?? m,
    );
  params.operators = Object.keys(OPERATOR_VALUE_TYPES).join(', ');
  switch (issue.code) {
    case 'unknown_fact':
      params.fields = RECORD_FIELDS.join(', ');
      params.derived = Object.keys(DERIVED_FACTS).join(', ');
      return params.fact !== undefined ? say('unknown_fact') : issue.message;
    case 'invalid_value':
      if (params.choices !== undefined) return say('invalid_value_choice');
      return Object.keys(issue.params ?? {}).length > 0 ? say(issue.code) : issue.message;
    case 'invalid_operator_for_field':
      return (
        say(`invalid_operator_for_field_${params.compares === 'dates' ? 'dates' : 'numbers'}`) +
        (params.instead !== undefined ? say('date_instead') : '')
      );
    case 'invalid_date_value':
    case 'invalid_date_range':
    case 'number_operator_on_date':
    case 'unknown_operator':
    case 'unknown_placeholder':
    case 'unknown_rule_set':
    case 'near_inherited_id':
    case 'unknown_case_field':
    case 'unknown_question':
    case 'missing_question':
    case 'duplicate_key':
      return Object.keys(issue.params ?? {}).length > 0 ? say(issue.code) : issue.message;
    case 'invalid_rule': {
      // An inheritance rule broken (`extends`, `remove`, `removeChecks`): its own text.
      const key = `rule_${params.rule}`;
      return key in t ? say(key as keyof typeof t) : issue.message;
    }
  }
  const last = issue.path.at(-1);
  if (
    issue.code === 'invalid_type' &&
    (last === 'id' || last === 'en') &&
    /is missing$/.test(issue.message)
  ) {
    const [indonesian, english] = pick(t.languages, locale).split('|');
    const status = issue.path.at(-2);
    params.language = (last === 'id' ? indonesian : english) as string;
    params.lang = last;
    params.what =
      issue.path.includes('messages') && typeof status === 'string'
        ? pick(t.statusMessage, locale).replace('{status}', status)
        : typeof status === 'string'
          ? status
          : pick(t.thisText, locale);
    return say('missing_text');
  }
  return issue.message;
}

/** Our own words where the library has them, else zod's Indonesian message, else the English. */
function messageOf(issue: Issue, locale: Locale, generic: string | undefined): string {
  const own = localize(issue, locale);
  return own !== issue.message ? own : (generic ?? issue.message);
}

/**
 * zod's own Indonesian messages for the generic problems of a rule-set file (a wrong type, a
 * value outside a list), by path and code: the library's own problems have texts of their own.
 */
function indonesianMessages(json: unknown): Map<string, string> {
  const messages = new Map<string, string>();
  if (!isObject(json) || json.kind !== 'eligibility') return messages;
  const result = EligibilityRuleSetSchema.safeParse(json, { error: indonesian().localeError });
  for (const issue of result.error?.issues ?? []) {
    if (issue.code === 'custom') continue;
    messages.set(`${issue.path.join('.')}|${issue.code}`, issue.message);
  }
  return messages;
}

/** Criteria (and checks) meant to replace an inherited one, but spelt differently. */
function nearMisses(json: unknown): Issue[] {
  if (!isObject(json) || json.kind !== 'eligibility' || typeof json.extends !== 'string') return [];
  const parent = listRuleSets().some((r) => r.id === json.extends)
    ? getRuleSet(json.extends)
    : undefined;
  if (parent?.kind !== 'eligibility' || !Array.isArray(json.criteria)) return [];
  const inherited = parent.criteria.map((c) => c.id);
  const issues: Issue[] = [];
  json.criteria.forEach((criterion, i) => {
    if (
      !isObject(criterion) ||
      typeof criterion.id !== 'string' ||
      inherited.includes(criterion.id)
    )
      return;
    const suggestion = suggest(criterion.id, inherited);
    // A rule set that removes the inherited criterion replaces it on purpose, under a new id.
    if (!suggestion || (Array.isArray(json.remove) && json.remove.includes(suggestion))) return;
    issues.push({
      path: ['criteria', i, 'id'],
      code: 'near_inherited_id',
      message: `criterion "${criterion.id}" adds a new criterion; did you mean to replace the inherited "${suggestion}"?`,
      suggestion,
      params: { id: criterion.id, suggestion },
    });
  });
  return issues;
}

/**
 * Every problem of a rule-set file at once, for its author: the errors that keep it from
 * loading, and warnings for what loads but is likely a mistake (a new criterion whose id is one
 * letter from an inherited one). Each is located by criterion and check (number and id), JSON
 * pointer and, with `source`, line and column; messages are in the author's language.
 *
 * @param json - the parsed rule-set file
 * @param options - `locale`, `strict` (warnings become errors) and the file's `source` text
 * @returns the problems, errors first; empty when the file is valid and raises no warning
 * @example
 * ```ts
 * lintRuleSet(json, { source: text }).map((p) => `${p.line}:${p.column} ${p.where}: ${p.message}`);
 * ```
 */
export function lintRuleSet(json: unknown, options: LintOptions = {}): RuleSetProblem[] {
  const read = optionsObject(options, LINT_OPTIONS) as LintOptions;
  const locale: Locale = read.locale === 'en' ? 'en' : 'id';
  const generic = locale === 'id' ? indonesianMessages(json) : undefined;
  const tree = treeOf(read.source);
  const breaks = read.source !== undefined ? lineBreaks(read.source) : [];
  const errors = [...duplicateKeys(tree), ...checkRuleSet(json)].map((issue) => ({
    issue,
    severity: 'error' as const,
  }));
  const warnings = nearMisses(json).map((issue) => ({
    issue,
    severity: read.strict ? ('error' as const) : ('warning' as const),
  }));
  return [...errors, ...warnings].map(({ issue, severity }) => {
    // A duplicate key is located at itself (the path finds the last of the two).
    const { offset, ...plain } = issue as Issue & { offset?: number };
    const at =
      offset !== undefined
        ? position(breaks, offset)
        : locate(tree, breaks, issue.path, read.source);
    const key = `${issue.path.join('.')}|${issue.code}`;
    return {
      ...plain,
      message: messageOf(issue, locale, generic?.get(key)),
      severity,
      where: whereOf(json, issue.path, locale),
      pointer: pointerOf(issue.path),
      ...(at ? at : {}),
    };
  });
}

/**
 * Fields of a test-case file's records that the innovation record does not have: a misspelt
 * field is ignored by the evaluation, so a case could pass for the wrong reason.
 *
 * @param json - a test-case file (`{ ruleSet, base?, cases: [{ record, expect }] }`), parsed
 * @returns one issue per unknown field, with its path and the field meant when one is close
 * @example
 * ```ts
 * lintTestCases({ ruleSet: 'pp-38-2017', cases: [{ record: { kebarua: 'tidak' } }] });
 * // [{ path: ['cases', 0, 'record', 'kebarua'], code: 'unknown_case_field', suggestion: 'kebaruan', … }]
 * ```
 */
export function lintTestCases(json: unknown): Issue[] {
  if (!isObject(json)) return [];
  const known = new Set(RECORD_FIELDS);
  const issues: Issue[] = [];
  const look = (record: unknown, path: (string | number)[]) => {
    if (!isObject(record)) return;
    for (const field of Object.keys(record)) {
      if (known.has(field)) continue;
      const suggestion = suggest(field, known);
      issues.push({
        path: [...path, field],
        code: 'unknown_case_field',
        message: `the case's record has "${field}", which is no field of the innovation record${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
        ...(suggestion ? { suggestion } : {}),
        params: { field },
      });
    }
  };
  look(json.base, ['base']);
  if (Array.isArray(json.cases)) {
    json.cases.forEach((c, i) => {
      if (isObject(c)) look(c.record, ['cases', i, 'record']);
    });
  }
  return issues;
}
