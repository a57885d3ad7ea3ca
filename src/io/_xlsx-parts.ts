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

/** Cells that link to a web address (a block of them, as a sheet may list one link for several). */
export interface LinkRange extends MergedRange {
  /** The address the link opens, as its relationship gives it (`https://drive.google.com/…`). */
  target: string;
}

/**
 * What a sheet says of its layout besides its cells: its merged cells, the web addresses behind
 * its cells, and the rows and columns it hides.
 */
export interface SheetLayout {
  /** The blocks of merged cells, in the order the sheet lists them. */
  merged: MergedRange[];
  /** The cells that link to an address outside the workbook (a link within it is left out). */
  links: LinkRange[];
  /** The rows Excel does not show (hidden, or filtered out), as Excel numbers them. */
  hiddenRows: number[];
  /** The columns Excel does not show, from 0. */
  hiddenColumns: number[];
}

const LAYOUT = Symbol('sheet layout');

/**
 * The merged cells, the links and the hidden rows and columns of a sheet read through the
 * archive's directory (none for one read by exceljs's own pass, which does not give them). They are listed after the rows, so the
 * sheet's part is read through once more for them, without parsing its cells.
 */
export function sheetLayout(sheet: object): Promise<SheetLayout> {
  const scan = (sheet as { [LAYOUT]?: () => Promise<SheetLayout> })[LAYOUT];
  return scan
    ? scan()
    : Promise.resolve({ merged: [], links: [], hiddenRows: [], hiddenColumns: [] });
}

/**
 * The sheets the workbook lists, in tab order, each with whether its tab is hidden: known once
 * the reader has read the workbook's part (after its first sheet came), and only when the
 * archive's parts are read through {@link readPartsInOrder}; else none.
 */
export function listedSheets(reader: object): { name: string; hidden: boolean }[] {
  return ((reader as ReaderInternals).model?.sheets ?? []).map((sheet) => ({
    name: sheet.name,
    hidden: sheet.state === 'hidden' || sheet.state === 'veryHidden',
  }));
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
        Object.defineProperty(event.value, LAYOUT, { value: () => scanLayout(entry, parts) });
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
const HYPERLINK = /<(?:\w+:)?hyperlink\b([^>]*)>/g;
const REF = /\bref="([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?"/;
const REL_ID = /\b(?:\w+:)?id="([^"]*)"/;
const HIDDEN_ROW = /<(?:\w+:)?row\b[^>]*?\bhidden="(?:1|true)"[^>]*>/g;
const HIDDEN_COLUMNS = /<(?:\w+:)?col\b[^>]*?\bhidden="(?:1|true)"[^>]*>/g;
const RELATIONSHIP = /<(?:\w+:)?Relationship\b([^>]*)>/g;

/** The merged ranges and links a sheet's part lists, read from its text without parsing its cells. */
async function scanLayout(
  entry: ZipEntry,
  parts: ReadonlyMap<string, ZipEntry>,
): Promise<SheetLayout> {
  const merged: MergedRange[] = [];
  const linked: (MergedRange & { id: string })[] = [];
  const hiddenRows: number[] = [];
  const hiddenColumns: number[] = [];
  for await (const whole of wholeTags(entry)) {
    for (const [tag] of whole.matchAll(HIDDEN_ROW)) {
      const row = /\br="(\d{1,7})"/.exec(tag)?.[1];
      if (row !== undefined) hiddenRows.push(Number(row));
    }
    for (const [tag] of whole.matchAll(HIDDEN_COLUMNS)) {
      const min = Number(/\bmin="(\d{1,5})"/.exec(tag)?.[1]);
      const max = Number(/\bmax="(\d{1,5})"/.exec(tag)?.[1]);
      // Excel numbers columns from 1; at most the 16,384 a sheet has.
      for (let c = min; c <= Math.min(max, 16_384); c++) hiddenColumns.push(c - 1);
    }
    for (const [, left, top, right, bottom] of whole.matchAll(MERGE_CELL)) {
      merged.push({
        top: Number(top),
        bottom: Number(bottom),
        left: columnIndex(left as string),
        right: columnIndex(right as string),
      });
    }
    for (const [, attributes] of whole.matchAll(HYPERLINK)) {
      const ref = REF.exec(attributes as string);
      const id = REL_ID.exec(attributes as string)?.[1];
      if (!ref || id === undefined) continue;
      const [, left, top, right = left, bottom = top] = ref;
      linked.push({
        top: Number(top),
        bottom: Number(bottom),
        left: columnIndex(left as string),
        right: columnIndex(right as string),
        id,
      });
    }
  }
  if (linked.length === 0) return { merged, links: [], hiddenRows, hiddenColumns };
  // A link's address is in the sheet's relationships (`xl/worksheets/_rels/sheet1.xml.rels`).
  const rels = parts.get(entry.name.replace(/([^/]+)$/, '_rels/$1.rels'));
  const targets = new Map<string, string>();
  if (rels) {
    for await (const whole of wholeTags(rels)) {
      for (const [, attributes] of whole.matchAll(RELATIONSHIP)) {
        const id = /\bId="([^"]*)"/.exec(attributes as string)?.[1];
        const target = /\bTarget="([^"]*)"/.exec(attributes as string)?.[1];
        if (
          id !== undefined &&
          target !== undefined &&
          /\bTargetMode="External"/.test(attributes as string)
        ) {
          targets.set(id, xmlText(target));
        }
      }
    }
  }
  const links: LinkRange[] = [];
  for (const { id, ...range } of linked) {
    const target = targets.get(id);
    if (target !== undefined) links.push({ ...range, target });
  }
  return { merged, links, hiddenRows, hiddenColumns };
}

/** A part's text in pieces that each end after a whole tag (a tag cut by a chunk's end waits for the next). */
async function* wholeTags(entry: ZipEntry): AsyncGenerator<string> {
  let carry = '';
  for await (const chunk of open(entry)) {
    const text = carry + (chunk as string);
    const cut = text.lastIndexOf('<');
    const whole = cut > text.lastIndexOf('>') ? text.slice(0, cut) : text;
    carry = text.slice(whole.length);
    yield whole;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** An attribute's text with XML's escapes read (`&amp;` is `&`). */
function xmlText(value: string): string {
  return value.replace(
    /&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g,
    (whole, name: string) => {
      if (!name.startsWith('#')) return ENTITIES[name] ?? whole;
      const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
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
