import { attempt, fixedEvaluator, resolveLocale } from '../eligibility/evaluator.js';
import type { Evaluation, SafeEvaluateResult } from '../eligibility/types.js';
import { InvalidOptionError, type Issue } from '../errors.js';
import type { Locale } from '../messages.js';
import { optionNames, plainOptions, unknownOptionIssues } from '../messages.js';
import { readRecord } from '../record/shape.js';
import type { EligibilityRuleSet, RubricRuleSet, RuleSet } from '../rule-sets/types.js';

/**
 * `evaluate` for pages that count their bytes: the rule sets are handed in (imported one by one
 * from `inovasi-rules/rule-sets/<id>`), records are read by the zod-free reader, and nothing
 * else is reached: no registry of shipped rule sets, no zod, no rule-set validation.
 */

/** The options of {@link evaluate} in `inovasi-rules/core`. */
export interface CoreEvaluateOptions {
  /**
   * The eligibility rule set, as imported from `inovasi-rules/rule-sets/<id>` (or returned by
   * `loadRuleSet` of the main entry).
   */
  ruleSet: EligibilityRuleSet;
  /** The IGA rubric, as imported from `inovasi-rules/rule-sets/<id>` (e.g. `iga-2026`). */
  rubric: RubricRuleSet;
  /** Language of titles and messages. Default `id` (Indonesian). */
  locale?: Locale;
}

const KEYS = optionNames<CoreEvaluateOptions>({ ruleSet: true, rubric: true, locale: true });

/** Options of the main entry's `evaluate` that this entry does not take. */
const MAIN_ENTRY_ONLY = ['asOf', 'explain'];

/** A rule set as the loaders make it: an object of its kind, frozen. */
function loaded<K extends RuleSet['kind']>(value: unknown, kind: K, key: string, issues: Issue[]) {
  const given = value as { kind?: unknown; id?: unknown } | null | undefined;
  if (
    given !== null &&
    typeof given === 'object' &&
    given.kind === kind &&
    typeof given.id === 'string' &&
    Object.isFrozen(given)
  ) {
    return given as Extract<RuleSet, { kind: K }>;
  }
  const what = kind === 'eligibility' ? 'eligibility rule set' : 'rubric';
  issues.push({
    path: [key],
    code: value === undefined ? 'required' : 'invalid_type',
    message:
      typeof value === 'string'
        ? `${key} must be the ${what} itself, not its id: inovasi-rules/core keeps no registry; import { ruleSet } from 'inovasi-rules/rule-sets/${value}'`
        : `${key} must be a loaded ${what}, e.g. import { ruleSet } from 'inovasi-rules/rule-sets/<id>'`,
  });
  return undefined;
}

/** Checks the options, every problem in one error, and returns the evaluator they name. */
function evaluatorFor(options: unknown) {
  const given = plainOptions(options);
  const issues: Issue[] = [];
  const others: Record<string, unknown> = {};
  for (const key of Object.keys(given)) {
    if (!MAIN_ENTRY_ONLY.includes(key)) {
      others[key] = true;
    } else {
      issues.push({
        path: [key],
        code: 'unrecognized_keys',
        message: `inovasi-rules/core takes ${KEYS.join(', ')}; "${key}" is an option of the main entry`,
      });
    }
  }
  issues.push(...unknownOptionIssues(others, KEYS));
  const ruleSet = loaded(given.ruleSet, 'eligibility', 'ruleSet', issues);
  const rubric = loaded(given.rubric, 'rubric', 'rubric', issues);
  let locale: Locale = 'id';
  try {
    locale = resolveLocale(given.locale);
  } catch (error) {
    if (!(error instanceof InvalidOptionError)) throw error;
    issues.push(...error.issues);
  }
  if (!ruleSet || !rubric || issues.length > 0) throw new InvalidOptionError(issues);
  return fixedEvaluator(ruleSet, rubric, locale, READERS[locale]);
}

/** A record reader per locale, each one function (evaluators are kept per reader). */
const READERS = {
  id: (input: unknown) => readRecord(input, 'id'),
  en: (input: unknown) => readRecord(input, 'en'),
} as const;

/**
 * Evaluates an innovation record against the eligibility rule set and IGA rubric it is handed:
 * the same evaluation as the main entry's `evaluate` with the same rule sets, from a bundle
 * that carries only them.
 *
 * Never mutates its input; the same input gives the same (byte-identical JSON) output.
 *
 * @param record - an innovation record in the shape of `InnovationSchema`
 * @param options - the eligibility rule set and rubric (both required), and the locale
 * @returns the evaluation: verdict, criteria and the IGA score
 * @throws {@link InvalidRecordError} when the record is not valid, listing every problem
 * @throws {@link InvalidOptionError} when an option is missing, is an id rather than a loaded
 *   rule set, is of the wrong kind, or is not an option of this entry
 * @example
 * ```ts
 * import { evaluate } from 'inovasi-rules/core';
 * import { ruleSet } from 'inovasi-rules/rule-sets/perwali-batu-36-2022';
 * import { ruleSet as rubric } from 'inovasi-rules/rule-sets/iga-2026';
 * const result = await evaluate({ nama: 'Si Cantik', kebaruan: 'tidak' }, { ruleSet, rubric });
 * result.verdict; // 'not_eligible'
 * ```
 */
export async function evaluate(record: unknown, options: CoreEvaluateOptions): Promise<Evaluation> {
  return evaluatorFor(options).evaluate(record);
}

/**
 * Like {@link evaluate}, but returns an invalid record as a result instead of rejecting: what a
 * form calls on every change.
 *
 * @param record - an innovation record
 * @param options - the eligibility rule set and rubric (both required), and the locale
 * @returns `{ success: true, data }` or `{ success: false, error }`
 * @throws {@link InvalidOptionError} for bad options
 * @example
 * ```ts
 * const r = await safeEvaluate({ nama: 42 }, { ruleSet, rubric });
 * if (!r.success) r.error.issues; // [{ path: ['nama'], code: 'invalid_type', ... }]
 * ```
 */
export async function safeEvaluate(
  record: unknown,
  options: CoreEvaluateOptions,
): Promise<SafeEvaluateResult> {
  const evaluator = evaluatorFor(options);
  return attempt(() => evaluator.evaluate(record));
}
