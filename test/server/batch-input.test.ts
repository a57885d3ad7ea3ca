import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readRecords } from '../../src/io/index.js';
import { batchFormat } from '../../src/server/_batch-input.js';
import { createApp } from '../../src/server/index.js';

// A spreadsheet sent to the batch route as a PHP app sends an officer's upload: the file as the
// body, or as a file part of a multipart form.
const app = createApp();
const root = new URL('../../', import.meta.url).pathname;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function batch(path: string, body: string | Uint8Array | FormData, type?: string) {
  const response = await app.request(path, {
    method: 'POST',
    body,
    ...(type ? { headers: { 'content-type': type } } : {}),
  });
  const text = await response.text();
  const lines =
    response.status === 200
      ? text
          .trim()
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as Record<string, unknown>)
      : [];
  return {
    status: response.status,
    lines,
    json: response.status === 200 ? undefined : JSON.parse(text),
  };
}

/** A workbook laid out as an officer lays it out: a title, the table, a note, a hidden row. */
async function officerWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Rekap');
  ws.addRow(['REKAP INOVASI KOTA CONTOH 2025']);
  ws.addRow([]);
  ws.addRow(['No', 'Nama Inovasi', 'Perangkat Daerah', 'Tahun', 'Jumlah SDM']);
  ws.addRow([1, 'SIPANDU', 'Dinas Kesehatan', 2025, '12']);
  ws.addRow([2, 'Lapak Online', 'Diskominfo', 'dua ribu', '1.250']);
  ws.addRow([3, 'Sapa Warga', 'Kecamatan', 2025, '']);
  ws.addRow(['Keterangan: data sementara']);
  ws.getRow(6).hidden = true;
  const other = wb.addWorksheet('Lain');
  other.addRow(['Nama Inovasi']);
  other.addRow(['Di lembar kedua']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('batchFormat', () => {
  it.each([
    ['application/x-ndjson', 'ndjson'],
    ['text/csv; charset=utf-8', 'csv'],
    ['text/tab-separated-values', 'csv'],
    ['application/vnd.ms-excel', 'csv'],
    [XLSX, 'xlsx'],
    ['multipart/form-data; boundary=x', 'form'],
    ['application/json', undefined],
    ['application/x-www-form-urlencoded', undefined],
    ['', undefined],
  ])('%s is %s', (type, format) => {
    expect(batchFormat(type)).toBe(format);
  });
});

describe('POST /evaluate/batch with a spreadsheet', () => {
  it('reads a CSV body as the CLI reads the file: the same records, line by line', async () => {
    const csv = readFileSync(`${root}examples/batu-2024.csv`, 'utf8');
    const { status, lines } = await batch('/evaluate/batch?detail=summary', csv, 'text/csv');
    expect(status).toBe(200);
    const expected: { line?: number; nama?: string }[] = [];
    for await (const row of readRecords(`${root}examples/batu-2024.csv`)) {
      expected.push({ line: row.line, nama: (row.record as { nama: string }).nama });
    }
    expect(
      lines.map((l) => ({ line: l.line, nama: (l.evaluation as { nama: string }).nama })),
    ).toStrictEqual(expected);
    expect(lines.every((l) => l.ok === true)).toBe(true);
  });

  it('reads a workbook, sent as the body or as a form’s file, with what its reader says of each row', async () => {
    const bytes = await officerWorkbook();
    const form = new FormData();
    form.append('keterangan', 'unggahan operator');
    form.append('berkas', new File([bytes], 'Rekap Inovasi 2025.xlsx'));
    for (const sent of [
      await batch('/evaluate/batch?detail=summary&locale=en', bytes, XLSX),
      await batch('/evaluate/batch?detail=summary&locale=en', form),
    ]) {
      expect(sent.status).toBe(200);
      const codes = (l: Record<string, unknown>) =>
        ((l.warnings ?? []) as { code: string }[]).map((w) => w.code);
      expect(sent.lines.map((l) => [l.line, l.ok, l.skipped, codes(l)])).toStrictEqual([
        // What is said of the file (a sheet left unread, the title above the header) comes once,
        // with the first line.
        [4, true, undefined, ['other_sheets', 'header_below_title']],
        [5, false, undefined, []],
        [6, true, undefined, ['hidden_row']],
        [7, undefined, true, ['note_row']],
      ]);
      expect(sent.lines[1]?.error).toMatchObject({
        code: 'E_INVALID_RECORD',
        issues: [{ path: ['tahun'], code: 'invalid_number' }],
      });
    }
  });

  it('takes the sheet and the number format a sheet needs', async () => {
    const bytes = await officerWorkbook();
    const second = await batch('/evaluate/batch?detail=summary&sheet=Lain', bytes, XLSX);
    expect(second.lines.map((l) => (l.evaluation as { nama: string }).nama)).toStrictEqual([
      'Di lembar kedua',
    ]);
    const csv = 'nama,indikator.sdm.jumlah\nA,"1,250"\n';
    const en = await batch('/evaluate/batch?numberFormat=en', csv, 'text/csv');
    expect(en.lines[0]?.ok).toBe(true);
    const id = await batch(
      '/evaluate/batch?numberFormat=id',
      'nama,indikator.sdm.jumlah\nA,"1.250"\n',
      'text/csv',
    );
    expect(id.lines[0]?.ok).toBe(true);
    const sheetWithFormat = await batch(
      '/evaluate/batch?numberFormat=id&detail=summary',
      bytes,
      XLSX,
    );
    expect(sheetWithFormat.status).toBe(200);
    // A JSON array takes neither, and is read as before without them.
    expect(
      (await batch('/evaluate/batch', '[{"nama":"A"}]', 'application/json')).lines,
    ).toHaveLength(1);
    const unsure = await batch('/evaluate/batch', csv, 'text/csv');
    expect(unsure.lines[0]?.ok).toBe(false);
    // Never taken and dropped: a sheet of a body that is no workbook, a number format of typed numbers.
    const notXlsx = await batch('/evaluate/batch?sheet=Lain&locale=en', csv, 'text/csv');
    expect([notXlsx.status, notXlsx.json.issues]).toStrictEqual([
      400,
      [
        {
          path: ['sheet'],
          code: 'not_applicable',
          message: 'sheet is for an xlsx workbook; this body is none',
        },
      ],
    ]);
    const typed = await batch(
      '/evaluate/batch?numberFormat=id&sheet=x',
      '[{"nama":"A"}]',
      'application/json',
    );
    expect(typed.json.issues.map((i: { path: string[] }) => i.path[0])).toStrictEqual([
      'sheet',
      'numberFormat',
    ]);
    const ndjson = await batch(
      '/evaluate/batch?numberFormat=id&locale=en',
      '{"nama":"A"}\n',
      'application/x-ndjson',
    );
    expect(ndjson.json.issues).toStrictEqual([
      {
        path: ['numberFormat'],
        code: 'not_applicable',
        message:
          'numberFormat is for CSV or xlsx, whose numbers are texts; JSON and NDJSON numbers are typed already',
      },
    ]);
    const form = new FormData();
    form.append('file', new File([csv], 'rekap.csv'));
    expect((await batch('/evaluate/batch?sheet=Lain', form)).status).toBe(400);
    const unknown = await batch('/evaluate/batch?sheet=Tidak%20Ada', bytes, XLSX);
    expect([unknown.status, unknown.json.issues[0].code]).toStrictEqual([422, 'unknown_sheet']);
  });

  it('refuses a form without a file, a file that is no sheet, and bytes that are no workbook', async () => {
    const noFile = new FormData();
    noFile.append('nama', 'SIPANDU');
    const none = await batch('/evaluate/batch?locale=en', noFile);
    expect([none.status, none.json.code]).toStrictEqual([415, 'E_UNSUPPORTED_MEDIA_TYPE']);
    expect(none.json.detail).toContain('the form holds no file');
    const pdf = new FormData();
    pdf.append('file', new File(['%PDF-1.4'], 'rekap.pdf', { type: 'application/pdf' }));
    const refused = await batch('/evaluate/batch?locale=en', pdf);
    expect([refused.status, refused.json.detail]).toStrictEqual([
      415,
      'the file "rekap.pdf" is no .csv or .xlsx: save it as an Excel workbook (.xlsx) or as CSV',
    ]);
    expect(none.json.issues).toStrictEqual([]);
    const disguised = new FormData();
    disguised.append('file', new File(['%PDF-1.4'], 'rekap.xlsx.pdf', { type: 'application/pdf' }));
    expect((await batch('/evaluate/batch', disguised)).status).toBe(415);
    const notZip = await batch('/evaluate/batch?locale=en', 'bukan buku kerja', XLSX);
    expect([notZip.status, notZip.json.issues[0].code]).toStrictEqual([422, 'invalid_xlsx']);
    expect(notZip.json.issues[0].message).toMatch(/^body is not an Excel workbook/);
    const broken = await batch(
      '/evaluate/batch?locale=en',
      '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nnama\r\n',
      'multipart/form-data; boundary=y',
    );
    expect(broken.status).toBeGreaterThanOrEqual(400);
    expect(broken.status).toBeLessThan(500);
  });

  it('takes a form’s file by its type when its name has no extension', async () => {
    const form = new FormData();
    form.append('file', new File(['nama\nSIPANDU\n'], 'unggahan', { type: 'text/csv' }));
    const read = await batch('/evaluate/batch?detail=summary', form);
    expect(read.lines.map((l) => (l.evaluation as { nama: string }).nama)).toStrictEqual([
      'SIPANDU',
    ]);
  });

  it('answers a sheet with a header and no row with no line', async () => {
    const read = await batch('/evaluate/batch', 'nama,opd\n', 'text/csv');
    expect([read.status, read.lines]).toStrictEqual([200, []]);
    // What is said of such a file comes alone: here its column that matches no field.
    const said = await batch('/evaluate/batch?locale=en', 'nama,warna\n', 'text/csv');
    expect(said.lines.map((l) => Object.keys(l))).toStrictEqual([['warnings']]);
    expect(((said.lines[0]?.warnings ?? []) as { code: string }[]).map((w) => w.code)).toContain(
      'unknown_column',
    );
  });

  it('reads the columns of the questions the served rule sets ask', async () => {
    const surakarta = JSON.parse(
      readFileSync(`${root}examples/perwali-surakarta-contoh.json`, 'utf8'),
    );
    const csv = 'nama,Nama ketua tim inovasi\nSIPANDU,Sri Rahayu\n';
    const asked = await createApp({ ruleSets: [surakarta] }).request('/evaluate/batch?locale=en', {
      method: 'POST',
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    const line = JSON.parse((await asked.text()).trim()) as { warnings?: { code: string }[] };
    expect(line.warnings?.map((w) => w.code) ?? []).not.toContain('unknown_column');
    const plain = await batch('/evaluate/batch?locale=en', csv, 'text/csv');
    expect(((plain.lines[0]?.warnings ?? []) as { code: string }[]).map((w) => w.code)).toContain(
      'unknown_column',
    );
  });
});
