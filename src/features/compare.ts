import { evaluate } from '../eligibility/evaluate.js';
import { defaultScope, type Scope } from '../eligibility/scope.js';
import type { EvaluateOptions } from '../eligibility/types.js';
import { InvalidOptionError } from '../errors.js';
import { interpolate, type Locale, optionNames, optionsObject, pick } from '../messages.js';
import type { Band } from '../rule-sets/rubric-format.js';
import type { RubricRuleSet, RuleSet, RuleSetRef } from '../rule-sets/types.js';
import { evaluateRegionIn, type RegionEvaluation } from './region.js';
import { TEXTS } from './texts.js';

/**
 * Two IGA rubric editions side by side: a region's index, or one innovation's kematangan, under
 * each, with the parts that moved and why. A rubric the caller modified (a draft of next year's
 * rules) compares the same way as a shipped one.
 */

/** A region under one edition: its IID, band and parts. */
export interface EditionResult {
  /** The rubric. */
  rubric: RuleSetRef;
  /** Indeks Inovasi Daerah. */
  iid: number;
  /** Its band. */
  band: Band;
  /** The band's name in the requested locale. */
  bandTitle: string;
  /** SPD points. */
  spd: number;
  /** SID points: Σ kematangan ÷ max(floor, n). */
  sid: number;
  /** The divisor of the SID. */
  divisor: number;
  /** Innovation-count points. */
  count: number;
}

/** The result of {@link compareEditions} for a region. */
export interface EditionsComparison {
  /** The region under the first edition. */
  a: EditionResult;
  /** The region under the second edition. */
  b: EditionResult;
  /** b minus a, for the IID and each part (to 0.0001). */
  delta: {
    /** IID. */
    iid: number;
    /** SPD points. */
    spd: number;
    /** SID points. */
    sid: number;
    /** Innovation-count points. */
    count: number;
  };
  /** Why the parts moved: the divisor floor, the basic-service rule, bands, weights. */
  reasons: string[];
  /** Each innovation whose counted kematangan differs between the editions. */
  innovations: {
    /** Its position in `inovasi`, from 0. */
    index: number;
    /** Its name. */
    nama: string;
    /** Counted kematangan under the first edition. */
    a: number;
    /** Under the second. */
    b: number;
    /** b − a. */
    delta: number;
  }[];
}

/** One innovation's kematangan under one edition. */
export interface EditionScore {
  /** The rubric. */
  rubric: RuleSetRef;
  /** Σ points of the indicators whose facts are given. */
  claimed: number;
  /** Σ points of those with evidence attached. */
  proven: number;
}

/** The result of {@link compareInnovationEditions}. */
export interface InnovationEditionsComparison {
  /** The innovation's name. */
  nama: string;
  /** Claimed and proven kematangan under each edition. */
  a: EditionScore;
  /** Claimed and proven kematangan under the second edition. */
  b: EditionScore;
  /** Each indicator whose points or mandatory flag differ. */
  indicators: {
    /** The indicator's id. */
    id: string;
    /** Its points under the first edition. */
    a: number;
    /** Under the second. */
    b: number;
    /** Whether the first edition makes it mandatory. */
    mandatoryA: boolean;
    /** Whether the second does. */
    mandatoryB: boolean;
  }[];
}

/** The options of the comparisons: the eligibility side of {@link EvaluateOptions}. */
export type CompareOptions = Omit<EvaluateOptions, 'rubric' | 'asOf'>;

const COMPARE_OPTIONS = optionNames<CompareOptions>({ ruleSet: true, locale: true, explain: true });

const r4 = (n: number) => Math.round(n * 10_000) / 10_000;
const say = (text: { id: string; en: string }, locale: Locale, values: Record<string, unknown>) =>
  interpolate(pick(text, locale), (k) => values[k], locale);

function rubricOf(scope: Scope, ref: unknown, path: string): RubricRuleSet {
  if (typeof ref !== 'string' && (typeof ref !== 'object' || ref === null)) {
    throw new InvalidOptionError([
      { path: [path], code: 'invalid_type', message: `${path} must be a rubric id or a rubric` },
    ]);
  }
  return scope.resolve(ref as string | RuleSet, 'rubric');
}

function resultOf(r: RegionEvaluation): EditionResult {
  return {
    rubric: r.rubric,
    iid: r.iid,
    band: r.band,
    bandTitle: r.bandTitle,
    spd: r.spd.points,
    sid: r.sid.points,
    divisor: r.sid.divisor,
    count: r.innovationCount.points,
  };
}

/**
 * Compares a region under two IGA rubric editions: the IID and band under each, the parts that
 * moved and why (the divisor floor, the basic-service rule, bands, weights), and each innovation
 * whose counted kematangan changes.
 *
 * @param region - `{ pemda, tahun, spd, inovasi }`, as for {@link index!evaluateRegion}
 * @param a - the first rubric: an id (`iga-2023`) or a rubric rule set (a caller's draft)
 * @param b - the second rubric
 * @param options - eligibility `ruleSet` and `locale`, as for {@link index!evaluateRegion}
 * @returns both results, the change and its reasons
 * @throws {@link index!InvalidRecordError} when the region is not valid
 * @throws {@link index!UnknownRuleSetError} or {@link index!InvalidOptionError} for a bad rubric
 * @example
 * ```ts
 * const c = await compareEditions(region, 'iga-2023', 'iga-2026');
 * c.delta.iid; // -3.2: the floor 10 → 12 and the basic-service rule
 * ```
 */
export async function compareEditions(
  region: unknown,
  a: string | RuleSet,
  b: string | RuleSet,
  options: CompareOptions = {},
): Promise<EditionsComparison> {
  return compareEditionsIn(defaultScope(), region, a, b, options);
}

/**
 * {@link compareEditions} with the rule sets of a scope (an engine's).
 *
 * @internal
 */
export function compareEditionsIn(
  scope: Scope,
  region: unknown,
  a: string | RuleSet,
  b: string | RuleSet,
  options: CompareOptions = {},
): EditionsComparison {
  const given = optionsObject(options, COMPARE_OPTIONS) as CompareOptions;
  const rubricA = rubricOf(scope, a, 'a');
  const rubricB = rubricOf(scope, b, 'b');
  const ra = evaluateRegionIn(scope, region, { ...given, rubric: rubricA });
  const rb = evaluateRegionIn(scope, region, { ...given, rubric: rubricB });
  const locale = (given.locale ?? 'id') as Locale;
  const t = TEXTS.compare;
  const reasons: string[] = [];
  const n = ra.sid.n;
  if (ra.sid.divisor !== rb.sid.divisor) {
    reasons.push(
      say(t.floor, locale, {
        a: rubricA.region.divisorFloor,
        b: rubricB.region.divisorFloor,
        n,
        divA: ra.sid.divisor,
        divB: rb.sid.divisor,
      }),
    );
  }
  if (ra.innovationCount.points !== rb.innovationCount.points) {
    const rule = (r: RegionEvaluation) => {
      const bs = r.innovationCount.basicService;
      if (!bs) return pick(t.ruleNone, locale);
      return say(bs.met ? t.ruleMet : t.ruleNotMet, locale, {
        min: bs.minCovered,
        total: bs.required.length,
        covered: bs.covered.length,
      });
    };
    reasons.push(
      say(t.coverage, locale, {
        countA: ra.innovationCount.points,
        countB: rb.innovationCount.points,
        ruleA: rule(ra),
        ruleB: rule(rb),
      }),
    );
  }
  const bands = (r: RubricRuleSet) =>
    r.region.bands
      .filter((band) => band.min > 0)
      .map(
        (band) =>
          `${pick(band.title, locale)} ≥ ${band.min.toLocaleString(locale === 'id' ? 'id-ID' : 'en-US')}`,
      )
      .join(', ');
  if (bands(rubricA) !== bands(rubricB)) {
    reasons.push(say(t.bands, locale, { a: bands(rubricA), b: bands(rubricB) }));
  }
  reasons.push(...weightReasons(rubricA, rubricB, locale));
  if (reasons.length === 0) reasons.push(pick(t.same, locale));

  const innovations = ra.innovations
    .map((ia, i) => {
      const ib = rb.innovations[i] as (typeof rb.innovations)[number];
      return {
        index: i,
        nama: ia.nama,
        a: ia.kematangan,
        b: ib.kematangan,
        delta: r4(ib.kematangan - ia.kematangan),
      };
    })
    .filter((x) => x.delta !== 0);
  return {
    a: resultOf(ra),
    b: resultOf(rb),
    delta: {
      iid: r4(rb.iid - ra.iid),
      spd: r4(rb.spd.points - ra.spd.points),
      sid: r4(rb.sid.points - ra.sid.points),
      count: r4(rb.innovationCount.points - ra.innovationCount.points),
    },
    reasons,
    innovations,
  };
}

function weightReasons(a: RubricRuleSet, b: RubricRuleSet, locale: Locale): string[] {
  const t = TEXTS.compare;
  const out: string[] = [];
  for (const ia of a.indicators) {
    const ib = b.indicators.find((i) => i.id === ia.id);
    if (ib && ib.weight !== ia.weight) {
      out.push(
        say(t.weight, locale, { indikator: pick(ia.title, locale), a: ia.weight, b: ib.weight }),
      );
    }
  }
  for (const sa of a.region.spd) {
    const sb = b.region.spd.find((s) => s.id === sa.id);
    if (sb && sb.weight !== sa.weight) {
      out.push(
        say(t.spdWeight, locale, { spd: pick(sa.title, locale), a: sa.weight, b: sb.weight }),
      );
    }
  }
  const mandatory = (r: RubricRuleSet) => r.indicators.filter((i) => i.mandatory).map((i) => i.id);
  const ma = mandatory(a).join(', ');
  const mb = mandatory(b).join(', ');
  if (ma !== mb) {
    const none = pick(t.none, locale);
    out.push(say(t.mandatory, locale, { a: ma || none, b: mb || none }));
  }
  return out;
}

/**
 * Compares one innovation's kematangan under two IGA rubric editions: claimed and proven points
 * under each, and every indicator whose points or mandatory flag differ.
 *
 * @param record - an innovation record
 * @param a - the first rubric: an id or a rubric rule set
 * @param b - the second rubric
 * @param options - eligibility `ruleSet` and `locale`
 * @returns both scores and the indicators that differ
 * @throws {@link index!InvalidRecordError} when the record is not valid
 * @example
 * ```ts
 * const c = await compareInnovationEditions(record, 'iga-2023', 'iga-2026');
 * c.indicators; // [{ id: 'regulasi', a: 9, b: 9, mandatoryA: false, mandatoryB: true }, …]
 * ```
 */
export async function compareInnovationEditions(
  record: unknown,
  a: string | RuleSet,
  b: string | RuleSet,
  options: CompareOptions = {},
): Promise<InnovationEditionsComparison> {
  const scope = defaultScope();
  const given = optionsObject(options, COMPARE_OPTIONS) as CompareOptions;
  const ea = await evaluate(record, { ...given, rubric: rubricOf(scope, a, 'a') });
  const eb = await evaluate(record, { ...given, rubric: rubricOf(scope, b, 'b') });
  const indicators = ea.score.indicators.flatMap((ia) => {
    const ib = eb.score.indicators.find((i) => i.id === ia.id);
    if (!ib || (ib.points === ia.points && ib.mandatory === ia.mandatory)) return [];
    return [
      { id: ia.id, a: ia.points, b: ib.points, mandatoryA: ia.mandatory, mandatoryB: ib.mandatory },
    ];
  });
  const side = (e: typeof ea) => ({
    rubric: e.score.rubric,
    claimed: e.score.claimed,
    proven: e.score.proven,
  });
  return { nama: ea.nama, a: side(ea), b: side(eb), indicators };
}
