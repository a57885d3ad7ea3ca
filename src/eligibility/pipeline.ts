import indonesian from 'zod/v4/locales/id.js';
import { latest, weakMemo } from '../conditions/memo.js';
import { InvalidOptionError, InvalidRecordError, type Issue, issuesFrom } from '../errors.js';
import { type Locale, optionNames, optionsObject, pick, thrownText } from '../messages.js';
import { factsOf } from '../record/facts.js';
import { compileFastParser, GIVE_UP } from '../record/fast-parse.js';
import {
  type Innovation,
  InnovationSchema,
  nullFreeInnovationSchema,
} from '../record/innovation.js';
import { inLocale } from '../record/issue-locale.js';
import { LIMITS, type Limits, scanInput } from '../record/limits.js';
import { registryVersion } from '../rule-sets/registry.js';
import type { EligibilityRuleSet, RubricRuleSet, RuleSet } from '../rule-sets/types.js';
import { rubricRunnerFor, scoreParsed } from '../scoring/score.js';
import { scoreStages } from '../scoring/weighted.js';
import { type Chosen, multiBasisOf } from './basis.js';
import {
  chosenEvaluator,
  type Evaluator,
  givenChoice,
  isRuleSetRef,
  judgeEligibility,
  resolveLocale,
  ruleSetRef,
  runnerFor,
} from './evaluator.js';
import { defaultScope, type Scope } from './scope.js';
import type {
  EvaluateAllOptions,
  EvaluateOptions,
  MultiEvaluation,
  RuleSetResult,
} from './types.js';

/**
 * The one evaluation pipeline every feature goes through: resolve the options once, validate
 * the record once, run the compiled eligibility checks and rubric levels on its facts, assemble
 * the verdict, criteria and score. `evaluate`, `evaluateMany`, `evaluatePortfolio`,
 * `evaluateRegion`, the form schema, the reference evaluator and the CLI all use it.
 */

/** The record schema compiled into one function (none where a page forbids compiling code). */
const fastParser = latest((limits: Limits) => compileFastParser(InnovationSchema, limits));

/**
 * Validates a record against the innovation schema, size limits first. A valid record takes
 * the compiled fast path; anything it does not vouch for is scanned and parsed by zod. The
 * problems are said in `locale` (zod's own Indonesian messages, and the schema's own texts from
 * `rules/messages.json`); their codes and paths are the same in both.
 */
export function parseRecord(input: unknown, locale: Locale = 'en'): Innovation {
  const fast = fastParser(LIMITS)?.(input) ?? GIVE_UP;
  if (fast !== GIVE_UP) return fast as Innovation;
  const scan = scanInput(input);
  if (scan.issue) throw new InvalidRecordError([inLocale(scan.issue, locale)]);
  const schema = scan.hasNull ? InnovationSchema : nullFreeInnovationSchema();
  let result: ReturnType<typeof schema.safeParse>;
  try {
    result = schema.safeParse(input, locale === 'id' ? zodIndonesian : undefined);
  } catch (error) {
    // A getter or Proxy that throws only when read a second time.
    throw new InvalidRecordError([
      {
        path: [],
        code: 'unreadable',
        message: `the record could not be read: ${thrownText(error)}`,
      },
    ]);
  }
  if (!result.success) {
    throw new InvalidRecordError(
      issuesFrom(result.error, 'invalid_value').map((issue) => inLocale(issue, locale)),
    );
  }
  return result.data;
}

/** A record reader whose problems are said in `locale`. */
export const readerIn = (locale: Locale): ((input: unknown) => Innovation) =>
  locale === 'id' ? readId : readEn;
const readId = (input: unknown) => parseRecord(input, 'id');
const readEn = (input: unknown) => parseRecord(input, 'en');

const INDONESIAN = indonesian();

/**
 * zod's parse options for Indonesian messages.
 *
 * @internal
 */
export const zodIndonesian = { error: INDONESIAN.localeError };

/** What a region tells about which rules apply to it: its name and reporting year. */
export interface RegionContext {
  /** The region (*pemerintah daerah*), matched against the rule sets' jurisdictions. */
  pemda?: string | undefined;
  /** The reporting year, which chooses the IGA edition in force. */
  tahun?: number | undefined;
}

/** The names of {@link EvaluateOptions}: any other name is refused. */
export const EVALUATE_OPTIONS = optionNames<EvaluateOptions>({
  ruleSet: true,
  locale: true,
  rubric: true,
  asOf: true,
  explain: true,
});

/** The names of {@link EvaluateAllOptions}. */
const EVALUATE_ALL_OPTIONS = optionNames<EvaluateAllOptions>({ ruleSets: true, locale: true });

/**
 * Resolves the options once (rule set, rubric, locale, asOf) and returns the evaluator that
 * applies them to records. What the options leave open is chosen in `scope`: for a region, its
 * own rule set (else the national one) and the edition of its year, once; for records one by
 * one, per record, from each record's `pemda` and `tahun`.
 *
 * @throws {@link InvalidOptionError} for an unknown option name, an option of the wrong type or
 * an unknown locale
 * @throws {@link UnknownRuleSetError} when an option names no rule set of its kind in `scope`
 */
export function createEvaluator(
  options?: EvaluateOptions,
  region?: RegionContext,
  scope: Scope = defaultScope(),
): Evaluator {
  if (options === undefined && region === undefined) {
    // `evaluate(record)`, the usual call: resolved once per scope.
    return defaultEvaluators(scope);
  }
  const given = optionsObject(options, EVALUATE_OPTIONS);
  // The same options give the same evaluator: an engine's calls (and the HTTP API's) pass
  // options every time, and resolving them was a tenth of a small record's evaluation.
  const key = region === undefined ? optionsKey(given) : undefined;
  if (key === undefined) return newEvaluator(given, region, scope);
  const kept = keptEvaluators(scope);
  const known = kept.get(key);
  if (known) return known;
  const made = newEvaluator(given, region, scope);
  // `asOf` takes any date: past the bound, the oldest is let go.
  if (kept.size >= KEPT_EVALUATORS) kept.delete(kept.keys().next().value as string);
  kept.set(key, made);
  return made;
}

/** Most evaluators kept per scope. */
const KEPT_EVALUATORS = 64;

/** Per scope, the evaluators of options seen, by {@link optionsKey}, and the registry's version. */
const evaluatorsOf = weakMemo((_scope: Scope) => ({
  version: -1,
  byKey: new Map<string, Evaluator>(),
}));

/**
 * A scope's kept evaluators, emptied when a rule set has been loaded since: the default scope
 * finds a named rule set in the registry, where `loadRuleSet` may replace it.
 */
function keptEvaluators(scope: Scope): Map<string, Evaluator> {
  const kept = evaluatorsOf(scope);
  const version = registryVersion();
  if (kept.version !== version) {
    kept.byKey.clear();
    kept.version = version;
  }
  return kept.byKey;
}

/**
 * The options as a key, when each is of the type it takes (a text, or `explain` a boolean);
 * else `undefined`, and the options are resolved (and refused) as given.
 */
function optionsKey(given: Record<string, unknown>): string | undefined {
  const { ruleSet, rubric, locale, asOf, explain } = given;
  for (const text of [ruleSet, rubric, locale, asOf]) {
    if (text !== undefined && typeof text !== 'string') return undefined;
  }
  if (explain !== undefined && typeof explain !== 'boolean') return undefined;
  return JSON.stringify([ruleSet, rubric, locale, asOf, explain]);
}

/** The evaluator of options read and checked by {@link createEvaluator}. */
function newEvaluator(
  given: Record<string, unknown>,
  region: RegionContext | undefined,
  scope: Scope,
): Evaluator {
  const locale = resolveLocale(given.locale);
  const asOf = asOfYear(given.asOf);
  const explain = explainOption(given.explain);
  const givenRuleSet = ruleSetRef(given.ruleSet, 'ruleSet');
  const givenRubric = ruleSetRef(given.rubric, 'rubric');
  const ruleSet =
    givenRuleSet !== undefined
      ? givenChoice(scope.resolve(givenRuleSet, 'eligibility'))
      : region?.pemda
        ? scope.eligibilityFor(region.pemda, undefined, asOf ?? region.tahun)
        : undefined;
  const rubric =
    givenRubric !== undefined
      ? givenChoice(scope.resolve(givenRubric, 'rubric'))
      : asOf !== undefined
        ? scope.editionFor(asOf, 'asOf')
        : region?.tahun !== undefined
          ? scope.editionFor(region.tahun)
          : undefined;
  const evaluator =
    ruleSet && rubric
      ? chosenEvaluator(ruleSet, rubric, locale, readerIn(locale))
      : choosingEvaluator(scope, ruleSet, rubric, asOf, locale);
  return explain ? explaining(evaluator) : evaluator;
}

/** The evaluator whose every result carries its trace (`explain: true`). */
function explaining(evaluator: Evaluator): Evaluator {
  return {
    ...evaluator,
    evaluateParsed: (record) => evaluator.explainParsed(record),
    evaluate: (input) => evaluator.explainParsed(readerIn(evaluator.locale)(input)),
  };
}

function explainOption(explain: unknown): boolean {
  if (explain === undefined || typeof explain === 'boolean') return explain === true;
  throw new InvalidOptionError([
    { path: ['explain'], code: 'invalid_type', message: 'explain must be true or false' },
  ]);
}

const defaultEvaluators = weakMemo((scope: Scope) =>
  choosingEvaluator(scope, undefined, undefined, undefined, 'id'),
);

function asOfYear(asOf: unknown): number | undefined {
  if (asOf === undefined) return undefined;
  if (typeof asOf === 'string' && /^\d{4}(-\d{2}-\d{2})?$/.test(asOf))
    return Number(asOf.slice(0, 4));
  throw new InvalidOptionError([
    {
      path: ['asOf'],
      code: 'invalid_value',
      message: 'asOf must be a date (YYYY-MM-DD) or a year (YYYY)',
    },
  ]);
}

/**
 * An evaluator that chooses per record what the options left open: the eligibility rule set
 * from the record's `pemda` (and `tingkatPemda`), the IGA edition from its `tahun`.
 */
function choosingEvaluator(
  scope: Scope,
  ruleSet: Chosen<EligibilityRuleSet> | undefined,
  rubric: Chosen<RubricRuleSet> | undefined,
  asOf: number | undefined,
  locale: Locale,
): Evaluator {
  const forRecord = (record: Innovation) =>
    chosenEvaluator(
      ruleSet ??
        scope.eligibilityFor(record.pemda, record.tingkatPemda, asOf ?? record.tahun ?? undefined),
      rubric ?? scope.editionFor(record.tahun ?? undefined),
      locale,
      readerIn(locale),
    );
  // What a record that gives neither region nor year gets.
  const blank = chosenEvaluator(
    ruleSet ?? scope.eligibilityFor(undefined, undefined, asOf),
    rubric ?? scope.editionFor(undefined),
    locale,
    readerIn(locale),
  );
  const evaluateParsed = (record: Innovation) => forRecord(record).evaluateParsed(record);
  return {
    explainParsed: (record) => forRecord(record).explainParsed(record),
    ruleSet: blank.ruleSet,
    rubric: blank.rubric,
    locale,
    basis: blank.basis,
    forRecord,
    evaluateParsed,
    assemble: (record, outcomes, levels) => forRecord(record).assemble(record, outcomes, levels),
    evaluate: (input) => evaluateParsed(readerIn(locale)(input)),
  };
}

/** `{ id, ...rest }` when the record has an id, else `rest`: the id comes first in the JSON. */
function withId<T extends object>(record: Innovation, rest: T): T & { id?: string | number } {
  const id = record.id;
  return id === undefined || id === null ? rest : { id, ...rest };
}

/** Resolves the rule sets of {@link EvaluateAllOptions}, every problem in one error. */
export function resolveAll(
  options: EvaluateAllOptions,
  scope: Scope = defaultScope(),
): { ruleSets: RuleSet[]; locale: Locale } {
  const given = optionsObject(options, EVALUATE_ALL_OPTIONS);
  const locale = resolveLocale(given.locale);
  const list = given.ruleSets;
  if (!Array.isArray(list) || list.length === 0) {
    throw new InvalidOptionError([
      {
        path: ['ruleSets'],
        code: 'invalid_type',
        message: 'ruleSets must be a non-empty list of rule-set ids or loaded rule sets',
      },
    ]);
  }
  const issues: Issue[] = list.flatMap((ref, i) =>
    isRuleSetRef(ref)
      ? []
      : [
          {
            path: ['ruleSets', i],
            code: 'invalid_type',
            message: 'expected a rule-set id or a loaded rule set',
          },
        ],
  );
  if (issues.length > 0) throw new InvalidOptionError(issues);
  // Resolve every id before reading the record, so that an unknown id is reported as such.
  const ruleSets = (list as (string | RuleSet)[]).map((ref) =>
    typeof ref === 'string' ? scope.get(ref) : ref,
  );
  return { ruleSets, locale };
}

/** Evaluates a validated record under several rule sets of any kind. */
export function evaluateAllParsed(
  record: Innovation,
  ruleSets: readonly RuleSet[],
  locale: Locale,
): MultiEvaluation {
  const facts = factsOf(record);
  const results = ruleSets.map((ruleSet): RuleSetResult => {
    const head = { id: ruleSet.id, edition: ruleSet.edition, title: pick(ruleSet.title, locale) };
    if (ruleSet.kind === 'eligibility') {
      const judged = judgeEligibility(record, ruleSet, runnerFor(ruleSet)(facts), locale);
      return { ruleSet: head, kind: 'eligibility', ...judged };
    }
    if (ruleSet.kind === 'rubric') {
      const levels = rubricRunnerFor(ruleSet)(facts);
      return { ruleSet: head, kind: 'rubric', score: scoreParsed(record, levels, ruleSet, locale) };
    }
    return { ruleSet: head, kind: 'weighted', stages: scoreStages(ruleSet.stages, record, locale) };
  });
  return withId(record, {
    nama: record.nama,
    locale,
    results,
    basis: multiBasisOf(ruleSets, locale),
  });
}
