import aliases from '../../rules/aliases.json' with { type: 'json' };
import type { Issue } from '../errors.js';
import { escapeRegExp, type Locale } from '../messages.js';
import type { Column } from './_headers.js';
import { say } from './_say.js';

/**
 * The rows of a table that are no innovation, and say so: the sign-off under an official table,
 * a note under it, a totals row, the row of column numbers under a header, a header repeated
 * on a later page.
 * The readers of CSV and of workbooks ask these of each row before reading it as a record, and
 * keep the row as a warning naming its line.
 */

/** The month names a date is written with (`rules/aliases.json`, `months`), as alternatives. */
const MONTH_NAMES = Object.values(aliases.months.names).flat().join('|');

/**
 * The lines an official table's sign-off begins with under it: the place and date (`Batu, 15
 * Desember 2025`), `Mengetahui,`, or the signer's office ending in a comma (`Kepala Bappeda Kota
 * Batu,`, `a.n. Bupati Malang,`). What follows them (`ttd`, the name, the rank, the NIP) is
 * read as part of it by its place (see {@link signOffReader}).
 */
const SIGN_OFF = [
  new RegExp(`^[\\p{L} .'-]{2,40},\\s*\\d{1,2}\\s+(${MONTH_NAMES})\\.?\\s+\\d{4}$`, 'iu'),
  /^(mengetahui|menyetujui|disetujui|diketahui|dibuat|disusun|diperiksa)( oleh)?\s*[,:]$/i,
  /^(a\.?n\.?\s+|plt\.?\s+|plh\.?\s+|pj\.?\s+)?(kepala|sekretaris|bupati|wali ?kota|gubernur|camat|lurah|direktur|ketua|kabid|kasubbag|kasubag)\b.{0,80},$/i,
];

/**
 * A reader of the sign-off under a table: for each row, its text when the row belongs to it,
 * else `undefined`. A row belongs to it when each of its filled cells is a sign-off line, and,
 * once one such row was seen, when it fills at most two cells (the signer's name, rank and NIP
 * beneath); a row that fills more is a record again.
 */
export function signOffReader(): (cells: readonly unknown[]) => string | undefined {
  let signing = false;
  return (cells) => {
    const texts: string[] = [];
    let lines = true;
    for (const cell of cells) {
      const folded = foldCell(cell);
      if (folded === '') continue;
      lines &&= SIGN_OFF.some((line) => line.test(folded));
      // A record's row, known at its first cell that is no sign-off line (most rows: their
      // first filled cell), or at its third filled cell once the sign-off has begun.
      if (!lines && (!signing || texts.length === 2)) {
        signing = false;
        return undefined;
      }
      texts.push(String(cell).trim());
    }
    // The readers drop empty rows (the space left for a signature) before this; were one to
    // come, it would neither begin the sign-off nor belong to it.
    if (texts.length === 0) return undefined;
    signing ||= lines;
    return texts.join(' ');
  };
}

/** The warning of a row of the sign-off. */
export const signOffRow = (line: number, text: string, locale: Locale): Issue => ({
  path: [],
  code: 'sign_off_row',
  message: say(locale, 'signOffRow', { line, text }),
});

/** The words a totals or summary row starts with, alone or with a count: `Jumlah Inovasi: 12`. */
const TOTALS =
  /^(jumlah|total|grand total|sub ?total|rata-rata|rerata|average)( inovasi)?\s*(:?\s*-?\d+([.,]\d+)*)?$/i;

/** How a note under a table begins (`rules/aliases.json`, `notes`): a word and a mark, or a footnote's mark. */
const NOTE = new RegExp(
  `^(?:(?:${aliases.notes.words.map(escapeRegExp).join('|')})\\s*[:.)]|(?:${aliases.notes.marks.map(escapeRegExp).join('|')}))`,
  'i',
);

const foldCell = (cell: unknown) =>
  cell === undefined || cell === null
    ? ''
    : String(cell).trim().split(/\s+/).join(' ').toLowerCase();

/**
 * Why a table row is no record (a warning naming its line), or `undefined` for a record: a
 * totals row names itself in its name column (or its first cell); a repeated header has every
 * filled cell equal to the header above its column, or to the text one of the header's rows
 * writes there (`headerRows`: a header of two rows repeats as two rows).
 */
export function notARecord(
  cells: readonly unknown[],
  columns: readonly Column[],
  line: number,
  locale: Locale,
  headerRows: readonly (readonly string[])[] = [],
): Issue | undefined {
  const nama = columns.find((c) => c.field?.path === 'nama');
  const namaCell = nama ? cells[nama.index] : undefined;
  // The name, or when it is empty the first filled cell ("JUMLAH" under No).
  const labelCell = foldCell(namaCell) !== '' ? namaCell : cells.find((c) => foldCell(c) !== '');
  if (TOTALS.test(foldCell(labelCell))) {
    return {
      path: [],
      code: 'totals_row',
      message: say(locale, 'totalsRow', { line, text: String(labelCell).trim() }),
    };
  }
  // A note under the table: its one filled cell begins "Keterangan:", "Sumber :", "*)".
  const only = onlyFilledCell(cells);
  if (only !== undefined && NOTE.test(foldCell(only))) {
    return {
      path: [],
      code: 'note_row',
      message: say(locale, 'noteRow', { line, text: String(only).trim() }),
    };
  }
  if (columnNumbers(cells)) {
    return { path: [], code: 'column_numbers', message: say(locale, 'columnNumbers', { line }) };
  }
  const filled = columns.filter((c) => foldCell(cells[c.index]) !== '');
  // A cell that repeats its column's header, as read or as one of its rows writes it (a merged
  // cell of a repeated two-row header is filled down from the row above: either row's text).
  const isHeader = (c: Column) => {
    const text = foldCell(cells[c.index]);
    return text === foldCell(c.header) || headerRows.some((row) => text === foldCell(row[c.index]));
  };
  if (filled.length >= 2 && filled.every(isHeader)) {
    return {
      path: [],
      code: 'repeated_header',
      message: say(locale, 'repeatedHeader', { line }),
    };
  }
  return undefined;
}

/**
 * The one filled cell of a row, or `undefined` when it fills none or more than one: asked of
 * every row, so it stops at the second filled cell and folds none.
 */
function onlyFilledCell(cells: readonly unknown[]): unknown {
  let only: unknown;
  for (const cell of cells) {
    if (cell === undefined || cell === null || String(cell).trim() === '') continue;
    if (only !== undefined) return undefined;
    only = cell;
  }
  return only;
}

/**
 * Whether a row holds only the numbers of the table's columns, as official tables print under
 * their header (`1 2 3 4`, `(1) (2) (3)`): three or more, each one more than the one before.
 */
function columnNumbers(cells: readonly unknown[]): boolean {
  const numbers = cells
    .map(foldCell)
    .filter((text) => text !== '')
    .map((text) => /^\(?(\d{1,3})\)?$/.exec(text)?.[1]);
  return (
    numbers.length >= 3 &&
    numbers.every((n, i) => n !== undefined && Number(n) === Number(numbers[0]) + i)
  );
}
