import {
  evaluateAllIn,
  evaluateIn,
  safeEvaluateAllIn,
  safeEvaluateIn,
} from '../eligibility/evaluate.js';
import { createScope, type Scope } from '../eligibility/scope.js';
import type {
  EvaluateAllOptions,
  EvaluateOptions,
  Evaluation,
  MultiEvaluation,
  SafeEvaluateResult,
} from '../eligibility/types.js';
import { InvalidOptionError, InvalidRuleSetError, type Issue } from '../errors.js';
import { type BatchItem, type EvaluateManyOptions, evaluateManyIn } from '../features/batch.js';
import { compareEditionsIn, type EditionsComparison } from '../features/compare.js';
import {
  createFormSchemaIn,
  type DraftProgress,
  draftProgressIn,
  type FormSchemaOptions,
} from '../features/form.js';
import { type PlanOptions, planRegionIn, type RegionPlan } from '../features/plan.js';
import {
  evaluatePortfolioIn,
  type Portfolio,
  type PortfolioInput,
  type PortfolioOptions,
} from '../features/portfolio.js';
import { evaluateRegionIn, type RegionEvaluation } from '../features/region.js';
import {
  checkSubmissionIn,
  type SubmissionCheck,
  type SubmissionOptions,
} from '../features/submission.js';
import type { Locale } from '../messages.js';
import { optionNames, thrownText, unknownOptionIssues } from '../messages.js';
import {
  getRuleSet,
  kindClash,
  loadRuleSetAmong,
  shippedRuleSets,
  summaryOf,
} from '../rule-sets/registry.js';
import type { RuleSet, RuleSetSummary } from '../rule-sets/types.js';

/**
 * An engine: the rule sets it owns, the choice among them (a record's region decides its
 * eligibility rule set, its year the IGA edition), its defaults and its caches, as one immutable
 * value. Two engines never see each other's rule sets; `with` builds a new engine from a
 * baseline, as OpenFisca builds a reform, and leaves the baseline as it was.
 */

/** Options of {@link createEngine}. */
export interface EngineOptions {
  /**
   * Rule sets the engine holds beside the shipped ones: loaded rule sets (from `loadRuleSet` or
   * another engine), rule-set JSON (validated here, `extends` resolved among the engine's rule
   * sets, in the order given), or ids of rule sets loaded with `loadRuleSet`. One with the id of
   * a shipped rule set of its kind replaces it in this engine only; one of another kind is
   * refused (an eligibility rule set named `iga-2026` would leave every score to another edition).
   */
  ruleSets?: readonly unknown[];
  /** Leave the shipped rule sets out (the engine then holds only `ruleSets`). Default `true`. */
  shipped?: boolean;
  /** The IGA rubric of every call that names none (an id or a rubric); default: by year. */
  rubric?: string | RuleSet;
  /** Language of titles and messages of every call that names none. Default `id`. */
  locale?: Locale;
  /**
   * The date (`YYYY-MM-DD`) or year whose IGA edition applies, for every call that names none;
   * a full date is also the day of {@link Engine.checkSubmission}.
   */
  asOf?: string;
}

/** An immutable engine of rule sets: every function of the library, on its rule sets. */
export interface Engine {
  /** The rule sets it holds (shipped ones first, then its own, in the order given). */
  readonly ruleSets: readonly RuleSet[];
  /** Its defaults: `rubric`, `locale` and `asOf` as given to {@link createEngine}. */
  readonly defaults: Readonly<Pick<EngineOptions, 'rubric' | 'locale' | 'asOf'>>;
  /** Its rule sets as `listRuleSets` lists them: `builtIn` for the shipped ones it kept. */
  listRuleSets(): RuleSetSummary[];
  /**
   * A rule set of this engine by id.
   *
   * @throws {@link UnknownRuleSetError} when it holds none of that id
   */
  getRuleSet(id: string): RuleSet;
  /**
   * A new engine with one rule set added, or replaced where one has its id (a draft, a reform,
   * a region's Perbup); this engine is unchanged.
   *
   * @param ruleSet - a loaded rule set, or rule-set JSON (validated, `extends` resolved here)
   * @throws {@link InvalidRuleSetError} listing every problem of the JSON, or when it takes the id
   *   of a rule set of another kind
   */
  with(ruleSet: unknown): Engine;
  /** {@link evaluate} on this engine's rule sets. */
  evaluate(record: unknown, options?: EvaluateOptions): Promise<Evaluation>;
  /** {@link safeEvaluate} on this engine's rule sets. */
  safeEvaluate(record: unknown, options?: EvaluateOptions): Promise<SafeEvaluateResult>;
  /** {@link evaluateAll} on this engine's rule sets. */
  evaluateAll(record: unknown, options: EvaluateAllOptions): Promise<MultiEvaluation>;
  /** {@link safeEvaluateAll} on this engine's rule sets. */
  safeEvaluateAll(
    record: unknown,
    options: EvaluateAllOptions,
  ): Promise<SafeEvaluateResult<MultiEvaluation>>;
  /** {@link evaluateMany} on this engine's rule sets. */
  evaluateMany(
    records: Iterable<unknown> | AsyncIterable<unknown>,
    options?: EvaluateManyOptions,
  ): AsyncGenerator<BatchItem, void, undefined>;
  /** {@link evaluateRegion} on this engine's rule sets. */
  evaluateRegion(region: unknown, options?: EvaluateOptions): Promise<RegionEvaluation>;
  /** {@link evaluatePortfolio} on this engine's rule sets. */
  evaluatePortfolio(input: PortfolioInput, options?: PortfolioOptions): Promise<Portfolio>;
  /** `checkSubmission` (of `inovasi-rules/submission`) on this engine's rule sets. */
  checkSubmission(record: unknown, options?: SubmissionOptions): Promise<SubmissionCheck>;
  /** `planRegion` (of `inovasi-rules/plan`) on this engine's rule sets. */
  planRegion(region: unknown, options?: PlanOptions): Promise<RegionPlan>;
  /** `compareEditions` (of `inovasi-rules/plan`) on this engine's rule sets. */
  compareEditions(
    region: unknown,
    a: string | RuleSet,
    b: string | RuleSet,
    options?: Omit<EvaluateOptions, 'rubric' | 'asOf'>,
  ): Promise<EditionsComparison>;
  /** {@link createFormSchema} on this engine's rule sets. */
  createFormSchema(options?: FormSchemaOptions): ReturnType<typeof createFormSchemaIn>;
  /** {@link draftProgress} on this engine's rule sets. */
  draftProgress(record: unknown, options?: EvaluateOptions): DraftProgress;
}

const ENGINE_KEYS = optionNames<EngineOptions>({
  ruleSets: true,
  shipped: true,
  rubric: true,
  locale: true,
  asOf: true,
});

/**
 * Creates an engine: the shipped rule sets (unless `shipped: false`) and yours, with defaults.
 * Nothing process-wide is read or changed: loading a rule set into one engine changes no other
 * engine's answer, nor the top-level functions'.
 *
 * @param options - its own rule sets, and the defaults of its calls
 * @returns the engine
 * @throws {@link InvalidOptionError} for an unknown option or a value of the wrong type
 * @throws {@link InvalidRuleSetError} when a rule set given as JSON is not valid
 * @throws {@link UnknownRuleSetError} when an id in `ruleSets` names no loaded rule set
 * @example
 * ```ts
 * import { createEngine } from 'inovasi-rules';
 * const engine = createEngine({ ruleSets: [perbupMalangJson] });
 * const result = await engine.evaluate({ nama: 'Si Cantik', pemda: 'Kab. Malang' });
 * result.basis.ruleSet.why.message; // 'Perbup Malang …, karena pemda = Kab. Malang'
 * ```
 */
export function createEngine(options?: EngineOptions): Engine {
  const given = engineOptions(options);
  let ruleSets: RuleSet[] = given.shipped === false ? [] : [...shippedRuleSets()];
  for (const entry of given.ruleSets ?? []) ruleSets = withRuleSet(ruleSets, entry);
  const defaults: Engine['defaults'] = Object.freeze({
    ...(given.rubric !== undefined ? { rubric: given.rubric } : {}),
    ...(given.locale !== undefined ? { locale: given.locale } : {}),
    ...(given.asOf !== undefined ? { asOf: given.asOf } : {}),
  });
  return engineOf(Object.freeze(ruleSets), defaults);
}

/** Adds a rule set to a list, or replaces the one of its id: a new list. */
function withRuleSet(ruleSets: readonly RuleSet[], entry: unknown): RuleSet[] {
  const ruleSet =
    typeof entry === 'string'
      ? (ruleSets.find((r) => r.id === entry) ?? getRuleSet(entry))
      : isLoaded(entry)
        ? entry
        : loadRuleSetAmong(entry, ruleSets);
  const at = ruleSets.findIndex((r) => r.id === ruleSet.id);
  const clash = at < 0 ? undefined : kindClash(ruleSets[at] as RuleSet, ruleSet);
  if (clash) throw new InvalidRuleSetError([clash], ruleSet.id);
  return at < 0 ? [...ruleSets, ruleSet] : ruleSets.map((r, i) => (i === at ? ruleSet : r));
}

/** A rule set as the loaders make it: frozen, of a known kind, with its lineage. */
function isLoaded(value: unknown): value is RuleSet {
  return (
    value !== null &&
    typeof value === 'object' &&
    Object.isFrozen(value) &&
    'lineage' in value &&
    ['eligibility', 'rubric', 'weighted'].includes((value as { kind?: unknown }).kind as string)
  );
}

function engineOptions(options: unknown): EngineOptions {
  if (options === undefined) return {};
  const issues: Issue[] = [];
  let copy: Record<string, unknown> = {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    issues.push({ path: [], code: 'invalid_type', message: 'options must be an object' });
  } else {
    try {
      copy = { ...options };
    } catch (error) {
      issues.push({
        path: [],
        code: 'unreadable',
        message: `the options could not be read: ${thrownText(error)}`,
      });
    }
  }
  issues.push(...unknownOptionIssues(copy, ENGINE_KEYS));
  if (copy.ruleSets !== undefined && !Array.isArray(copy.ruleSets)) {
    issues.push({ path: ['ruleSets'], code: 'invalid_type', message: 'ruleSets must be a list' });
  }
  if (copy.shipped !== undefined && typeof copy.shipped !== 'boolean') {
    issues.push({ path: ['shipped'], code: 'invalid_type', message: 'shipped must be a boolean' });
  }
  if (issues.length > 0) throw new InvalidOptionError(issues);
  // rubric, locale and asOf are checked by the first call, as every call checks its own.
  return copy as EngineOptions;
}

function engineOf(ruleSets: readonly RuleSet[], defaults: Engine['defaults']): Engine {
  const scope: Scope = createScope(ruleSets);
  // A call's own options win over the engine's defaults; options that are not an object are
  // passed on as they are, for the function to refuse them as it refuses them at the top level.
  const full = <T>(options: T): T => over(defaults, options);
  const localeOnly = <T>(options: T): T =>
    over(defaults.locale !== undefined ? { locale: defaults.locale } : {}, options);
  const forSubmission = (options: SubmissionOptions | undefined) =>
    over(
      {
        ...(typeof defaults.rubric === 'string' ? { rubric: defaults.rubric } : {}),
        ...(defaults.locale !== undefined ? { locale: defaults.locale } : {}),
        ...(defaults.asOf?.length === 10 ? { asOf: defaults.asOf } : {}),
      },
      options,
    );
  const engine: Engine = {
    ruleSets,
    defaults,
    getRuleSet: (id) => scope.get(id),
    listRuleSets: () => {
      const shipped = new Set<RuleSet>(shippedRuleSets());
      return ruleSets.map((ruleSet) => summaryOf(ruleSet, shipped.has(ruleSet)));
    },
    with: (ruleSet) => engineOf(Object.freeze(withRuleSet(ruleSets, ruleSet)), defaults),
    evaluate: async (record, options) => evaluateIn(scope, record, full(options)),
    safeEvaluate: async (record, options) => safeEvaluateIn(scope, record, full(options)),
    evaluateAll: async (record, options) => evaluateAllIn(scope, record, localeOnly(options)),
    safeEvaluateAll: async (record, options) =>
      safeEvaluateAllIn(scope, record, localeOnly(options)),
    evaluateMany: (records, options) => evaluateManyIn(scope, records, full(options)),
    evaluateRegion: async (region, options) => evaluateRegionIn(scope, region, full(options)),
    evaluatePortfolio: (input, options) => evaluatePortfolioIn(scope, input, full(options)),
    checkSubmission: async (record, options) =>
      checkSubmissionIn(scope, record, forSubmission(options)),
    planRegion: async (region, options) => planRegionIn(scope, region, full(options)),
    compareEditions: async (region, a, b, options) =>
      compareEditionsIn(scope, region, a, b, localeOnly(options)),
    createFormSchema: (options) => createFormSchemaIn(scope, localeOnly(options)),
    draftProgress: (record, options) => draftProgressIn(scope, record, full(options)),
  };
  return Object.freeze(engine);
}

/** `options` over `base`: a plain copy, or `options` itself when it cannot be spread over it. */
function over<T>(base: object, options: T): T {
  if (options === undefined) return { ...base } as T;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return options;
  try {
    return { ...base, ...options };
  } catch {
    return options;
  }
}
