import { InputFileError, InvalidRuleSetError, type Issue } from '../errors.js';
import { TEXTS } from '../features/texts.js';
import {
  type InputFormat,
  openRecords,
  type ReadOptions,
  type ReadRow,
  type RecordInput,
  type RecordSource,
} from '../io/index.js';
import { type Locale, pick } from '../messages.js';
import { lintRuleSet, type RuleSetProblem } from '../schemas.js';

/**
 * The command line's files: records through `inovasi-rules/io` (a path, or `-` for standard
 * input with `--input-format`), and JSON files (rule sets, region records) read whole.
 */

export type { ReadRow as SourceRow, RecordSource } from '../io/index.js';

/** The reading options the command line passes on. */
export type CliReadOptions = Pick<
  ReadOptions,
  | 'format'
  | 'delimiter'
  | 'sheet'
  | 'map'
  | 'strict'
  | 'encoding'
  | 'fields'
  | 'numberFormat'
  | 'locale'
  | 'questions'
>;

/** Opens a records file, or standard input for `-` (which needs a format). */
export async function openSource(
  file: string,
  options: CliReadOptions = {},
  stdin: () => AsyncIterable<Uint8Array | string> = () => process.stdin,
): Promise<RecordSource> {
  if (file === '-') {
    if (!options.format) {
      throw new InputFileError('-', [
        {
          path: [],
          code: 'unknown_format',
          message: pick(TEXTS.cli.errors.stdinFormat, options.locale ?? 'id'),
        },
      ]);
    }
    return openRecords(stdin() as RecordInput, { ...options, name: 'standard input' });
  }
  return openRecords(file, options);
}

/** Reads and parses a JSON file (BOM accepted); any problem becomes an {@link InputFileError}. */
export async function readJson(file: string, locale: Locale = 'id'): Promise<unknown> {
  const source = await openSource(file, { format: 'json' as InputFormat, locale });
  const rows: unknown[] = [];
  for await (const row of source.rows) rows.push(row.record);
  return source.single ? rows[0] : rows;
}

/**
 * A rule-set file given to `--rule-set` or beside `rules test`'s cases that cannot be loaded:
 * every problem as `rules check` finds it, with its line and column, in the user's language.
 */
export class RuleSetFileError extends InvalidRuleSetError {
  /** The file's path as given. */
  readonly file: string;
  /** Every problem found, located (errors, and criteria that nearly repeat an inherited id). */
  readonly problems: readonly RuleSetProblem[];
  /** The rule set's id, when the file names one. */
  readonly ruleSetId: string | undefined;

  /**
   * @param file - the file's path as given
   * @param id - the rule set's id, when it has one
   * @param problems - every problem found
   */
  constructor(file: string, id: string | undefined, problems: readonly RuleSetProblem[]) {
    super(problems, id);
    this.name = 'RuleSetFileError';
    this.file = file;
    this.problems = problems;
    this.ruleSetId = id;
  }
}

/**
 * Reads a rule-set file to load it for evaluating: checked first as `rules check` checks it, so a
 * broken file is refused with every problem at its line and column (each once), in `locale`. A
 * criterion whose id is one letter from an inherited one is refused here too (it would be
 * evaluated beside the one it was meant to replace), unless the file `remove`s that one.
 * `parents` are ids loaded beside it (a folder's other files) that it may extend.
 */
export async function readRuleSetFile(
  file: string,
  locale: Locale = 'id',
  parents: readonly string[] = [],
): Promise<unknown> {
  const json = await readJson(file, locale);
  const source = await readTextFile(file).catch(() => undefined);
  const parent = (json as { extends?: unknown } | null)?.extends;
  // A parent loaded beside it (another file of the folder) is unknown to the check, not to the
  // engine it is loaded into, which checks the file again with its parent.
  const besides = (p: RuleSetProblem) =>
    p.code === 'unknown_rule_set' && p.path[0] === 'extends' && parents.includes(parent as string);
  const refused = lintRuleSet(json, { locale, ...(source !== undefined ? { source } : {}) })
    .filter((p) => !besides(p))
    .filter((p) => p.severity === 'error' || p.code === 'near_inherited_id')
    .map((p) => (p.severity === 'error' ? p : { ...p, severity: 'error' as const }));
  if (refused.length > 0) {
    const id = (json as { id?: unknown } | null)?.id;
    throw new RuleSetFileError(file, typeof id === 'string' ? id : undefined, refused);
  }
  return json;
}

/** Reads the text of a UTF-8 file (a BOM is dropped); rejects when it is not UTF-8. */
export async function readTextFile(file: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file));
}

/** Reads every row of a file into memory (for reports, which need them all). */
export async function readAll(
  file: string,
  options: CliReadOptions = {},
): Promise<{ rows: ReadRow[]; records: unknown[]; warnings: Issue[] }> {
  const source = await openSource(file, options);
  const all: ReadRow[] = [];
  const warnings = [...source.warnings];
  for await (const row of source.rows) {
    // A totals row or a repeated header is no record: its warning is the file's.
    if (row.skipped) warnings.push(...(row.warnings ?? []));
    else all.push(row);
  }
  return {
    rows: all,
    records: all.filter((r) => !r.issues).map((r) => r.record),
    warnings,
  };
}

/** Where a row is, for messages: its line, or its position, in the output's language. */
export function whereOf(row: Pick<ReadRow, 'index' | 'line'>, locale: Locale = 'en'): string {
  const t = TEXTS.cli;
  return row.line !== undefined
    ? pick(t.line, locale).replace('{n}', String(row.line))
    : pick(t.record, locale).replace('{n}', String(row.index + 1));
}

/**
 * How many records a line-based file holds (NDJSON: its non-blank lines; CSV: its lines but the
 * header), counted in one pass over the bytes without parsing, for the progress bar; `undefined`
 * for standard input, JSON and workbooks. A quoted line break in a CSV cell makes it an estimate.
 */
export async function countRecords(file: string, format: string): Promise<number | undefined> {
  if (file === '-' || (format !== 'ndjson' && format !== 'csv')) return undefined;
  const { createReadStream } = await import('node:fs');
  let lines = 0;
  let blankRun = true;
  try {
    for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i] as number;
        if (byte === 10) {
          if (!blankRun) lines++;
          blankRun = true;
        } else if (byte !== 13 && byte !== 32 && byte !== 9) blankRun = false;
      }
    }
  } catch {
    return undefined;
  }
  if (!blankRun) lines++;
  return format === 'csv' ? Math.max(lines - 1, 0) : lines;
}
