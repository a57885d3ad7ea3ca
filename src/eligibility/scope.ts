import { latest, memo } from '../conditions/memo.js';
import type { RegionLevel } from '../record/kewenangan.js';
import { readRegionName } from '../record/region-name.js';
import { getRuleSet, shippedRuleSets, unknownRuleSet } from '../rule-sets/registry.js';
import type { EligibilityRuleSet, RubricRuleSet, RuleSet } from '../rule-sets/types.js';
import type { Chosen } from './basis.js';

/**
 * The rule sets one engine knows and how it chooses among them: a record's region decides its
 * eligibility rule set (its own Perwali/Perbup when the engine has one, else the national PP
 * 38/2017), its year the IGA edition. Every choice says why, so that a result can say it.
 * Nothing here reads a process-wide list: the default scope holds the shipped rule sets, an
 * engine's scope the rule sets it was made with.
 */

/** The national eligibility rule set: the one a record is judged by when its region has none. */
export const NATIONAL_RULE_SET = 'pp-38-2017';

/**
 * Orders two ISO dates (`2022-07-01`), which sort as their texts do: not `localeCompare`, whose
 * first call loads the runtime's collation data (about 10 ms of a process's first evaluation).
 */
const earlier = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The rule sets of an engine, and its choices. */
export interface Scope {
  /** The rule sets it chooses from, in the order given (shipped ones first). */
  readonly ruleSets: readonly RuleSet[];
  /** The rule set of an id, or {@link UnknownRuleSetError}. */
  get(id: string): RuleSet;
  /** A rule set of a kind, named by id or given: an id of another kind is unknown as that kind. */
  resolve<K extends RuleSet['kind']>(ref: string | RuleSet, kind: K): Extract<RuleSet, { kind: K }>;
  /** The eligibility rule set of a region (by its name, or its level when the name has none). */
  eligibilityFor(
    pemda: string | null | undefined,
    level: RegionLevel | null | undefined,
    year: number | undefined,
  ): Chosen<EligibilityRuleSet>;
  /** The IGA edition for a reporting year; `source` says where the year came from. */
  editionFor(year: number | undefined, source?: 'tahun' | 'asOf'): Chosen<RubricRuleSet>;
}

/**
 * A scope of the given rule sets. `lookup` finds an id the scope does not hold (the default
 * scope's ids loaded with `loadRuleSet`); it never takes part in a choice.
 */
export function createScope(
  ruleSets: readonly RuleSet[],
  lookup: (id: string) => RuleSet | undefined = () => undefined,
): Scope {
  const byId = new Map(ruleSets.map((r) => [r.id, r]));
  const get = (id: string): RuleSet => {
    const found = byId.get(id) ?? lookup(id);
    if (!found) throw unknownRuleSet(id, [...byId.keys()]);
    return found;
  };
  // Each regional rule set with its region's key (`kabupaten:malang`), read once per scope.
  const regional = ruleSets
    .filter(
      (r): r is EligibilityRuleSet =>
        r.kind === 'eligibility' &&
        r.purpose === 'regulation' &&
        r.jurisdiction.level !== 'nasional',
    )
    .map((ruleSet) => ({
      ruleSet,
      key: `${ruleSet.jurisdiction.level}:${readRegionName(ruleSet.jurisdiction.name).place}`,
    }));
  const editions = ruleSets
    .filter((r): r is RubricRuleSet => r.kind === 'rubric' && r.jurisdiction.level === 'nasional')
    .sort((a, b) => earlier(a.effective.from, b.effective.from));

  const national = (): EligibilityRuleSet => {
    const found = get(NATIONAL_RULE_SET);
    return found as EligibilityRuleSet;
  };

  const chooseEligibility = (key: string): Chosen<EligibilityRuleSet> => {
    const [pemda = '', level = '', yearText = ''] = key.split('\u0000');
    const year = yearText === '' ? undefined : Number(yearText);
    if (pemda.trim() === '') return { ruleSet: national(), code: 'national_no_pemda', params: {} };
    const name = readRegionName(pemda);
    const shown = pemda.trim().split(/\s+/).join(' ');
    const nameLevel = name.level ?? (level === '' ? undefined : (level as RegionLevel));
    const samePlace = regional.filter((r) => r.key.endsWith(`:${name.place}`));
    if (nameLevel === undefined) {
      return samePlace.length > 0
        ? { ruleSet: national(), code: 'national_no_level', params: { pemda: shown } }
        : { ruleSet: national(), code: 'national_no_region_rule', params: { pemda: shown } };
    }
    const own = samePlace
      .filter((r) => r.key === `${nameLevel}:${name.place}`)
      .map((r) => r.ruleSet);
    const inForce = own
      .filter((r) => inForceIn(r, year))
      .sort((a, b) => earlier(b.effective.from, a.effective.from));
    if (inForce[0]) return { ruleSet: inForce[0], code: 'jurisdiction', params: { pemda: shown } };
    if (own.length > 0 && year !== undefined) {
      return { ruleSet: national(), code: 'national_not_in_force', params: { pemda: shown, year } };
    }
    return { ruleSet: national(), code: 'national_no_region_rule', params: { pemda: shown } };
  };
  const eligibilityChoices = memo(chooseEligibility, 10_000);

  const chooseEdition = (key: string): Chosen<RubricRuleSet> => {
    const [yearText = '', source = 'tahun'] = key.split('\u0000');
    const newest = editions.at(-1) ?? (get('iga-2026') as RubricRuleSet);
    if (yearText === '') return { ruleSet: newest, code: 'edition_no_year', params: {} };
    const year = Number(yearText);
    const params = { year, source };
    const date = `${year}-12-31`;
    const covering = editions.filter(
      (r) =>
        r.effective.from <= date && (r.effective.until === undefined || date <= r.effective.until),
    );
    const inForce = covering.at(-1);
    if (inForce) {
      // An open-ended edition scores later years only as an assumption: their own edition may
      // change indicators, weights or windows, and is not known yet.
      return inForce === newest && year > editionYear(newest)
        ? { ruleSet: newest, code: 'edition_newest_assumed', params }
        : { ruleSet: inForce, code: 'edition_in_force', params };
    }
    const next = editions.find((r) => r.effective.from > date);
    if (next === editions[0] && next)
      return { ruleSet: next, code: 'edition_oldest_assumed', params };
    if (next) return { ruleSet: next, code: 'edition_next_assumed', params };
    return { ruleSet: newest, code: 'edition_newest_assumed', params };
  };
  const editionChoices = memo(chooseEdition, 1_000);

  return {
    ruleSets,
    get,
    resolve(ref, kind) {
      const ruleSet = typeof ref === 'string' ? get(ref) : ref;
      if (ruleSet.kind !== kind) {
        const ofKind = ruleSets.filter((r) => r.kind === kind).map((r) => r.id);
        throw unknownRuleSet(ruleSet.id, ofKind, kind);
      }
      return ruleSet as Extract<RuleSet, { kind: typeof kind }>;
    },
    eligibilityFor: (pemda, level, year) =>
      eligibilityChoices(`${pemda ?? ''}\u0000${level ?? ''}\u0000${year ?? ''}`),
    editionFor: (year, source = 'tahun') =>
      editionChoices(year === undefined ? '' : `${year}\u0000${source}`),
  };
}

/** Whether a rule set is in force at some time in a year (any year when none is given). */
function inForceIn(ruleSet: RuleSet, year: number | undefined): boolean {
  if (year === undefined) return true;
  const { from, until } = ruleSet.effective;
  return from <= `${year}-12-31` && (until === undefined || until >= `${year}-01-01`);
}

/** The year an edition is named for (`2026`), else the year it took effect. */
function editionYear(ruleSet: RuleSet): number {
  const named = Number(ruleSet.edition);
  return Number.isInteger(named) ? named : Number(ruleSet.effective.from.slice(0, 4));
}

/**
 * The scope of the top-level functions: the shipped rule sets choose; an id loaded with
 * `loadRuleSet` is found when named, but never chosen by default, so that loading a rule set
 * changes no other caller's answer.
 */
export const defaultScope = (): Scope => shippedScope(0);

const shippedScope = latest(() => createScope(shippedRuleSets(), tryGet));

function tryGet(id: string): RuleSet | undefined {
  try {
    return getRuleSet(id);
  } catch {
    return undefined;
  }
}
