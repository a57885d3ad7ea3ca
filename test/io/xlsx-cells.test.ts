import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/errors.js';
import { columnLetter } from '../../src/io/_xlsx-cells.js';
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
