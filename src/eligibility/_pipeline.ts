import { latest, memo } from '../conditions/_memo.js';
import { InvalidOptionError, InvalidRecordError, type Issue, issuesFrom } from '../errors.js';
import { type Locale, pick } from '../messages.js';
import { factsOf } from '../record/_facts.js';
import { compileFastParser, GIVE_UP } from '../record/_fast-parse.js';
import {
  type Innovation,
  InnovationSchema,
  NullFreeInnovationSchema,
} from '../record/innovation.js';
import { LIMITS, type Limits, scanInput } from '../record/limits.js';
import {
  getRuleSet,
  loadedOfKind,
  registryVersion,
  resolveRuleSet,
} from '../rule-sets/registry.js';
import type { EligibilityRuleSet, RubricRuleSet, RuleSet } from '../rule-sets/types.js';
import { rubricRunnerFor, scoreParsed } from '../scoring/score.js';
import { scoreStages } from '../scoring/weighted.js';
import {
  type Evaluator,
  fixedEvaluator,
  isRuleSetRef,
  judgeEligibility,
  optionsObject,
  resolveLocale,
  ruleSetRef,
  runnerFor,
} from './_evaluator.js';
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

/** The eligibility rule set used when none is given. */
export const DEFAULT_RULE_SET = 'perwali-batu-36-2022';

/** The IGA rubric used when none is given: the newest edition shipped. */
export const DEFAULT_RUBRIC = 'iga-2026';

/** The record schema compiled into one function (none where a page forbids compiling code). */
const fastParser = latest((limits: Limits) => compileFastParser(InnovationSchema, limits));

/**
 * Validates a record against the innovation schema, size limits first. A valid record takes
 * the compiled fast path; anything it does not vouch for is scanned and parsed by zod.
 */
export function parseRecord(input: unknown): Innovation {
  const fast = fastParser(LIMITS)?.(input) ?? GIVE_UP;
  if (fast !== GIVE_UP) return fast as Innovation;
  const scan = scanInput(input);
  if (scan.issue) throw new InvalidRecordError([scan.issue]);
  const schema = scan.hasNull ? InnovationSchema : NullFreeInnovationSchema;
  let result: ReturnType<typeof schema.safeParse>;
  try {
    result = schema.safeParse(input);
  } catch (error) {
    // A getter or Proxy that throws only when read a second time.
    throw new InvalidRecordError([
      { path: [], code: 'unreadable', message: `the record could not be read: ${String(error)}` },
    ]);
  }
  if (!result.success) throw new InvalidRecordError(issuesFrom(result.error, 'invalid_value'));
  return result.data;
}

/** What a region tells about which rules apply to it: its name and reporting year. */
export interface RegionContext {
  /** The region (*pemerintah daerah*), matched against the rule sets' jurisdictions. */
  pemda?: string | undefined;
  /** The reporting year, which chooses the IGA edition in force. */
  tahun?: number | undefined;
}

/** The usual short forms that start a region's name, and what each stands for. */
const SHORT_FORMS: readonly (readonly [string, string])[] = [
  ['pemkot ', 'kota '],
  ['pemkab ', 'kabupaten '],
  ['kab. ', 'kabupaten '],
  ['kab ', 'kabupaten '],
  ['pemprov ', 'provinsi '],
];

/** Folds a region's name for matching: case, spaces, `Pemerintah`, and the short forms. */
function foldRegion(name: string): string {
  let folded = name.toLowerCase().trim().split(/\s+/).join(' ');
  if (folded.startsWith('pemerintah ')) folded = folded.slice('pemerintah '.length);
  for (const [short, full] of SHORT_FORMS) {
    if (folded.startsWith(short)) return full + folded.slice(short.length);
  }
  return folded;
}

/**
 * The eligibility rule set of a region: a loaded rule set whose jurisdiction is that region
 * (the newest in force), else the national one, PP 38/2017. Batu's Perwali judges Kota Batu's
 * innovations, not another region's.
 */
export function ruleSetForRegion(pemda: string, year?: number): EligibilityRuleSet {
  const name = foldRegion(pemda);
  const date = year === undefined ? undefined : `${year}-12-31`;
  const own = loadedOfKind('eligibility')
    .filter((r) => r.jurisdiction.level !== 'nasional' && foldRegion(r.jurisdiction.name) === name)
    .filter((r) => date === undefined || r.effective.from <= date)
    .sort((a, b) => b.effective.from.localeCompare(a.effective.from));
  return own[0] ?? (getRuleSet(NATIONAL_RULE_SET) as EligibilityRuleSet);
}

/** The national eligibility rule set. */
export const NATIONAL_RULE_SET = 'pp-38-2017';

/**
 * The IGA edition in force for a reporting year (T-0), as OpenFisca picks parameters by period:
 * the edition whose effective dates cover the year's last day; in a gap between editions, the
 * next one (2025 is scored with the 2025/2026 rules: a stated assumption of `iga-2026`); before
 * the first edition, the first (a stated assumption of `iga-2023`); without a year, the newest.
 */
export function editionFor(year: number | undefined): RubricRuleSet {
  // Called for every record: cached per year until a rule set is registered.
  const v = registryVersion();
  if (v !== editionVersion) {
    editions.clear();
    editionVersion = v;
  }
  return editions(year ?? 'newest');
}

const editions = memo((year: number | 'newest') =>
  findEdition(year === 'newest' ? undefined : year),
);
let editionVersion = -1;

function findEdition(year: number | undefined): RubricRuleSet {
  const editions = loadedOfKind('rubric')
    .filter((r) => r.jurisdiction.level === 'nasional')
    .sort((a, b) => a.effective.from.localeCompare(b.effective.from));
  const newest = editions.at(-1) ?? (getRuleSet(DEFAULT_RUBRIC) as RubricRuleSet);
  if (year === undefined) return newest;
  const date = `${year}-12-31`;
  const covering = editions.filter(
    (r) =>
      r.effective.from <= date && (r.effective.until === undefined || date <= r.effective.until),
  );
  if (covering.length > 0) return covering.at(-1) as RubricRuleSet;
  return editions.find((r) => r.effective.from > date) ?? newest;
}

/**
 * Resolves the options once (rule set, rubric, locale) and returns the evaluator that applies
 * them to records.
 *
 * @throws {@link InvalidOptionError} for an option of the wrong type or an unknown locale
 * @throws {@link UnknownRuleSetError} when an option names no loaded rule set of its kind
 */
export function createEvaluator(options?: EvaluateOptions, region?: RegionContext): Evaluator {
  if (options === undefined && region === undefined) {
    // `evaluate(record)`, the usual call: resolved once until a rule set is registered.
    return defaultEvaluator(registryVersion());
  }
  const given = optionsObject(options);
  const locale = resolveLocale(given.locale);
  const asOf = asOfYear(given.asOf);
  const givenRuleSet = ruleSetRef(given.ruleSet, 'ruleSet');
  const ruleSet =
    givenRuleSet !== undefined
      ? resolveRuleSet(givenRuleSet, 'eligibility')
      : region?.pemda
        ? ruleSetForRegion(region.pemda, region.tahun ?? asOf)
        : (getRuleSet(DEFAULT_RULE_SET) as EligibilityRuleSet);
  const givenRubric = ruleSetRef(given.rubric, 'rubric');
  if (givenRubric !== undefined) {
    return fixedEvaluator(ruleSet, resolveRuleSet(givenRubric, 'rubric'), locale, parseRecord);
  }
  const year = asOf ?? region?.tahun;
  if (year !== undefined) return fixedEvaluator(ruleSet, editionFor(year), locale, parseRecord);
  // No rubric and no year given: each record is scored by the edition of its own year.
  return datedEvaluator(ruleSet, locale);
}

const defaultEvaluator = latest(() =>
  datedEvaluator(getRuleSet(DEFAULT_RULE_SET) as EligibilityRuleSet, 'id'),
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

function datedEvaluator(ruleSet: EligibilityRuleSet, locale: Locale): Evaluator {
  const forRecord = (record: Innovation) =>
    fixedEvaluator(ruleSet, editionFor(record.tahun ?? undefined), locale, parseRecord);
  const newest = fixedEvaluator(ruleSet, editionFor(undefined), locale, parseRecord);
  const evaluateParsed = (record: Innovation) => forRecord(record).evaluateParsed(record);
  return {
    ruleSet,
    rubric: newest.rubric,
    locale,
    forRecord,
    evaluateParsed,
    assemble: (record, outcomes, levels) => forRecord(record).assemble(record, outcomes, levels),
    evaluate: (input) => evaluateParsed(parseRecord(input)),
  };
}

/** `{ id, ...rest }` when the record has an id, else `rest`: the id comes first in the JSON. */
function withId<T extends object>(record: Innovation, rest: T): T & { id?: string | number } {
  const id = record.id;
  return id === undefined || id === null ? rest : { id, ...rest };
}

/** Resolves the rule sets of {@link EvaluateAllOptions}, every problem in one error. */
export function resolveAll(options: EvaluateAllOptions): { ruleSets: RuleSet[]; locale: Locale } {
  const given = optionsObject(options);
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
    typeof ref === 'string' ? getRuleSet(ref) : ref,
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
  return withId(record, { nama: record.nama, locale, results });
}
