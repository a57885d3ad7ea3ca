/**
 * Planning a region's index: the cheapest steps to the next IGA band (`planRegion`) and a region
 * or one innovation under two IGA editions (`compareEditions`, `compareInnovationEditions`). For
 * dashboards and Bappeda tools; a form that only evaluates records does not need it.
 *
 * @packageDocumentation
 */

export {
  type CompareOptions,
  compareEditions,
  compareInnovationEditions,
  type EditionResult,
  type EditionScore,
  type EditionsComparison,
  type InnovationEditionsComparison,
} from './features/compare.js';
export {
  type NextYearLeaving,
  type NextYearProblem,
  type PlanCosts,
  type PlanLeftOut,
  type PlanNextYear,
  type PlanOptions,
  type PlanStep,
  type PlanStepKind,
  planRegion,
  type RegionPlan,
} from './features/plan.js';
