import { type Locale, MESSAGES, pick } from '../messages.js';
import { ruleSetHash } from '../rule-sets/hash.js';
import type { RuleSet } from '../rule-sets/types.js';

/**
 * The stamp on every result: which rule set judged and which rubric scored, their editions,
 * effective dates and content hashes, why each was chosen, and the package version: what a
 * verifier needs to reproduce a figure later and to tell two versions of a Perbup apart.
 */

/**
 * The package's version, written into every basis so that a figure can be traced to the code
 * that produced it. A constant, not a read of `package.json` (a page's bundle would carry the
 * whole manifest); a test keeps it equal to `package.json`.
 *
 * @internal
 */
export const VERSION = '0.1.0';

/**
 * Why a rule set was chosen: `given` (named by the caller), `jurisdiction` (the region's own),
 * `national_no_region_rule`, `national_not_in_force`, `national_no_level`, `national_no_pemda`
 * (the national rule set, and why); for a rubric `edition_in_force`, `edition_no_year`, and the
 * stated assumptions `edition_next_assumed`, `edition_newest_assumed`, `edition_oldest_assumed`.
 */
export type ChoiceCode =
  | 'given'
  | 'jurisdiction'
  | 'national_no_region_rule'
  | 'national_not_in_force'
  | 'national_no_level'
  | 'national_no_pemda'
  | 'edition_in_force'
  | 'edition_no_year'
  | 'edition_next_assumed'
  | 'edition_newest_assumed'
  | 'edition_oldest_assumed';

/** The choices that are assumptions, not facts: said so on the result. */
const ASSUMED: ReadonlySet<ChoiceCode> = new Set([
  'edition_next_assumed',
  'edition_newest_assumed',
  'edition_oldest_assumed',
]);

/** One rule set in a {@link Basis}. */
export interface BasisEntry {
  /** Its id, e.g. `perwali-batu-36-2022`. */
  readonly id: string;
  /** Its edition, e.g. `2022`. */
  readonly edition: string;
  /** Its title in the result's locale. */
  readonly title: string;
  /** The dates it applies from (and until), `YYYY-MM-DD`. */
  readonly effective: {
    /** The first day it applies. */
    readonly from: string;
    /** The last day it applies, when it has one. */
    readonly until?: string;
  };
  /** SHA-256 of its canonical JSON (RFC 8785), `sha256:<hex>`: one changed threshold changes it. */
  readonly hash: string;
  /** Why it was chosen: a code, and the sentence in the result's locale. */
  readonly why: {
    /** Stable code of the choice. */
    readonly code: ChoiceCode;
    /** E.g. "Perwali Kota Batu 36/2022, karena pemda = Kota Batu". */
    readonly message: string;
  };
  /** True when the choice is a stated assumption (a year no edition covers). */
  readonly assumption: boolean;
}

/** Which rules decided a result, and the code that applied them. */
export interface Basis {
  /** The eligibility rule set that judged the record. */
  readonly ruleSet: BasisEntry;
  /** The IGA rubric edition that scored it. */
  readonly rubric: BasisEntry;
  /** The inovasi-rules version. */
  readonly version: string;
}

/** Which rules decided an evaluation under several rule sets (`evaluateAll`): each rule set asked for, and the version. */
export interface MultiBasis {
  /** One entry per rule set, in the order asked (each chosen by the caller). */
  readonly ruleSets: readonly BasisEntry[];
  /** The inovasi-rules version. */
  readonly version: string;
}

/** A rule set as chosen: the rule set, the code of the choice and the values its sentence names. */
export interface Chosen<T extends RuleSet = RuleSet> {
  /** The rule set. */
  readonly ruleSet: T;
  /** Why. */
  readonly code: ChoiceCode;
  /** The values of the sentence: `pemda`, `year`, `source` (`tahun` or `asOf`). */
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * The short name of a rule set in a sentence: an eligibility rule set by its regulation's
 * citation (`PP 38/2017`), a rubric by its title.
 */
function nameOf(ruleSet: RuleSet, locale: Locale): string {
  const citation = ruleSet.kind === 'eligibility' ? ruleSet.legalBasis[0]?.citation : undefined;
  return citation ?? pick(ruleSet.title, locale);
}

/**
 * The basis entry of a chosen rule set.
 *
 * @internal
 */
export function basisEntry(chosen: Chosen, locale: Locale): BasisEntry {
  const { ruleSet, code, params } = chosen;
  const texts = MESSAGES.basis;
  let message = pick(texts[code], locale).replace(/\{(\w+)\}/g, (_, key: string) =>
    key === 'name' ? nameOf(ruleSet, locale) : String(params[key] ?? ''),
  );
  if (params.source === 'asOf') message += pick(texts.fromAsOf, locale);
  const { from, until } = ruleSet.effective;
  return Object.freeze({
    id: ruleSet.id,
    edition: ruleSet.edition,
    title: pick(ruleSet.title, locale),
    effective: Object.freeze(until === undefined ? { from } : { from, until }),
    hash: ruleSetHash(ruleSet),
    why: Object.freeze({ code, message }),
    assumption: ASSUMED.has(code),
  });
}

/**
 * The basis of an evaluation under several rule sets, each named by the caller.
 *
 * @internal
 */
export function multiBasisOf(ruleSets: readonly RuleSet[], locale: Locale): MultiBasis {
  return Object.freeze({
    ruleSets: Object.freeze(
      ruleSets.map((ruleSet) => basisEntry({ ruleSet, code: 'given', params: {} }, locale)),
    ),
    version: VERSION,
  });
}

/**
 * The basis of an evaluation: its rule set and rubric as chosen, and the version.
 *
 * @internal
 */
export function basisOf(ruleSet: Chosen, rubric: Chosen, locale: Locale): Basis {
  return Object.freeze({
    ruleSet: basisEntry(ruleSet, locale),
    rubric: basisEntry(rubric, locale),
    version: VERSION,
  });
}
