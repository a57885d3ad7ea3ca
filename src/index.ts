/**
 * inovasi-rules: Indonesian regional-innovation regulations as declarative rule sets.
 *
 * The main entry: evaluate records (one, several rule sets, many, a portfolio, a region), manage
 * rule sets, validate forms. Format schemas and `lintRuleSet` are in `inovasi-rules/schemas`,
 * planning and edition comparison in `inovasi-rules/plan`, submission checks in
 * `inovasi-rules/submission`, the json-rules-engine reference in `inovasi-rules/reference`, test
 * helpers in `inovasi-rules/vitest`, file reading in `inovasi-rules/io`.
 *
 * @packageDocumentation
 */

export type { Condition, LeafCondition, TopLevelCondition } from './conditions/condition.js';
export type { Status } from './conditions/outcome.js';
export type { Basis, BasisEntry, ChoiceCode, MultiBasis } from './eligibility/basis.js';
export { evaluate, evaluateAll, safeEvaluate, safeEvaluateAll } from './eligibility/evaluate.js';
export type { CriterionResult, Expectation, Reason } from './eligibility/reasons.js';
export type {
  CheckTrace,
  CriterionTrace,
  IndicatorTrace,
  LevelTrace,
  Trace,
  TraceLeaf,
  TraceNode,
} from './eligibility/trace.js';
export type {
  AppliedRuleSet,
  Eligibility,
  EvaluateAllOptions,
  EvaluateOptions,
  Evaluation,
  MultiEvaluation,
  RuleSetResult,
  SafeEvaluateResult,
  Verdict,
} from './eligibility/types.js';
export { createEngine, type Engine, type EngineOptions } from './engine/engine.js';
export {
  type ErrorCode,
  InovasiRulesError,
  InternalError,
  InvalidOptionError,
  InvalidRecordError,
  InvalidRuleSetError,
  type Issue,
  type NotHeld,
  UnknownRuleSetError,
} from './errors.js';
export {
  type BatchItem,
  type BatchProgress,
  type EvaluateManyOptions,
  evaluateMany,
} from './features/batch.js';
export {
  createFormSchema,
  type DraftProgress,
  draftProgress,
  type FormSchemaOptions,
  inovasiFormSchema,
} from './features/form.js';
export {
  type Change,
  evaluatePortfolio,
  type PipelineRow,
  type Portfolio,
  type PortfolioInput,
  type PortfolioOptions,
  type PortfolioUnit,
  type RankRow,
  type UnitCount,
} from './features/portfolio.js';
export {
  evaluateRegion,
  type RegionEvaluation,
  type RegionInnovation,
  type RegionInput,
  RegionSchema,
} from './features/region.js';
export {
  type EvaluationSummary,
  type StampEntry,
  summarizeEvaluation,
} from './features/summary.js';
export type { Locale, LocalizedText } from './messages.js';
export {
  type Bukti,
  type Indikator,
  type Innovation,
  type InnovationInput,
  InnovationSchema,
} from './record/innovation.js';
export { LIMITS } from './record/limits.js';
export {
  findUrusan,
  type Urusan,
  type UrusanGroup,
  urusanCatalogue,
} from './record/urusan.js';
export type { Assumption, Check, Criterion, LegalSource, Question } from './rule-sets/format.js';
export { checkRuleSet, getRuleSet, listRuleSets, loadRuleSet } from './rule-sets/registry.js';
export type { Band, RegionRules, RubricIndicator } from './rule-sets/rubric-format.js';
export type {
  EligibilityRuleSet,
  RubricRuleSet,
  RuleSet,
  RuleSetMeta,
  RuleSetRef,
  RuleSetSummary,
  WeightedRuleSet,
} from './rule-sets/types.js';
export type { WeightedStage } from './rule-sets/weighted-format.js';
export type {
  IndicatorReason,
  IndicatorScore,
  InnovationScore,
  Upgrade,
} from './scoring/score.js';
export type { WeightedNodeScore, WeightedStageScore } from './scoring/weighted.js';
