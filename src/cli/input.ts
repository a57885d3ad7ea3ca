import { InputFileError, type Issue } from '../errors.js';
import { TEXTS } from '../features/_texts.js';
import { decodeText, readText } from '../io/_text.js';
import {
  type InputFormat,
  openRecords,
  type ReadOptions,
  type ReadRow,
  type RecordInput,
  type RecordSource,
} from '../io/read-records.js';
import { type Locale, pick } from '../messages.js';

/**
 * The command line's files: records through `inovasi-rules/io` (a path, or `-` for standard
 * input with `--input-format`), and JSON files (rule sets, region records) read whole.
 */

export type { ReadRow as SourceRow, RecordSource } from '../io/read-records.js';

/** The reading options the command line passes on. */
export type CliReadOptions = Pick<
  ReadOptions,
  'format' | 'delimiter' | 'sheet' | 'map' | 'strict' | 'encoding' | 'fields'
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

/** Reads the text of a file, checking its encoding. */
export async function readTextFile(file: string): Promise<string> {
  const { createReadStream } = await import('node:fs');
  return readText(decodeText(createReadStream(file), file));
}

/** Reads every row of a file into memory (for reports, which need them all). */
export async function readAll(
  file: string,
  options: CliReadOptions = {},
): Promise<{ rows: ReadRow[]; records: unknown[]; warnings: Issue[] }> {
  const source = await openSource(file, options);
  const all: ReadRow[] = [];
  for await (const row of source.rows) all.push(row);
  return {
    rows: all,
    records: all.filter((r) => !r.issues).map((r) => r.record),
    warnings: source.warnings,
  };
}

/** Where a row is, for messages: its line, or its position, in the output's language. */
export function whereOf(row: Pick<ReadRow, 'index' | 'line'>, locale: Locale = 'en'): string {
  const t = TEXTS.cli;
  return row.line !== undefined
    ? pick(t.line, locale).replace('{n}', String(row.line))
    : pick(t.record, locale).replace('{n}', String(row.index + 1));
}
