/**
 * Vitest matchers for projects that test innovations or rule sets:
 * `expect.extend(inovasiMatchers)`, then `await expect(record).toBeEligible()`. A matcher takes an
 * evaluation, or a record that it evaluates (with the options given); its failure message lists
 * the reasons, so a failing test says why.
 *
 * @packageDocumentation
 */
import { evaluate } from './eligibility/evaluate.js';
import type { EvaluateOptions, Evaluation } from './eligibility/types.js';
import { InvalidOptionError } from './errors.js';

/** What a matcher returns to vitest. */
export interface MatcherResult {
  /** Whether the expectation holds. */
  pass: boolean;
  /** The failure message, with the reasons. */
  message: () => string;
}

const isEvaluation = (value: unknown): value is Evaluation =>
  typeof value === 'object' &&
  value !== null &&
  'verdict' in value &&
  'criteria' in value &&
  'score' in value;

async function toEvaluation(
  value: unknown,
  options: EvaluateOptions | undefined,
): Promise<Evaluation> {
  return isEvaluation(value) ? value : evaluate(value, options);
}

/** A matcher's argument of the wrong kind, said as an option error naming it. */
const argumentError = (name: string, what: string) =>
  new InvalidOptionError([
    { path: [name], code: 'invalid_type', message: `${name} must be ${what}` },
  ]);

/** The reasons of every criterion that did not pass, one per line. */
function explain(evaluation: Evaluation): string {
  const lines = evaluation.criteria
    .filter((c) => c.status !== 'pass')
    .flatMap((c) =>
      c.reasons.map(
        (r) =>
          `  ${c.status === 'fail' ? '✗' : '?'} ${c.ref ?? c.id} ${r.code} [${r.fields.join(', ')}]: ${r.message}`,
      ),
    );
  return lines.length > 0 ? lines.join('\n') : '  every criterion passes';
}

/** The matchers; register them with `expect.extend(inovasiMatchers)`. */
export const inovasiMatchers = {
  /** Passes when the verdict is `eligible`. */
  async toBeEligible(received: unknown, options?: EvaluateOptions): Promise<MatcherResult> {
    const evaluation = await toEvaluation(received, options);
    return {
      pass: evaluation.verdict === 'eligible',
      message: () =>
        `expected "${evaluation.nama}" ${evaluation.verdict === 'eligible' ? 'not ' : ''}to be eligible under ${evaluation.ruleSet.id}; verdict ${evaluation.verdict}:\n${explain(evaluation)}`,
    };
  },
  /** Passes when the criterion with this id (or regulation number) fails. */
  async toFailCriterion(
    received: unknown,
    criterion: string,
    options?: EvaluateOptions,
  ): Promise<MatcherResult> {
    if (typeof criterion !== 'string')
      throw argumentError('criterion', 'a criterion id (a string)');
    const evaluation = await toEvaluation(received, options);
    const found = evaluation.criteria.find((c) => c.id === criterion || c.ref === criterion);
    return {
      pass: found?.status === 'fail',
      message: () =>
        found
          ? `expected criterion ${criterion} ${found.status === 'fail' ? 'not ' : ''}to fail; it is ${found.status}:\n${explain(evaluation)}`
          : `${evaluation.ruleSet.id} has no criterion "${criterion}" (it has ${evaluation.criteria.map((c) => c.id).join(', ')})`,
    };
  },
  /** Passes when the proven kematangan is at least `points`. */
  async toScoreAtLeast(
    received: unknown,
    points: number,
    options?: EvaluateOptions,
  ): Promise<MatcherResult> {
    if (typeof points !== 'number' || Number.isNaN(points)) {
      throw argumentError('points', 'a number of points');
    }
    const evaluation = await toEvaluation(received, options);
    const { score } = evaluation;
    return {
      pass: score.proven >= points,
      message: () =>
        `expected a proven kematangan of at least ${points} under ${score.rubric.id}; it is ${score.proven} (claimed ${score.claimed}). Ways up:\n${score.upgrades
          .slice(0, 5)
          .map((u) => `  +${u.gain} ${u.message}`)
          .join('\n')}`,
    };
  },
};

/**
 * The matchers' signatures. Tell TypeScript about them once, in a `.d.ts` of your tests:
 *
 * ```ts
 * import type { InovasiMatchers } from 'inovasi-rules/vitest';
 * declare module 'vitest' {
 *   interface Matchers<T = any> extends InovasiMatchers<T> {}
 * }
 * ```
 */
export interface InovasiMatchers<R = unknown> {
  /** The verdict is `eligible`. */
  toBeEligible(options?: EvaluateOptions): Promise<R>;
  /** The criterion with this id or regulation number fails. */
  toFailCriterion(criterion: string, options?: EvaluateOptions): Promise<R>;
  /** The proven kematangan is at least `points`. */
  toScoreAtLeast(points: number, options?: EvaluateOptions): Promise<R>;
}

export {
  CaseExpectSchema,
  type CaseResult,
  runTestCases,
  type TestCases,
  TestCasesSchema,
} from './features/cases.js';
export { lintTestCases } from './features/lint.js';
