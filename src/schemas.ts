/**
 * The zod schemas of the formats: the innovation record's parts and every rule-set kind. For
 * tools that build on the formats (editors, generators, validators in other apps); the main
 * entry's functions validate with these same schemas. Their JSON Schemas ship in `schema/`.
 * `lintRuleSet` checks a rule-set file's text for its author: every problem with its line and
 * column, in Indonesian or English.
 *
 * @packageDocumentation
 */

export { type LintOptions, lintRuleSet, type RuleSetProblem } from './features/lint.js';
export { BuktiSchema, IndikatorSchema, KemanfaatanBasisSchema } from './record/innovation.js';
export {
  AssumptionSchema,
  CheckSchema,
  CriterionSchema,
  EligibilityRuleSetSchema,
  LegalSourceSchema,
  LocalizedTextSchema,
  QuestionSchema,
} from './rule-sets/format.js';
export {
  BandIdSchema,
  IndicatorLevelSchema,
  RegionRulesSchema,
  RubricIndicatorSchema,
  RubricSchema,
} from './rule-sets/rubric-format.js';
export {
  type WeightedNodeFile,
  WeightedNodeSchema,
  WeightedRuleSetSchema,
  WeightedStageSchema,
} from './rule-sets/weighted-format.js';
