import type { InvalidRecordError } from '../errors.js';
import type { Locale } from '../messages.js';
import type { RuleSet } from '../rule-sets/types.js';
import type { InnovationScore } from '../scoring/score.js';
import type { WeightedStageScore } from '../scoring/weighted.js';
import type { Basis, MultiBasis } from './basis.js';
import type { CriterionResult } from './reasons.js';
import type { Trace } from './trace.js';

/** The overall verdict of an eligibility rule set. */
export type Verdict = 'eligible' | 'not_eligible' | 'incomplete';

/** Options of {@link evaluate} and of every function that evaluates records. */
export interface EvaluateOptions {
  /**
   * Eligibility rule set: an id or a loaded rule set. Default: for each record (and for a region
   * or portfolio) the rule set whose jurisdiction is its `pemda`, when the engine holds one, else
   * the national `pp-38-2017`; `basis.ruleSet.why` says which and why.
   */
  ruleSet?: string | RuleSet;
  /** Language of titles and messages. Default `id` (Indonesian). */
  locale?: Locale;
  /**
   * IGA rubric edition: an id or a loaded rubric. Default: the edition in force for the
   * record's `tahun` (`iga-2023` for 2023 and 2024, `iga-2026` from 2025), or for `asOf`;
   * the newest when neither is known.
   */
  rubric?: string | RuleSet;
  /** The date (`YYYY-MM-DD`) or year whose IGA edition applies, instead of the record's `tahun`. */
  asOf?: string;
  /**
   * Add `trace` to each evaluation: every criterion's and indicator's conditions as evaluated,
   * node by node (`trace.v1`). Default `false`; nothing is traced, and nothing costs, unless asked.
   */
  explain?: boolean;
}

/** The eligibility part of an evaluation: verdict, criteria and the fields still missing. */
export interface Eligibility {
  /** `eligible`, `not_eligible` or `incomplete`. */
  verdict: Verdict;
  /** Every criterion with its status and reasons. */
  criteria: CriterionResult[];
  /** Record fields still to fill in, in form order. */
  missingFields: string[];
}

/** The evaluation of one innovation record. */
export interface Evaluation extends Eligibility {
  /** The record's `id`, echoed back when it has one. */
  id?: string | number;
  /** The record's name. */
  nama: string;
  /** The rule set applied. */
  ruleSet: {
    /** Its id, e.g. `perwali-batu-36-2022`. */
    id: string;
    /** Its edition, e.g. `2022`. */
    edition: string;
  };
  /** Language of titles and messages. */
  locale: Locale;
  /** The IGA score (*skor kematangan*) under the rubric edition. */
  score: InnovationScore;
  /**
   * Which rules decided, and why: the rule set and rubric with their editions, effective dates
   * and content hashes, and the package version.
   */
  basis: Basis;
  /** With `explain: true`: every condition as evaluated, down to the field it read. */
  trace?: Trace;
}

/** Result of {@link safeEvaluate}: the evaluation, or the input error. */
export type SafeEvaluateResult<T = Evaluation> =
  | {
      /** The record was valid. */
      success: true;
      /** Its evaluation. */
      data: T;
    }
  | {
      /** The record was not valid. */
      success: false;
      /** Every problem found in it. */
      error: InvalidRecordError;
    };

/** Options of {@link evaluateAll}: the rule sets to apply, and the locale. */
export interface EvaluateAllOptions {
  /** The rule sets to apply, of any kind (eligibility, rubric, weighted), by id or loaded. */
  ruleSets: readonly (string | RuleSet)[];
  /** Language of titles and messages. Default `id` (Indonesian). */
  locale?: Locale;
}

/** The rule set behind one {@link RuleSetResult}. */
export interface AppliedRuleSet {
  /** Its id. */
  id: string;
  /** Its edition. */
  edition: string;
  /** Its title in the chosen locale. */
  title: string;
}

/** One rule set's result in a {@link MultiEvaluation}. */
export type RuleSetResult =
  | ({
      /** The rule set applied. */
      ruleSet: AppliedRuleSet;
      /** An eligibility rule set: a verdict with criteria. */
      kind: 'eligibility';
    } & Eligibility)
  | {
      /** The rule set applied. */
      ruleSet: AppliedRuleSet;
      /** A rubric: an IGA score. */
      kind: 'rubric';
      /** The score under this rubric. */
      score: InnovationScore;
    }
  | {
      /** The rule set applied. */
      ruleSet: AppliedRuleSet;
      /** A weighted rule set: stage totals. */
      kind: 'weighted';
      /** Each stage's total and sections. */
      stages: WeightedStageScore[];
    };

/** The evaluation of one record under several rule sets, one result each, in the order asked. */
export interface MultiEvaluation {
  /** The record's `id`, echoed back when it has one. */
  id?: string | number;
  /** The record's name. */
  nama: string;
  /** Language of titles and messages. */
  locale: Locale;
  /** One result per rule set: a verdict with criteria, an IGA score, or weighted stage totals. */
  results: RuleSetResult[];
  /** Which rules decided: each rule set with its edition, dates and hash, and the version. */
  basis: MultiBasis;
}
