/**
 * The reference evaluator: the same evaluation as `evaluate`, with every condition run by
 * json-rules-engine itself (one Engine per rule set, built once and reused) instead of the
 * compiled form. Slower; for cross-checking a rule set, or when an app wants the original engine.
 *
 * @packageDocumentation
 */
import type { CheckSpec } from './conditions/compile.js';
import { type CheckRunner, createEngineRunner, resultsOf } from './conditions/json-rules-engine.js';
import { createEvaluator, parseRecord } from './eligibility/pipeline.js';
import type { EvaluateOptions, Evaluation } from './eligibility/types.js';
import { factsOf } from './record/facts.js';
import type { EligibilityRuleSet, RubricRuleSet } from './rule-sets/types.js';
import { rubricChecks } from './scoring/indicator-plan.js';

const engines = new WeakMap<
  EligibilityRuleSet | RubricRuleSet,
  { checks: CheckSpec[]; run: CheckRunner }
>();

function engineFor(ruleSet: EligibilityRuleSet | RubricRuleSet) {
  let engine = engines.get(ruleSet);
  if (!engine) {
    const checks =
      ruleSet.kind === 'eligibility'
        ? ruleSet.criteria.flatMap((c) => [...c.checks])
        : rubricChecks(ruleSet);
    engine = { checks, run: createEngineRunner(checks) };
    engines.set(ruleSet, engine);
  }
  return engine;
}

/**
 * Evaluates a record like `evaluate`, running every condition through json-rules-engine.
 *
 * @param record - an innovation record
 * @param options - rule set, rubric and locale, as for `evaluate`
 * @returns the same evaluation `evaluate` gives
 * @throws `InvalidRecordError` when the record is not valid
 * @example
 * ```ts
 * import { evaluateWithJsonRulesEngine } from 'inovasi-rules/reference';
 * const reference = await evaluateWithJsonRulesEngine(record);
 * ```
 */
export async function evaluateWithJsonRulesEngine(
  record: unknown,
  options: EvaluateOptions = {},
): Promise<Evaluation> {
  const chosen = createEvaluator(options);
  const parsed = parseRecord(record, chosen.locale);
  // The rubric of the record's year, as evaluate() chooses it.
  const evaluator = chosen.forRecord(parsed);
  const facts = factsOf(parsed);
  const eligibility = engineFor(evaluator.ruleSet);
  const rubric = engineFor(evaluator.rubric);
  const [outcomes, levels] = await Promise.all([eligibility.run(facts), rubric.run(facts)]);
  return evaluator.assemble(
    parsed,
    resultsOf(eligibility.checks, outcomes),
    resultsOf(rubric.checks, levels),
  );
}
