import type { Issue } from '../errors.js';
import { type EvaluateOptions, type Evaluation, safeEvaluate } from '../evaluate.js';
import type { Locale } from '../messages.js';
import { formatIssues } from './format-text.js';
import { type RecordSource, whereOf } from './input.js';

/** Where the CLI writes. Injected so tests can run it in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress of a batch, shown on a terminal; absent when output is piped. */
  progress?: (done: number, invalid: number) => void;
}

/** How to print a stream of evaluations. */
export interface StreamOptions {
  evaluate: EvaluateOptions;
  locale: Locale;
  format: 'text' | 'json' | 'ndjson';
  formatText: (evaluation: Evaluation, locale: Locale) => string;
}

/** What a streamed run saw. */
export interface StreamSummary {
  total: number;
  invalid: number;
}

/**
 * Evaluates every row of a source in order and prints each result as soon as it is ready,
 * keeping nothing but counts: a file of any length goes through in bounded memory. Invalid rows
 * are printed on stderr with their line and path, and in the JSON output as errors.
 */
export async function streamEvaluations(
  source: RecordSource,
  options: StreamOptions,
  io: CliIo,
): Promise<StreamSummary> {
  const counts = { eligible: 0, not_eligible: 0, incomplete: 0 };
  let total = 0;
  let invalid = 0;
  const json = options.format === 'json';
  if (json && !source.single) io.stdout('[');
  for await (const row of source.rows) {
    let issues: readonly Issue[] | undefined = row.issues;
    let evaluation: Evaluation | undefined;
    if (!issues) {
      const result = await safeEvaluate(row.record, options.evaluate);
      if (result.success) evaluation = result.data;
      else issues = result.error.issues;
    }
    const separator = json && !source.single && total > 0 ? ',' : '';
    total++;
    if (evaluation) {
      counts[evaluation.verdict]++;
      if (options.format === 'text')
        io.stdout(`${total > 1 ? '\n' : ''}${options.formatText(evaluation, options.locale)}`);
      else
        io.stdout(
          separator + JSON.stringify(evaluation, null, json && source.single ? 2 : undefined),
        );
    } else {
      invalid++;
      const at = whereOf(row);
      const error = {
        index: row.index,
        ...(row.line !== undefined ? { line: row.line } : {}),
        error: { code: 'E_INVALID_RECORD', issues },
      };
      if (options.format === 'text')
        io.stdout(`${total > 1 ? '\n' : ''}${formatIssues(`✗ ${at} is invalid:`, issues ?? [])}`);
      else io.stdout(separator + JSON.stringify(error));
      io.stderr(formatIssues(`${at} is invalid:`, issues ?? []));
    }
    io.progress?.(total, invalid);
  }
  if (json && !source.single) io.stdout(']');
  if (options.format === 'text' && !source.single) {
    io.stdout(
      `\n${total} records: ${counts.eligible} eligible, ${counts.not_eligible} not eligible, ${counts.incomplete} incomplete, ${invalid} invalid`,
    );
  }
  return { total, invalid };
}
