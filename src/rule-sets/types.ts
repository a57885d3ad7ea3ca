import type { LocalizedText } from '../messages.js';
import type { Assumption, Criterion, LegalSource, Question } from './format.js';
import type { RegionRules, RubricIndicator } from './rubric-format.js';
import type { WeightedStage } from './weighted-format.js';

/**
 * The types of loaded rule sets: what `loadRuleSet`, `getRuleSet` and every evaluator see once a
 * file is validated, its `extends` resolved and the result frozen.
 */

/** Metadata every loaded rule set carries, `extends` resolved. */
export interface RuleSetMeta {
  /** Stable id. */
  readonly id: string;
  /** Title in Indonesian and English. */
  readonly title: LocalizedText;
  /** Who issued it: level and name of the government. */
  readonly jurisdiction: {
    /** `nasional`, `provinsi`, `kabupaten` or `kota`. */
    readonly level: string;
    /** The region's name, e.g. "Kota Batu", or "Indonesia". */
    readonly name: string;
  };
  /** Its legal basis, its own sources first, then those it inherits. */
  readonly legalBasis: readonly LegalSource[];
  /** Edition (year of the regulation or rubric). */
  readonly edition: string;
  /** Dates it applies from (and until). */
  readonly effective: {
    /** The first day it applies, `YYYY-MM-DD`. */
    readonly from: string;
    /** The last day it applies, when it has one. */
    readonly until?: string | undefined;
  };
  /** Stated assumptions, its own first, then those it inherits. */
  readonly assumptions: readonly Assumption[];
  /** The chain of rule sets it builds on, nearest first (empty when it extends none). */
  readonly lineage: readonly string[];
}

/** A loaded eligibility rule set: criteria resolved through `extends`, frozen. */
export interface EligibilityRuleSet extends RuleSetMeta {
  /** Kind of rule set. */
  readonly kind: 'eligibility';
  /**
   * `regulation`: a region's (or the nation's) rules on regional innovation, the default for
   * records of its jurisdiction. `competition`: an award's entry rules, applied only when named.
   */
  readonly purpose: 'regulation' | 'competition';
  /**
   * The region's own questions (answered in the record under `daerah.<id>`), inherited ones
   * first; empty when its regulation asks nothing beyond the national record.
   */
  readonly questions: readonly Question[];
  /** The criteria, inherited ones first in their order, replacements in place. */
  readonly criteria: readonly Criterion[];
}

/** A loaded scoring rubric (IGA edition), frozen. */
export interface RubricRuleSet extends RuleSetMeta {
  /** Kind of rule set. */
  readonly kind: 'rubric';
  /** The per-innovation indicators, in their official order. */
  readonly indicators: readonly RubricIndicator[];
  /** The region-level rules of the index. */
  readonly region: RegionRules;
}

/** A loaded weighted-scoring rule set (e.g. a provincial competition), frozen. */
export interface WeightedRuleSet extends RuleSetMeta {
  /** Kind of rule set. */
  readonly kind: 'weighted';
  /** The stages, each a tree of weighted sections. */
  readonly stages: readonly WeightedStage[];
}

/** Any loaded rule set. */
export type RuleSet = EligibilityRuleSet | RubricRuleSet | WeightedRuleSet;

/** Which rule set, and which edition of it, a result was computed with. */
export interface RuleSetRef {
  /** The rule set's id, e.g. `iga-2026`. */
  id: string;
  /** Its edition, as the rule set states it. */
  edition: string;
}

/** A short description of a registered rule set, as listed by {@link listRuleSets}. */
export interface RuleSetSummary {
  /** Stable id. */
  id: string;
  /** Kind of rule set. */
  kind: RuleSet['kind'];
  /** Title in Indonesian and English. */
  title: LocalizedText;
  /** Edition. */
  edition: string;
  /** Id of the rule set it builds on, if any. */
  extends?: string;
  /** Whether it ships with the library (as opposed to loaded by the app). */
  builtIn: boolean;
  /**
   * Its content hash, `sha256:<hex>`, as the basis of every result names it: what it inherits is
   * part of it, so a changed parent changes the child's hash too.
   */
  hash: string;
}
