import { createCompiledRunner, type SyncCheckRunner } from '../conditions/compile.js';
import { valueCache, weakMemo } from '../conditions/memo.js';
import { blame, type CheckResults, leafFields, shortfall } from '../conditions/outcome.js';
import { getPath, getSegments } from '../conditions/path.js';
import { formatValue, interpolate, type Locale, MESSAGES, pick } from '../messages.js';
import type { Innovation } from '../record/innovation.js';
import type { RubricRuleSet, RuleSetRef } from '../rule-sets/types.js';
import { type IndicatorPlan, planFor, rubricChecks } from './indicator-plan.js';

/**
 * IGA scoring of one innovation (*skor kematangan*): each indicator's level from its conditions,
 * points = level × weight, claimed and proven totals, and the cheapest ways up.
 */

/** Why an indicator has its level, and what the next level needs. */
export interface IndicatorReason {
  /** Stable code: `<indicator>_level_<n>` or `<indicator>_missing`. */
  code: string;
  /** The level reached and why, then what the next level needs, in the requested locale. */
  message: string;
  /** Record paths to fill in or change, e.g. `["indikator.sdm.jumlah"]`. */
  fields: string[];
}

/** The score of one indicator. */
export interface IndicatorScore {
  /** The `indikator` key, e.g. `sdm`. */
  id: string;
  /** Official number (16-35). */
  number: number;
  /** Title in the requested locale. */
  title: string;
  /** Points per level. */
  weight: number;
  /** Marked mandatory in this edition. */
  mandatory: boolean;
  /** Level reached, 0-3. */
  level: number;
  /** level × weight. */
  points: number;
  /** 3 × weight. */
  maxPoints: number;
  /** Whether the record gives the facts this indicator needs. */
  given: boolean;
  /** Whether evidence (`bukti`) is attached. */
  proven: boolean;
  /** The level reached and why; what the next level needs. */
  reason: IndicatorReason;
}

/** One way to raise the score. */
export interface Upgrade {
  /** Indicator id. */
  indicator: string;
  /** `evidence`: attach `bukti` to points already claimed; `level`: reach the next level. */
  kind: 'evidence' | 'level';
  /** Level after the change. */
  level: number;
  /** Points gained: proven points for `evidence`, points for `level`. */
  gain: number;
  /** What to do, in the requested locale. */
  message: string;
  /** Record paths to change or fill in. */
  fields: string[];
}

/** The IGA score of one innovation. */
export interface InnovationScore {
  /** The rubric applied. */
  rubric: RuleSetRef;
  /** Σ points of the indicators whose facts are given. */
  claimed: number;
  /** Σ points of the indicators with evidence attached: what counts for the region. */
  proven: number;
  /** The maximum (111 for the IGA rubrics). */
  max: number;
  /** Every indicator, in official order. */
  indicators: IndicatorScore[];
  /** Indicators with no facts given. */
  missing: string[];
  /** Mandatory indicators with no facts given. */
  missingMandatory: string[];
  /** Indicators with claimed points but no evidence attached. */
  missingEvidence: string[];
  /** Changes that raise the score, largest gain first. */
  upgrades: Upgrade[];
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * The compiled runner of a rubric's level checks, built once per rubric.
 *
 * @internal
 */
export function rubricRunnerFor(rubric: RubricRuleSet): SyncCheckRunner {
  return runners(rubric);
}

const runners = weakMemo((rubric: RubricRuleSet) => createCompiledRunner(rubricChecks(rubric)));

const isMissing = (record: Innovation, path: string) => {
  const v = getPath(record, path);
  return v === undefined || v === null;
};

/**
 * An indicator's score and upgrades depend only on the values of the fields its levels read
 * (its own entry's, and the year for year-relative levels) and on whether evidence is
 * attached: a draft's missing indicators, a region's many `sdm.jumlah: 5`. They are built once
 * per rubric, locale and those values, and handed out as copies. Values that make no short key
 * (long texts, objects) are scored each time.
 */
interface KeptScore {
  score: IndicatorScore;
  upgrades: Upgrade[];
}
const keptScores = weakMemo((_: IndicatorPlan) => valueCache<KeptScore>());

// Written out field by field (not spread): the copies come out in one shape, which keeps the
// code that reads them fast.
const copyScore = (s: IndicatorScore): IndicatorScore => ({
  id: s.id,
  number: s.number,
  title: s.title,
  weight: s.weight,
  mandatory: s.mandatory,
  level: s.level,
  points: s.points,
  maxPoints: s.maxPoints,
  given: s.given,
  proven: s.proven,
  reason: { code: s.reason.code, message: s.reason.message, fields: s.reason.fields.slice() },
});
const copyUpgrade = (u: Upgrade): Upgrade => ({
  indicator: u.indicator,
  kind: u.kind,
  level: u.level,
  gain: u.gain,
  message: u.message,
  fields: u.fields.slice(),
});

/** An own property of a value, or undefined. */
const ownOf = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;

/** What an indicator's score depends on in `record`: the values its levels read, and evidence. */
function scoreInputs(plan: IndicatorPlan, record: Innovation): unknown[] {
  let entry: unknown = record;
  for (const segment of plan.entry) entry = ownOf(entry, segment);
  const values: unknown[] = [];
  for (const key of plan.readOwn) values.push(ownOf(entry, key));
  for (const segments of plan.readOther) values.push(getSegments(record, segments));
  const bukti = ownOf(entry, 'bukti');
  values.push(Array.isArray(bukti) && bukti.length > 0);
  return values;
}

function scoreIndicator(
  plan: IndicatorPlan,
  results: CheckResults,
  record: Innovation,
  locale: Locale,
  upgrades: Upgrade[],
  memo: boolean,
): IndicatorScore {
  if (!memo) return scoreIndicatorFully(plan, results, record, locale, upgrades);
  const kept = keptScores(plan).get(scoreInputs(plan, record), () => {
    const own: Upgrade[] = [];
    return { score: scoreIndicatorFully(plan, results, record, locale, own), upgrades: own };
  });
  for (const u of kept.upgrades) upgrades.push(copyUpgrade(u));
  return copyScore(kept.score);
}

function scoreIndicatorFully(
  plan: IndicatorPlan,
  results: CheckResults,
  record: Innovation,
  locale: Locale,
  upgrades: Upgrade[],
): IndicatorScore {
  const t = MESSAGES.score;
  const { indicator, ids } = plan;
  // The highest level whose conditions hold, looking from the top down.
  let level = 0;
  let given = false;
  for (let i = ids.length - 1; i >= 0; i--) {
    const status = results.status(ids[i] as number);
    if (status !== 'unknown') given = true;
    if (status === 'pass') {
      level = i + 1;
      break;
    }
  }
  const bukti = getSegments(record, plan.bukti);
  const proven = Array.isArray(bukti) && bukti.length > 0;
  const points = round(level * indicator.weight);

  // The message: the level reached and why, then what the next level needs.
  let message: string;
  let fields: string[] = [];
  if (!given) {
    const unknown = ids.flatMap((id) =>
      blame(results.outcome(id), 'unknown').flatMap((l) => leafFields(l.leaf)),
    );
    fields = [...new Set(unknown)].filter((f) => isMissing(record, f));
    message =
      fields.length > 0
        ? interpolate(pick(t.missingFields, locale), () => fields, locale)
        : pick(t.missing, locale);
  } else if (level === 0) {
    message = pick(t.belowOne, locale);
  } else {
    message = plan.reached[level - 1] as string;
    if (!proven) message += ` ${pick(t.unproven, locale)}`;
  }

  const nextId = ids[level];
  if (nextId !== undefined) {
    let action = plan.action[level] as string;
    if (plan.levelHasGap[level]) {
      const gap = shortfall(results.outcome(nextId));
      // An empty field has no shortfall to count: say what the level needs instead.
      action =
        gap === undefined
          ? (plan.fillIn[level] as string)
          : action.replace('{kurang}', formatValue(gap, locale));
    }
    // Year-relative levels also read the record's year: point at it only when it is missing.
    const nextFields = [...(plan.levelFields[level] as string[])];
    for (const f of plan.levelOtherFields[level] as string[])
      if (isMissing(record, f)) nextFields.push(f);
    const sentence = plan.nextSentence[level] as [string, string];
    message += ` ${sentence[0]}${action}${sentence[1]}`;
    if (fields.length === 0) fields = [...nextFields];
    const upgradeLevel = plan.upgradeLevel[level] as [string, string];
    upgrades.push({
      indicator: indicator.id,
      kind: 'level',
      level: level + 1,
      gain: indicator.weight,
      message: upgradeLevel[0] + action + upgradeLevel[1],
      fields: nextFields,
    });
  } else {
    message += ` ${pick(t.top, locale)}`;
  }
  if (level > 0 && !proven) {
    upgrades.push({
      indicator: indicator.id,
      kind: 'evidence',
      level,
      gain: points,
      message: plan.upgradeEvidence[level - 1] as string,
      fields: [plan.buktiField],
    });
  }
  if (indicator.mandatory && !given) message += ` ${pick(t.mandatory, locale)}`;

  return {
    id: indicator.id,
    number: indicator.number,
    title: plan.title,
    weight: indicator.weight,
    mandatory: indicator.mandatory,
    level,
    points,
    maxPoints: plan.maxPoints,
    given,
    proven,
    reason: { code: given ? (plan.codes[level] as string) : plan.missingCode, message, fields },
  };
}

/** Whether `a` goes before `b`: the larger gain, then, at equal gain, evidence before a level. */
const before = (a: Upgrade, b: Upgrade) =>
  a.gain > b.gain || (a.gain === b.gain && a.kind === 'evidence' && b.kind === 'level');

/**
 * Sorts upgrades in place, largest gain first; at equal gain, evidence before a level; then
 * the official order they were written in (the sort is stable). A rubric's few dozen upgrades
 * are sorted by insertion, several times faster than `Array.prototype.sort` with a comparator
 * at that size; a longer list by the latter.
 *
 * @internal
 */
export function sortUpgrades(upgrades: Upgrade[]): void {
  if (upgrades.length > 64) {
    upgrades.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    return;
  }
  for (let i = 1; i < upgrades.length; i++) {
    const u = upgrades[i] as Upgrade;
    let j = i - 1;
    while (j >= 0 && before(u, upgrades[j] as Upgrade)) {
      upgrades[j + 1] = upgrades[j] as Upgrade;
      j--;
    }
    upgrades[j + 1] = u;
  }
}

/**
 * Scores a validated record against a rubric.
 *
 * @internal
 */
export function scoreParsed(
  record: Innovation,
  checks: CheckResults,
  rubric: RubricRuleSet,
  locale: Locale,
  memo = true,
): InnovationScore {
  const upgrades: Upgrade[] = [];
  const indicators = planFor(rubric, locale).map((p) =>
    scoreIndicator(p, checks, record, locale, upgrades, memo),
  );
  sortUpgrades(upgrades);
  let claimed = 0;
  let proven = 0;
  let max = 0;
  const missing: string[] = [];
  const missingMandatory: string[] = [];
  const missingEvidence: string[] = [];
  for (const i of indicators) {
    claimed += i.points;
    if (i.proven) proven += i.points;
    max += i.maxPoints;
    if (!i.given) {
      missing.push(i.id);
      if (i.mandatory) missingMandatory.push(i.id);
    }
    if (i.points > 0 && !i.proven) missingEvidence.push(i.id);
  }
  return {
    rubric: { id: rubric.id, edition: rubric.edition },
    claimed: round(claimed),
    proven: round(proven),
    max: round(max),
    indicators,
    missing,
    missingMandatory,
    missingEvidence,
    upgrades,
  };
}
