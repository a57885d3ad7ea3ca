/**
 * The zod schemas of the formats: the innovation record's parts and every rule-set kind. For
 * tools that build on the formats (editors, generators, validators in other apps); the main
 * entry's functions validate with these same schemas. Their JSON Schemas ship in `schema/`.
 *
 * @packageDocumentation
 */

export { BuktiSchema, IndikatorSchema, KemanfaatanBasisSchema } from './record/innovation.js';
export {
  AssumptionSchema,
  CheckSchema,
  CriterionSchema,
  EligibilityRuleSetSchema,
  LegalSourceSchema,
  LocalizedTextSchema,
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
