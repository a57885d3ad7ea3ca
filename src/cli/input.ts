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
import { lintRuleSet } from '../schemas.js';

/**
 * The command line's files: records through `inovasi-rules/io` (a path, or `-` for standard
 * input with `--input-format`), and JSON files (rule sets, region records) read whole.
 */

export type { ReadRow as SourceRow, RecordSource } from '../io/index.js';

/** The reading options the command line passes on. */
export type CliReadOptions = Pick<
  ReadOptions,
  'format' | 'delimiter' | 'sheet' | 'map' | 'strict' | 'encoding' | 'fields' | 'numberFormat'
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
          message: 'reading standard input (-) needs --input-format json, ndjson, csv or xlsx',
        },
      ]);
    }
    return openRecords(stdin() as RecordInput, { ...options, name: 'standard input' });
  }
  return openRecords(file, options);
}

/** Reads and parses a JSON file (BOM accepted); any problem becomes an {@link InputFileError}. */
export async function readJson(file: string): Promise<unknown> {
  const source = await openSource(file, { format: 'json' as InputFormat });
  const rows: unknown[] = [];
  for await (const row of source.rows) rows.push(row.record);
  return source.single ? rows[0] : rows;
}

/**
 * Reads a rule-set file to load: as {@link readJson}, and a key written twice in an object is
 * refused at its line and column, as `rules check` refuses it (JSON would keep the last one in
 * silence, and the rule set would not say what its author wrote).
 */
export async function readRuleSetFile(file: string): Promise<unknown> {
  const json = await readJson(file);
  const source = await readTextFile(file).catch(() => undefined);
  if (source === undefined) return json;
  const twice = lintRuleSet(json, { source, locale: 'en' }).filter(
    (p) => p.code === 'duplicate_key',
  );
  if (twice.length > 0) {
    const id = (json as { id?: unknown } | null)?.id;
    throw new InvalidRuleSetError(
      twice.map((p) => ({
        path: p.path,
        code: p.code,
        message: `${file}:${p.line}:${p.column}: ${p.message}`,
      })),
      typeof id === 'string' ? id : undefined,
    );
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
