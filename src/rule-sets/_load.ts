import {
  type ConditionProblem,
  normaliseCatalogued,
  questionProblems,
} from '../conditions/validate.js';
import { InvalidRuleSetError, type Issue, issuesFrom } from '../errors.js';
import { shown, suggest } from '../messages.js';
import { isQuestionPath } from '../record/field-type.js';
import { type Limits, scanInput } from '../record/limits.js';
import { deepFreeze, metaOf, resolveCriteria, resolveQuestions } from './_resolve.js';
import { EligibilityRuleSetSchema, QuestionSchema } from './format.js';
import { questionTypes } from './questions.js';
import { RubricSchema } from './rubric-format.js';
import type { EligibilityRuleSet, RubricRuleSet, RuleSet, WeightedRuleSet } from './types.js';
import { WeightedRuleSetSchema } from './weighted-format.js';

/**
 * Loading one rule-set file: validation of its kind's schema, resolution of `extends` (criteria
 * and checks replaced in place, added, removed), merged legal basis and assumptions, deep freeze.
 * The registry decides where parents come from.
 */

/** Where `extends` finds the rule sets already loaded. */
export interface ParentLookup {
  get(id: string): RuleSet | undefined;
  ids(): string[];
}

/** Size limits of a rule-set file: the shipped ones hold a few thousand values. */
const RULE_SET_LIMITS: Limits = { maxDepth: 64, maxNodes: 200_000, maxStringLength: 100_000 };

/**
 * A private copy of the caller's rule set, measured first: loading freezes what it keeps, and
 * must never freeze (or be changed through) the caller's own objects, as an editor that checks
 * a rule set at every keystroke still holds them. The limits keep a hostile file (a leaf value
 * nested 20,000 deep) from exhausting the stack.
 */
function safeCopy(input: unknown): unknown {
  const { issue } = scanInput(input, RULE_SET_LIMITS);
  if (issue) throw new InvalidRuleSetError([issue]);
  try {
    return structuredClone(input);
  } catch (error) {
    throw new InvalidRuleSetError([
      {
        path: [],
        code: 'unreadable',
        message: `a rule set is plain JSON data: ${error instanceof Error ? error.message : String(error)}`,
      },
    ]);
  }
}

/**
 * Validates a rule-set file of any kind, resolves its `extends` through `lookup`, and returns
 * it frozen.
 *
 * @throws {@link InvalidRuleSetError} listing every problem with its JSON path
 * @internal
 */
export function parseRuleSet(input: unknown, lookup: ParentLookup): RuleSet {
  const json = safeCopy(input);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new InvalidRuleSetError([notAnObject(json)]);
  }
  const { kind, id: rawId } = json as { kind?: unknown; id?: unknown };
  const id = typeof rawId === 'string' ? rawId : undefined;
  if (kind === 'rubric') return parseRubric(json, id);
  if (kind === 'weighted') return parseWeighted(json, id);
  if (kind !== 'eligibility') {
    throw new InvalidRuleSetError(
      [
        {
          path: ['kind'],
          code: 'invalid_value',
          message: `kind must be "eligibility", "rubric" or "weighted"; found ${shown(kind)}`,
        },
      ],
      id,
    );
  }
  const result = EligibilityRuleSetSchema.safeParse(json, SAID);
  const rawExtends = (json as { extends?: unknown }).extends;
  const { parent, issues } = parentOf(
    typeof rawExtends === 'string' ? rawExtends : undefined,
    id,
    lookup,
  );
  // Read from the file as written, so that they show beside its other problems in one pass.
  const questions = questionsOf(json, parent, issues);
  if (!result.success) {
    // Every problem in one pass: a misspelt `extends` shows beside the file's other problems.
    throw new InvalidRuleSetError([...issuesFrom(result.error, 'invalid_rule'), ...issues], id);
  }
  const file = result.data;
  for (const criterion of file.criteria) {
    for (const check of criterion.checks ?? []) normaliseCatalogued(check.conditions);
  }
  const criteria = resolveCriteria(
    file.criteria,
    file.remove ?? [],
    parent?.criteria ?? [],
    issues,
  );
  if (issues.length > 0) throw new InvalidRuleSetError(issues, file.id);

  const purpose = file.purpose ?? parent?.purpose ?? 'regulation';
  return deepFreeze({ ...metaOf(file, parent), kind: file.kind, purpose, questions, criteria });
}

/** The problem of a rule set that is no JSON object: a file's text not yet parsed, a list of them. */
function notAnObject(json: unknown): Issue {
  const found = json === null ? 'null' : Array.isArray(json) ? 'an array' : `a ${typeof json}`;
  const hint =
    typeof json === 'string' && /^\s*\{/.test(json)
      ? ': the text of a file, not yet parsed (JSON.parse it first)'
      : Array.isArray(json)
        ? ': give the rule sets one by one'
        : '';
  return {
    path: [],
    code: 'invalid_type',
    message: `a rule set is a JSON object (a parsed rule-set file); found ${found}${hint}`,
  };
}

/**
 * How a rule-set file's schema words a key it lacks: zod says "Invalid input: expected string,
 * received undefined"; the author reads `"citation" is required`, and for a citation why.
 */
const SAID: NonNullable<Parameters<typeof RubricSchema.safeParse>[1]> = {
  error: (issue) => {
    if (issue.code !== 'invalid_type' || issue.input !== undefined) return undefined;
    const name = issue.path?.at(-1);
    const key = typeof name === 'string' ? `"${name}"` : 'a value';
    const why =
      name === 'citation'
        ? ': every rule carries its legal citation, e.g. "Perbup Malang 12/2023, Pasal 5 huruf a"'
        : '';
    return `${key} is required (${issue.expected})${why}`;
  },
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * The questions of an eligibility file, inherited ones first, and the problems of what its
 * checks read of them: a question not declared (with "did you mean"), a value not of the
 * question's type, a listed field no question declares. Read defensively from the file as
 * written (a malformed question is left to the schema's own issue), so that these problems show
 * beside the file's other ones.
 */
function questionsOf(json: unknown, parent: EligibilityRuleSet | undefined, issues: Issue[]) {
  const file = isObject(json) ? json : {};
  const own = listOf(file.questions).map((raw) => {
    const parsed = QuestionSchema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  });
  const questions = resolveQuestions(own, parent?.questions ?? [], issues);
  const types = questionTypes(questions);
  listOf(file.criteria).forEach((criterion, ci) => {
    if (!isObject(criterion)) return;
    listOf(criterion.checks).forEach((check, ki) => {
      if (!isObject(check)) return;
      const at = ['criteria', ci, 'checks', ki];
      for (const problem of questionProblems(check.conditions, types)) {
        issues.push(conditionIssue(problem, [...at, 'conditions']));
      }
      listOf(check.fields).forEach((field, fi) => {
        if (typeof field === 'string' && isQuestionPath(field) && !types.has(field)) {
          const suggestion = suggest(field, [...types.keys()]);
          issues.push({
            path: [...at, 'fields', fi],
            code: 'unknown_question',
            message: `"${field}" is no question of this rule set${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: declare it in "questions"`,
            ...(suggestion ? { suggestion } : {}),
            params: { field, declared: [...types.keys()].join(', ') || '-' },
          });
        }
      });
    });
  });
  return questions;
}

/** The parent named by `extends`, or the problem with it ("did you mean …" for a misspelling). */
function parentOf(
  name: string | undefined,
  id: string | undefined,
  lookup: ParentLookup,
): { parent?: EligibilityRuleSet; issues: Issue[] } {
  if (name === undefined) return { issues: [] };
  const found = lookup.get(name);
  const path = ['extends'];
  if (name === id) {
    return {
      issues: [
        {
          path,
          code: 'invalid_rule',
          message: 'a rule set cannot extend itself',
          params: { rule: 'extends_itself' },
        },
      ],
    };
  }
  if (found && found.kind !== 'eligibility') {
    return {
      issues: [
        {
          path,
          code: 'invalid_rule',
          message: `extends a rule set of kind "${found.kind}"`,
          params: { rule: 'extends_kind', kind: found.kind },
        },
      ],
    };
  }
  if (found) return { parent: found as EligibilityRuleSet, issues: [] };
  const eligible = lookup.ids().filter((x) => lookup.get(x)?.kind === 'eligibility');
  const suggestion = suggest(name, eligible);
  return {
    issues: [
      {
        path,
        code: 'unknown_rule_set',
        message: suggestion
          ? `extends "${name}", which is no rule set: did you mean "${suggestion}"?`
          : `extends "${name}", which is not loaded: load it first, or use one of ${eligible.join(', ')}`,
        ...(suggestion ? { suggestion } : {}),
        params: { extends: name },
      },
    ],
  };
}

function parseWeighted(json: unknown, id: string | undefined): WeightedRuleSet {
  const result = WeightedRuleSetSchema.safeParse(json, SAID);
  if (!result.success) throw new InvalidRuleSetError(issuesFrom(result.error, 'invalid_rule'), id);
  const file = result.data;
  return deepFreeze({ ...metaOf(file), kind: file.kind, stages: file.stages });
}

function parseRubric(json: unknown, id: string | undefined): RubricRuleSet {
  const result = RubricSchema.safeParse(json, SAID);
  if (!result.success) throw new InvalidRuleSetError(issuesFrom(result.error, 'invalid_rule'), id);
  const file = result.data;
  for (const indicator of file.indicators) {
    for (const level of indicator.levels) normaliseCatalogued(level.conditions);
  }
  return deepFreeze({
    ...metaOf(file),
    kind: file.kind,
    indicators: file.indicators,
    region: file.region,
  });
}

/** A condition problem as an issue of the rule set, its path from the file's top (as zod's are). */
function conditionIssue(problem: ConditionProblem, at: (string | number)[]): Issue {
  return {
    path: [...at, ...problem.path],
    code: problem.code ?? 'invalid_rule',
    message: problem.message,
    ...(problem.suggestion ? { suggestion: problem.suggestion } : {}),
    ...(problem.values ? { params: problem.values } : {}),
  };
}
