import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/errors.js';
import { columnLetter, mergedCells, mergedDownIssue } from '../../src/io/_xlsx-cells.js';
import { openRecords, type ReadRow } from '../../src/io/index.js';

/** A workbook of four innovations, row 3's year a formula saved without its value. */
async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.addRow(['id', 'nama', 'tahun', 'Catatan']);
  ws.addRow(['r1', 'Inovasi 1', 2024, 'a']);
  ws.addRow(['r2', 'Inovasi 2', { formula: 'C2+0' }, 'b']);
  ws.addRow(['r3', 'Inovasi 3', { formula: 'C2+0', result: 2024 }, { formula: 'A1' }]);
  ws.addRow(['r4', 'Inovasi 4', { error: '#N/A' }, 'd']);
  ws.addRow(['r5', 'Inovasi 5', 2024, 'e']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The workbook with its sheet's XML changed by `edit`, zipped as Excel zips it. */
async function tampered(edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await workbook());
  const path = 'xl/worksheets/sheet1.xml';
  zip.file(path, edit(await (zip.file(path) as JSZip.JSZipObject).async('string')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function read(bytes: Uint8Array): Promise<ReadRow[]> {
  const source = await openRecords(bytes, { format: 'xlsx', locale: 'en' });
  const out: ReadRow[] = [];
  for await (const row of source.rows) out.push(row);
  return out;
}

const summary = (rows: ReadRow[]) =>
  rows.map((r) =>
    r.record ? (r.record as { id?: string }).id : r.issues?.map((i) => `${i.code} ${i.message}`),
  );

describe('cells of a workbook read or refused', () => {
  it('reads a formula by its saved value and refuses one saved without, naming the cell', async () => {
    const rows = await read(await workbook());
    expect(summary(rows)).toStrictEqual([
      'r1',
      [
        'formula_without_value cell C3 (tahun) is a formula (=C2+0) saved without its value: open the file in Excel and save it again, or type the value',
      ],
      'r3',
      ['excel_error cell C5 (tahun) holds the Excel error #N/A: correct the cell'],
      'r5',
    ]);
    expect(rows[1]?.line).toBe(3);
    expect(rows[1]?.issues?.[0]?.path).toStrictEqual(['tahun']);
    expect(rows[2]?.record).toMatchObject({ tahun: 2024 });
  });

  it('refuses a shared-string number past the table, never reading it as empty', async () => {
    // Every text of the workbook is a shared string; B6 (row r5's name) points past them.
    const bytes = await tampered((xml) =>
      xml.replace(/(<c r="B6"[^>]*t="s"[^>]*><v>)\d+(<\/v>)/, '$19999$2'),
    );
    const rows = await read(bytes);
    expect(rows[4]?.issues?.[0]).toMatchObject({
      code: 'missing_shared_string',
      path: ['nama'],
      message: expect.stringContaining('cell B6 (nama) points at text number 9999'),
    });
  });

  it.each([
    ['a column past XFD', (xml: string) => xml.replace('r="B4"', 'r="ZZZZ4"')],
    ['a broken tag', (xml: string) => xml.replace('<row r="4"', '<row r="4" <<')],
  ])('refuses damaged sheet XML (%s) with a coded error', async (_, edit) => {
    const error = await read(await tampered(edit)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputFileError);
    expect((error as InputFileError).issues[0]).toMatchObject({
      code: 'invalid_xlsx',
      message: expect.stringContaining('its XML is damaged'),
    });
  });
});

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('%i is %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
  });
});

describe('mergedCells', () => {
  const block = (top: number, bottom: number, left: number, right = left) => ({
    top,
    bottom,
    left,
    right,
  });

  it('fills each block down from its first row, in any order of listing, never changing a row given', () => {
    // Listed bottom first; a block of one row (merged across) fills nothing down.
    const merged = mergedCells([block(5, 6, 1), block(2, 3, 1), block(4, 4, 0, 2)], 1);
    expect(merged.down).toStrictEqual([block(2, 3, 1), block(5, 6, 1)]);
    const row3 = ['b', undefined, 'x'];
    const lines = [
      ['a', 'Dinas A', 'x'],
      row3,
      ['bagian', undefined, undefined],
      ['c', 'Dinas C', 'x'],
      ['d', ' ', 'x'],
    ];
    const filled = lines.map((cells, i) => merged.fill(i + 2, cells));
    expect(filled.map((cells) => cells[1])).toStrictEqual([
      'Dinas A',
      'Dinas A',
      undefined,
      'Dinas C',
      'Dinas C',
    ]);
    expect(filled[1]).toStrictEqual(['b', 'Dinas A', 'x']);
    expect(row3).toStrictEqual(['b', undefined, 'x']);
    // A row nothing fills is given back as it came.
    expect(filled[2]).toBe(lines[2]);
  });

  it('keeps a cell of a block that has its own value, and fills nothing from an empty first cell', () => {
    const merged = mergedCells([block(2, 4, 0)], 1);
    expect(merged.fill(2, [undefined, 'a'])).toStrictEqual([undefined, 'a']);
    const third = ['', 'b'];
    expect(merged.fill(3, third)).toBe(third);
    const other = mergedCells([block(2, 4, 0)], 1);
    other.fill(2, ['Dinas A']);
    expect(other.fill(3, ['Dinas B'])).toStrictEqual(['Dinas B']);
  });

  it('fills nothing from a block whose first row was never read (no cells in the file)', () => {
    const merged = mergedCells([block(5, 7, 0)], 1);
    merged.fill(6, ['dari baris 6']);
    expect(merged.fill(7, [undefined])).toStrictEqual([undefined]);
  });

  it('fills nothing from a block that starts in the header', () => {
    const merged = mergedCells([block(1, 3, 0)], 1);
    expect(merged.down).toStrictEqual([]);
    merged.fill(1, ['No']);
    expect(merged.fill(2, [undefined])).toStrictEqual([undefined]);
  });

  it('tells a section heading: only the first cells of blocks merged across are filled', () => {
    const merged = mergedCells([block(3, 3, 0, 3), block(4, 4, 1, 2), block(5, 6, 2)], 2);
    expect(merged.heading(3, ['  I. BIDANG KESEHATAN ', ' ', undefined], 1)).toBe(
      'I. BIDANG KESEHATAN',
    );
    // The name merged across two columns, filled: an innovation.
    expect(merged.heading(4, [undefined, 'SI-CANTIK'], 1)).toBeUndefined();
    // Another cell filled beside the heading's.
    expect(merged.heading(3, ['I. BIDANG', 'x'], 3)).toBeUndefined();
    // A block merged down only, its first cell alone filled.
    expect(merged.heading(5, [undefined, undefined, 'Dinas A'], 1)).toBeUndefined();
    // No cell filled, or no block merged across in the row.
    expect(merged.heading(3, [undefined, ''], 1)).toBeUndefined();
    expect(merged.heading(7, ['I. BIDANG'], 1)).toBeUndefined();
  });

  it('names three blocks without an ellipsis, and the first three of more with their count', () => {
    const three = [block(2, 3, 0), block(4, 5, 0), block(6, 7, 27)];
    expect(mergedDownIssue(three, 'en')).toStrictEqual([
      {
        path: [],
        code: 'merged_down',
        message:
          'cells merged down a column are read as the same value in each of their rows: A2:A3, A4:A5, AB6:AB7',
      },
    ]);
    expect(mergedDownIssue([...three, block(8, 9, 0)], 'en')[0]?.message).toMatch(
      /: A2:A3, A4:A5, AB6:AB7, … \(4\)$/,
    );
    expect(mergedDownIssue([], 'en')).toStrictEqual([]);
  });
});
