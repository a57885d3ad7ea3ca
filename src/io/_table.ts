import aliases from '../../rules/aliases.json' with { type: 'json' };
import type { Issue } from '../errors.js';
import type { Locale } from '../messages.js';
import { DOCUMENT_PART, type Field } from './_fields.js';
import type { Column } from './_headers.js';
import { say } from './_say.js';
import { type Cell, type NumberFormat, readCell } from './_values.js';

/**
 * One row of a sheet (CSV or workbook) to a record: each mapped cell read for its field and set
 * at its path; empty cells left out; an indicator's evidence given part by part
 * (`indikator.sdm.bukti.nomor`) becomes one document. Every cell that cannot be read is a
 * problem naming its column; the row is then refused whole, never half-read.
 */

/** A row turned into a record, or the problems of its cells. */
export type TableRow =
  | { ok: true; record: Record<string, unknown>; warnings: Issue[] }
  | { ok: false; issues: Issue[]; warnings: Issue[] };

/** The kind of a document given without one, where an indicator's evidence has one kind. */
const DOCUMENT_KINDS: Readonly<Record<string, string | undefined>> = aliases.documentKinds;

function setPath(record: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.');
  let target = record;
  for (const segment of segments.slice(0, -1)) {
    let next = target[segment];
    if (!next || typeof next !== 'object' || Array.isArray(next)) {
      next = {};
      target[segment] = next;
    }
    target = next as Record<string, unknown>;
  }
  target[segments.at(-1) as string] = value;
}

function getPath(record: Record<string, unknown>, path: string): unknown {
  let value: unknown = record;
  for (const segment of path.split('.')) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

const isEmpty = (cell: unknown) =>
  cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');

/**
 * Reads one row.
 *
 * @param columns - the matched header
 * @param cells - the row's cells, by column position
 * @param fromWorkbook - whether the cells come from a workbook
 * @param locale - the language of what is said about the row
 * @param numberFormat - how the table writes numbers, when known
 * @param linkOf - the web address a cell of the row links to, by column (a workbook's links)
 */
export function readRow(
  columns: readonly Column[],
  cells: readonly unknown[],
  fromWorkbook: boolean,
  locale: Locale,
  numberFormat?: NumberFormat,
  linkOf?: (column: number) => string | undefined,
): TableRow {
  const record: Record<string, unknown> = {};
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const documents = new Map<string, Record<string, unknown>>();
  const implied: Record<string, unknown> = {};
  const relative: { path: string; years: readonly number[]; header: string }[] = [];
  const continued: { path: string; values: readonly unknown[]; header: string }[] = [];
  const linked = new Map<string, string>();
  const partHeaders = new Map<string, string>();
  for (const column of columns) {
    const field: Field | undefined = column.field;
    if (!field || isEmpty(cells[column.index])) continue;
    // A linked cell of a web-address column is the address it opens, not the text it shows.
    const link =
      field.kind === 'url' || field.kind === 'bukti' ? linkOf?.(column.index) : undefined;
    const cell = link !== undefined && field.kind === 'url' ? link : cells[column.index];
    const result = readCell(cell as Cell, field, fromWorkbook, locale, numberFormat);
    const path = field.path.split('.');
    if (!result.ok) {
      issues.push({
        path,
        code: result.code,
        message: say(locale, 'column', { header: column.header, detail: result.message }),
      });
      continue;
    }
    if (result.note) {
      warnings.push({
        path,
        code: 'read_as',
        message: say(locale, 'column', { header: column.header, detail: result.note }),
      });
    }
    if (result.empty) continue;
    // The documents named in a linked cell: the link is where the (first) one is.
    if (link !== undefined && field.kind === 'bukti') linked.set(field.path, link);
    if (result.also) Object.assign(implied, result.also);
    if (result.relative) {
      relative.push({ path: field.path, years: result.relative, header: column.header });
      continue;
    }
    if (column.continues && Array.isArray(result.value)) {
      continued.push({ path: field.path, values: result.value, header: column.header });
      continue;
    }
    const part = DOCUMENT_PART.exec(field.path);
    if (part) {
      const key = part[1] as string;
      const document = documents.get(key) ?? {};
      document[part[4] as string] = result.value;
      documents.set(key, document);
      if (!partHeaders.has(key)) partHeaders.set(key, column.header);
      continue;
    }
    setPath(record, field.path, result.value);
  }
  // Years given as T-k of the row's own year ("RKPD T-1 dan T-2").
  for (const { path, years, header } of relative) {
    if (typeof record.tahun === 'number') {
      const tahun = record.tahun;
      setPath(
        record,
        path,
        years.map((k) => tahun + k).sort((a, b) => a - b),
      );
    } else {
      issues.push({
        path: path.split('.'),
        code: 'needs_tahun',
        message: say(locale, 'column', { header, detail: say(locale, 'needsTahun') }),
      });
    }
  }
  // A list's further values (`Urusan Irisan`) after those of its own column, each once.
  for (const { path, values, header } of continued) {
    const own = getPath(record, path);
    if (!Array.isArray(own) && values.length > 0) {
      warnings.push({
        path: path.split('.'),
        code: 'read_as',
        message: say(locale, 'continuesWithoutMain', { header, first: String(values[0]) }),
      });
    }
    setPath(record, path, [...new Set([...(Array.isArray(own) ? own : []), ...values])]);
  }
  // What an option implies (kemanfaatan's basis), unless a column of its own gave it.
  for (const [path, value] of Object.entries(implied)) {
    if (getPath(record, path) === undefined) setPath(record, path, value);
  }
  for (const [path, link] of linked) {
    const document = documents.get(path) ?? {};
    document.url ??= link;
    documents.set(path, document);
  }
  for (const [path, document] of documents) {
    const segments = path.split('.');
    const list = getPath(record, path);
    if (Array.isArray(list) && list.length > 0) {
      Object.assign(list[0] as object, document);
      continue;
    }
    // Parts without a kind: the indicator's one kind of evidence, else the column to add.
    if (segments[0] === 'indikator') document.jenis ??= DOCUMENT_KINDS[segments[1] as string];
    if (document.jenis === undefined) {
      issues.push({
        path: [...segments, 0, 'jenis'],
        code: 'document_without_kind',
        message: say(locale, 'column', {
          header: partHeaders.get(path) ?? path,
          detail: say(locale, 'documentWithoutKind', { column: `${path}.jenis` }),
        }),
      });
      continue;
    }
    setPath(record, path, [document]);
  }
  return issues.length > 0 ? { ok: false, issues, warnings } : { ok: true, record, warnings };
}
