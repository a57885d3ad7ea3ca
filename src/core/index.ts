/**
 * `inovasi-rules/core`: `evaluate` for a page that counts its bytes, such as a form that checks
 * a draft on every change. It carries no rule set of its own: import the ones the page uses
 * from `inovasi-rules/rule-sets/<id>` and hand them in. It reads records without zod, and
 * gives the same evaluations, and the same issues for an invalid record, as the main entry.
 *
 * @example
 * ```ts
 * import { safeEvaluate } from 'inovasi-rules/core';
 * import { ruleSet } from 'inovasi-rules/rule-sets/perwali-batu-36-2022';
 * import { ruleSet as rubric } from 'inovasi-rules/rule-sets/iga-2026';
 * const result = await safeEvaluate(draft, { ruleSet, rubric, locale: 'id' });
 * ```
 *
 * @packageDocumentation
 */

export type { Status } from '../conditions/outcome.js';
export type { CriterionResult, Expectation, Reason } from '../eligibility/reasons.js';
export type { Evaluation, SafeEvaluateResult, Verdict } from '../eligibility/types.js';
export {
  type ErrorCode,
  InovasiRulesError,
  InvalidOptionError,
  InvalidRecordError,
  type Issue,
} from '../errors.js';
export type { Locale, LocalizedText } from '../messages.js';
export type { Innovation, InnovationInput } from '../record/innovation.js';
export type { EligibilityRuleSet, RubricRuleSet, RuleSetRef } from '../rule-sets/types.js';
export type {
  IndicatorReason,
  IndicatorScore,
  InnovationScore,
  Upgrade,
} from '../scoring/score.js';
export { type CoreEvaluateOptions, evaluate, safeEvaluate } from './evaluate.js';
