import { InvalidRecordError, type Issue } from '../errors.js';
import { TEXTS } from '../features/texts.js';
import type { EvaluateOptions, Evaluation } from '../index.js';
import { evaluate, summarizeEvaluation } from '../index.js';
import { fill, type Locale, pick } from '../messages.js';
import { formatIssues } from './format-text.js';
import { type RecordSource, whereOf } from './input.js';

/** Where the CLI writes. Injected so tests can run it in-process. */
export interface CliIo {
  /** Writes a line; may return a promise that resolves when the reader has taken it. */
  stdout: (text: string) => void | Promise<void>;
  stderr: (text: string) => void;
  /** Progress of a batch, shown on a terminal; absent when output is piped. */
  progress?: (done: number, invalid: number, total?: number) => void;
  /** Whether standard output is a terminal (colour is on only there). */
  isTTY?: boolean;
  /** Standard input, read for the file `-`; the process's by default. */
  stdin?: () => AsyncIterable<Uint8Array | string>;
}

/** How to evaluate and print a stream of records. */
export interface StreamOptions<T = Evaluation> {
  /** Evaluates one record; an invalid one rejects with `InvalidRecordError`. */
  evaluate: (record: unknown) => Promise<T>;
  locale: Locale;
  format: 'text' | 'json' | 'ndjson';
  formatText: (evaluation: T, locale: Locale) => string;
  /** The verdict to count, when there is one. */
  verdictOf?: (evaluation: T) => Evaluation['verdict'] | undefined;
  /** What of each result the JSON and NDJSON output holds (`--detail summary`). */
  project?: (evaluation: T) => unknown;
  /** How many records the source holds, when known beforehand (for the progress bar). */
  total?: number;
}

/** The usual stream options: `evaluate` with these options. */
export function evaluationStream(
  options: EvaluateOptions,
  locale: Locale,
  format: StreamOptions['format'],
  formatText: StreamOptions['formatText'],
  detail: 'summary' | 'full' = 'full',
): StreamOptions {
  return {
    evaluate: (record) => evaluate(record, options),
    locale,
    format,
    formatText,
    verdictOf: (e) => e.verdict,
    ...(detail === 'summary' ? { project: summarizeEvaluation } : {}),
  };
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
export async function streamEvaluations<T>(
  source: RecordSource,
  options: StreamOptions<T>,
  io: CliIo,
): Promise<StreamSummary> {
  const counts = { eligible: 0, not_eligible: 0, incomplete: 0 };
  let total = 0;
  let invalid = 0;
  const json = options.format === 'json';
  if (json && !source.single) await io.stdout('[');
  try {
    await each();
  } finally {
    // Valid JSON even when reading stops part-way: the error itself goes to stderr.
    if (json && !source.single) await io.stdout(']');
  }
  if (total === 0) io.stderr(pick(TEXTS.cli.empty, options.locale));
  if (options.format === 'text' && !source.single && total > 0) {
    // Verdicts are counted where there is one per record; otherwise (several rule sets side by
    // side, submission checks) the line says how many were read and how many were invalid.
    const line = options.verdictOf ? TEXTS.cli.summary : TEXTS.cli.summaryChecked;
    const values = { total, ...counts, valid: total - invalid, invalid };
    io.stdout(`\n${fill(pick(line, options.locale), values)}`);
  }
  return { total, invalid };

  async function each(): Promise<void> {
    for await (const row of source.rows) {
      // A totals row or a repeated header: said (its message names the line), not counted, not
      // evaluated.
      if (row.skipped) {
        for (const warning of row.warnings ?? []) io.stderr(warning.message);
        continue;
      }
      for (const warning of row.warnings ?? []) {
        io.stderr(`${whereOf(row, options.locale)}: ${warning.message}`);
      }
      let issues: readonly Issue[] | undefined = row.issues;
      let evaluation: T | undefined;
      if (!issues) {
        try {
          evaluation = await options.evaluate(row.record);
        } catch (error) {
          if (!(error instanceof InvalidRecordError)) throw error;
          issues = error.issues;
        }
      }
      const separator = json && !source.single && total > 0 ? ',' : '';
      total++;
      if (evaluation) {
        const verdict = options.verdictOf?.(evaluation);
        if (verdict) counts[verdict]++;
        if (options.format === 'text')
          await io.stdout(
            `${total > 1 ? '\n' : ''}${options.formatText(evaluation, options.locale)}`,
          );
        else
          await io.stdout(
            separator +
              JSON.stringify(
                options.project ? options.project(evaluation) : evaluation,
                null,
                json && source.single ? 2 : undefined,
              ),
          );
      } else {
        invalid++;
        const at = whereOf(row, options.locale);
        const heading = pick(TEXTS.cli.invalidRow, options.locale).replace('{where}', at);
        const error = {
          index: row.index,
          ...(row.line !== undefined ? { line: row.line } : {}),
          error: { code: 'E_INVALID_RECORD', issues },
        };
        if (options.format === 'text')
          await io.stdout(
            `${total > 1 ? '\n' : ''}${formatIssues(`✗ ${heading}`, issues ?? [], options.locale)}`,
          );
        else await io.stdout(separator + JSON.stringify(error));
        // Said once to a person at a terminal: on stderr only when the results go elsewhere.
        if (!(options.format === 'text' && io.isTTY))
          io.stderr(formatIssues(heading, issues ?? [], options.locale));
        // A region record given where innovations are expected: say which command reads it.
        const record = row.record as { inovasi?: unknown } | undefined;
        if (source.single && Array.isArray(record?.inovasi)) {
          io.stderr(pick(TEXTS.cli.regionHint, options.locale));
        }
      }
      io.progress?.(total, invalid, options.total);
    }
  }
}
