import { InvalidRuleSetError, type Issue, issuesFrom } from '../errors.js';
import { suggest } from '../record/_suggest.js';
import { type Limits, scanInput } from '../record/limits.js';
import { type Criterion, type CriterionFile, EligibilityRuleSetSchema } from './format.js';
import { RubricSchema } from './rubric-format.js';
import type {
  EligibilityRuleSet,
  RubricRuleSet,
  RuleSet,
  RuleSetMeta,
  WeightedRuleSet,
} from './types.js';
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

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const byId = <T extends { id: string }>(items: readonly T[]) =>
  new Map(items.map((i) => [i.id, i]));

function mergeById<T extends { id: string }>(own: readonly T[], inherited: readonly T[]): T[] {
  const ownIds = new Set(own.map((i) => i.id));
  return [...own, ...inherited.filter((i) => !ownIds.has(i.id))];
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
  const kind = (json as { kind?: unknown } | null)?.kind;
  const rawId = (json as { id?: unknown } | null)?.id;
  const id = typeof rawId === 'string' ? rawId : undefined;
  if (kind === 'rubric') return parseRubric(json, id);
  if (kind === 'weighted') return parseWeighted(json, id);
  if (kind !== 'eligibility') {
    throw new InvalidRuleSetError(
      [
        {
          path: ['kind'],
          code: 'invalid_value',
          message: `kind must be "eligibility", "rubric" or "weighted"; found ${JSON.stringify(kind)}`,
        },
      ],
      id,
    );
  }
  const result = EligibilityRuleSetSchema.safeParse(json);
  const rawExtends = (json as { extends?: unknown }).extends;
  const { parent, issues } = parentOf(
    typeof rawExtends === 'string' ? rawExtends : undefined,
    id,
    lookup,
  );
  if (!result.success) {
    // Every problem in one pass: a misspelt `extends` shows beside the file's other problems.
    throw new InvalidRuleSetError([...issuesFrom(result.error, 'invalid_rule'), ...issues], id);
  }
  const file = result.data;
  const criteria = resolveCriteria(
    file.criteria,
    file.remove ?? [],
    parent?.criteria ?? [],
    issues,
  );
  if (issues.length > 0) throw new InvalidRuleSetError(issues, file.id);

  return deepFreeze({ ...metaOf(file, parent), kind: file.kind, criteria });
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
    return { issues: [{ path, code: 'invalid_rule', message: 'a rule set cannot extend itself' }] };
  }
  if (found && found.kind !== 'eligibility') {
    return {
      issues: [
        { path, code: 'invalid_rule', message: `extends a rule set of kind "${found.kind}"` },
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

/** The metadata of a parsed file, its legal basis and assumptions merged with its parent's. */
function metaOf(file: Omit<RuleSetMeta, 'lineage'>, parent?: RuleSet): RuleSetMeta {
  return {
    id: file.id,
    title: file.title,
    jurisdiction: file.jurisdiction,
    legalBasis: mergeById(file.legalBasis, parent?.legalBasis ?? []),
    edition: file.edition,
    effective: file.effective,
    assumptions: mergeById(file.assumptions, parent?.assumptions ?? []),
    lineage: parent ? [parent.id, ...parent.lineage] : [],
  };
}

function parseWeighted(json: unknown, id: string | undefined): WeightedRuleSet {
  const result = WeightedRuleSetSchema.safeParse(json);
  if (!result.success) throw new InvalidRuleSetError(issuesFrom(result.error, 'invalid_rule'), id);
  const file = result.data;
  return deepFreeze({ ...metaOf(file), kind: file.kind, stages: file.stages });
}

function parseRubric(json: unknown, id: string | undefined): RubricRuleSet {
  const result = RubricSchema.safeParse(json);
  if (!result.success) throw new InvalidRuleSetError(issuesFrom(result.error, 'invalid_rule'), id);
  const file = result.data;
  return deepFreeze({
    ...metaOf(file),
    kind: file.kind,
    indicators: file.indicators,
    region: file.region,
  });
}

/** Applies a file's criteria on top of the inherited ones; records problems in `issues`. */
function resolveCriteria(
  own: readonly CriterionFile[],
  remove: readonly string[],
  inherited: readonly Criterion[],
  issues: Issue[],
): Criterion[] {
  const inheritedById = byId(inherited);
  remove.forEach((removed, i) => {
    if (!inheritedById.has(removed)) {
      issues.push({
        path: ['remove', i],
        code: 'invalid_rule',
        message: `"${removed}" is not an inherited criterion`,
      });
    }
  });
  const resolved = new Map<string, Criterion>();
  own.forEach((criterion, ci) => {
    const base = inheritedById.get(criterion.id);
    const at = ['criteria', ci];
    if (!base && !criterion.checks) {
      issues.push({
        path: [...at, 'checks'],
        code: 'invalid_rule',
        message: 'a criterion that replaces none needs checks',
      });
    }
    if (!base && criterion.removeChecks) {
      issues.push({
        path: [...at, 'removeChecks'],
        code: 'invalid_rule',
        message: '"removeChecks" only applies to a criterion that replaces an inherited one',
      });
    }
    const baseChecks = base?.checks ?? [];
    criterion.removeChecks?.forEach((removed, i) => {
      if (!baseChecks.some((c) => c.id === removed)) {
        issues.push({
          path: [...at, 'removeChecks', i],
          code: 'invalid_rule',
          message: `"${removed}" is not a check of the inherited criterion`,
        });
      }
    });
    const dropped = new Set(criterion.removeChecks ?? []);
    const ownChecks = byId(criterion.checks ?? []);
    const checks = [
      ...baseChecks.filter((c) => !dropped.has(c.id)).map((c) => ownChecks.get(c.id) ?? c),
      ...(criterion.checks ?? []).filter((c) => !baseChecks.some((b) => b.id === c.id)),
    ];
    resolved.set(criterion.id, {
      id: criterion.id,
      ref: criterion.ref ?? base?.ref,
      title: criterion.title,
      citation: criterion.citation,
      checks,
    });
  });
  const removed = new Set(remove);
  const criteria = [
    ...inherited.filter((c) => !removed.has(c.id)).map((c) => resolved.get(c.id) ?? c),
    ...[...resolved.values()].filter((c) => !inheritedById.has(c.id)),
  ];
  const seen = new Set<string>();
  for (const criterion of criteria) {
    for (const check of criterion.checks) {
      if (seen.has(check.id)) {
        const ci = own.findIndex((c) => c.id === criterion.id);
        issues.push({
          path: ci >= 0 ? ['criteria', ci, 'checks'] : ['criteria'],
          code: 'invalid_rule',
          message: `check id "${check.id}" is used by more than one criterion`,
        });
      }
      seen.add(check.id);
    }
  }
  return criteria;
}
