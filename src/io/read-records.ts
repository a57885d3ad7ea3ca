import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import templateTexts from '../../rules/messages-template.json' with { type: 'json' };
import { InputFileError, InvalidOptionError, type Issue } from '../errors.js';
import { type Locale, optionNames, unknownOptionIssues } from '../messages.js';
import { csvRows } from './_csv-records.js';
import {
  type Field,
  fieldsWithQuestions,
  OUTCOME_FIELDS,
  type QuestionField,
  questionOptionIssues,
  UNIT_FIELDS,
} from './_fields.js';
import { type Column, type HeaderMap, matchHeaders } from './_headers.js';
import { notARecord, signOffReader, signOffRow } from './_not-records.js';
import { say } from './_say.js';
import { sniff } from './_sniff.js';
import { readRow, type TableRow } from './_table.js';
import type { NumberFormat } from './_values.js';
import {
  cellText,
  cellValue,
  guardedRows,
  guardSharedStrings,
  hiddenColumnsIssue,
  hiddenRowIssue,
  linkedCells,
  linksReadIssue,
  mergedCells,
  mergedDownIssue,
  UnreadableCell,
  unreadableIssue,
} from './_xlsx-cells.js';
import { listedSheets, readPartsInOrder, sheetLayout } from './_xlsx-parts.js';
import { checkZip, XLSX_LIMITS, type ZipProblem } from './_zip-guard.js';
import {
  type Delimiter,
  decodeText,
  detectDelimiter,
  linesOf,
  MAX_ROW_CHARS,
  readText,
  type TextEncoding,
} from './text.js';

/** The formats records are read from. */
export type InputFormat = 'json' | 'ndjson' | 'csv' | 'xlsx';

/** Options of {@link readRecords} and {@link openRecords}. */
export interface ReadOptions {
  /** The format; by default from the file's extension. Required for a stream or a buffer. */
  format?: InputFormat;
  /** CSV: the delimiter; by default whichever of `,` `;` and tab the header line uses. */
  delimiter?: Delimiter;
  /** Workbook: the sheet to read, by name; by default the first. */
  sheet?: string;
  /** A region's own headers mapped to record paths (`null` ignores a column on purpose). */
  map?: HeaderMap;
  /** A column that maps to no field is an error instead of a warning. */
  strict?: boolean;
  /** Text formats: the encoding; default `utf-8`, checked byte by byte. */
  encoding?: TextEncoding;
  /**
   * What the rows are: innovation records (default), the units of a region (`opd`,
   * `unitKerja`), or the verifiers' decisions (`id`, `nama`, `opd`, `keputusan`, `nilai`,
   * `catatan`; see `compareOutcomes` in `inovasi-rules/dossier`).
   */
  fields?: 'innovation' | 'unit' | 'outcome';
  /**
   * A region's own questions (an eligibility rule set's `questions`): their columns
   * (`daerah.<id>`, the id, or the Indonesian or English label) are read as each question's
   * type says, into the record's `daerah`. Other `daerah.…` columns are unknown columns.
   */
  questions?: readonly QuestionField[];
  /** The name used for the source in messages; by default the path, or `input`. */
  name?: string;
  /**
   * Tables: how numbers are written, `id` (`0,125`, `1.250,5`) or `en` (`0.125`, `1,250.5`).
   * Default unknown: a number that reads two ways (`12,500`) is refused, naming both readings.
   */
  numberFormat?: NumberFormat;
  /**
   * The language of every warning and problem the reader gives (a column ignored, a cell it
   * cannot read, a file it cannot open): `id` (default) or `en`.
   */
  locale?: Locale;
}

/** The options as the reading functions use them: the language settled. */
type Read = ReadOptions & { locale: Locale };

const READ_OPTIONS = optionNames<ReadOptions>({
  format: true,
  delimiter: true,
  sheet: true,
  map: true,
  strict: true,
  encoding: true,
  fields: true,
  questions: true,
  name: true,
  numberFormat: true,
  locale: true,
});

/** One row read: the record, or the problems that kept it out; and what was read with care. */
export interface ReadRow {
  /** Position among the records, from 0. */
  index: number;
  /** Line in a text file, or row in a sheet, where the record is. */
  line?: number;
  /** The record, when the row could be read. */
  record?: unknown;
  /** Why the row could not be read, each problem with its field path. */
  issues?: Issue[];
  /** What was read but deserves a look (a year read as a date, a column ignored: first row). */
  warnings?: Issue[];
  /**
   * `true` for a table row that is no record, left out with a warning saying why: a totals or
   * summary row (`JUMLAH`, `Total`, `Rata-rata`, `Jumlah Inovasi: 12`), the header repeated
   * (exports put it after every page break), a note under the table (`Keterangan: …`,
   * `*) angka sementara`), or the sign-off under it (`Batu, 15 Desember 2025`, `Kepala
   * Bappeda,`, the signer's name, `NIP. …`). Such a row has no `record`
   * and no `issues`, and its `index` is that of the next record.
   */
  skipped?: true;
}

/** An opened source: its format, whether it held one record, file-level warnings, and its rows. */
export interface RecordSource {
  /** The format read. */
  format: InputFormat;
  /** A JSON file holding one object rather than a list. */
  single: boolean;
  /** Columns that map to no field or are repeated (tables only), known before any row. */
  warnings: Issue[];
  /** How each column was mapped (tables only): header as written → record path or `null`. */
  columns: {
    /** The header as written in the file. */
    header: string;
    /** The record path it maps to, or `null` when it maps to none. */
    field: string | null;
  }[];
  /** The rows, streamed. */
  rows: AsyncIterable<ReadRow>;
}

/** A source of records: a file path, the bytes of a file, or a stream of them. */
export type RecordInput = string | Uint8Array | AsyncIterable<Uint8Array | string>;

const FORMATS: readonly InputFormat[] = ['json', 'ndjson', 'csv', 'xlsx'];

/** The format of a file, from its extension; `undefined` when the extension says nothing. */
export function formatOfPath(path: string): InputFormat | undefined {
  if (typeof path !== 'string') return undefined;
  // .txt: Excel's "Text (Tab delimited)" and "Unicode Text".
  if (/\.(csv|tsv|txt)$/i.test(path)) return 'csv';
  if (/\.(ndjson|jsonl)$/i.test(path)) return 'ndjson';
  if (/\.xlsx$/i.test(path)) return 'xlsx';
  if (/\.json$/i.test(path)) return 'json';
  return undefined;
}

function fileIssue(name: string, error: unknown, locale: Locale): Issue {
  const raw = (error as { code?: unknown } | null | undefined)?.code;
  const code = typeof raw === 'string' ? raw.toLowerCase() : 'read_error';
  const known = ({ enoent: 'noSuchFile', eisdir: 'isFolder', eacces: 'permissionDenied' } as const)[
    code as 'enoent'
  ];
  const why = known ? say(locale, known) : code;
  return { path: [], code, message: say(locale, 'cannotRead', { name, why }) };
}

/**
 * Checks the options and returns a plain copy of them, each read once: `null`, a non-object, a
 * misspelt name or a getter that throws is an {@link InvalidOptionError}, never a `TypeError`
 * later nor an option ignored.
 */
function checkOptions(given: unknown): ReadOptions {
  if (given === undefined) return {};
  if (given === null || typeof given !== 'object' || Array.isArray(given)) {
    throw new InvalidOptionError([
      { path: [], code: 'invalid_type', message: 'options must be an object' },
    ]);
  }
  let options: ReadOptions;
  try {
    options = { ...given } as ReadOptions;
  } catch (error) {
    throw new InvalidOptionError([
      { path: [], code: 'unreadable', message: `the options could not be read: ${String(error)}` },
    ]);
  }
  const issues: Issue[] = unknownOptionIssues(options, READ_OPTIONS);
  if (options.format !== undefined && !FORMATS.includes(options.format)) {
    issues.push({
      path: ['format'],
      code: 'invalid_value',
      message: `format must be one of ${FORMATS.join(', ')}`,
    });
  }
  if (options.delimiter !== undefined && ![',', ';', '\t'].includes(options.delimiter)) {
    issues.push({
      path: ['delimiter'],
      code: 'invalid_value',
      message: 'delimiter must be , ; or tab',
    });
  }
  if (options.encoding !== undefined && !['utf-8', 'windows-1252'].includes(options.encoding)) {
    issues.push({
      path: ['encoding'],
      code: 'invalid_value',
      message: 'encoding must be utf-8 or windows-1252',
    });
  }
  if (options.questions !== undefined) issues.push(...questionOptionIssues(options.questions));
  if (options.map !== undefined) {
    if (typeof options.map !== 'object' || options.map === null || Array.isArray(options.map)) {
      issues.push({ path: ['map'], code: 'invalid_type', message: 'map must be an object' });
    } else {
      for (const [k, v] of Object.entries(options.map)) {
        if (v !== null && typeof v !== 'string') {
          issues.push({
            path: ['map', k],
            code: 'invalid_type',
            message: 'a map entry is a record path or null',
          });
        }
      }
    }
  }
  for (const key of ['sheet', 'name'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'string') {
      issues.push({ path: [key], code: 'invalid_type', message: `${key} must be a text` });
    }
  }
  if (options.strict !== undefined && typeof options.strict !== 'boolean') {
    issues.push({
      path: ['strict'],
      code: 'invalid_type',
      message: 'strict must be true or false',
    });
  }
  if (options.fields !== undefined && !['innovation', 'unit', 'outcome'].includes(options.fields)) {
    issues.push({
      path: ['fields'],
      code: 'invalid_value',
      message: 'fields must be innovation, unit or outcome',
    });
  }
  if (options.numberFormat !== undefined && !['id', 'en'].includes(options.numberFormat)) {
    issues.push({
      path: ['numberFormat'],
      code: 'invalid_value',
      message: 'numberFormat must be id or en',
    });
  }
  if (options.locale !== undefined && !['id', 'en'].includes(options.locale)) {
    issues.push({ path: ['locale'], code: 'invalid_value', message: 'locale must be id or en' });
  }
  if (issues.length > 0) throw new InvalidOptionError(issues);
  return options;
}

async function bytesOf(
  input: RecordInput,
  name: string,
  locale: Locale,
): Promise<AsyncIterable<Uint8Array | string>> {
  if (typeof input !== 'string') {
    if (!(input instanceof Uint8Array)) {
      const iterable = input as unknown;
      const isStream =
        typeof iterable === 'object' &&
        iterable !== null &&
        typeof (iterable as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] ===
          'function';
      if (!isStream) {
        throw new InputFileError(name, [
          {
            path: [],
            code: 'invalid_input',
            message: say(locale, 'notInput', { name }),
          },
        ]);
      }
      // A stream that fails (a broken upload, a reset socket) is an input error, as a file's is.
      return (async function* () {
        try {
          for await (const chunk of input) {
            if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
              throw new InputFileError(name, [
                {
                  path: [],
                  code: 'invalid_input',
                  message: say(locale, 'badChunk', { name }),
                },
              ]);
            }
            yield chunk;
          }
        } catch (error) {
          if (error instanceof InputFileError) throw error;
          throw new InputFileError(name, [fileIssue(name, error, locale)]);
        }
      })();
    }
    const bytes = input;
    return (async function* () {
      yield bytes;
    })();
  }
  try {
    const info = await stat(input);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
  } catch (error) {
    throw new InputFileError(name, [fileIssue(name, error, locale)]);
  }
  const stream = createReadStream(input);
  // An error while reading (permissions, a vanished file) surfaces as an input error.
  return (async function* () {
    try {
      for await (const chunk of stream) yield chunk as Uint8Array;
    } catch (error) {
      throw new InputFileError(name, [fileIssue(name, error, locale)]);
    }
  })();
}

/**
 * Opens a source of records in any supported format: JSON (one object or an array), NDJSON,
 * CSV (delimiter detected, BOM and CRLF accepted, headers and values as people write them) or
 * an Excel workbook (.xlsx, streamed). File-level problems (a missing file, bad encoding, bad
 * JSON, `strict` and an unmapped column) reject with `InputFileError`; a bad row becomes a
 * row with `issues`, and the rest goes on.
 *
 * @param input - a file path, a file's bytes, or a stream of them
 * @param options - format, delimiter, sheet, header map, strictness, encoding
 * @returns the opened source, its rows streamed
 * @throws `InputFileError` for a file that cannot be read at all
 * @throws `InvalidOptionError` for a bad option
 * @example
 * ```ts
 * import { openRecords } from 'inovasi-rules/io';
 * const source = await openRecords('examples/batu-2023.xlsx');
 * for (const w of source.warnings) console.warn(w.message);
 * for await (const row of source.rows) if (row.record) console.log(row.record);
 * ```
 */
export async function openRecords(
  input: RecordInput,
  options?: ReadOptions,
): Promise<RecordSource> {
  const checked = checkOptions(options);
  const read: Read = { ...checked, locale: checked.locale ?? 'id' };
  const { locale } = read;
  const name = read.name ?? (typeof input === 'string' ? input : 'input');
  // A missing file or a folder is said as such, before its name is read for a format.
  const raw = await bytesOf(input, name, locale);
  // A stream of a text format named by the caller (a batch posted as NDJSON, standard input) is
  // read as it comes: its first bytes are not waited for before the first row is asked for.
  const streamed = typeof input !== 'string' && !(input instanceof Uint8Array);
  const { kind, bytes } =
    streamed && read.format !== undefined && read.format !== 'xlsx'
      ? { kind: undefined, bytes: raw }
      : await sniff(raw);
  // A workbook no reader here opens is said for what it is, whatever its name or format.
  if (kind === 'ole2' || kind === 'ods') {
    const key = kind === 'ole2' ? 'xlsWorkbook' : 'odsWorkbook';
    throw new InputFileError(name, [
      { path: [], code: `${kind}_file`, message: say(locale, key, { name }) },
    ]);
  }
  const format =
    read.format ??
    (typeof input === 'string' ? formatOfPath(input) : undefined) ??
    (kind === 'zip' ? 'xlsx' : undefined);
  if (!format) {
    throw new InputFileError(name, [
      {
        path: [],
        code: 'unknown_format',
        message: say(locale, 'unknownFormat', { name }),
      },
    ]);
  }
  const fields =
    read.fields === 'unit'
      ? UNIT_FIELDS
      : read.fields === 'outcome'
        ? OUTCOME_FIELDS
        : fieldsWithQuestions(read.questions ?? []);
  if (format === 'xlsx') return openWorkbook(bytes, name, fields, read);
  // A byte-order mark of UTF-16 (Excel's "Unicode Text") says the encoding, unless one is given.
  const utf16 = kind === 'utf-16le' || kind === 'utf-16be' ? kind : undefined;
  const text = decodeText(bytes, name, read.encoding ?? utf16 ?? 'utf-8', locale);
  if (format === 'json') return openJson(text, name, locale);
  if (format === 'ndjson')
    return { format, single: false, warnings: [], columns: [], rows: ndjsonRows(text, locale) };
  return openCsv(text, name, fields, read);
}

/**
 * Reads records from a source, row by row: each row is `{ index, line, record, warnings }` or
 * `{ index, line, issues }`. Column warnings come with the first row.
 *
 * @param input - a file path, a file's bytes, or a stream of them
 * @param options - as for {@link openRecords}
 * @returns the rows, streamed
 * @throws `InputFileError` for a file that cannot be read at all
 * @example
 * ```ts
 * import { readRecords } from 'inovasi-rules/io';
 * for await (const row of readRecords('examples/batu-2023.csv')) console.log(row.line, row.record);
 * ```
 */
export async function* readRecords(
  input: RecordInput,
  options: ReadOptions = {},
): AsyncGenerator<ReadRow> {
  const source = await openRecords(input, options);
  let first = true;
  for await (const row of source.rows) {
    if (first && source.warnings.length > 0) {
      yield { ...row, warnings: [...source.warnings, ...(row.warnings ?? [])] };
    } else {
      yield row;
    }
    first = false;
  }
}

const emptyFile = (name: string, locale: Locale) =>
  new InputFileError(name, [
    { path: [], code: 'empty_file', message: say(locale, 'emptyFile', { name }) },
  ]);

async function openJson(
  text: AsyncIterable<string>,
  name: string,
  locale: Locale,
): Promise<RecordSource> {
  const all = await readText(text);
  if (all.trim() === '') throw emptyFile(name, locale);
  let json: unknown;
  try {
    json = JSON.parse(all);
  } catch (error) {
    throw new InputFileError(name, [
      {
        path: [],
        code: 'invalid_json',
        message: say(locale, 'invalidJson', { name, why: (error as Error).message }),
      },
    ]);
  }
  const list = Array.isArray(json) ? json : [json];
  return {
    format: 'json',
    single: !Array.isArray(json),
    warnings: [],
    columns: [],
    rows: (async function* () {
      for (const [index, record] of list.entries()) yield { index, record };
    })(),
  };
}

async function* ndjsonRows(text: AsyncIterable<string>, locale: Locale): AsyncGenerator<ReadRow> {
  let index = 0;
  for await (const [line, content] of linesOf(text)) {
    if (content === undefined) {
      yield {
        index: index++,
        line,
        issues: [
          {
            path: [],
            code: 'row_too_long',
            message: say(locale, 'lineTooLong', { line, limit: MAX_ROW_CHARS }),
          },
        ],
      };
      continue;
    }
    if (content.trim() === '') continue;
    try {
      yield { index, line, record: JSON.parse(content) };
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

function headerResult(
  headers: readonly string[],
  fields: ReadonlyMap<string, Field>,
  name: string,
  line: number,
  options: Read,
): { columns: readonly Column[]; warnings: Issue[] } {
  const { columns, problems } = matchHeaders(headers, fields, options.map ?? {}, options.locale);
  const located = problems.map((p) => ({ ...p, path: [`line ${line}`, ...p.path] }));
  if (!columns.some((c) => c.field)) {
    throw new InputFileError(name, [
      {
        path: [`line ${line}`],
        code: 'no_known_column',
        message: say(options.locale, 'noKnownColumn', {
          name,
          first: headers
            .slice(0, 5)
            .map((h) => JSON.stringify(h))
            .join(', '),
        }),
      },
      ...located,
    ]);
  }
  if (options.strict && located.length > 0) throw new InputFileError(name, located);
  return { columns, warnings: located };
}

const lineCount = (text: string) => text.split('\n').length - 1;

/** How many rows are looked at to find the header, past a title or a blank row above it. */
const HEADER_SEARCH = 10;

/**
 * Finds the header row among the first rows: the one that names the most fields (the first such
 * row), so a sheet with a title above its table ("DAFTAR INOVASI KOTA BATU 2024") is read as a
 * person reads it. A second header row under it (a merged "Waktu" over "Uji Coba" and
 * "Penerapan") is read with it ({@link subheader}). Returns the header's texts and the rows read
 * after it, to be read as data.
 */
async function locateHeader<T>(
  rows: AsyncIterator<T>,
  cellsOf: (row: T) => string[] | undefined,
  fields: ReadonlyMap<string, Field>,
  map: HeaderMap | undefined,
): Promise<
  { header: T; cells: string[]; second: T | undefined; skipped: number; after: T[] } | undefined
> {
  const seen: T[] = [];
  let best = -1;
  let bestCount = 0;
  while (seen.length < HEADER_SEARCH) {
    const next = await rows.next();
    if (next.done) break;
    const cells = cellsOf(next.value);
    // A row that could not be read at all is kept (it is reported with the data), never a header.
    if (cells === undefined) {
      seen.push(next.value);
      continue;
    }
    if (cells.every((c) => c.trim() === '')) continue;
    seen.push(next.value);
    const count = fieldCount(cells, fields, map);
    if (count > bestCount) {
      best = seen.length - 1;
      bestCount = count;
    }
  }
  if (seen.length === 0) return undefined;
  const at = Math.max(best, 0);
  const header = seen[at] as T;
  const cells = cellsOf(header) ?? [];
  const below = seen[at + 1];
  const belowCells = below === undefined ? undefined : cellsOf(below);
  const joined = belowCells && subheader(cells, belowCells, fields, map);
  if (joined) {
    return { header, cells: joined, second: below, skipped: at, after: seen.slice(at + 2) };
  }
  return { header, cells, second: undefined, skipped: at, after: seen.slice(at + 1) };
}

/** How many of a row's cells name a field. */
const fieldCount = (
  cells: readonly string[],
  fields: ReadonlyMap<string, Field>,
  map: HeaderMap | undefined,
) => matchHeaders(cells, fields, map ?? {}, 'en').columns.filter((c) => c.field).length;

/**
 * The header's texts read with the row under it, when that row is a second header row: each of
 * its cells under a header cell that names no field, or under an empty one (the rest of a merged
 * cell, whose text is the nearest one to its left), joined to that text ("Waktu" and "Uji Coba":
 * "Waktu Uji Coba") or, when that names nothing, alone. Undefined when the row below is data: it
 * has a cell under a header that names a field, or joined it names no more fields than the header.
 */
function subheader(
  top: readonly string[],
  below: readonly string[],
  fields: ReadonlyMap<string, Field>,
  map: HeaderMap | undefined,
): string[] | undefined {
  const named = matchHeaders(top, fields, map ?? {}, 'en').columns;
  const joined = [...top];
  let parent = '';
  for (let i = 0; i < Math.max(top.length, below.length); i++) {
    const head = (top[i] ?? '').trim();
    if (head !== '') parent = head;
    const sub = (below[i] ?? '').trim();
    if (sub === '') continue;
    if (named.some((c) => c.index === i && c.field)) return undefined;
    const both = parent === '' ? sub : `${parent} ${sub}`;
    joined[i] =
      fieldCount([both], fields, map) > 0 || fieldCount([sub], fields, map) === 0 ? both : sub;
  }
  const topCount = named.filter((c) => c.field).length;
  return fieldCount(joined, fields, map) > topCount ? joined : undefined;
}

async function* replay<T>(first: readonly T[], rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield* first;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

const skippedWarning = (skipped: number, line: number, locale: Locale): Issue[] =>
  skipped > 0
    ? [
        {
          path: [`line ${line}`],
          code: 'header_below_title',
          message: say(locale, skipped === 1 ? 'titleRow' : 'titleRows', { line, skipped }),
        },
      ]
    : [];

/** The notice that the header was read from two rows, with one column it names as an example. */
function subheaderWarning(
  joined: readonly string[],
  top: readonly string[],
  line: number,
  next: number | undefined,
  locale: Locale,
): Issue[] {
  if (next === undefined) return [];
  const example = joined.find((text, i) => text !== top[i]) ?? '';
  return [
    {
      path: [`line ${next}`],
      code: 'two_row_header',
      message: say(locale, 'twoRowHeader', { line, next, example }),
    },
  ];
}

const columnList = (columns: readonly Column[]) =>
  columns
    .filter((c) => c.header !== '')
    .map((c) => ({ header: c.header, field: c.field?.path ?? null }));

async function openCsv(
  text: AsyncIterable<string>,
  name: string,
  fields: ReadonlyMap<string, Field>,
  options: Read,
): Promise<RecordSource> {
  const { locale } = options;
  const iterator = text[Symbol.asyncIterator]();
  let head = '';
  let more = true;
  // Enough lines to find the delimiter below a title row ("DAFTAR INOVASI", one cell).
  while (more && lineCount(head) < HEADER_SEARCH) {
    const next = await iterator.next();
    if (next.done) more = false;
    else head += next.value;
  }
  if (head.trim() === '') throw emptyFile(name, locale);
  const delimiter = options.delimiter ?? detectDelimiter(head.split('\n').slice(0, HEADER_SEARCH));
  const rest = async function* () {
    yield head;
    while (more) {
      const next = await iterator.next();
      if (next.done) break;
      yield next.value;
    }
  };
  const records = csvRows(rest(), delimiter, locale)[Symbol.asyncIterator]();
  const found = await locateHeader(records, (r) => r.cells, fields, options.map);
  if (!found) throw emptyFile(name, locale);
  const headerLine = found.header.line;
  const matched = headerResult(found.cells, fields, name, headerLine, options);
  const columns = matched.columns;
  const warnings = [
    ...skippedWarning(found.skipped, headerLine, locale),
    ...subheaderWarning(
      found.cells,
      found.header.cells ?? [],
      headerLine,
      found.second?.line,
      locale,
    ),
    ...matched.warnings,
  ];
  const data = replay(found.after, records);
  const headerRows = found.second ? [found.header.cells ?? [], found.second.cells ?? []] : [];
  const signedOff = signOffReader();
  const rows = async function* (): AsyncGenerator<ReadRow> {
    let index = 0;
    for await (const { cells, problem, line } of data) {
      if (problem) {
        yield { index: index++, line, issues: [problem] };
        continue;
      }
      if (cells.length !== columns.length) {
        // Excel writes every column of every row: a row of another length was cut or split.
        const shown = delimiter === '\t' ? 'tab' : delimiter;
        yield {
          index: index++,
          line,
          issues: [
            {
              path: [],
              code: 'invalid_csv',
              message: say(locale, 'shortRow', {
                cells: cells.length,
                columns: columns.length,
                delimiter: shown,
              }),
            },
          ],
        };
        continue;
      }
      const signOff = signedOff(cells);
      const notRecord =
        signOff !== undefined
          ? signOffRow(line, signOff, options.locale)
          : notARecord(cells, columns, line, options.locale, headerRows);
      if (notRecord) {
        yield { index, line, warnings: [notRecord], skipped: true };
        continue;
      }
      yield rowRead(index++, line, readRow(columns, cells, false, locale, options.numberFormat));
    }
  };
  return { format: 'csv', single: false, warnings, columns: columnList(columns), rows: rows() };
}

/** The template's sheets besides its table (its guide, its lists), by name in both languages. */
const TEMPLATE_SHEETS = new Set([
  templateTexts.guideSheet.id,
  templateTexts.guideSheet.en,
  templateTexts.listsSheet.id,
  templateTexts.listsSheet.en,
]);

/**
 * The notice naming the sheets a workbook shows besides the one read: each may hold innovations
 * the reader leaves out (the template's own sheets do not). None when a sheet was named.
 */
function otherSheetsIssue(reader: object, read: SheetReader, options: Read): Issue[] {
  if (options.sheet !== undefined) return [];
  const unread = listedSheets(reader)
    .filter((s) => !s.hidden && s.name !== read.name && !TEMPLATE_SHEETS.has(s.name))
    .map((s) => `"${s.name}"`);
  if (unread.length === 0) return [];
  const { locale } = options;
  const sheet = read.name ?? say(locale, 'sheetNumber', { n: 1 });
  const message = say(locale, 'otherSheets', { sheet, sheets: unread.join(', ') });
  return [{ path: [], code: 'other_sheets', message }];
}

/** A sheet's row as the readers yield it: its record or its issues, with any warnings. */
function rowRead(index: number, line: number, row: TableRow): ReadRow {
  const warnings = row.warnings.length ? { warnings: row.warnings } : {};
  return row.ok
    ? { index, line, record: row.record, ...warnings }
    : { index, line, issues: row.issues, ...warnings };
}

type SheetReader = AsyncIterable<{ number: number; values: unknown[] }> & {
  name?: string;
  /** `hidden` or `veryHidden` for a sheet whose tab Excel does not show. */
  state?: string;
};

/** The bytes, or an {@link InputFileError} when there are none. */
async function nonEmpty(
  bytes: AsyncIterable<Uint8Array | string>,
  name: string,
  locale: Locale,
): Promise<AsyncIterable<Uint8Array | string>> {
  const chunks = bytes[Symbol.asyncIterator]();
  let first: IteratorResult<Uint8Array | string>;
  do {
    first = await chunks.next();
    if (first.done) {
      throw new InputFileError(name, [
        {
          path: [],
          code: 'empty_file',
          message: say(locale, 'emptyWorkbook', { name }),
        },
      ]);
    }
  } while (first.value.length === 0);
  const head = first.value;
  return (async function* () {
    yield head;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      yield next.value;
    }
  })();
}

/** A workbook's bytes, whole, refused past the archive's bound or when {@link checkZip} finds a bomb. */
async function archiveOf(
  bytes: AsyncIterable<Uint8Array | string>,
  name: string,
  locale: Locale,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of bytes) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : Buffer.from(chunk);
    size += buffer.length;
    if (size > XLSX_LIMITS.archiveBytes) {
      throw zipRefusal(name, locale, { code: 'too_large', limit: XLSX_LIMITS.archiveBytes });
    }
    chunks.push(buffer);
  }
  const archive = Buffer.concat(chunks);
  const problem = await checkZip(archive);
  if (problem) throw zipRefusal(name, locale, problem);
  return archive;
}

function zipRefusal(name: string, locale: Locale, problem: ZipProblem): InputFileError {
  const key =
    problem.code === 'too_large'
      ? 'xlsxTooLarge'
      : problem.code === 'size_mismatch'
        ? 'xlsxSizeMismatch'
        : 'xlsxTextTooLong';
  const entry = problem.entry ?? '';
  const values = {
    name,
    limit: problem.limit,
    entry: key === 'xlsxTooLarge' && entry ? say(locale, 'xlsxEntry', { entry }) : entry,
  };
  return new InputFileError(name, [
    { path: [], code: `xlsx_${problem.code}`, message: say(locale, key, values) },
  ]);
}

async function openWorkbook(
  bytes: AsyncIterable<Uint8Array | string>,
  name: string,
  fields: ReadonlyMap<string, Field>,
  options: Read,
): Promise<RecordSource> {
  const { locale } = options;
  // An empty file never ends exceljs's wait for a zip entry: refused before it is handed over.
  // The archive is read whole and checked before exceljs parses any of it (a zip bomb).
  const archive = await archiveOf(await nonEmpty(bytes, name, locale), name, locale);
  const stream = Readable.from([archive]);
  // exceljs is loaded for a workbook only: reading CSV or JSON, and starting the command line,
  // never pay for it.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  guardSharedStrings(reader);
  const fromDirectory = readPartsInOrder(reader, archive);
  const sheets = (reader as unknown as AsyncIterable<SheetReader>)[Symbol.asyncIterator]();
  const seen: string[] = [];
  let sheet: SheetReader | undefined;
  // Without --sheet, the first sheet whose tab shows: a template's hidden sheet holds the lists
  // its drop-downs offer, not innovations. A workbook of hidden sheets only is read from its first.
  let firstHidden: SheetReader | undefined;
  try {
    for (;;) {
      const next = await sheets.next();
      if (next.done) break;
      const candidate = next.value;
      const sheetName = candidate.name ?? say(locale, 'sheetNumber', { n: seen.length + 1 });
      const hidden =
        fromDirectory && (candidate.state === 'hidden' || candidate.state === 'veryHidden');
      if (options.sheet === undefined ? !hidden : sheetName === options.sheet) {
        sheet = candidate;
        break;
      }
      if (options.sheet === undefined) firstHidden ??= candidate;
      seen.push(sheetName);
      // A sheet read through the archive's directory is opened only when read; exceljs's own
      // pass streams the sheets in order, so a skipped one is read through.
      if (!fromDirectory) for await (const _ of candidate) void _;
    }
    sheet ??= firstHidden;
  } catch (error) {
    throw new InputFileError(name, [
      {
        path: [],
        code: 'invalid_xlsx',
        message: say(locale, 'notWorkbook', { name, why: (error as Error).message }),
      },
    ]);
  }
  if (!sheet) {
    throw new InputFileError(name, [
      {
        path: [],
        code: options.sheet ? 'unknown_sheet' : 'empty_file',
        message: options.sheet
          ? say(locale, 'unknownSheet', { name, sheet: options.sheet, sheets: seen.join(', ') })
          : say(locale, 'noSheet', { name }),
      },
    ]);
  }
  const unread = otherSheetsIssue(reader, sheet, options);
  const rowsOf = guardedRows(sheet[Symbol.asyncIterator](), name, locale);
  // exceljs counts cells from 1: values[0] is always empty.
  // exceljs's values are a sparse array (no entry for an empty cell): Array.from gives each
  // empty cell its place, where map would keep a hole.
  const textOf = (row: { values: unknown[] }) => Array.from(row.values.slice(1), cellText);
  const found = await locateHeader(rowsOf, textOf, fields, options.map);
  if (!found) {
    throw new InputFileError(name, [
      { path: [], code: 'empty_file', message: say(locale, 'emptySheet', { name }) },
    ]);
  }
  const header = found.header;
  const matched = headerResult(found.cells, fields, name, header.number, options);
  const columns = matched.columns;
  const layout = await sheetLayout(sheet);
  const headerEnd = found.second?.number ?? header.number;
  const merged = mergedCells(layout.merged, headerEnd);
  const linkAt = linkedCells(layout.links, headerEnd);
  const warnings = [
    ...unread,
    ...skippedWarning(found.skipped, header.number, locale),
    ...subheaderWarning(found.cells, textOf(header), header.number, found.second?.number, locale),
    ...mergedDownIssue(merged.down, locale),
    ...linksReadIssue(columns, layout.links, headerEnd, locale),
    ...hiddenColumnsIssue(columns, layout.hiddenColumns, locale),
    ...matched.warnings,
  ];
  const data = replay(found.after, rowsOf);
  const nama = columns.find((c) => c.field?.path === 'nama');
  const headerRows = found.second ? [textOf(header), textOf(found.second)] : [];
  const hiddenRows = new Set(layout.hiddenRows);
  const signedOff = signOffReader();
  const rows = async function* (): AsyncGenerator<ReadRow> {
    let index = 0;
    for await (const sheetRow of data) {
      const line = sheetRow.number;
      const read = merged.fill(line, Array.from(sheetRow.values.slice(1), cellValue));
      // A cell that cannot be read is an issue naming it, in a column that is read.
      const unreadable = columns.flatMap((c) => {
        const cell = read[c.index];
        return cell instanceof UnreadableCell && c.field
          ? [unreadableIssue(cell, c.index, line, c.field.path, locale)]
          : [];
      });
      const cells = read.map((c) => (c instanceof UnreadableCell ? undefined : c));
      if (unreadable.length === 0 && cells.every((c) => c === undefined || String(c).trim() === ''))
        continue;
      const section = merged.heading(line, cells, nama?.index);
      const signOff = signedOff(cells);
      // A sign-off line is often merged across the table too: it is named as what it is.
      const notRecord =
        signOff !== undefined
          ? signOffRow(line, signOff, options.locale)
          : section !== undefined
            ? {
                path: [],
                code: 'section_row',
                message: say(locale, 'sectionRow', { line, text: section }),
              }
            : notARecord(cells, columns, line, options.locale, headerRows);
      if (notRecord) {
        yield { index, line, warnings: [notRecord], skipped: true };
        continue;
      }
      if (unreadable.length > 0) {
        yield { index: index++, line, issues: unreadable };
        continue;
      }
      const row = readRow(columns, cells, true, locale, options.numberFormat, (column) =>
        linkAt(line, column),
      );
      // A row Excel hides is read as any other, and says so.
      if (hiddenRows.has(line)) row.warnings.unshift(hiddenRowIssue(locale));
      yield rowRead(index++, line, row);
    }
  };
  return { format: 'xlsx', single: false, warnings, columns: columnList(columns), rows: rows() };
}
