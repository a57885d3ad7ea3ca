import { InvalidRecordError } from '../errors.js';
import { attempt } from './evaluator.js';
import { createEvaluator, evaluateAllParsed, parseRecord, resolveAll } from './pipeline.js';
import type { Scope } from './scope.js';
import type {
  EvaluateAllOptions,
  EvaluateOptions,
  Evaluation,
  MultiEvaluation,
  SafeEvaluateResult,
} from './types.js';

/**
 * Evaluates an innovation record against an eligibility rule set: a verdict, and for every
 * criterion its status, citation and reasons that name the record fields involved, with the
 * innovation's IGA score.
 *
 * Never mutates its input; the same input gives the same (byte-identical JSON) output.
 *
 * @param record - an innovation record in the shape of `InnovationSchema`
 * @param options - eligibility rule set, IGA rubric and locale
 * @returns the evaluation: verdict, criteria and the IGA score
 * @throws {@link InvalidRecordError} when the record is not valid, listing every problem
 * @throws {@link InvalidOptionError} when an option has the wrong type or an unknown locale
 * @throws {@link UnknownRuleSetError} when an option names no loaded rule set
 * @example
 * ```ts
 * import { evaluate } from 'inovasi-rules';
 * const result = await evaluate({ nama: 'Si Cantik', kebaruan: 'tidak' });
 * result.verdict; // 'not_eligible'
 * result.criteria[0].reasons[0].fields; // ['kebaruan']
 * ```
 */
export async function evaluate(record: unknown, options?: EvaluateOptions): Promise<Evaluation> {
  return createEvaluator(options).evaluate(record);
}

/**
 * {@link evaluate} with the rule sets of a scope (an engine's), synchronous.
 *
 * @internal
 */
export function evaluateIn(scope: Scope, record: unknown, options?: EvaluateOptions): Evaluation {
  return createEvaluator(options, undefined, scope).evaluate(record);
}

/**
 * {@link safeEvaluate} with the rule sets of a scope (an engine's), synchronous.
 *
 * @internal
 */
export function safeEvaluateIn(
  scope: Scope,
  record: unknown,
  options?: EvaluateOptions,
): SafeEvaluateResult {
  const evaluator = createEvaluator(options, undefined, scope);
  return attempt(() => evaluator.evaluate(record));
}

/**
 * {@link evaluateAll} with the rule sets of a scope (an engine's), synchronous.
 *
 * @internal
 */
export function evaluateAllIn(
  scope: Scope,
  record: unknown,
  options: EvaluateAllOptions,
): MultiEvaluation {
  const { ruleSets, locale } = resolveAll(options, scope);
  return evaluateAllParsed(parseRecord(record, locale), ruleSets, locale);
}

/**
 * {@link safeEvaluateAll} with the rule sets of a scope (an engine's), synchronous.
 *
 * @internal
 */
export function safeEvaluateAllIn(
  scope: Scope,
  record: unknown,
  options: EvaluateAllOptions,
): SafeEvaluateResult<MultiEvaluation> {
  const { ruleSets, locale } = resolveAll(options, scope);
  return attempt(() => evaluateAllParsed(parseRecord(record, locale), ruleSets, locale));
}

/**
 * Like {@link evaluate}, but returns an invalid record as a result instead of rejecting.
 *
 * @param record - an innovation record
 * @param options - rule set, rubric and locale
 * @returns `{ success: true, data }` or `{ success: false, error }`
 * @throws {@link InvalidOptionError} or {@link UnknownRuleSetError} for bad options
 * @example
 * ```ts
 * const r = await safeEvaluate({ nama: 42 });
 * if (!r.success) console.log(r.error.issues); // [{ path: ['nama'], code: 'invalid_type', ... }]
 * ```
 */
export async function safeEvaluate(
  record: unknown,
  options?: EvaluateOptions,
): Promise<SafeEvaluateResult> {
  const evaluator = createEvaluator(options);
  return attempt(() => evaluator.evaluate(record));
}

/**
 * Evaluates one record under several rule sets at once (say Perwali Batu, KIPP 2023 and
 * KOVABLIK): one result per rule set, in the order asked.
 *
 * @param record - an innovation record
 * @param options - `ruleSets` (ids or loaded rule sets, any kind) and locale
 * @returns the record's id and name, and one result per rule set
 * @throws {@link InvalidRecordError} when the record is not valid
 * @throws {@link InvalidOptionError} or {@link UnknownRuleSetError} for bad options
 * @example
 * ```ts
 * const all = await evaluateAll(record, { ruleSets: ['pp-38-2017', 'kipp-2023'] });
 * all.results.map((r) => r.kind); // ['eligibility', 'eligibility']
 * ```
 */
export async function evaluateAll(
  record: unknown,
  options: EvaluateAllOptions,
): Promise<MultiEvaluation> {
  const { ruleSets, locale } = resolveAll(options);
  return evaluateAllParsed(parseRecord(record, locale), ruleSets, locale);
}

/**
 * Like {@link evaluateAll}, but returns an invalid record as a result instead of rejecting.
 *
 * @param record - an innovation record
 * @param options - `ruleSets` and locale
 * @returns `{ success: true, data }` or `{ success: false, error }`
 * @throws {@link InvalidOptionError} or {@link UnknownRuleSetError} for bad options
 * @example
 * ```ts
 * const r = await safeEvaluateAll({ nama: 42 }, { ruleSets: ['pp-38-2017'] });
 * r.success; // false
 * ```
 */
export async function safeEvaluateAll(
  record: unknown,
  options: EvaluateAllOptions,
): Promise<SafeEvaluateResult<MultiEvaluation>> {
  const { ruleSets, locale } = resolveAll(options);
  return attempt(() => evaluateAllParsed(parseRecord(record, locale), ruleSets, locale));
}
