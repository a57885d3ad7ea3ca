/**
 * A workbook's archive checked before exceljs parses it: a small .xlsx can expand to gigabytes
 * (a zip bomb), and exceljs holds the shared strings, and each cell's text, whole in memory. The
 * central directory gives every entry's declared size; each entry is then inflated here, its
 * bytes counted (never kept) and its longest text run measured, so a bomb is refused with the
 * entry it is in, in bounded memory, before any of it is parsed.
 *
 * Hand-written over the zip format rather than through a zip library: the check needs only the
 * central directory and node's own inflater, where a reader (yauzl, unzipper) would add a second
 * archive parser beside exceljs's for the same few fields.
 */
import { createInflateRaw } from 'node:zlib';

/** The bounds a workbook is held to. */
export const XLSX_LIMITS = {
  /** The archive itself (it is read whole, to be checked before parsing). */
  archiveBytes: 256 * 1024 * 1024,
  /** The shared strings, which exceljs keeps whole while the sheets are read. */
  sharedStringsBytes: 256 * 1024 * 1024,
  /** Any other entry but a sheet (workbook, styles, relationships): small in every real file. */
  otherBytes: 64 * 1024 * 1024,
  /**
   * The longest text between two tags, in bytes: Excel holds at most 32,767 characters in a
   * cell, up to 4 bytes each in UTF-8 and more when escaped; a megabyte is far past any of them.
   */
  textRunBytes: 1024 * 1024,
} as const;

/** Why a workbook's archive is refused. */
export interface ZipProblem {
  /** `too_large`: an entry or the archive past its bound; `size_mismatch`: an entry inflating past its declared size; `text_too_long`: a cell's text past any Excel cell. */
  code: 'too_large' | 'size_mismatch' | 'text_too_long';
  /** The entry, e.g. `xl/sharedStrings.xml` (absent for the archive). */
  entry?: string;
  /** The bound passed, in bytes. */
  limit: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The limit of an entry by its name. */
function limitOf(name: string): number {
  if (/^xl\/sharedStrings\.xml$/i.test(name)) return XLSX_LIMITS.sharedStringsBytes;
  if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) return Number.POSITIVE_INFINITY;
  return XLSX_LIMITS.otherBytes;
}

/** Whether an entry holds cell text (a sheet or the shared strings). */
const holdsText = (name: string) => /^xl\/(sharedStrings|worksheets\/[^/]+)\.xml$/i.test(name);

/** One entry of an archive, as its central directory and local header give it. */
export interface ZipEntry {
  /** Its path in the archive, e.g. `xl/workbook.xml`. */
  name: string;
  /** How it is compressed: 0 stored, 8 deflated (any other is no workbook's). */
  method: number;
  /** The size it declares once inflated, in bytes. */
  declared: number;
  /** The size it declares compressed, in bytes. */
  compressed: number;
  /** Its compressed bytes, or undefined when its local header is not where the directory says. */
  data: Buffer | undefined;
}

/**
 * The entries of a zip archive in the order of its central directory, or undefined when it has
 * none (it is no zip archive). A damaged directory ends the list at the first record it cannot
 * read, with `complete` false.
 */
export function zipEntries(bytes: Buffer): { entries: ZipEntry[]; complete: boolean } | undefined {
  const end = findEnd(bytes);
  if (end === undefined) return undefined;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) {
      return { entries, complete: false };
    }
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const declared = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + skip;
    let data: Buffer | undefined;
    if (local + 30 <= bytes.length && bytes.readUInt32LE(local) === LOCAL) {
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      data = bytes.subarray(start, start + compressed);
    }
    entries.push({ name, method, declared, compressed, data });
  }
  return { entries, complete: true };
}

/**
 * Sets the modification time of every entry of an archive we wrote to one fixed moment (1 January
 * 2024, 00:00), in its local header and in the central directory, so that the same content gives
 * the same bytes whenever it is written (exceljs stamps each entry with the time of writing).
 * Changes `bytes` in place; an archive it cannot read through is left as it is.
 */
export function fixZipTimes(bytes: Buffer): Buffer {
  const end = findEnd(bytes);
  if (end === undefined) return bytes;
  // MS-DOS time and date: 00:00:00, and (2024 − 1980) << 9 | 1 << 5 | 1.
  const time = 0;
  const date = ((2024 - 1980) << 9) | (1 << 5) | 1;
  let at = bytes.readUInt32LE(end + 16);
  for (let i = bytes.readUInt16LE(end + 10); i > 0; i--) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) break;
    bytes.writeUInt16LE(time, at + 12);
    bytes.writeUInt16LE(date, at + 14);
    const local = bytes.readUInt32LE(at + 42);
    if (local + 30 <= bytes.length && bytes.readUInt32LE(local) === LOCAL) {
      bytes.writeUInt16LE(time, local + 10);
      bytes.writeUInt16LE(date, local + 12);
    }
    at +=
      46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return bytes;
}

/**
 * The first reason to refuse an archive, or undefined when it is within bounds (or is not a zip
 * archive at all: exceljs then says what it is not).
 */
export async function checkZip(bytes: Buffer): Promise<ZipProblem | undefined> {
  if (bytes.length > XLSX_LIMITS.archiveBytes) {
    return { code: 'too_large', limit: XLSX_LIMITS.archiveBytes };
  }
  for (const { name, method, declared, compressed, data } of zipEntries(bytes)?.entries ?? []) {
    const limit = limitOf(name);
    // 0xFFFFFFFF: a size only ZIP64 can give, past any workbook a region keeps.
    if (declared > limit || declared === 0xffffffff || compressed === 0xffffffff) {
      return { code: 'too_large', entry: name, limit: Math.min(limit, 0xffffffff) };
    }
    if (!data) continue;
    const problem =
      method === 8
        ? await inflated(data, name, declared)
        : method === 0
          ? scan(data, name, declared, data.length)
          : undefined;
    if (problem) return problem;
  }
  return undefined;
}

/** The end-of-central-directory record, searched from the end (after at most a 64 kB comment). */
function findEnd(bytes: Buffer): number | undefined {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) return i;
  }
  return undefined;
}

/** Checks stored bytes: their size against the declared one, and their longest text run. */
function scan(data: Buffer, name: string, declared: number, size: number): ZipProblem | undefined {
  if (size > declared) return { code: 'size_mismatch', entry: name, limit: declared };
  if (holdsText(name) && longestRun(data, 0) > XLSX_LIMITS.textRunBytes) {
    return { code: 'text_too_long', entry: name, limit: XLSX_LIMITS.textRunBytes };
  }
  return undefined;
}

/** The longest run of bytes without a `<` in a chunk, starting from a run of `carry` bytes. */
function longestRun(chunk: Buffer, carry: number): number {
  let longest = carry;
  let from = 0;
  let run = carry;
  for (let lt = chunk.indexOf(0x3c); lt >= 0; lt = chunk.indexOf(0x3c, from)) {
    longest = Math.max(longest, run + lt - from);
    run = 0;
    from = lt + 1;
  }
  return Math.max(longest, run + chunk.length - from);
}

/**
 * Inflates an entry without keeping it: its size held to what it declares, its longest text run
 * to {@link XLSX_LIMITS.textRunBytes}; stopped at the first byte past either.
 */
function inflated(data: Buffer, name: string, declared: number): Promise<ZipProblem | undefined> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    const text = holdsText(name);
    let size = 0;
    let run = 0;
    let done = false;
    const finish = (problem: ZipProblem | undefined) => {
      if (done) return;
      done = true;
      inflate.destroy();
      resolve(problem);
    };
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > declared) return finish({ code: 'size_mismatch', entry: name, limit: declared });
      if (!text) return;
      const longest = longestRun(chunk, run);
      if (longest > XLSX_LIMITS.textRunBytes) {
        return finish({ code: 'text_too_long', entry: name, limit: XLSX_LIMITS.textRunBytes });
      }
      const lt = chunk.lastIndexOf(0x3c);
      run = lt < 0 ? run + chunk.length : chunk.length - lt - 1;
    });
    // A damaged stream is exceljs's to report, as it does for any damaged workbook.
    inflate.on('error', () => finish(undefined));
    inflate.on('end', () => finish(undefined));
    inflate.end(data);
  });
}
