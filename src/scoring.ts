import { type CheckRunner, createEngineRunner } from './engine.js';
import { factsOf } from './facts.js';
import type { Innovation } from './innovation.js';
import { formatValue, interpolate, type Locale, MESSAGES, pick } from './messages.js';
import { blame, leafFields, type Outcome, shortfall, statusOf } from './outcome.js';
import { getPath } from './path.js';
import type { RubricRuleSet } from './registry.js';
import type { Indicator } from './rubric.js';

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
  rubric: { id: string; edition: string };
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

const levelId = (indicator: Indicator, level: number) => `${indicator.id}:${level}`;
const round = (n: number) => Math.round(n * 10_000) / 10_000;
const runners = new WeakMap<RubricRuleSet, CheckRunner>();

function runnerFor(rubric: RubricRuleSet): CheckRunner {
  let runner = runners.get(rubric);
  if (!runner) {
    runner = createEngineRunner(
      rubric.indicators.flatMap((i) =>
        i.levels.map((l) => ({ id: levelId(i, l.level), conditions: l.conditions })),
      ),
    );
    runners.set(rubric, runner);
  }
  return runner;
}

const isMissing = (record: Innovation, path: string) => {
  const v = getPath(record, path);
  return v === undefined || v === null;
};

function scoreIndicator(
  indicator: Indicator,
  outcomes: ReadonlyMap<string, Outcome>,
  record: Innovation,
  locale: Locale,
): { score: IndicatorScore; upgrades: Upgrade[] } {
  const t = MESSAGES.score;
  const levelOutcomes = indicator.levels.map(
    (l) => outcomes.get(levelId(indicator, l.level)) as Outcome,
  );
  const statuses = levelOutcomes.map(statusOf);
  const level = statuses.lastIndexOf('pass') + 1;
  const given = statuses.some((s) => s !== 'unknown');
  const bukti = getPath(record, `${indicator.field}.bukti`);
  const proven = Array.isArray(bukti) && bukti.length > 0;
  const points = round(level * indicator.weight);
  const title = pick(indicator.title, locale);
  const parts: string[] = [];
  let fields: string[] = [];

  if (!given) {
    fields = [
      ...new Set(
        levelOutcomes.flatMap((o) => blame(o, 'unknown').flatMap((l) => leafFields(l.leaf))),
      ),
    ].filter((f) => isMissing(record, f));
    parts.push(
      fields.length > 0
        ? interpolate(pick(t.missingFields, locale), () => fields, locale)
        : pick(t.missing, locale),
    );
  } else if (level === 0) {
    parts.push(pick(t.belowOne, locale));
  } else {
    const reached = indicator.levels[level - 1];
    const text = pick(t.reached, locale);
    parts.push(
      text
        .replace('{level}', String(level))
        .replace('{description}', reached ? pick(reached.description, locale) : '')
        .replace('{points}', formatValue(points, locale))
        .replace('{max}', formatValue(round(3 * indicator.weight), locale)),
    );
    if (!proven) parts.push(pick(t.unproven, locale));
  }

  const upgrades: Upgrade[] = [];
  const next = indicator.levels[level];
  const nextOutcome = levelOutcomes[level];
  if (next && nextOutcome) {
    const gap = shortfall(nextOutcome);
    const action = pick(next.next, locale).replace(
      '{kurang}',
      gap === undefined ? '?' : formatValue(gap, locale),
    );
    // The record's year is read by year-relative levels; point at it only when it is missing.
    const nextFields = [
      ...new Set(blame(nextOutcome, statusOf(nextOutcome)).flatMap((l) => leafFields(l.leaf))),
    ].filter((f) => f.startsWith(`${indicator.field}.`) || isMissing(record, f));
    parts.push(
      pick(t.next, locale)
        .replace('{level}', String(level + 1))
        .replace('{action}', action)
        .replace('{gain}', formatValue(indicator.weight, locale)),
    );
    if (fields.length === 0) fields = nextFields;
    upgrades.push({
      indicator: indicator.id,
      kind: 'level',
      level: level + 1,
      gain: indicator.weight,
      message: pick(t.upgradeLevel, locale)
        .replace('{title}', title)
        .replace('{action}', action)
        .replace('{level}', String(level + 1))
        .replace('{gain}', formatValue(indicator.weight, locale)),
      fields: nextFields,
    });
  } else {
    parts.push(pick(t.top, locale));
  }
  if (level > 0 && !proven) {
    upgrades.push({
      indicator: indicator.id,
      kind: 'evidence',
      level,
      gain: points,
      message: pick(t.upgradeEvidence, locale)
        .replace('{title}', title)
        .replace('{gain}', formatValue(points, locale)),
      fields: [`${indicator.field}.bukti`],
    });
  }
  if (indicator.mandatory && !given) parts.push(pick(t.mandatory, locale));

  const code = given ? `${indicator.id}_level_${level}` : `${indicator.id}_missing`;
  return {
    score: {
      id: indicator.id,
      number: indicator.number,
      title,
      weight: indicator.weight,
      mandatory: indicator.mandatory,
      level,
      points,
      maxPoints: round(3 * indicator.weight),
      given,
      proven,
      reason: { code, message: parts.join(' '), fields },
    },
    upgrades,
  };
}

/**
 * Scores a validated record against a rubric.
 *
 * @internal
 */
export async function scoreParsed(
  record: Innovation,
  rubric: RubricRuleSet,
  locale: Locale,
): Promise<InnovationScore> {
  const outcomes = await runnerFor(rubric)(factsOf(record));
  const results = rubric.indicators.map((i) => scoreIndicator(i, outcomes, record, locale));
  const indicators = results.map((r) => r.score);
  const order = new Map(rubric.indicators.map((ind, i) => [ind.id, i]));
  const upgrades = results
    .flatMap((r) => r.upgrades)
    .sort(
      (a, b) =>
        b.gain - a.gain ||
        (a.kind === b.kind ? 0 : a.kind === 'evidence' ? -1 : 1) ||
        (order.get(a.indicator) ?? 0) - (order.get(b.indicator) ?? 0),
    );
  return {
    rubric: { id: rubric.id, edition: rubric.edition },
    claimed: round(indicators.reduce((s, i) => s + i.points, 0)),
    proven: round(indicators.reduce((s, i) => s + (i.proven ? i.points : 0), 0)),
    max: round(indicators.reduce((s, i) => s + i.maxPoints, 0)),
    indicators,
    missing: indicators.filter((i) => !i.given).map((i) => i.id),
    missingMandatory: indicators.filter((i) => i.mandatory && !i.given).map((i) => i.id),
    missingEvidence: indicators.filter((i) => i.points > 0 && !i.proven).map((i) => i.id),
    upgrades,
  };
}
