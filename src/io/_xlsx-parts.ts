/**
 * The parts of a workbook handed to exceljs's streaming reader from the archive's central
 * directory, in the order it needs them: the relationships, the workbook (its sheets' names),
 * the shared strings and the styles first, then the sheets in the order of their tabs.
 *
 * exceljs reads an archive in one streaming pass (unzipper's `Parse`), entry by entry in stored
 * order. A workbook written by exceljs itself, and by other programs, stores `xl/workbook.xml`
 * last, and that pass intermittently loses it (exceljs#3064, unzipper#234): the read then fails
 * with "Cannot read properties of undefined (reading 'sheets')", or a sheet goes missing. The
 * archive is already in memory, whole and checked ({@link checkZip}), so each part is opened
 * from it instead, and only when the reader asks for it; a sheet is still inflated and parsed
 * row by row. Each part reaches exceljs as text decoded across chunk boundaries, where exceljs
 * decodes each chunk alone (a character split between two chunks would be lost).
 *
 * It overrides exceljs's `parse`, an internal of the reader, against the version the lockfile
 * holds (4.4.0); the tests read workbooks of several layouts through it.
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { type ZipEntry, zipEntries } from './_zip-guard.js';

/** What exceljs's reader yields while it parses. */
interface ReaderEvent {
  eventType: string;
  value: unknown;
}

/** A sheet as the workbook part lists it. */
interface SheetModel {
  name: string;
  rId: string;
  id: number;
  state?: string;
}

/** The internals of exceljs's `WorkbookReader` this module drives. */
interface ReaderInternals {
  model?: { sheets?: SheetModel[] };
  workbookRels?: { Id: string; Target: string }[];
  parse: () => AsyncGenerator<ReaderEvent>;
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<ReaderEvent>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<ReaderEvent>;
}

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** A block of merged cells: rows as Excel numbers them (from 1), columns from 0. */
export interface MergedRange {
  /** The first row, whose cell holds the value. */
  top: number;
  /** The last row. */
  bottom: number;
  /** The first column, whose cell holds the value. */
  left: number;
  /** The last column. */
  right: number;
}

const MERGED = Symbol('merged ranges');

/**
 * The merged cells of a sheet read through the archive's directory (none for one read by
 * exceljs's own pass, which does not give them). They are listed after the rows, so the sheet's
 * part is read through once more for them, without parsing its cells.
 */
export function mergedRanges(sheet: object): Promise<MergedRange[]> {
  const scan = (sheet as { [MERGED]?: () => Promise<MergedRange[]> })[MERGED];
  return scan ? scan() : Promise.resolve([]);
}

/**
 * Makes exceljs's streaming `reader` read its parts from `archive` through the central
 * directory. An archive without a whole directory, or without `xl/workbook.xml`, is left to
 * exceljs's own pass, which says what is wrong with it.
 *
 * @returns whether the parts are read through the directory (each sheet then opened only when
 * its rows are read, and readable again), or by exceljs's own pass
 */
export function readPartsInOrder(reader: object, archive: Buffer): boolean {
  const listed = zipEntries(archive);
  if (!listed?.complete) return false;
  const parts = new Map(listed.entries.map((entry) => [entry.name, entry]));
  if (!parts.has('xl/workbook.xml')) return false;
  const internals = reader as ReaderInternals;
  internals.parse = async function* () {
    const rels = parts.get('xl/_rels/workbook.xml.rels');
    if (rels) await internals._parseRels(open(rels));
    await internals._parseWorkbook(open(parts.get('xl/workbook.xml') as ZipEntry));
    const strings = parts.get('xl/sharedStrings.xml');
    if (strings) yield* internals._parseSharedStrings(open(strings));
    const styles = parts.get('xl/styles.xml');
    if (styles) await internals._parseStyles(open(styles));
    for (const { entry, sheet } of sheetsInTabOrder(internals, parts)) {
      const sheetNo = SHEET.exec(entry.name)?.[1] ?? '';
      for (const event of internals._parseWorksheet(lazily(entry), sheetNo)) {
        if (sheet) Object.assign(event.value as object, sheet);
        Object.defineProperty(event.value, MERGED, { value: () => scanMerged(entry) });
        yield event;
      }
    }
  };
  return true;
}

/**
 * The worksheet parts, in the order of the workbook's tabs, each with the name, id and state
 * its tab gives; then any worksheet part no tab names (as exceljs reads them), by number.
 */
function sheetsInTabOrder(
  internals: ReaderInternals,
  parts: ReadonlyMap<string, ZipEntry>,
): { entry: ZipEntry; sheet?: Pick<SheetModel, 'name' | 'id' | 'state'> }[] {
  const targets = new Map((internals.workbookRels ?? []).map((rel) => [rel.Id, rel.Target]));
  const ordered: { entry: ZipEntry; sheet?: Pick<SheetModel, 'name' | 'id' | 'state'> }[] = [];
  const taken = new Set<string>();
  for (const sheet of internals.model?.sheets ?? []) {
    const target = targets.get(sheet.rId);
    if (target === undefined) continue;
    // A relationship's target is relative to xl/, or absolute from the archive's root.
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    const entry = parts.get(path);
    if (!entry || !SHEET.test(path) || taken.has(path)) continue;
    taken.add(path);
    ordered.push({ entry, sheet: { name: sheet.name, id: sheet.id, state: sheet.state } });
  }
  const rest = [...parts.values()]
    .filter((entry) => SHEET.test(entry.name) && !taken.has(entry.name))
    .sort((a, b) => Number(SHEET.exec(a.name)?.[1]) - Number(SHEET.exec(b.name)?.[1]));
  return [...ordered, ...rest.map((entry) => ({ entry }))];
}

const MERGE_CELL =
  /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"/g;

/** The merged ranges a sheet's part lists, read from its text without parsing its cells. */
async function scanMerged(entry: ZipEntry): Promise<MergedRange[]> {
  const ranges: MergedRange[] = [];
  let carry = '';
  for await (const chunk of open(entry)) {
    const text = carry + (chunk as string);
    // A tag cut by the chunk's end is read with the next chunk.
    const cut = text.lastIndexOf('<');
    const whole = cut > text.lastIndexOf('>') ? text.slice(0, cut) : text;
    carry = text.slice(whole.length);
    for (const [, left, top, right, bottom] of whole.matchAll(MERGE_CELL)) {
      ranges.push({
        top: Number(top),
        bottom: Number(bottom),
        left: columnIndex(left as string),
        right: columnIndex(right as string),
      });
    }
  }
  return ranges;
}

/** A column's index from 0, from Excel's letters (`A` 0, `AA` 26). */
function columnIndex(letters: string): number {
  let n = 0;
  for (const letter of letters) n = n * 26 + letter.charCodeAt(0) - 64;
  return n - 1;
}

/** A part's text, opened when it is first read (a sheet never read is never inflated). */
function lazily(entry: ZipEntry): AsyncIterable<string> {
  return { [Symbol.asyncIterator]: () => open(entry)[Symbol.asyncIterator]() };
}

/** A part's text as a stream, inflated as it is read and decoded across chunk boundaries. */
function open(entry: ZipEntry): Readable {
  const { name, method, data } = entry;
  if (!data) throw new Error(`${name} is not where the archive's directory says`);
  if (method !== 0 && method !== 8) {
    throw new Error(`${name} is compressed by method ${method}, which no workbook uses`);
  }
  if (method === 0) return Readable.from([data], { objectMode: false }).setEncoding('utf8');
  const inflate = createInflateRaw();
  inflate.end(data);
  return inflate.setEncoding('utf8');
}
