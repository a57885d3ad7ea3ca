import { createCompiledRunner } from '../conditions/_compile.js';
import type { SyncCheckRunner } from '../conditions/_json-rules-engine.js';
import { InvalidRecordError, issuesFrom } from '../errors.js';
import { factsOf } from '../record/_facts.js';
import { type Innovation, InnovationSchema, NullFreeInnovationSchema } from '../record/innovation.js';
import { scanInput } from '../record/limits.js';
import type { Locale } from '../messages.js';
import { pick } from '../messages.js';
import type { CheckResults } from '../conditions/outcome.js';
import { type CriterionResult, judgeCriterion } from './reasons.js';
import {
  type EligibilityRuleSet,
  getRuleSet,
  type RubricRuleSet,
  type RuleSet,
  resolveRuleSet,
} from '../rule-sets/registry.js';
import { type InnovationScore, rubricRunnerFor, scoreParsed } from '../scoring/score.js';
import { scoreStages, type WeightedStageScore } from '../rule-sets/weighted-format.js';

/** The overall verdict of an eligibility rule set. */
export type Verdict = 'eligible' | 'not_eligible' | 'incomplete';

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** Eligibility rule set: an id or a loaded rule set. Default `perwali-batu-36-2022`. */
  ruleSet?: string | RuleSet;
  /** Language of titles and messages. Default `id` (Indonesian). */
  locale?: Locale;
  /** IGA rubric edition: an id or a loaded rubric. Default the newest, `iga-2026`. */
  rubric?: string | RuleSet;
}

/** The evaluation of one innovation record. */
export interface Evaluation {
  /** The record's `id`, echoed back when it has one. */
  id?: string | number;
  /** The record's name. */
  nama: string;
  /** The rule set applied. */
  ruleSet: { id: string; edition: string };
  /** Language of titles and messages. */
  locale: Locale;
  /** `eligible` when every criterion passes, `not_eligible` when any fails, else `incomplete`. */
  verdict: Verdict;
  /** Every criterion, in the rule set's order, with its status and reasons. */
  criteria: CriterionResult[];
  /** Record fields still to fill in before every criterion can be decided, in form order. */
  missingFields: string[];
  /** The IGA score (*skor kematangan*) under the rubric edition. */
  score: InnovationScore;
}

/** Result of {@link safeEvaluate}: the evaluation, or the input error. */
export type SafeEvaluateResult =
  | { success: true; data: Evaluation }
  | { success: false; error: InvalidRecordError };

/** The eligibility rule set used when none is given. */
export const DEFAULT_RULE_SET = 'perwali-batu-36-2022';

/** The IGA rubric used when none is given: the newest edition shipped. */
export const DEFAULT_RUBRIC = 'iga-2026';

const runners = new WeakMap<RuleSet, SyncCheckRunner>();

/**
 * The compiled runner of an eligibility rule set, built once per rule set.
 *
 * @internal
 */
export function runnerFor(ruleSet: EligibilityRuleSet): SyncCheckRunner {
  let runner = runners.get(ruleSet);
  if (!runner) {
    runner = createCompiledRunner(ruleSet.criteria.flatMap((c) => c.checks));
    runners.set(ruleSet, runner);
  }
  return runner;
}

/**
 * Validates a record against the innovation schema.
 *
 * @internal
 */
export function parseRecord(input: unknown): Innovation {
  const scan = scanInput(input);
  if (scan.issue) throw new InvalidRecordError([scan.issue]);
  const schema = scan.hasNull ? InnovationSchema : NullFreeInnovationSchema;
  const result = schema.safeParse(input);
  if (!result.success) throw new InvalidRecordError(issuesFrom(result.error, 'invalid_value'));
  return result.data;
}

/** Options resolved to loaded rule sets. @internal */
export interface ResolvedOptions {
  ruleSet: EligibilityRuleSet;
  rubric: RubricRuleSet;
  locale: Locale;
}

/**
 * Resolves rule-set ids and checks the locale.
 *
 * @internal
 */
export function resolveOptions(options: EvaluateOptions): ResolvedOptions {
  const ruleSet = resolveRuleSet(options.ruleSet ?? DEFAULT_RULE_SET, 'eligibility');
  const locale = options.locale ?? 'id';
  if (locale !== 'id' && locale !== 'en') {
    throw new RangeError(`locale must be "id" or "en"; got ${JSON.stringify(locale)}`);
  }
  const rubric = resolveRuleSet(options.rubric ?? DEFAULT_RUBRIC, 'rubric');
  return { ruleSet, rubric, locale };
}

/**
 * Evaluates an already validated record.
 *
 * @internal
 */
export function evaluateParsed(record: Innovation, options: ResolvedOptions): Evaluation {
  const facts = factsOf(record);
  return assemble(
    record,
    options,
    runnerFor(options.ruleSet)(facts),
    rubricRunnerFor(options.rubric)(facts),
  );
}

/**
 * Builds the evaluation from the outcomes of the eligibility checks and of the rubric levels,
 * whichever evaluator produced them.
 *
 * @internal
 */
export function assemble(
  record: Innovation,
  { ruleSet, rubric, locale }: ResolvedOptions,
  outcomes: CheckResults,
  levels: CheckResults,
): Evaluation {
  const score = scoreParsed(record, levels, rubric, locale);
  const { verdict, criteria, missingFields } = judgeEligibility(record, ruleSet, outcomes, locale);
  const nama = record.nama;
  const applied = { id: ruleSet.id, edition: ruleSet.edition };
  const id = record.id;
  return id === undefined || id === null
    ? { nama, ruleSet: applied, locale, verdict, criteria, missingFields, score }
    : { id, nama, ruleSet: applied, locale, verdict, criteria, missingFields, score };
}

/** The eligibility part of an evaluation: verdict, criteria and the fields still missing. */
export interface Eligibility {
  /** `eligible`, `not_eligible` or `incomplete`. */
  verdict: Verdict;
  /** Every criterion with its status and reasons. */
  criteria: CriterionResult[];
  /** Record fields still to fill in, in form order. */
  missingFields: string[];
}

function judgeEligibility(
  record: Innovation,
  ruleSet: EligibilityRuleSet,
  outcomes: CheckResults,
  locale: Locale,
): Eligibility {
  const criteria = ruleSet.criteria.map((c) => judgeCriterion(c, outcomes, record, locale));
  let failed = false;
  let undecided = false;
  const missing = new Set<string>();
  for (const criterion of criteria) {
    if (criterion.status === 'fail') failed = true;
    if (criterion.status === 'unknown') undecided = true;
    for (const reason of criterion.reasons) {
      if (reason.status === 'unknown') for (const field of reason.fields) missing.add(field);
    }
  }
  const verdict: Verdict = failed ? 'not_eligible' : undecided ? 'incomplete' : 'eligible';
  return { verdict, criteria, missingFields: [...missing] };
}

/** Options of {@link evaluate} with several rule sets at once. */
export interface EvaluateRuleSetsOptions extends Omit<EvaluateOptions, 'ruleSet' | 'rubric'> {
  /** The rule sets to apply, of any kind (eligibility, rubric, weighted), by id or loaded. */
  ruleSets: readonly (string | RuleSet)[];
}

/** One rule set's result in a {@link MultiEvaluation}. */
export type RuleSetResult = { ruleSet: { id: string; edition: string; title: string } } & (
  | ({ kind: 'eligibility' } & Eligibility)
  | { kind: 'rubric'; score: InnovationScore }
  | { kind: 'weighted'; stages: WeightedStageScore[] }
);

/** The evaluation of one record under several rule sets, one result each, in the order asked. */
export interface MultiEvaluation {
  /** The record's `id`, echoed back when it has one. */
  id?: string | number;
  /** The record's name. */
  nama: string;
  /** Language of titles and messages. */
  locale: Locale;
  /** One result per rule set: a verdict with criteria, an IGA score, or weighted stage totals. */
  results: RuleSetResult[];
}

function evaluateRuleSets(record: Innovation, options: EvaluateRuleSetsOptions): MultiEvaluation {
  const { locale } = resolveOptions({ ...(options.locale ? { locale: options.locale } : {}) });
  const facts = factsOf(record);
  const results = options.ruleSets.map((ref): RuleSetResult => {
    const ruleSet = typeof ref === 'string' ? getRuleSet(ref) : ref;
    const head = { id: ruleSet.id, edition: ruleSet.edition, title: pick(ruleSet.title, locale) };
    if (ruleSet.kind === 'eligibility') {
      return {
        ruleSet: head,
        kind: 'eligibility',
        ...judgeEligibility(record, ruleSet, runnerFor(ruleSet)(facts), locale),
      };
    }
    if (ruleSet.kind === 'rubric') {
      return {
        ruleSet: head,
        kind: 'rubric',
        score: scoreParsed(record, rubricRunnerFor(ruleSet)(facts), ruleSet, locale),
      };
    }
    return { ruleSet: head, kind: 'weighted', stages: scoreStages(ruleSet.stages, record, locale) };
  });
  const id = record.id;
  return id === undefined || id === null
    ? { nama: record.nama, locale, results }
    : { id, nama: record.nama, locale, results };
}

/**
 * Evaluates an innovation record against an eligibility rule set: a verdict, and for every
 * criterion its status, citation and reasons that name the record fields involved.
 *
 * Never mutates its input; the same input gives the same (byte-identical JSON) output.
 *
 * @param record - an innovation record in the shape of {@link InnovationSchema}
 * With `ruleSets` instead of `ruleSet`, the record is judged by several rule sets at once —
 * say Perwali Batu, KIPP 2023 and KOVABLIK — and the result holds one entry per rule set.
 *
 * @param options - eligibility rule set, IGA rubric and locale; or `ruleSets` and locale
 * @returns the evaluation: verdict, criteria and the IGA score (or one result per rule set)
 * @throws {@link InvalidRecordError} when the record is not valid, listing every problem
 * @throws {@link UnknownRuleSetError} when `options.ruleSet` names no loaded rule set
 * @example
 * ```ts
 * import { evaluate } from 'inovasi-rules';
 * const result = await evaluate({ nama: 'Si Cantik', kebaruan: 'tidak' });
 * result.verdict; // 'not_eligible'
 * result.criteria[0].reasons[0].fields; // ['kebaruan']
 * ```
 */
export async function evaluate(record: unknown, options?: EvaluateOptions): Promise<Evaluation>;
export async function evaluate(
  record: unknown,
  options: EvaluateRuleSetsOptions,
): Promise<MultiEvaluation>;
export async function evaluate(
  record: unknown,
  options: EvaluateOptions | EvaluateRuleSetsOptions = {},
): Promise<Evaluation | MultiEvaluation> {
  if ('ruleSets' in options) {
    // Resolve every rule set before reading the record, so an unknown id is reported as such.
    for (const ref of options.ruleSets) if (typeof ref === 'string') getRuleSet(ref);
    return evaluateRuleSets(parseRecord(record), options);
  }
  const resolved = resolveOptions(options);
  return evaluateParsed(parseRecord(record), resolved);
}

/**
 * Like {@link evaluate}, but returns an invalid record as a result instead of rejecting.
 *
 * @param record - an innovation record
 * @param options - rule set and locale
 * @returns `{ success: true, data }` or `{ success: false, error }`
 * @throws {@link UnknownRuleSetError} when `options.ruleSet` names no loaded rule set
 * @example
 * ```ts
 * const r = await safeEvaluate({ nama: 42 });
 * if (!r.success) console.log(r.error.issues); // [{ path: ['nama'], code: 'invalid_type', ... }]
 * ```
 */
export async function safeEvaluate(
  record: unknown,
  options: EvaluateOptions = {},
): Promise<SafeEvaluateResult> {
  try {
    return { success: true, data: await evaluate(record, options) };
  } catch (error) {
    if (error instanceof InvalidRecordError) return { success: false, error };
    throw error;
  }
}
