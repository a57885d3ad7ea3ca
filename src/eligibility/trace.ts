import {
  allStatus,
  type CheckResults,
  leafFields,
  type Outcome,
  type Status,
} from '../conditions/outcome.js';
import type { EligibilityRuleSet, RubricRuleSet } from '../rule-sets/types.js';
import { levelId } from '../scoring/indicator-plan.js';
import type { InnovationScore } from '../scoring/score.js';

/**
 * The trace of an evaluation (`explain: true`): every criterion's and every indicator's
 * condition tree as it was evaluated on the record, node by node, so that a verdict or a score
 * can be followed down to the field that decided it. Built from the very outcomes the verdict
 * and the score were assembled from; nothing is evaluated twice. Its shape is versioned
 * (`trace.v1`) and described by `schema/trace.v1.schema.json`.
 */

/** The version of the trace's shape. */
export const TRACE_VERSION = 'trace.v1';

/** A leaf of a condition tree, as evaluated. */
export interface TraceLeaf {
  /** The fact read: a record field (`kebaruan`, `indikator`) or a derived fact (`tahunT1`). */
  readonly fact: string;
  /** The dotted path inside the fact, when the condition has one (`sdm.jumlah`). */
  readonly path?: string;
  /** The record fields behind it, as dotted paths (`indikator.sdm.jumlah`). */
  readonly fields: readonly string[];
  /** The operator (`equal`, `greaterThanInclusive`, …). */
  readonly operator: string;
  /** The value compared with; another fact's value when the condition names one. */
  readonly expected: unknown;
  /** Whether the record gives the fact; `false` is "not given" (the leaf is then `unknown`). */
  readonly given: boolean;
  /** The value read, when given. */
  readonly value?: unknown;
  /** `pass`, `fail`, or `unknown` when the fact is not given. */
  readonly outcome: Status;
}

/** A node of a condition tree, as evaluated: a leaf, or all / any / not of nodes. */
export type TraceNode =
  | TraceLeaf
  | {
      /** Every node must pass. */
      readonly all: readonly TraceNode[];
      /** `fail` on any failing node, else `unknown` on any unknown one, else `pass`. */
      readonly outcome: Status;
    }
  | {
      /** One node must pass. */
      readonly any: readonly TraceNode[];
      /** `pass` on any passing node, else `unknown` on any unknown one, else `fail`. */
      readonly outcome: Status;
    }
  | {
      /** The node must fail. */
      readonly not: TraceNode;
      /** The node's outcome inverted (`unknown` stays). */
      readonly outcome: Status;
    };

/** One check of a criterion (a rule), as evaluated. */
export interface CheckTrace {
  /** The check's id; its reason codes are `<id>_<status>`. */
  readonly id: string;
  /** The regulation's own label for the point, e.g. `4a`. */
  readonly ref?: string;
  /** Its status. */
  readonly status: Status;
  /** The regulation and article of the criterion it belongs to. */
  readonly citation: string;
  /** Its conditions, as evaluated. */
  readonly condition: TraceNode;
}

/** One criterion, as evaluated. */
export interface CriterionTrace {
  /** The criterion's id. */
  readonly id: string;
  /** The regulation's own number for it. */
  readonly ref?: string;
  /** Its status: `fail` on any failing check, else `unknown` on any unknown one, else `pass`. */
  readonly status: Status;
  /** The regulation and article it encodes. */
  readonly citation: string;
  /** Every check, all of which must pass. */
  readonly checks: readonly CheckTrace[];
}

/** One level of an indicator, as tried. */
export interface LevelTrace {
  /** The level, 1 to 3. */
  readonly level: number;
  /** Whether its conditions held (`pass`), did not (`fail`), or lack a fact (`unknown`). */
  readonly status: Status;
  /** Its conditions, as evaluated. */
  readonly condition: TraceNode;
}

/** One IGA indicator, as evaluated: every level tried, and the one reached. */
export interface IndicatorTrace {
  /** The `indikator` key, e.g. `sdm`. */
  readonly id: string;
  /** Official number (16-35). */
  readonly number: number;
  /** The level reached (the highest whose conditions hold), 0 when none. */
  readonly level: number;
  /** The source of the edition's rubric. */
  readonly citation: string;
  /** Every level, lowest first. */
  readonly levels: readonly LevelTrace[];
}

/** The trace of one evaluation. */
export interface Trace {
  /** The shape's version: `trace.v1`. */
  readonly version: typeof TRACE_VERSION;
  /** The id of the eligibility rule set that judged the record. */
  readonly ruleSet: string;
  /** The id of the rubric that scored it. */
  readonly rubric: string;
  /** Every criterion, in the rule set's order. */
  readonly criteria: readonly CriterionTrace[];
  /** Every indicator, in the rubric's order. */
  readonly indicators: readonly IndicatorTrace[];
}

function nodeOf(outcome: Outcome): TraceNode {
  if ('all' in outcome) return { all: outcome.all.map(nodeOf), outcome: outcome.status };
  if ('any' in outcome) return { any: outcome.any.map(nodeOf), outcome: outcome.status };
  if ('not' in outcome) return { not: nodeOf(outcome.not), outcome: outcome.status };
  const { leaf } = outcome;
  const value = outcome.actual;
  const given = value !== undefined && value !== null;
  return {
    fact: leaf.fact,
    ...(leaf.path !== undefined ? { path: leaf.path } : {}),
    fields: leafFields(leaf),
    operator: leaf.operator,
    expected: 'expected' in outcome ? outcome.expected : leaf.value,
    given,
    ...(given ? { value } : {}),
    outcome: outcome.status,
  };
}

/**
 * The trace of an evaluation, from the outcomes its verdict and score were built from.
 *
 * @internal
 */
export function traceOf(
  ruleSet: EligibilityRuleSet,
  rubric: RubricRuleSet,
  outcomes: CheckResults,
  levels: CheckResults,
  score: InnovationScore,
): Trace {
  const criteria = ruleSet.criteria.map((criterion): CriterionTrace => {
    const checks = criterion.checks.map(
      (check): CheckTrace => ({
        id: check.id,
        ...(check.ref !== undefined ? { ref: check.ref } : {}),
        status: outcomes.status(check.id),
        citation: criterion.citation,
        condition: nodeOf(outcomes.outcome(check.id)),
      }),
    );
    const status = allStatus(checks.map((c) => c.status));
    return {
      id: criterion.id,
      ...(criterion.ref !== undefined ? { ref: criterion.ref } : {}),
      status,
      citation: criterion.citation,
      checks,
    };
  });
  const citation = rubric.legalBasis[0]?.citation ?? rubric.id;
  const reached = new Map(score.indicators.map((i) => [i.id, i.level]));
  const indicators = rubric.indicators.map(
    (indicator): IndicatorTrace => ({
      id: indicator.id,
      number: indicator.number,
      level: reached.get(indicator.id) ?? 0,
      citation,
      levels: indicator.levels.map((l) => {
        const id = levelId(indicator, l.level);
        return { level: l.level, status: levels.status(id), condition: nodeOf(levels.outcome(id)) };
      }),
    }),
  );
  return { version: TRACE_VERSION, ruleSet: ruleSet.id, rubric: rubric.id, criteria, indicators };
}
