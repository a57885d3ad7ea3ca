import * as z from 'zod';
import notices from '../../rules/region-notices.json' with { type: 'json' };
import type { Basis } from '../eligibility/basis.js';
import {
  createEvaluator,
  parseRecord,
  type RegionContext,
  zodIndonesian,
} from '../eligibility/pipeline.js';
import { defaultScope, type Scope } from '../eligibility/scope.js';
import type { EvaluateOptions, Evaluation, Verdict } from '../eligibility/types.js';
import { InvalidRecordError, type Issue, issuesFrom } from '../errors.js';
import { interpolate, type Locale, MESSAGES, pick, thrownText } from '../messages.js';
import { QUESTION_FACT } from '../record/field-type.js';
import type { Innovation } from '../record/innovation.js';
import { inLocale } from '../record/issue-locale.js';
import { LIMITS, scanInput } from '../record/limits.js';
import { answerIssues } from '../rule-sets/questions.js';
import type { Band, RegionRules } from '../rule-sets/rubric-format.js';
import type { EligibilityRuleSet, RubricRuleSet, RuleSetRef } from '../rule-sets/types.js';
import { duplicatesOf } from './duplicates.js';

/**
 * The Indeks Inovasi Daerah of a region: IID = (SPD points + Σ proven kematangan ÷ max(floor, n)
 * + innovation-count points) ÷ max score × 100, with the floor, bands and the basic-service
 * affairs rule taken from the rubric edition.
 */

/**
 * The region record: `spd` gives the level (0-3) of each region-level indicator by id; the
 * innovations are innovation records (an innovation without `tahun` takes the region's).
 */
export const RegionSchema = z.looseObject({
  /** The region (*pemerintah daerah*). */
  pemda: z.string().trim().min(1),
  /** The reporting year, T-0. */
  tahun: z.number().int().min(1900).max(2200),
  /** Level of each SPD indicator, by id (`spd_visi_misi`, …); a missing one scores 0. */
  spd: z.record(z.string(), z.number().int().min(0).max(3)).default({}),
  /** The region's innovations. */
  inovasi: z.array(z.unknown()).max(1_000_000),
});

/** A region record as accepted by {@link evaluateRegion}. */
export type RegionInput = z.input<typeof RegionSchema>;

/** One innovation's part in the region's index. */
export interface RegionInnovation {
  /** Position in `inovasi`. */
  index: number;
  /** The innovation's name. */
  nama: string;
  /** Its eligibility verdict. */
  verdict: Verdict;
  /** Not eligible: scores 0 but still counts in n. */
  rejected: boolean;
  /** The proven kematangan counted for the region (0 when rejected). */
  kematangan: number;
  /** Its full evaluation, score included. */
  evaluation: Evaluation;
}

/** The evaluation of a region under an IGA rubric edition. */
export interface RegionEvaluation {
  /** The region. */
  pemda: string;
  /** The reporting year. */
  tahun: number;
  /** The rubric applied. */
  rubric: RuleSetRef;
  /** The eligibility rule set that decides which innovations are rejected. */
  ruleSet: RuleSetRef;
  /**
   * Which rules decided, and why: the region's rule set and rubric edition with their hashes,
   * and the package version.
   */
  basis: Basis;
  /** Indeks Inovasi Daerah, 0-100, rounded to 0.01. */
  iid: number;
  /** Predicate band of the IID. */
  band: Band;
  /** The band's name in the requested locale. */
  bandTitle: string;
  /** SPD + SID + innovation-count points. */
  totalScore: number;
  /** Maximum total score (250). */
  maxScore: number;
  /** Region-level indicators: the levels given and their points. */
  spd: {
    /** The SPD points: Σ level × weight. */
    points: number;
    /** The most SPD points (every indicator at level 3). */
    max: number;
    /** Each SPD indicator, in official order. */
    indicators: {
      /** Its id in the rubric. */
      id: string;
      /** Its official number. */
      number: string;
      /** Points per level. */
      weight: number;
      /** The level given, 0 when none. */
      level: number;
      /** level × weight. */
      points: number;
    }[];
    /** SPD indicators with no level given (scored 0). */
    missing: string[];
  };
  /** Σ proven kematangan ÷ max(floor, n). */
  sid: {
    /** Σ proven kematangan of the innovations not rejected. */
    sumKematangan: number;
    /** Innovations reported (rejected ones included). */
    n: number;
    /** The edition's divisor floor (10 or 12). */
    floor: number;
    /** max(floor, n). */
    divisor: number;
    /** The SID points: sumKematangan ÷ divisor. */
    points: number;
    /** The most SID points. */
    max: number;
  };
  /** Innovation-count points, and the basic-service affairs rule where the edition has it. */
  innovationCount: {
    /** Innovations reported. */
    n: number;
    /** Those that earn points (at most the edition's maximum). */
    counted: number;
    /** The points they earn. */
    points: number;
    /** The most count points. */
    max: number;
    /** The basic-service rule (IGA 2026): which affairs it asks for and which are covered. */
    basicService?: {
      /** The basic-service urusan (ids). */
      required: string[];
      /** Those the region's innovations cover. */
      covered: string[];
      /** How many must be covered. */
      minCovered: number;
      /** Whether enough are. */
      met: boolean;
    };
    /** Why the points are what they are, in the requested locale. */
    reason: string;
  };
  /**
   * Set when the region proves nothing (no SPD level, no proven kematangan): it is not assessed,
   * its IID is 0 and its band the lowest, whatever its innovation count.
   */
  notAssessed?: {
    /** Why, in the requested locale. */
    message: string;
    /** Where the rule is said. */
    citation: string;
  };
  /**
   * Set when some innovations are rejected (not eligible): they score 0 but count in the divisor
   * (and in the innovation count); what the IID would be without them.
   */
  rejected?: {
    /** How many innovations are rejected. */
    count: number;
    /** The IID without them (both from the divisor and from the count points). */
    iidWithout: number;
    /** IID points they cost: `iidWithout − iid` (negative when their count points outweigh). */
    iidCost: number;
    /** What that means, in the requested locale. */
    message: string;
  };
  /**
   * What verifiers were reported to ask of the region's year that the score does not show (IGA
   * 2024: at least 2 of the 6 basic-service affairs), as warnings; absent when there are none.
   */
  warnings?: {
    /** Stable code, e.g. `pelayanan_dasar_kurang`. */
    code: string;
    /** What is missing, in the requested locale. */
    message: string;
    /** Where it is said. */
    citation: string;
  }[];
  /** What the next band takes, unless the region is in the top band. */
  nextBand?: {
    /** The band above. */
    band: Band;
    /** Its lowest IID. */
    min: number;
    /** The IID still missing. */
    iidGap: number;
    /** The total score still missing. */
    scoreGap: number;
    /** The proven kematangan still missing, were it all to come from innovations. */
    kematanganGap: number;
    /** What it takes, in the requested locale. */
    message: string;
  };
  /** Each innovation's result, in input order. */
  innovations: RegionInnovation[];
  /**
   * Innovations entered more than once under the same name (compared ignoring case, spaces and
   * punctuation), each group with its positions in `inovasi` and a message naming them all.
   */
  duplicates: {
    /** The name as first entered. */
    nama: string;
    /** The positions in `inovasi`, from 0. */
    indices: number[];
    /** A message naming them all, in the requested locale. */
    message: string;
  }[];
}

/**
 * The band an IID (rounded to 0.01) falls in, and the band above it.
 *
 * @internal
 */
export function bandFor(iid: number, bands: RegionRules['bands']) {
  const index = bands.findIndex((b) => iid >= b.min - 1e-9);
  const band = bands[index] ?? (bands.at(-1) as RegionRules['bands'][number]);
  return { band, above: index > 0 ? bands[index - 1] : undefined };
}

/**
 * A score to four decimals, as the index rounds its parts.
 *
 * @internal
 */
export const r4 = (n: number) => Math.round(n * 10_000) / 10_000;
const r2 = (n: number) => Math.round(n * 100) / 100;

/** The region's name and year as given, read only to choose its rules (validated after). */
function regionContext(input: unknown): RegionContext {
  if (input === null || typeof input !== 'object') return {};
  try {
    const { pemda, tahun } = input as { pemda?: unknown; tahun?: unknown };
    return {
      ...(typeof pemda === 'string' ? { pemda } : {}),
      ...(typeof tahun === 'number' && Number.isInteger(tahun) && tahun >= 1900 && tahun <= 2200
        ? { tahun }
        : {}),
    };
  } catch {
    return {};
  }
}

/**
 * Validates a region record, every problem at once: its own fields and SPD levels (measured
 * against the size limits first, without its innovations), then each innovation, handed to
 * `each` as soon as it reads while nothing so far is wrong. One innovation at a time, its
 * parsed copy can be dropped once it is evaluated: holding thousands of them at once made the
 * young-generation collections copy them all.
 */
function parseRegion(
  input: unknown,
  rubric: RubricRuleSet,
  ruleSet: EligibilityRuleSet,
  locale: Locale,
  each: (record: Innovation, index: number) => void,
): z.output<typeof RegionSchema> {
  const scan = scanInput(input, LIMITS, { skip: ['inovasi'] });
  if (scan.issue) throw new InvalidRecordError([inLocale(scan.issue, locale)]);
  let parsed: ReturnType<typeof RegionSchema.safeParse>;
  try {
    parsed = RegionSchema.safeParse(input, locale === 'id' ? zodIndonesian : undefined);
  } catch (error) {
    throw new InvalidRecordError([
      {
        path: [],
        code: 'unreadable',
        message: `the region could not be read: ${thrownText(error)}`,
      },
    ]);
  }
  if (!parsed.success) {
    throw new InvalidRecordError(
      issuesFrom(parsed.error, 'invalid_value').map((issue) => inLocale(issue, locale)),
    );
  }
  const region = parsed.data;
  const known = new Set(rubric.region.spd.map((s) => s.id));
  const issues: Issue[] = Object.keys(region.spd)
    .filter((id) => !known.has(id))
    .map((id) => ({
      path: ['spd', id],
      code: 'unknown_spd_indicator',
      message: `"${id}" is not an SPD indicator of ${rubric.id}`,
    }));
  region.inovasi.forEach((item, index) => {
    const withYear = withRegionYear(item, region.tahun);
    // The one record validator every path uses (limits, the compiled reader, zod's issues).
    let record: Innovation | undefined;
    const found: Issue[] = [];
    try {
      record = parseRecord(withYear, locale);
    } catch (error) {
      if (!(error instanceof InvalidRecordError)) throw error;
      found.push(...error.issues);
    }
    // The answers to the region's own questions, checked here so that each names its
    // innovation (the evaluation would say only `daerah.<id>`); those of an innovation whose
    // other fields do not read too, so that one pass over the sheet shows every problem (the
    // record's check reads `daerah` as an open object: it never judges the answers).
    found.push(
      ...(record
        ? answerIssues(record.daerah, ruleSet.questions, locale)
        : rawAnswerIssues(withYear, ruleSet.questions, locale)),
    );
    for (const issue of found) issues.push({ ...issue, path: ['inovasi', index, ...issue.path] });
    // Past a problem the region is refused: the rest are only checked, for their problems.
    if (record && issues.length === 0) each(record, index);
  });
  if (issues.length > 0) throw new InvalidRecordError(issues);
  return region;
}

/**
 * An innovation given without a year, with the region's; as given otherwise, and when reading
 * it throws (a hostile proxy: the record's check then says it cannot be read).
 */
function withRegionYear(item: unknown, tahun: number): unknown {
  try {
    return item &&
      typeof item === 'object' &&
      !Array.isArray(item) &&
      (item as { tahun?: unknown }).tahun == null
      ? { ...item, tahun }
      : item;
  } catch {
    return item;
  }
}

/**
 * The answer problems of an innovation as given, before it reads as a record: its own `daerah`
 * value only (never a getter), and none when reading it throws (the record's check said why).
 */
function rawAnswerIssues(
  item: unknown,
  questions: EligibilityRuleSet['questions'],
  locale: Locale,
): Issue[] {
  try {
    const answers = Object.getOwnPropertyDescriptor(item, QUESTION_FACT)?.value;
    return answerIssues(answers, questions, locale);
  } catch {
    // Not an object (null), or a proxy that refuses to be read: the record's check said why.
    return [];
  }
}

function scoreSpd(rubric: RubricRuleSet, levels: Record<string, number>): RegionEvaluation['spd'] {
  const indicators = rubric.region.spd.map((s) => {
    const level = levels[s.id] ?? 0;
    return { id: s.id, number: s.number, weight: s.weight, level, points: r4(level * s.weight) };
  });
  return {
    points: r4(indicators.reduce((sum, i) => sum + i.points, 0)),
    max: r4(3 * rubric.region.spd.reduce((sum, s) => sum + s.weight, 0)),
    indicators,
    missing: rubric.region.spd.filter((s) => !(s.id in levels)).map((s) => s.id),
  };
}

function countPoints(rubric: RubricRuleSet, parts: readonly IndexPart[], locale: Locale) {
  const { innovationCount: rule, basicServiceRule } = rubric.region;
  const n = parts.length;
  const counted = Math.min(n, rule.maxCounted);
  const max = r4(rule.pointsEach * rule.maxCounted);
  let points = r4(counted * rule.pointsEach);
  const t = MESSAGES.region;
  const reasons = [
    interpolate(pick(t.countPoints, locale), (k) => ({ n, counted, points })[k], locale),
  ];
  let basicService: RegionEvaluation['innovationCount']['basicService'];
  if (basicServiceRule) {
    const covered = new Set(parts.filter((p) => !p.rejected).flatMap((p) => p.urusan));
    const required = [...basicServiceRule.urusan];
    const hit = required.filter((u) => covered.has(u));
    const met = hit.length >= basicServiceRule.minCovered;
    basicService = { required, covered: hit, minCovered: basicServiceRule.minCovered, met };
    const values: Record<string, unknown> = {
      covered: hit.length,
      total: required.length,
      min: basicServiceRule.minCovered,
      missing: required.filter((u) => !covered.has(u)),
    };
    if (!met) {
      points = 0;
      reasons.splice(
        0,
        1,
        interpolate(pick(t.basicServiceFailed, locale), (k) => values[k], locale),
      );
    } else {
      reasons.push(interpolate(pick(t.basicServiceMet, locale), (k) => values[k], locale));
    }
  }
  return {
    n,
    counted,
    points,
    max,
    ...(basicService ? { basicService } : {}),
    reason: reasons.join(' '),
  };
}

/**
 * The exact total score (SPD + SID + count points) of a region's parts, without the texts
 * `computeIndex` writes: the planner weighs hundreds of candidate changes with it.
 *
 * @internal
 */
export function indexTotal(
  rubric: RubricRuleSet,
  spdLevels: Record<string, number>,
  parts: readonly IndexPart[],
): number {
  return totalOfSums(rubric, sumsOf(rubric, spdLevels, parts));
}

/**
 * What the index reads of a region: its SPD points, its innovations' kematangan summed, how many
 * there are, and how many basic-service affairs the eligible ones cover (a planner keeps these
 * and changes one innovation at a time without re-reading all of them).
 *
 * @internal
 */
export interface IndexSums {
  /** SPD points. */
  spd: number;
  /** The innovations' counted kematangan, summed. */
  kematangan: number;
  /** How many innovations count (for the divisor and the count points). */
  n: number;
  /** How many of the basic-service rule's affairs the eligible innovations cover. */
  covered: number;
}

/** The SPD points of a region's SPD levels. @internal */
export function spdPoints(rubric: RubricRuleSet, spdLevels: Record<string, number>): number {
  let spd = 0;
  for (const s of rubric.region.spd) spd += r4((spdLevels[s.id] ?? 0) * s.weight);
  return spd;
}

/** The {@link IndexSums} of a region's SPD levels and innovations' parts. @internal */
export function sumsOf(
  rubric: RubricRuleSet,
  spdLevels: Record<string, number>,
  parts: readonly IndexPart[],
): IndexSums {
  let kematangan = 0;
  const affairs = new Set<string>();
  for (const p of parts) {
    kematangan += p.kematangan;
    if (!p.rejected) for (const u of p.urusan) affairs.add(u);
  }
  const rule = rubric.region.basicServiceRule;
  const covered = rule ? rule.urusan.filter((u) => affairs.has(u)).length : 0;
  return { spd: spdPoints(rubric, spdLevels), kematangan, n: parts.length, covered };
}

/**
 * The total score from the sums: SPD, SID over max(floor, n), and the count points when the
 * basic-service rule holds; 0 when nothing is proven and the rubric does not assess such a region.
 *
 * @internal
 */
export function totalOfSums(rubric: RubricRuleSet, sums: IndexSums): number {
  const { region } = rubric;
  const { n, spd, kematangan } = sums;
  const rule = region.basicServiceRule;
  const count =
    rule && sums.covered < rule.minCovered
      ? 0
      : r4(Math.min(n, region.innovationCount.maxCounted) * region.innovationCount.pointsEach);
  // Nothing proven: not assessed, whatever the count (the rubric's noEvidence rule).
  if (region.noEvidence && r4(spd) === 0 && r4(kematangan) === 0) return 0;
  return r4(spd) + r4(kematangan) / Math.max(region.divisorFloor, n) + count;
}

/**
 * One innovation's part in the index: its counted kematangan, whether it was rejected, and its
 * affairs (for the basic-service rule).
 *
 * @internal
 */
export interface IndexPart {
  kematangan: number;
  rejected: boolean;
  urusan: readonly string[];
}

/**
 * The index of a region from its SPD levels and its innovations' parts: SPD, SID, count points,
 * IID, band and what the next band takes. One formula for {@link evaluateRegion} and the planner.
 *
 * @internal
 */
export function computeIndex(
  rubric: RubricRuleSet,
  spdLevels: Record<string, number>,
  parts: readonly IndexPart[],
  locale: Locale,
) {
  const spd = scoreSpd(rubric, spdLevels);
  const n = parts.length;
  const divisor = Math.max(rubric.region.divisorFloor, n);
  const sumKematangan = r4(parts.reduce((s, i) => s + i.kematangan, 0));
  const maxKematangan = r4(rubric.indicators.reduce((s, i) => s + 3 * i.weight, 0));
  const sidPoints = sumKematangan / divisor;
  const sid = {
    sumKematangan,
    n,
    floor: rubric.region.divisorFloor,
    divisor,
    points: r4(sidPoints),
    max: maxKematangan,
  };
  const innovationCount = countPoints(rubric, parts, locale);

  const maxScore = rubric.region.maxScore;
  // A region that proves nothing (no SPD level, no proven kematangan) is not assessed: IID 0.
  const notAssessed =
    rubric.region.noEvidence !== undefined && spd.points === 0 && sumKematangan === 0;
  const exactTotal = notAssessed ? 0 : spd.points + sidPoints + innovationCount.points;
  const totalScore = r4(exactTotal);
  const iid = r2((exactTotal / maxScore) * 100);
  const { band, above } = bandFor(iid, rubric.region.bands);

  let nextBand: RegionEvaluation['nextBand'];
  if (above) {
    const iidGap = r2(above.min - iid);
    const scoreGap = r4((iidGap / 100) * maxScore);
    const kematanganGap = r4(scoreGap * divisor);
    const values: Record<string, unknown> = {
      band: pick(above.title, locale),
      min: above.min,
      gap: iidGap,
      score: scoreGap,
      kematangan: kematanganGap,
    };
    nextBand = {
      band: above.id,
      min: above.min,
      iidGap,
      scoreGap,
      kematanganGap,
      message: interpolate(pick(MESSAGES.region.nextBand, locale), (k) => values[k], locale),
    };
  }

  return {
    spd,
    sid,
    innovationCount,
    ...(notAssessed && rubric.region.noEvidence
      ? {
          notAssessed: {
            message: interpolate(pick(MESSAGES.region.notAssessed, locale), () => n, locale),
            citation: rubric.region.noEvidence.citation,
          },
        }
      : {}),
    totalScore,
    exactTotal,
    maxScore,
    iid,
    band,
    bandTitle: pick(band.title, locale),
    nextBand,
  };
}

/**
 * Computes a region's Indeks Inovasi Daerah under an IGA rubric edition: SPD points from the
 * levels given, SID from each innovation's proven kematangan, innovation-count points, the
 * IID, its band, and what the next band takes. Innovations that are not eligible under the
 * eligibility rule set score 0 but still count in n; incomplete ones are scored.
 *
 * @param region - `{ pemda, tahun, spd, inovasi }`
 * @param options - `rubric` (default the newest), eligibility `ruleSet`, `locale`
 * @returns the region's evaluation
 * @throws {@link InvalidRecordError} listing every problem of the region and its innovations
 * @example
 * ```ts
 * const result = await evaluateRegion({ pemda: 'Kota Batu', tahun: 2024, spd: { spd_visi_misi: 3 }, inovasi: [] });
 * result.band; // 'kurang_inovatif'
 * ```
 */
export async function evaluateRegion(
  region: unknown,
  options: EvaluateOptions = {},
): Promise<RegionEvaluation> {
  return evaluateRegionIn(defaultScope(), region, options);
}

/**
 * {@link evaluateRegion} with the rule sets of a scope (an engine's).
 *
 * @internal
 */
export function evaluateRegionIn(
  scope: Scope,
  region: unknown,
  options: EvaluateOptions = {},
): RegionEvaluation {
  // The region's own rule set (else the national one) and the edition of its year.
  const evaluator = createEvaluator(options, regionContext(region), scope);
  const { rubric, ruleSet, locale } = evaluator;
  const innovations: RegionInnovation[] = [];
  const parts: IndexPart[] = [];
  const parsed = parseRegion(region, rubric, ruleSet, locale, (record, index) => {
    const evaluation = evaluator.evaluateParsed(record);
    const rejected = evaluation.verdict === 'not_eligible';
    const kematangan = rejected ? 0 : evaluation.score.proven;
    innovations.push({
      index,
      nama: record.nama,
      verdict: evaluation.verdict,
      rejected,
      kematangan,
      evaluation,
    });
    parts.push({ kematangan, rejected, urusan: record.urusan ?? [] });
  });

  const index = computeIndex(rubric, parsed.spd, parts, locale);
  const { spd, sid, innovationCount, totalScore, maxScore, iid, band, nextBand } = index;
  const rejected = rejectedEffect(rubric, parsed.spd, parts, iid, locale);
  const warnings = yearWarnings(parsed.tahun, parts, locale);

  return {
    pemda: parsed.pemda,
    tahun: parsed.tahun,
    rubric: { id: rubric.id, edition: rubric.edition },
    ruleSet: { id: ruleSet.id, edition: ruleSet.edition },
    basis: evaluator.basis(),
    iid,
    band: band.id,
    bandTitle: index.bandTitle,
    totalScore,
    maxScore,
    spd,
    sid,
    innovationCount,
    ...(index.notAssessed ? { notAssessed: index.notAssessed } : {}),
    ...(rejected ? { rejected } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
    ...(nextBand ? { nextBand } : {}),
    innovations,
    duplicates: duplicatesOf(
      innovations.map(({ nama, index }) => ({ nama, index })),
      locale,
    ),
  };
}

/** What the rejected innovations do to the IID: the divisor they fill against their count points. */
function rejectedEffect(
  rubric: RubricRuleSet,
  spdLevels: Record<string, number>,
  parts: readonly IndexPart[],
  iid: number,
  locale: Locale,
): RegionEvaluation['rejected'] {
  const count = parts.filter((p) => p.rejected).length;
  if (count === 0) return undefined;
  const kept = parts.filter((p) => !p.rejected);
  const iidWithout = r2((indexTotal(rubric, spdLevels, kept) / rubric.region.maxScore) * 100);
  const iidCost = r2(iidWithout - iid);
  const values: Record<string, unknown> = {
    count,
    iidWithout,
    cost: iidCost,
    gain: r2(-iidCost),
  };
  const text = iidCost > 0 ? MESSAGES.region.rejectedCost : MESSAGES.region.rejectedGain;
  return {
    count,
    iidWithout,
    iidCost,
    message: interpolate(pick(text, locale), (k) => values[k], locale),
  };
}

/** What the verification facts of the region's year ask beyond its score. */
function yearWarnings(
  tahun: number,
  parts: readonly IndexPart[],
  locale: Locale,
): NonNullable<RegionEvaluation['warnings']> {
  const rule = (notices.pelayananDasar as BasicServiceNotice[]).find((n) => n.tahun === tahun);
  if (!rule) return [];
  const covered = new Set(parts.filter((p) => !p.rejected).flatMap((p) => p.urusan));
  const hit = rule.urusan.filter((u) => covered.has(u));
  if (hit.length >= rule.minimum) return [];
  const values: Record<string, unknown> = {
    tahun,
    covered: hit.length,
    total: rule.urusan.length,
    min: rule.minimum,
    missing: rule.urusan.filter((u) => !covered.has(u)),
  };
  return [
    {
      code: 'pelayanan_dasar_kurang',
      message: interpolate(
        pick(MESSAGES.region.basicServiceNotice, locale),
        (k) => values[k],
        locale,
      ),
      citation: rule.citation,
    },
  ];
}

/** A year's reported basic-service expectation (`rules/region-notices.json`). */
interface BasicServiceNotice {
  tahun: number;
  minimum: number;
  urusan: string[];
  citation: string;
}
