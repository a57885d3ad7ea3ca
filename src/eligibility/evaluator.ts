import { createCompiledRunner, deferred, type SyncCheckRunner } from '../conditions/compile.js';
import { getOrBuild, weakMemo } from '../conditions/memo.js';
import type { CheckResults } from '../conditions/outcome.js';
import { InvalidOptionError, InvalidRecordError } from '../errors.js';
import type { Locale } from '../messages.js';
import { factsOf } from '../record/facts.js';
import type { Innovation } from '../record/innovation.js';
import { answerIssues } from '../rule-sets/questions.js';
import type { EligibilityRuleSet, RubricRuleSet, RuleSet } from '../rule-sets/types.js';
import { rubricRunnerFor, scoreParsed } from '../scoring/score.js';
import { type Basis, basisOf, type Chosen } from './basis.js';
import { judgeCriterion } from './reasons.js';
import { type Trace, traceOf } from './trace.js';
import type { Eligibility, Evaluation, SafeEvaluateResult, Verdict } from './types.js';

/**
 * An evaluator of given rule sets: options checked, records read by the reader it is handed,
 * the compiled eligibility checks and rubric levels run on the record's facts, the verdict,
 * criteria and score assembled. It knows no registry and no zod: the main entry's pipeline
 * (`pipeline.ts`) adds the shipped rule sets, defaults and zod's record schema, and
 * `inovasi-rules/core` the zod-free record reader.
 */

/** Reads a record: the validated record, or an {@link InvalidRecordError} thrown. */
export type RecordReader = (input: unknown) => Innovation;

const LOCALES: readonly Locale[] = ['id', 'en'];

/** The compiled runner of an eligibility rule set, built once per rule set. */
export function runnerFor(ruleSet: EligibilityRuleSet): SyncCheckRunner {
  return runners(ruleSet);
}

const runners = weakMemo((ruleSet: EligibilityRuleSet) =>
  createCompiledRunner(ruleSet.criteria.flatMap((c) => c.checks)),
);

/** Checks the locale option: `id` or `en`. */
export function resolveLocale(locale: unknown): Locale {
  if (locale === undefined) return 'id';
  if (LOCALES.includes(locale as Locale)) return locale as Locale;
  throw new InvalidOptionError([
    {
      path: ['locale'],
      code: 'invalid_value',
      message: `locale must be "id" or "en"; got ${JSON.stringify(locale)}`,
    },
  ]);
}

/** A rule set's id, or a loaded rule set (an object with its `kind` and `id`). */
export const isRuleSetRef = (value: unknown): value is string | RuleSet =>
  typeof value === 'string' ||
  (value !== null && typeof value === 'object' && 'kind' in value && 'id' in value);

/** Checks an option that names a rule set: an id or a loaded rule set. */
export function ruleSetRef(value: unknown, path: string): string | RuleSet | undefined {
  if (value === undefined || isRuleSetRef(value)) return value;
  throw new InvalidOptionError([
    {
      path: [path],
      code: 'invalid_type',
      message: `${path} must be a rule-set id or a loaded rule set`,
    },
  ]);
}

/** Evaluates validated records with options resolved once. */
export interface Evaluator {
  /** The eligibility rule set (of a record without a region, when chosen per record). */
  readonly ruleSet: EligibilityRuleSet;
  /** The IGA rubric (the newest edition, when chosen per record). */
  readonly rubric: RubricRuleSet;
  /** Which rules decided, and why (for the choices made per record, of a record without either). */
  readonly basis: () => Basis;
  /** The language of titles and messages. */
  readonly locale: Locale;
  /** Validates and evaluates a record; throws {@link InvalidRecordError}. */
  evaluate(input: unknown): Evaluation;
  /** Evaluates a record already validated. */
  evaluateParsed(record: Innovation): Evaluation;
  /** Evaluates a record already validated, with the trace of every condition (`explain`). */
  explainParsed(record: Innovation): Evaluation & { trace: Trace };
  /** Builds the evaluation from outcomes produced by any evaluator (compiled or reference). */
  assemble(record: Innovation, outcomes: CheckResults, levels: CheckResults): Evaluation;
  /** The evaluator with the rubric fixed for this record (the edition of its year). */
  forRecord(record: Innovation): Evaluator;
}

/**
 * The evaluator of a rule set and rubric in a locale, records read by `read`: built once per
 * combination, as `evaluate()` is called per record. Both are taken as the caller's choice.
 */
export function fixedEvaluator(
  ruleSet: EligibilityRuleSet,
  rubric: RubricRuleSet,
  locale: Locale,
  read: RecordReader,
): Evaluator {
  return chosenEvaluator(givenChoice(ruleSet), givenChoice(rubric), locale, read);
}

/** A rule set as named by the caller: one object per rule set, so that it can key a cache. */
export const givenChoice = weakMemo(
  <T extends RuleSet>(ruleSet: T): Chosen<T> => ({ ruleSet, code: 'given', params: {} }),
) as <T extends RuleSet>(ruleSet: T) => Chosen<T>;

/**
 * The evaluator of a rule set and rubric as chosen (the choice is written on every result), in
 * a locale: built once per combination of the choice objects.
 */
export function chosenEvaluator(
  ruleSet: Chosen<EligibilityRuleSet>,
  rubric: Chosen<RubricRuleSet>,
  locale: Locale,
  read: RecordReader,
): Evaluator {
  const byLocale = getOrBuild(
    evaluators(read)(ruleSet),
    rubric,
    (): Partial<Record<Locale, Evaluator>> => ({}),
  );
  byLocale[locale] ??= buildEvaluator(ruleSet, rubric, locale, read);
  return byLocale[locale];
}

const evaluators = weakMemo((_: RecordReader) =>
  weakMemo(
    (_: Chosen<EligibilityRuleSet>) =>
      new WeakMap<Chosen<RubricRuleSet>, Partial<Record<Locale, Evaluator>>>(),
  ),
);

function buildEvaluator(
  chosenRuleSet: Chosen<EligibilityRuleSet>,
  chosenRubric: Chosen<RubricRuleSet>,
  locale: Locale,
  read: RecordReader,
): Evaluator {
  const ruleSet = chosenRuleSet.ruleSet;
  const rubric = chosenRubric.ruleSet;
  // Hashed at the first result, not when built: building evaluators must stay cheap.
  let kept: Basis | undefined;
  const basis = () => {
    kept ??= basisOf(chosenRuleSet, chosenRubric, locale);
    return kept;
  };
  const eligibilityRunner = runnerFor(ruleSet);
  const rubricRunner = rubricRunnerFor(rubric);
  const assemble = (record: Innovation, outcomes: CheckResults, levels: CheckResults) => {
    const score = scoreParsed(record, levels, rubric, locale);
    const { verdict, criteria, missingFields } = judgeEligibility(
      record,
      ruleSet,
      outcomes,
      locale,
    );
    const applied = { id: ruleSet.id, edition: ruleSet.edition };
    const nama = record.nama;
    const id = record.id;
    // Literal objects (no spread): the id comes first in the JSON when there is one.
    return id === undefined || id === null
      ? { nama, ruleSet: applied, locale, verdict, criteria, missingFields, score, basis: basis() }
      : {
          id,
          nama,
          ruleSet: applied,
          locale,
          verdict,
          criteria,
          missingFields,
          score,
          basis: basis(),
        };
  };
  const evaluateParsed = (record: Innovation) => {
    // Facts and checks only for what is not kept already.
    let facts: Record<string, unknown> | undefined;
    const factsOnce = () => {
      facts ??= factsOf(record);
      return facts;
    };
    return assemble(
      record,
      deferred(() => eligibilityRunner(factsOnce())),
      deferred(() => rubricRunner(factsOnce())),
    );
  };
  const explainParsed = (record: Innovation) => {
    const facts = factsOf(record);
    const outcomes = eligibilityRunner(facts);
    const levels = rubricRunner(facts);
    const evaluation = assemble(record, outcomes, levels);
    return { ...evaluation, trace: traceOf(ruleSet, rubric, outcomes, levels, evaluation.score) };
  };
  const evaluator: Evaluator = {
    ruleSet,
    rubric,
    locale,
    basis,
    assemble,
    evaluateParsed,
    explainParsed,
    evaluate: (input) => evaluateParsed(read(input)),
    forRecord: () => evaluator,
  };
  return evaluator;
}

/** Judges every criterion of an eligibility rule set from the outcomes of its checks. */
export function judgeEligibility(
  record: Innovation,
  ruleSet: EligibilityRuleSet,
  outcomes: CheckResults,
  locale: Locale,
  memo = true,
): Eligibility {
  // A region's own questions: the answers are checked by the rule set that asks them.
  if (ruleSet.questions.length > 0) {
    const issues = answerIssues(record.daerah, ruleSet.questions, locale);
    if (issues.length > 0) throw new InvalidRecordError(issues);
  }
  const criteria = ruleSet.criteria.map((c) => judgeCriterion(c, outcomes, record, locale, memo));
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

/** Runs an evaluation; an invalid record becomes `{ success: false, error }`. */
export function attempt<T>(run: () => T): SafeEvaluateResult<T> {
  try {
    return { success: true, data: run() };
  } catch (error) {
    if (error instanceof InvalidRecordError) return { success: false, error };
    throw error;
  }
}
