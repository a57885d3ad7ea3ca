import { createEvaluator, EVALUATE_OPTIONS } from '../eligibility/pipeline.js';
import { defaultScope, type Scope } from '../eligibility/scope.js';
import type { EvaluateOptions, Evaluation } from '../eligibility/types.js';
import { InvalidOptionError, InvalidRecordError, type Issue } from '../errors.js';
import { optionNames, optionsObject } from '../messages.js';

/** One record's result in a batch: its evaluation, or the problems that kept it out. */
export type BatchItem =
  | {
      /** The record's position in the input, from 0. */
      index: number;
      /** The record was valid. */
      ok: true;
      /** Its evaluation. */
      evaluation: Evaluation;
    }
  | {
      /** The record's position in the input, from 0. */
      index: number;
      /** The record was invalid. */
      ok: false;
      /** Every problem found in it. */
      issues: readonly Issue[];
    };

/** Progress of a batch, reported after each record. */
export interface BatchProgress {
  /** Records handled so far. */
  done: number;
  /** Of those, records that were invalid. */
  invalid: number;
}

/** Options of {@link evaluateMany}: those of `evaluate`, and a progress callback. */
export interface EvaluateManyOptions extends EvaluateOptions {
  /** Called after each record; keep it cheap. */
  onProgress?: (progress: BatchProgress) => void;
}

const EVALUATE_MANY_OPTIONS = [
  ...EVALUATE_OPTIONS,
  ...optionNames<Omit<EvaluateManyOptions, keyof EvaluateOptions>>({ onProgress: true }),
];

/**
 * Evaluates many records, one at a time and in input order, from an array, an iterable or an
 * async iterable (a file being read, a database cursor). Yields one item per record as soon as
 * it is evaluated, so memory stays bounded however long the input. An invalid record yields its
 * issues and does not stop the batch. Rule sets are resolved once for the whole batch.
 *
 * @param records - the records, as an array, an iterable or an async iterable
 * @param options - rule set, rubric, locale and `onProgress`
 * @returns an async iterable of {@link BatchItem}
 * @throws {@link UnknownRuleSetError} (when iterated) if an option names no loaded rule set
 * @example
 * ```ts
 * let eligible = 0;
 * for await (const item of evaluateMany(records, { onProgress: ({ done }) => bar.update(done) })) {
 *   if (item.ok && item.evaluation.verdict === 'eligible') eligible++;
 * }
 * ```
 */
export async function* evaluateMany(
  records: Iterable<unknown> | AsyncIterable<unknown>,
  options: EvaluateManyOptions = {},
): AsyncGenerator<BatchItem, void, undefined> {
  yield* evaluateManyIn(defaultScope(), records, options);
}

/**
 * {@link evaluateMany} with the rule sets of a scope (an engine's).
 *
 * @internal
 */
export async function* evaluateManyIn(
  scope: Scope,
  records: Iterable<unknown> | AsyncIterable<unknown>,
  options: EvaluateManyOptions = {},
): AsyncGenerator<BatchItem, void, undefined> {
  const { onProgress, ...evaluateOptions } = optionsObject(
    options,
    EVALUATE_MANY_OPTIONS,
  ) as EvaluateManyOptions;
  const evaluator = createEvaluator(evaluateOptions, undefined, scope);
  const iterable = records as unknown;
  if (
    typeof iterable !== 'object' ||
    iterable === null ||
    (typeof (iterable as Iterable<unknown>)[Symbol.iterator] !== 'function' &&
      typeof (iterable as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function')
  ) {
    throw new InvalidOptionError([
      {
        path: ['records'],
        code: 'invalid_type',
        message: 'records must be a list or a stream (an iterable or async iterable) of records',
      },
    ]);
  }
  let index = 0;
  let invalid = 0;
  for await (const record of records) {
    let item: BatchItem;
    try {
      item = { index, ok: true, evaluation: evaluator.evaluate(record) };
    } catch (error) {
      if (!(error instanceof InvalidRecordError)) throw error;
      item = { index, ok: false, issues: error.issues };
      invalid++;
    }
    index++;
    onProgress?.({ done: index, invalid });
    yield item;
  }
}
