import { InternalError, type Issue } from '../errors.js';
import type { Criterion, CriterionFile, Question } from './format.js';
import type { RuleSet, RuleSetMeta } from './types.js';

/**
 * What loading a rule-set file does once the file is known to be valid: `extends` resolved
 * (criteria and checks replaced in place, added, removed), legal basis and assumptions merged
 * with the parent's, the result frozen. No zod here: `loadRuleSet` validates a file first
 * (`_load.ts`); the shipped rule sets are validated by the tests and loaded by
 * {@link shippedRuleSet} alone, so that `inovasi-rules/core` and a rule set imported one by one
 * carry no schema code.
 */

/** Freezes a value and everything in it. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const byId = <T extends { id: string }>(items: readonly T[]) =>
  new Map(items.map((i) => [i.id, i]));

export function mergeById<T extends { id: string }>(
  own: readonly T[],
  inherited: readonly T[],
): T[] {
  const ownIds = new Set(own.map((i) => i.id));
  return [...own, ...inherited.filter((i) => !ownIds.has(i.id))];
}

/** The metadata of a parsed file, its legal basis and assumptions merged with its parent's. */
export function metaOf(file: Omit<RuleSetMeta, 'lineage'>, parent?: RuleSet): RuleSetMeta {
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

/**
 * A file's questions after the inherited ones; an inherited id declared again is a problem in
 * `issues` (the parent's rules read it with the parent's type). A malformed question (`undefined`,
 * reported by the schema) keeps the others' places.
 */
export function resolveQuestions(
  own: readonly (Question | undefined)[],
  inherited: readonly Question[],
  issues: Issue[],
): Question[] {
  const inheritedIds = new Set(inherited.map((q) => q.id));
  own.forEach((question, i) => {
    if (question && inheritedIds.has(question.id)) {
      issues.push({
        path: ['questions', i, 'id'],
        code: 'invalid_rule',
        message: `question "${question.id}" is inherited already: give this one another id`,
        params: { rule: 'question_inherited', id: question.id },
      });
    }
  });
  return [...inherited, ...own.filter((q): q is Question => !!q && !inheritedIds.has(q.id))];
}

/** Applies a file's criteria on top of the inherited ones; records problems in `issues`. */
export function resolveCriteria(
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
        params: { rule: 'remove_unknown', id: removed },
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
        params: { rule: 'criterion_needs_checks' },
      });
    }
    if (!base && criterion.removeChecks) {
      issues.push({
        path: [...at, 'removeChecks'],
        code: 'invalid_rule',
        message: '"removeChecks" only applies to a criterion that replaces an inherited one',
        params: { rule: 'remove_checks_new' },
      });
    }
    const baseChecks = base?.checks ?? [];
    criterion.removeChecks?.forEach((removed, i) => {
      if (!baseChecks.some((c) => c.id === removed)) {
        issues.push({
          path: [...at, 'removeChecks', i],
          code: 'invalid_rule',
          message: `"${removed}" is not a check of the inherited criterion`,
          params: { rule: 'remove_check_unknown', id: removed },
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
          params: { rule: 'check_twice', id: check.id },
        });
      }
      seen.add(check.id);
    }
  }
  return criteria;
}

/**
 * A shipped rule-set file as a loaded rule set, without validating it: the file is in its
 * parsed form already (a test holds every shipped file to what `loadRuleSet` makes of it).
 *
 * @param file - the rule-set file, as imported
 * @param parent - the loaded rule set it extends, when its `extends` names one
 * @throws {@link InternalError} when `parent` is not the rule set the file extends, or the file
 *   does not resolve against it
 * @internal
 */
export function shippedRuleSet<R extends RuleSet>(file: unknown, parent?: RuleSet): R {
  const f = file as Omit<RuleSetMeta, 'lineage'> & {
    kind: RuleSet['kind'];
    extends?: string;
    criteria?: CriterionFile[];
    questions?: Question[];
    remove?: string[];
    purpose?: 'regulation' | 'competition';
    indicators?: unknown;
    region?: unknown;
    stages?: unknown;
  };
  if (f.extends !== parent?.id || (parent && parent.kind !== 'eligibility')) {
    throw new InternalError(`shipped rule set ${f.id} extends ${f.extends}, given ${parent?.id}`);
  }
  const meta = metaOf(f, parent);
  if (f.kind === 'rubric') {
    return deepFreeze({ ...meta, kind: f.kind, indicators: f.indicators, region: f.region }) as R;
  }
  if (f.kind === 'weighted') return deepFreeze({ ...meta, kind: f.kind, stages: f.stages }) as R;
  const issues: Issue[] = [];
  const criteria = resolveCriteria(
    f.criteria ?? [],
    f.remove ?? [],
    parent?.kind === 'eligibility' ? parent.criteria : [],
    issues,
  );
  const questions = resolveQuestions(
    f.questions ?? [],
    parent?.kind === 'eligibility' ? parent.questions : [],
    issues,
  );
  if (issues.length > 0) {
    throw new InternalError(`shipped rule set ${f.id} does not resolve: ${issues[0]?.message}`);
  }
  const purpose = f.purpose ?? (parent?.kind === 'eligibility' ? parent.purpose : 'regulation');
  return deepFreeze({ ...meta, kind: f.kind, purpose, questions, criteria }) as unknown as R;
}
