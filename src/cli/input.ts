import { constants, createReadStream } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { InputFileError, type Issue } from '../errors.js';
import { headerIssues, rowToRecord } from './csv.js';

/**
 * Reading records from files: a JSON object or array, NDJSON (one JSON object per line), or CSV
 * with a header row of dotted columns. NDJSON and CSV are streamed, so a file of any length is
 * read in bounded memory; a bad line is reported with its number and does not stop the rest.
 */

/** One record read from a file, or the problems of a line that could not be read. */
export interface SourceRow {
  /** Position among the records, from 0. */
  index: number;
  /** Line in the file where the record ends (NDJSON and CSV). */
  line?: number;
  /** The record, when the line could be read. */
  record?: unknown;
  /** Why the line could not be read. */
  issues?: Issue[];
}

/** A file's records: streamed rows, and whether the file held one record rather than a list. */
export interface RecordSource {
  single: boolean;
  rows: AsyncIterable<SourceRow>;
}

/** Reads and parses a JSON file; a missing file or bad JSON becomes an {@link InputFileError}. */
export async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputFileError(file, [fileIssue(file, error)]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputFileError(file, [
      {
        path: [],
        code: 'invalid_json',
        message: `${file} is not valid JSON: ${(error as Error).message}`,
      },
    ]);
  }
}

function fileIssue(file: string, error: unknown): Issue {
  const code = (error as NodeJS.ErrnoException).code ?? 'read_error';
  return { path: [], code: code.toLowerCase(), message: `cannot read ${file}: ${code}` };
}

/** The format of a records file, from its extension. */
export function formatOf(file: string): 'json' | 'ndjson' | 'csv' {
  if (/\.csv$/i.test(file)) return 'csv';
  if (/\.(ndjson|jsonl)$/i.test(file)) return 'ndjson';
  return 'json';
}

async function* fromArray(items: unknown[]): AsyncGenerator<SourceRow> {
  for (const [index, record] of items.entries()) yield { index, record };
}

async function* fromNdjson(file: string): AsyncGenerator<SourceRow> {
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  let index = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    try {
      yield { index, line, record: JSON.parse(text) };
    } catch (error) {
      yield {
        index,
        line,
        issues: [{ path: [], code: 'invalid_json', message: (error as Error).message }],
      };
    }
    index++;
  }
}

async function* fromCsv(file: string): AsyncGenerator<SourceRow> {
  const skipped: SourceRow[] = [];
  const parser = createReadStream(file).pipe(
    parse({
      info: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: true,
    }),
  );
  parser.on('skip', (error: Error & { lines?: number }) => {
    skipped.push({
      index: -1,
      line: error.lines ?? 0,
      issues: [{ path: [], code: 'invalid_csv', message: error.message }],
    });
  });
  let header: string[] | undefined;
  let index = 0;
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    for (const row of skipped.splice(0)) yield { ...row, index: index++ };
    if (!header) {
      header = record.map((c) => c.trim());
      const issues = headerIssues(header, info.lines);
      if (issues.length > 0) throw new InputFileError(file, issues);
      continue;
    }
    if (record.length !== header.length) {
      yield {
        index: index++,
        line: info.lines,
        issues: [
          {
            path: [],
            code: 'invalid_csv',
            message: `${record.length} cells where the header has ${header.length} columns`,
          },
        ],
      };
      continue;
    }
    yield { index: index++, line: info.lines, record: rowToRecord(header, record) };
  }
  for (const row of skipped.splice(0)) yield { ...row, index: index++ };
}

/** Opens a records file of any supported format. */
export async function openRecords(file: string): Promise<RecordSource> {
  const format = formatOf(file);
  if (format === 'json') {
    const json = await readJson(file);
    return Array.isArray(json)
      ? { single: false, rows: fromArray(json) }
      : { single: true, rows: fromArray([json]) };
  }
  try {
    await access(file, constants.R_OK);
  } catch (error) {
    throw new InputFileError(file, [fileIssue(file, error)]);
  }
  return { single: false, rows: format === 'csv' ? fromCsv(file) : fromNdjson(file) };
}

/** Reads every row of a file into memory (for reports, which need them all). */
export async function readAll(file: string): Promise<{ rows: SourceRow[]; records: unknown[] }> {
  const all: SourceRow[] = [];
  for await (const row of (await openRecords(file)).rows) all.push(row);
  return { rows: all, records: all.filter((r) => !r.issues).map((r) => r.record) };
}

/** Where a row is, for messages: its line, or its position. */
export function whereOf(row: Pick<SourceRow, 'index' | 'line'>): string {
  return row.line !== undefined ? `line ${row.line}` : `record #${row.index + 1}`;
}
