import { InputFileError, type Issue } from '../errors.js';
import type { Locale } from '../messages.js';
import type { Column } from './_headers.js';
import { say } from './_say.js';
import type { LinkRange, MergedRange } from './_xlsx-parts.js';

/**
 * A cell whose value cannot be read: a formula saved without its result (a workbook written by
 * a program, never opened in Excel), an Excel error (`#N/A`, `#REF!`), or a shared string whose
 * number is not in the workbook's table (a damaged file). Never read as text or as empty.
 */
export class UnreadableCell {
  /** @param code - why: `formula_without_value`, `excel_error`, `missing_shared_string` */
  constructor(
    readonly code: 'formula_without_value' | 'excel_error' | 'missing_shared_string',
    readonly detail: string,
  ) {}
}

/** The value exceljs's streaming reader gives for a cell, as the reader of rows takes it. */
export function cellValue(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date || typeof value !== 'object') return value;
  if (value instanceof UnreadableCell) return value;
  const v = value as {
    richText?: { text: string }[];
    text?: unknown;
    result?: unknown;
    formula?: unknown;
    sharedFormula?: unknown;
    error?: unknown;
  };
  if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    if (v.result === undefined || (typeof v.result === 'number' && Number.isNaN(v.result))) {
      return new UnreadableCell('formula_without_value', String(v.formula ?? v.sharedFormula));
    }
    return cellValue(v.result);
  }
  if ('result' in v) return cellValue(v.result);
  if ('error' in v) return new UnreadableCell('excel_error', String(v.error));
  if (typeof v.text === 'string') return v.text;
  return new UnreadableCell('excel_error', 'an unknown kind of cell');
}

/** A cell's text for finding the header: an unreadable cell is no header. */
export const cellText = (value: unknown): string => {
  const cell = cellValue(value);
  return cell === undefined || cell instanceof UnreadableCell ? '' : String(cell);
};

/** Excel's name of a column, from 0: A, B, …, Z, AA, AB, … */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The issue of an unreadable cell, named as Excel names it (`C3`) and by its field. */
export function unreadableIssue(
  cell: UnreadableCell,
  column: number,
  line: number,
  field: string | undefined,
  locale: Locale,
): Issue {
  const at = `${columnLetter(column)}${line}`;
  const where = field
    ? say(locale, 'cellOfField', { cell: at, field })
    : say(locale, 'cell', { cell: at });
  const text = (
    {
      formula_without_value: 'formulaWithoutValue',
      excel_error: 'excelError',
      missing_shared_string: 'missingSharedString',
    } as const
  )[cell.code];
  const message = say(locale, text, { where, detail: cell.detail });
  return { path: field ? [field] : [], code: cell.code, message };
}

/**
 * Makes exceljs's reader give an {@link UnreadableCell} for a shared-string number its table does
 * not hold, where it would give `undefined` (an empty cell, in silence).
 */
export function guardSharedStrings(reader: object): void {
  let strings: unknown[] | undefined;
  let guarded: unknown[] | undefined;
  Object.defineProperty(reader, 'sharedStrings', {
    configurable: true,
    get: () => guarded,
    set: (value: unknown[] | undefined) => {
      strings = value;
      guarded =
        strings &&
        new Proxy(strings, {
          get: (target, key, receiver) => {
            if (typeof key === 'string' && !(key in target) && /^(\d+|NaN|-\d+)$/.test(key)) {
              return new UnreadableCell('missing_shared_string', key);
            }
            return Reflect.get(target, key, receiver);
          },
        });
    },
  });
}

/**
 * The rows of a sheet, with any failure of the XML under them (broken tags, a column past XFD, a
 * DOCTYPE) turned into an {@link InputFileError} naming the file and the last row read.
 */
export async function* guardedRows<T extends { number: number }>(
  rows: AsyncIterator<T>,
  name: string,
  locale: Locale,
): AsyncGenerator<T> {
  let last = 0;
  for (;;) {
    let next: IteratorResult<T>;
    try {
      next = await rows.next();
    } catch (error) {
      throw new InputFileError(name, [
        {
          path: [`row ${last + 1}`],
          code: 'invalid_xlsx',
          message:
            last > 0
              ? say(locale, 'damagedSheetAfter', { name, row: last, why: (error as Error).message })
              : say(locale, 'damagedSheet', { name, why: (error as Error).message }),
        },
      ]);
    }
    if (next.done) return;
    last = next.value.number;
    yield next.value;
  }
}

/**
 * The merged cells below the header (a block that starts at or above `headerEnd` is the
 * header's), as the rows are read in order (by their line).
 *
 * - `fill`: a block merged down a column is read as its first cell's value in each of its rows:
 *   an officer merges "Perangkat Daerah" over the innovations of one agency, and each is that
 *   agency's. Returns the row's cells with each such empty cell filled (a new array when any is,
 *   the same one otherwise).
 * - `heading`: the text of a row that is a section heading ("DINAS KESEHATAN" merged across the
 *   table): its only filled cells start blocks merged across columns, and its `nama` is empty.
 */
export function mergedCells(
  ranges: readonly MergedRange[],
  headerEnd: number,
): {
  down: MergedRange[];
  fill: (line: number, cells: unknown[]) => unknown[];
  heading: (
    line: number,
    cells: readonly unknown[],
    nama: number | undefined,
  ) => string | undefined;
} {
  const below = ranges.filter((r) => r.top > headerEnd);
  const down = below.filter((r) => r.bottom > r.top).sort((a, b) => a.top - b.top);
  const across = new Map<number, Set<number>>();
  for (const r of below) {
    if (r.right > r.left) across.set(r.top, (across.get(r.top) ?? new Set()).add(r.left));
  }
  let next = 0;
  let active: { range: MergedRange; value: unknown }[] = [];
  const fill = (line: number, cells: unknown[]) => {
    if (active.length > 0) active = active.filter((a) => a.range.bottom >= line);
    for (let range = down[next]; range && range.top <= line; range = down[++next]) {
      if (range.top === line) active.push({ range, value: cells[range.left] });
    }
    let out = cells;
    for (const { range, value } of active) {
      if (range.top === line || value === undefined || filled(out[range.left])) continue;
      if (out === cells) out = [...cells];
      out[range.left] = value;
    }
    return out;
  };
  const heading = (line: number, cells: readonly unknown[], nama: number | undefined) => {
    const starts = across.get(line);
    if (!starts || (nama !== undefined && filled(cells[nama]))) return undefined;
    const texts = cells.flatMap((cell, i) => (filled(cell) ? [i] : []));
    if (texts.length === 0 || !texts.every((i) => starts.has(i))) return undefined;
    return String(cells[texts[0] as number]).trim();
  };
  return { down, fill, heading };
}

/**
 * The web address behind a cell below the header, as the rows are read in order (by their
 * line): an officer types "Lihat dokumen" and links it to the file on Google Drive, and the
 * address is what a verifier opens. Where blocks overlap, the one that starts first is read.
 */
export function linkedCells(
  links: readonly LinkRange[],
  headerEnd: number,
): (line: number, column: number) => string | undefined {
  const below = links.filter((l) => l.bottom > headerEnd);
  const byColumn = new Map<number, { ranges: LinkRange[]; next: number }>();
  return (line, column) => {
    let state = byColumn.get(column);
    if (!state) {
      const ranges = below
        .filter((l) => l.left <= column && column <= l.right)
        .sort((a, b) => a.top - b.top);
      state = { ranges, next: 0 };
      byColumn.set(column, state);
    }
    // Blocks that end above the line are passed for good; the first left starts at or below it.
    const { ranges } = state;
    while (state.next < ranges.length && (ranges[state.next] as LinkRange).bottom < line) {
      state.next++;
    }
    const range = ranges[state.next];
    return range && range.top <= line ? range.target : undefined;
  };
}

const filled = (cell: unknown) => cell !== undefined && String(cell).trim() !== '';

/** The notice that the links behind cells are read, naming the columns (of documents) that have any. */
export function linksReadIssue(
  columns: readonly Column[],
  links: readonly LinkRange[],
  headerEnd: number,
  locale: Locale,
): Issue[] {
  const documents = columns.filter((c) => c.field?.kind === 'url' || c.field?.kind === 'bukti');
  const named = new Set<Column>();
  for (const link of links) {
    if (link.bottom <= headerEnd) continue;
    for (const c of documents) if (link.left <= c.index && c.index <= link.right) named.add(c);
  }
  if (named.size === 0) return [];
  const list = documents.filter((c) => named.has(c)).map((c) => `"${c.header}"`);
  return [
    {
      path: [],
      code: 'links_read',
      message: say(locale, 'linksRead', { columns: list.join(', ') }),
    },
  ];
}

/**
 * The notice that columns the sheet hides are read all the same, naming them: what Excel does
 * not show is still data, and read, but the officer who hid it may not expect that.
 */
export function hiddenColumnsIssue(
  columns: readonly Column[],
  hidden: readonly number[],
  locale: Locale,
): Issue[] {
  const at = new Set(hidden);
  const read = columns.filter((c) => c.field !== undefined && at.has(c.index));
  if (read.length === 0) return [];
  const list = read.map((c) => `"${c.header}"`).join(', ');
  return [
    { path: [], code: 'hidden_columns', message: say(locale, 'hiddenColumns', { columns: list }) },
  ];
}

/** The notice on a record read from a row the sheet hides (hidden, or filtered out). */
export const hiddenRowIssue = (locale: Locale): Issue => ({
  path: [],
  code: 'hidden_row',
  message: say(locale, 'hiddenRow', {}),
});

/** The notice that merged cells are read down their blocks, naming the first few. */
export function mergedDownIssue(blocks: readonly MergedRange[], locale: Locale): Issue[] {
  if (blocks.length === 0) return [];
  const named = blocks
    .slice(0, 3)
    .map((b) => `${columnLetter(b.left)}${b.top}:${columnLetter(b.right)}${b.bottom}`);
  const ranges = blocks.length > 3 ? `${named.join(', ')}, … (${blocks.length})` : named.join(', ');
  return [{ path: [], code: 'merged_down', message: say(locale, 'mergedDown', { ranges }) }];
}
