import type { Engine as EngineType } from 'json-rules-engine';
import { InovasiRulesError, InternalError } from '../errors.js';
import type { CheckSpec } from './compile.js';
import type { Condition } from './condition.js';
import { EXTRA_OPERATORS } from './operators.js';
import { allOf, anyOf, type CheckResults, leafStatus, notOf, type Outcome } from './outcome.js';
import { getPath } from './path.js';

/**
 * json-rules-engine, the reference evaluator: one Engine per rule set, built once and reused.
 * Evaluation itself goes through the compiled form (`compile.ts`), which a differential test
 * holds to the same outcomes as this one.
 * Each check becomes one rule named by the check's id; its result tree is read back into an
 * {@link Outcome} tree.
 */

/** Runs a rule set's checks on one record's facts, through json-rules-engine. */
export type CheckRunner = (facts: Record<string, unknown>) => Promise<Map<string, Outcome>>;

// json-rules-engine's result tree: the rule's conditions with results written onto each node.
interface ResultNode {
  all?: ResultNode[];
  any?: ResultNode[];
  not?: ResultNode;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

const isFactRef = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && 'fact' in value;

function toOutcome(condition: Condition, node: ResultNode | undefined): Outcome {
  if ('all' in condition) return allOf(condition.all.map((c, i) => toOutcome(c, node?.all?.[i])));
  if ('any' in condition) return anyOf(condition.any.map((c, i) => toOutcome(c, node?.any?.[i])));
  if ('not' in condition) return notOf(toOutcome(condition.not, node?.not));
  const missing =
    node?.result === undefined ||
    node.factResult === undefined ||
    node.factResult === null ||
    (isFactRef(condition.value) && (node.valueResult === undefined || node.valueResult === null));
  const result = missing ? undefined : node.result;
  return {
    leaf: condition,
    result,
    actual: node?.factResult,
    expected: isFactRef(condition.value) ? node?.valueResult : condition.value,
    status: leafStatus(result),
  };
}

/**
 * Builds a json-rules-engine Engine for these checks and returns a runner that reuses it.
 *
 * @internal
 */
export function createEngineRunner(checks: readonly CheckSpec[]): CheckRunner {
  let built: Promise<EngineType> | undefined;
  const byId = new Map(checks.map((c) => [c.id, c]));
  return async (facts) => {
    built ??= loadEngine().then((Engine) => buildEngine(Engine, checks));
    const { results, failureResults } = await (await built).run(facts);
    const outcomes = new Map<string, Outcome>();
    for (const ruleResult of [...results, ...failureResults]) {
      const name = String(ruleResult.name);
      const check = byId.get(name);
      if (check)
        outcomes.set(name, toOutcome(check.conditions, ruleResult.conditions as ResultNode));
    }
    return outcomes;
  };
}

let engineClass: Promise<typeof EngineType> | undefined;

/**
 * json-rules-engine is an optional peer dependency, needed only here: loaded at the first
 * reference evaluation, with a clear error when the app has not installed it.
 */
function loadEngine(): Promise<typeof EngineType> {
  engineClass ??= import('json-rules-engine').then(
    (module) => module.Engine,
    () => {
      engineClass = undefined;
      throw new InovasiRulesError(
        'E_MISSING_PEER',
        'inovasi-rules/reference needs json-rules-engine: npm install json-rules-engine@7',
      );
    },
  );
  return engineClass;
}

function buildEngine(Engine: typeof EngineType, checks: readonly CheckSpec[]): EngineType {
  const engine = new Engine([], {
    allowUndefinedFacts: true,
    // Plain dotted paths through own properties only: never JSONPath expressions.
    pathResolver: (value: unknown, path: string) => getPath(value, path),
  });
  // json-rules-engine keeps its own built-in operators: it is the reference the compiled
  // evaluator is checked against.
  for (const [name, fn] of Object.entries(EXTRA_OPERATORS)) {
    engine.addOperator(name, (a: unknown, b: unknown) => fn(a, b));
  }
  for (const check of checks) {
    engine.addRule({
      name: check.id,
      conditions: structuredClone(check.conditions) as never,
      event: { type: check.id },
    });
  }
  return engine;
}

/**
 * Wraps json-rules-engine's outcomes as {@link CheckResults}; positions follow `checks`.
 *
 * @internal
 */
export function resultsOf(
  checks: readonly CheckSpec[],
  outcomes: ReadonlyMap<string, Outcome>,
): CheckResults {
  const outcome = (id: string | number): Outcome => {
    const key = typeof id === 'number' ? checks[id]?.id : id;
    const found = key === undefined ? undefined : outcomes.get(key);
    if (!found) throw new InternalError(`no outcome for check "${String(id)}"`);
    return found;
  };
  return { status: (id) => outcome(id).status, outcome };
}
