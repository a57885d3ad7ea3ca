/**
 * inovasi-rules: Indonesian regional-innovation regulations as declarative rule sets.
 *
 * @packageDocumentation
 */

export {
  type BatchItem,
  type BatchProgress,
  type EvaluateManyOptions,
  evaluateMany,
} from './features/batch.js';
export {
  CaseExpectSchema,
  type CaseResult,
  runTestCases,
  type TestCases,
  TestCasesSchema,
} from './features/cases.js';
export type { Condition, LeafCondition, TopLevelCondition } from './conditions/condition.js';
export {
  type ErrorCode,
  InovasiRulesError,
  InvalidRecordError,
  InvalidRuleSetError,
  type Issue,
  UnknownRuleSetError,
} from './errors.js';
export {
  DEFAULT_RUBRIC,
  DEFAULT_RULE_SET,
  type Eligibility,
  type EvaluateOptions,
  type EvaluateRuleSetsOptions,
  type Evaluation,
  evaluate,
  type MultiEvaluation,
  type RuleSetResult,
  type SafeEvaluateResult,
  safeEvaluate,
  type Verdict,
} from './eligibility/evaluate.js';
export {
  createFormSchema,
  type DraftProgress,
  draftProgress,
  type FormSchemaOptions,
  inovasiFormSchema,
} from './features/form.js';
export {
  BuktiSchema,
  type Indikator,
  IndikatorSchema,
  type Innovation,
  type InnovationInput,
  InnovationSchema,
  KemanfaatanBasisSchema,
} from './record/innovation.js';
export { LIMITS } from './record/limits.js';
export type { Locale } from './messages.js';
export type { Status } from './conditions/outcome.js';
export {
  type Change,
  evaluatePortfolio,
  type Portfolio,
  type PortfolioInput,
  type PortfolioOptions,
  type PortfolioUnit,
  type UnitCount,
} from './features/portfolio.js';
export type { CriterionResult, Expectation, Reason } from './eligibility/reasons.js';
export {
  evaluateRegion,
  type RegionEvaluation,
  type RegionInnovation,
  type RegionInput,
  RegionSchema,
} from './features/region.js';
export {
  checkRuleSet,
  type EligibilityRuleSet,
  getRuleSet,
  listRuleSets,
  loadRuleSet,
  type RubricRuleSet,
  type RuleSet,
  type RuleSetMeta,
  type RuleSetSummary,
  type WeightedRuleSet,
} from './rule-sets/registry.js';
export {
  type Band,
  BandIdSchema,
  type Indicator,
  IndicatorLevelSchema,
  IndicatorSchema,
  type RegionRules,
  RegionRulesSchema,
  RubricSchema,
} from './rule-sets/rubric-format.js';
export {
  type Assumption,
  AssumptionSchema,
  type Check,
  CheckSchema,
  type Criterion,
  CriterionSchema,
  EligibilityRuleSetSchema,
  type LegalSource,
  LegalSourceSchema,
  type LocalizedText,
  LocalizedTextSchema,
} from './rule-sets/format.js';
export type { IndicatorReason, IndicatorScore, InnovationScore, Upgrade } from './scoring/score.js';
export {
  findUrusan,
  isWithinRegionalAuthority,
  type Urusan,
  type UrusanGroup,
  urusanCatalogue,
} from './record/urusan.js';
export {
  type WeightedNodeFile,
  WeightedNodeSchema,
  type WeightedNodeScore,
  WeightedRuleSetSchema,
  type WeightedStage,
  WeightedStageSchema,
  type WeightedStageScore,
} from './rule-sets/weighted-format.js';
