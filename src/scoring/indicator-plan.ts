import { type Condition, fieldsRead } from '../conditions/condition.js';
import { weakMemo } from '../conditions/memo.js';
import { fill, formatValue, type Locale, MESSAGES, pick } from '../messages.js';
import type { RubricIndicator } from '../rule-sets/rubric-format.js';
import type { RubricRuleSet } from '../rule-sets/types.js';

/**
 * The texts of a rubric's indicators, filled in once per rubric and locale (levels, points,
 * titles), so that scoring a record only splices in what depends on the record.
 */

const round = (n: number) => Math.round(n * 10_000) / 10_000;

/** The id of an indicator level's check. @internal */
export const levelId = (indicator: RubricIndicator, level: number) => `${indicator.id}:${level}`;

/**
 * The checks of a rubric: one per indicator level, with the id `<indicator>:<level>`.
 *
 * @internal
 */
export function rubricChecks(rubric: RubricRuleSet) {
  return rubric.indicators.flatMap((i) =>
    i.levels.map((l) => ({ id: levelId(i, l.level), conditions: l.conditions })),
  );
}

/** An indicator's texts in one locale, filled in once; only `{kurang}` and `{action}` are left. */
/** @internal */
export interface IndicatorPlan {
  indicator: RubricIndicator;
  /** Positions of the indicator's level checks in `rubricChecks(rubric)`. */
  ids: number[];
  title: string;
  maxPoints: number;
  bukti: string[];
  /** "Level n of 3 (…): p of m points." for n = 1..3 (index n - 1). */
  reached: string[];
  /** The next-level action, with `{kurang}`, for target level n (index n - 1). */
  action: string[];
  /** "For level n: ", " (+w points)." around the action, for target level n. */
  nextSentence: [string, string][];
  /** "<title>: ", " for level n (+w points)." around the action, for target level n. */
  upgradeLevel: [string, string][];
  /** "<title>: attach evidence (+p proven points)." for level n. */
  upgradeEvidence: string[];
  /** The record fields each level's conditions read under the indicator's own entry. */
  levelFields: string[][];
  /** Other fields a level reads (the record's year): pointed at only when missing. */
  levelOtherFields: string[][];
  /** The action when the shortfall is unknown (the field is empty): what the level needs. */
  fillIn: string[];
  /** Whether a level's action has a `{kurang}` to fill. */
  levelHasGap: boolean[];
  /** Reason codes: `<id>_level_<n>` for n = 0..3, and `<id>_missing`. */
  codes: string[];
  missingCode: string;
  /** `indikator.<id>.bukti`. */
  buktiField: string;
  /** The path of the indicator's own entry, as segments (`['indikator', 'sdm']`). */
  entry: string[];
  /** The keys of its entry that any level reads (`jumlah`): part of what its score depends on. */
  readOwn: string[];
  /** The other fields any level reads (the record's year), as segments: the rest of it. */
  readOther: string[][];
}

/** Splits a filled template around its `{action}`. */
function around(template: string): [string, string] {
  const [before = '', after = ''] = template.split('{action}');
  return [before, after];
}

/** The fields an indicator's levels read: the keys of its own entry, and the others. */
function readFields(indicator: RubricIndicator) {
  const read = new Set(indicator.levels.flatMap((l) => fieldsRead(l.conditions as Condition)));
  const prefix = `${indicator.field}.`;
  const own = [...read].filter(
    (f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('.'),
  );
  return {
    entry: indicator.field.split('.'),
    readOwn: own.map((f) => f.slice(prefix.length)),
    readOther: [...read].filter((f) => !own.includes(f)).map((f) => f.split('.')),
  };
}

/**
 * The indicator texts of a rubric in a locale, built once.
 *
 * @internal
 */
export function planFor(rubric: RubricRuleSet, locale: Locale): IndicatorPlan[] {
  return plans(rubric)[locale];
}

const plans = weakMemo(
  (rubric: RubricRuleSet): Record<Locale, IndicatorPlan[]> => ({
    id: makePlans(rubric, 'id'),
    en: makePlans(rubric, 'en'),
  }),
);

function makePlans(rubric: RubricRuleSet, locale: Locale): IndicatorPlan[] {
  const t = MESSAGES.score;
  const num = (n: number) => formatValue(round(n), locale);
  const positions = new Map(rubricChecks(rubric).map((c, i) => [c.id, i]));
  return rubric.indicators.map((indicator) => {
    const title = pick(indicator.title, locale);
    const w = indicator.weight;
    return {
      indicator,
      ids: indicator.levels.map((l) => positions.get(levelId(indicator, l.level)) as number),
      title,
      maxPoints: round(3 * w),
      bukti: [...indicator.field.split('.'), 'bukti'],
      reached: indicator.levels.map((l) =>
        fill(pick(t.reached, locale), {
          level: String(l.level),
          description: pick(l.description, locale),
          points: num(l.level * w),
          max: num(3 * w),
        }),
      ),
      action: indicator.levels.map((l) => pick(l.next, locale)),
      nextSentence: indicator.levels.map((l) =>
        around(fill(pick(t.next, locale), { level: String(l.level), gain: num(w) })),
      ),
      upgradeLevel: indicator.levels.map((l) =>
        around(fill(pick(t.upgradeLevel, locale), { title, level: String(l.level), gain: num(w) })),
      ),
      upgradeEvidence: indicator.levels.map((l) =>
        fill(pick(t.upgradeEvidence, locale), { title, gain: num(l.level * w) }),
      ),
      levelFields: indicator.levels.map((l) =>
        fieldsRead(l.conditions as Condition).filter((f) => f.startsWith(`${indicator.field}.`)),
      ),
      levelOtherFields: indicator.levels.map((l) =>
        fieldsRead(l.conditions as Condition).filter((f) => !f.startsWith(`${indicator.field}.`)),
      ),
      fillIn: indicator.levels.map((l) =>
        fill(pick(t.fillIn, locale), { description: pick(l.description, locale) }),
      ),
      levelHasGap: indicator.levels.map((l) => pick(l.next, locale).includes('{kurang}')),
      codes: [0, 1, 2, 3].map((n) => `${indicator.id}_level_${n}`),
      missingCode: `${indicator.id}_missing`,
      buktiField: `${indicator.field}.bukti`,
      ...readFields(indicator),
    };
  });
}
