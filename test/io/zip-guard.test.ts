import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/errors.js';
import { checkZip, XLSX_LIMITS } from '../../src/io/_zip-guard.js';
import { readRecords } from '../../src/io/index.js';

/** A workbook of a header and the given rows, as exceljs writes it (deflated entries). */
async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Inovasi');
  ws.addRow(['Nama Inovasi', 'Pungutan Baru']);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The archive with one entry's declared uncompressed size changed, in both of its headers. */
function declare(archive: Buffer, entry: string, size: number): Buffer {
  const out = Buffer.from(archive);
  for (let at = out.indexOf('PK\x01\x02'); at >= 0; at = out.indexOf('PK\x01\x02', at + 4)) {
    const name = out.toString('utf8', at + 46, at + 46 + out.readUInt16LE(at + 28));
    if (name !== entry) continue;
    out.writeUInt32LE(size, at + 24);
    out.writeUInt32LE(size, out.readUInt32LE(at + 42) + 22);
    return out;
  }
  throw new Error(`no entry ${entry}`);
}

async function refusal(bytes: Buffer, locale: 'id' | 'en' = 'en') {
  try {
    for await (const _ of readRecords(new Uint8Array(bytes), { format: 'xlsx', locale })) void _;
  } catch (error) {
    return error as InputFileError;
  }
  return undefined;
}

describe('workbook archives checked before parsing', () => {
  it('lets a real workbook through, its rows read as before', async () => {
    const bytes = await workbook([['Si Cantik', 'Tidak']]);
    expect(await checkZip(bytes)).toBeUndefined();
    const rows = [];
    for await (const row of readRecords(new Uint8Array(bytes), { format: 'xlsx' })) rows.push(row);
    expect(rows.map((r) => (r.record as { nama?: string } | undefined)?.nama)).toEqual([
      'Si Cantik',
    ]);
  });

  it('refuses shared strings declared past their bound, before inflating them', async () => {
    const bytes = declare(
      await workbook([['Si Cantik', 'Tidak']]),
      'xl/sharedStrings.xml',
      XLSX_LIMITS.sharedStringsBytes + 1,
    );
    const error = await refusal(bytes);
    expect(error).toBeInstanceOf(InputFileError);
    expect(error?.issues[0]?.code).toBe('xlsx_too_large');
    expect(error?.issues[0]?.message).toContain('part xl/sharedStrings.xml');
    expect(error?.issues[0]?.message).toContain('268,435,456 bytes');
  });

  it('refuses an entry that inflates past the size it declares (a lying zip bomb)', async () => {
    const bytes = declare(await workbook([['Si Cantik', 'Tidak']]), 'xl/worksheets/sheet1.xml', 10);
    const error = await refusal(bytes, 'id');
    expect(error?.issues[0]?.code).toBe('xlsx_size_mismatch');
    expect(error?.issues[0]?.message).toContain('xl/worksheets/sheet1.xml');
    expect(error?.issues[0]?.message).toContain('zip bomb');
  });

  it('refuses a cell past any Excel cell, in the sheet or the shared strings', async () => {
    const long = 'A'.repeat(XLSX_LIMITS.textRunBytes + 1);
    const shared = await refusal(await workbook([[long, 'Tidak']]));
    expect(shared?.issues[0]?.code).toBe('xlsx_text_too_long');
    expect(shared?.issues[0]?.message).toContain('xl/sharedStrings.xml');
    // Just under the bound: read, and the record's own limits speak.
    const under = await workbook([['A'.repeat(XLSX_LIMITS.textRunBytes - 100), 'Tidak']]);
    expect(await checkZip(under)).toBeUndefined();
  });

  it('leaves an archive it cannot read to exceljs, which says what is wrong', async () => {
    expect(await checkZip(Buffer.from('not a zip at all'))).toBeUndefined();
    const error = await refusal(Buffer.from('PK\x03\x04 broken'));
    expect(error?.issues[0]?.code).toBe('invalid_xlsx');
  });
});
