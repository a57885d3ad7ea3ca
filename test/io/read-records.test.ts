import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputFileError, InvalidOptionError } from '../../src/errors.js';
import { createEngine, evaluate, type RuleSet } from '../../src/index.js';
import { innovationFields } from '../../src/io/_fields.js';
import {
  openRecords,
  questionsOf,
  type ReadOptions,
  type ReadRow,
  readRecords,
} from '../../src/io/index.js';

import { runs } from '../runs.js';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'inovasi-io-'));
let n = 0;
const file = (ext: string, content: string | Uint8Array) => {
  const path = join(dir, `f${n++}.${ext}`);
  writeFileSync(path, content);
  return path;
};
/** The rows read, their messages in English (the Indonesian ones are tested on their own). */
const rows = async (input: string | Uint8Array, options: ReadOptions = {}) => {
  const out: ReadRow[] = [];
  for await (const row of readRecords(input, { locale: 'en', ...options })) out.push(row);
  return out;
};
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('reading CSV with dotted field names', () => {
  it('builds nested records typed by the schema; urusan codes become ids', async () => {
    const [first, second] = await rows(`${fixtures}batu-2023.csv`);
    expect(first?.record).toStrictEqual({
      id: 'c-01',
      nama: 'Among Tani Crop',
      opd: 'Dinas Pertanian dan Ketahanan Pangan',
      unitKerja: 'Bidang Hortikultura',
      tahun: 2023,
      kebaruan: 'seluruh',
      manfaatBagi: ['capaian_kinerja', 'mutu_pelayanan'],
      untukKepentinganPribadi: false,
      pungutanBaru: false,
      membatasiAkses: false,
      urusan: ['pertanian', 'pangan'],
      dapatDireplikasi: true,
      prasyaratReplikasi: 'Penyuluh pertanian, jaringan seluler',
      indikator: {
        sdm: { jumlah: 24, bukti: [{ jenis: 'sk_tim' }] },
        anggaran: { tahun: [2023, 2022] },
        video: { substansi: 5, bukti: [{ jenis: 'video' }] },
      },
    });
    expect(first?.line).toBe(2);
    expect(second?.record).toMatchObject({ nama: 'Puskesmas "Ramah" Lansia' });
  });

  it('names a column it cannot map, once, with the first row, and never keeps it silently', async () => {
    const all = await rows(`${fixtures}batu-2023.csv`);
    expect(all[0]?.warnings).toStrictEqual([
      {
        path: ['line 1', 'column 20'],
        code: 'unknown_column',
        message: 'column "catatan" matches no field and is ignored (map it with --map)',
      },
    ]);
    expect(all.slice(1).every((r) => r.warnings === undefined)).toBe(true);
  });

  it('refuses a bad cell or a short row with its line and column, and goes on', async () => {
    const all = await rows(`${fixtures}batu-2023.csv`);
    expect(all).toHaveLength(7);
    expect(all[4]).toMatchObject({
      line: 6,
      issues: [{ path: ['indikator', 'sdm', 'jumlah'], code: 'invalid_number' }],
    });
    expect(all[4]?.issues?.[0]?.message).toBe(
      'column "indikator.sdm.jumlah": "banyak" is not a number',
    );
    expect(all[5]).toMatchObject({ index: 5, line: 7, issues: [{ code: 'invalid_csv' }] });
    expect(all[6]).toMatchObject({
      line: 8,
      issues: [{ path: ['urusan'], code: 'unknown_urusan' }],
    });
  });

  it('offers the urusan a name cut short or misspelt was meant to be, in either language', async () => {
    const csv = file(
      'csv',
      'nama,urusan\nA,Administrasi Kependudukan\nB,"Pendidikan, Kesehatn"\nC,Sihir\nD,Pemberdayaan\n',
    );
    const [cut, misspelt, unknown, shared] = await rows(csv);
    expect(cut?.issues?.[0]?.message).toBe(
      'column "urusan": "Administrasi Kependudukan" is not an urusan of UU 23/2014 (did you mean Administrasi Kependudukan dan Pencatatan Sipil (2.12)?); write its code (e.g. 1.03), id or name (e.g. Pekerjaan Umum dan Penataan Ruang)',
    );
    expect(misspelt?.issues?.[0]?.message).toContain(
      '"Kesehatn" is not an urusan of UU 23/2014 (did you mean Kesehatan (1.02)?)',
    );
    expect(unknown?.issues?.[0]?.message).toContain(
      '"Sihir" is not an urusan of UU 23/2014; write',
    );
    expect(shared?.issues?.[0]?.message).toContain(
      '(did you mean Pemberdayaan Perempuan dan Pelindungan Anak (2.08) or Pemberdayaan Masyarakat dan Desa (2.13)?)',
    );
    const [inIndonesian, , , sharedId] = await rows(csv, { locale: 'id' });
    expect(inIndonesian?.issues?.[0]?.message).toContain(
      '(maksudnya Administrasi Kependudukan dan Pencatatan Sipil (2.12)?)',
    );
    expect(sharedId?.issues?.[0]?.message).toContain(
      '(maksudnya Pemberdayaan Perempuan dan Pelindungan Anak (2.08) atau Pemberdayaan Masyarakat dan Desa (2.13)?)',
    );
  });
});

describe('reading CSV as Excel saves it in Indonesia', () => {
  const excelCsv =
    '\uFEFFNama Inovasi;Perangkat Daerah;Kebaruan;Urusan Pemerintahan;Tahapan Inovasi;Waktu Uji Coba;Waktu Penerapan;Dapat Direplikasi?;Manfaat Bagi;Regulasi Inovasi Daerah;Ketersediaan SDM\r\n' +
    'Si Cantik;Dinas Kependudukan dan Pencatatan Sipil;Sebagian;Administrasi Kependudukan dan Pencatatan Sipil;UJI COBA;3/5/2022;10 Januari 2023;Ya;Mutu Pelayanan, Capaian Kinerja;Perwali;1.250\r\n' +
    'Jalan Mulus;Dinas PUPR;tidak;Pekerjaan Umum;Penerapan;2020;10-01-2021;tidak;Efisiensi Belanja;Peraturan Daerah;12\r\n';

  it('detects ";", drops the BOM, reads CRLF, human headers and labels, Indonesian dates and numbers', async () => {
    const [a, b] = await rows(file('csv', excelCsv));
    expect(a?.record).toStrictEqual({
      nama: 'Si Cantik',
      opd: 'Dinas Kependudukan dan Pencatatan Sipil',
      kebaruan: 'sebagian',
      urusan: ['administrasi_kependudukan_dan_pencatatan_sipil'],
      tahapan: 'uji_coba',
      waktuUjiCoba: '2022-05-03',
      waktuPenerapan: '2023-01-10',
      dapatDireplikasi: true,
      manfaatBagi: ['mutu_pelayanan', 'capaian_kinerja'],
      indikator: { regulasi: { jenis: 'perkada' }, sdm: { jumlah: 1250 } },
    });
    expect(b?.record).toMatchObject({
      kebaruan: 'tidak',
      urusan: ['pekerjaan_umum_dan_penataan_ruang'],
      tahapan: 'penerapan',
      waktuUjiCoba: '2020-01-01',
      waktuPenerapan: '2021-01-10',
      dapatDireplikasi: false,
      manfaatBagi: ['penghematan_belanja'],
      indikator: { regulasi: { jenis: 'perda' }, sdm: { jumlah: 12 } },
    });
    expect(b?.warnings).toStrictEqual([
      {
        path: ['waktuUjiCoba'],
        code: 'read_as',
        message: 'column "Waktu Uji Coba": the year 2020 alone is read as 2020-01-01',
      },
    ]);
  });

  it.each([
    [',', 'nama,Kebaruan,URUSAN\nA,Tidak,Agama\n'],
    ['\t', 'nama\tKebaruan\tURUSAN\nA\tTidak\tAgama\n'],
    [';', 'nama;Kebaruan;URUSAN\r\nA;Tidak;Agama\r\n'],
  ])('reads capitalised headers with the delimiter %j', async (_, text) => {
    const [row] = await rows(file('csv', text));
    expect(row?.record).toStrictEqual({ nama: 'A', kebaruan: 'tidak', urusan: ['agama'] });
  });

  it('lists the accepted values of a value it cannot read, and refuses an option that names two levels', async () => {
    const [row] = await rows(
      file(
        'csv',
        'nama;tahapan;Regulasi\nA;Penerapan Awal;Peraturan Kepala Daerah/Peraturan Daerah\n',
      ),
    );
    expect(row?.record).toBeUndefined();
    expect(row?.issues).toStrictEqual([
      {
        path: ['tahapan'],
        code: 'invalid_value',
        message:
          'column "tahapan": "Penerapan Awal" is not an accepted value; use one of: inisiatif ("inisiatif"), uji_coba ("uji coba"), penerapan ("penerapan")',
      },
      {
        path: ['indikator', 'regulasi', 'jenis'],
        code: 'ambiguous_value',
        message:
          'column "Regulasi": "Peraturan Kepala Daerah/Peraturan Daerah" can be perkada or perda; write the one the document is',
      },
    ]);
  });

  it.each([
    ['31/02/2023', 'invalid_date'],
    ['2023', 'invalid_date'],
    ['10 Brumaire 2023', 'invalid_date'],
  ])('refuses the evidence date %s', async (cell, code) => {
    const [row] = await rows(file('csv', `nama,indikator.sdm.bukti.tanggal\nA,${cell}\n`));
    expect(row?.issues?.[0]?.code).toBe(code);
  });

  it('reads one evidence document part by part, number and subject included', async () => {
    const [row] = await rows(
      file(
        'csv',
        'nama;indikator.regulasi.jenis;indikator.regulasi.bukti;indikator.regulasi.bukti.nomor;indikator.regulasi.bukti.tanggal;indikator.regulasi.bukti.tentang\n' +
          'A;perda;perda;12 Tahun 2022;5 Desember 2022;Inovasi Daerah\n',
      ),
    );
    expect(row?.record).toStrictEqual({
      nama: 'A',
      indikator: {
        regulasi: {
          jenis: 'perda',
          bukti: [
            {
              jenis: 'perda',
              nomor: '12 Tahun 2022',
              tanggal: '2022-12-05',
              tentang: 'Inovasi Daerah',
            },
          ],
        },
      },
    });
  });

  it('suggests the closest names for a misspelt header, and refuses it with strict', async () => {
    const path = file('csv', 'nama,kebaruaan\nA,tidak\n');
    const source = await openRecords(path, { locale: 'en' });
    expect(source.warnings[0]?.message).toBe(
      'column "kebaruaan" matches no field and is ignored; did you mean "kebaruan"? (map it with --map)',
    );
    const error = await failure(openRecords(path, { strict: true, locale: 'en' }));
    expect(error).toBeInstanceOf(InputFileError);
    expect((error as InputFileError).issues[0]?.code).toBe('unknown_column');
  });

  it('maps a region’s own headers, and ignores a column mapped to null without a warning', async () => {
    const path = file('csv', 'Judul Kegiatan,Catatan Internal,Pembaruan?\nA,x,Tidak\n');
    const source = await openRecords(path, {
      map: { 'Judul Kegiatan': 'nama', 'Catatan Internal': null, 'Pembaruan?': 'kebaruan' },
    });
    expect(source.warnings).toStrictEqual([]);
    for await (const row of source.rows)
      expect(row.record).toStrictEqual({ nama: 'A', kebaruan: 'tidak' });
  });

  it('reads a units file whose header is OPD', async () => {
    const all = await rows(file('csv', 'OPD;Unit Kerja\r\nDinas Sosial;Bidang Rehsos\r\n'), {
      fields: 'unit',
    });
    expect(all.map((r) => r.record)).toStrictEqual([
      { opd: 'Dinas Sosial', unitKerja: 'Bidang Rehsos' },
    ]);
  });

  it('says where an unclosed quote starts and how many lines it swallowed', async () => {
    const all = await rows(file('csv', 'nama;opd\nA;B\n"C;D\nE;F\nG;H\n'));
    expect(all.map((r) => r.record ?? r.issues?.[0]?.code)).toStrictEqual([
      { nama: 'A', opd: 'B' },
      'unclosed_quote',
    ]);
    expect(all[1]?.line).toBe(3);
    expect(all[1]?.issues?.[0]?.message).toMatch(/opens on line 3 .* the 2 lines after it/);
  });

  it('refuses text that is not UTF-8, naming the line, and reads it as windows-1252 when told', async () => {
    const latin1 = Buffer.from('nama;opd\nA;B\nCaf\xe9;Dinas\n', 'latin1');
    const error = await failure(rows(latin1, { format: 'csv' }));
    expect(error).toBeInstanceOf(InputFileError);
    expect((error as InputFileError).issues[0]).toMatchObject({
      path: ['line 3'],
      code: 'invalid_encoding',
    });
    const read = await rows(latin1, { format: 'csv', encoding: 'windows-1252' });
    expect(read[1]?.record).toStrictEqual({ nama: 'Café', opd: 'Dinas' });
  });

  it('says a header with no known column is not a header', async () => {
    const error = await failure(rows(file('csv', 'a;b\n1;2\n')));
    expect((error as InputFileError).issues[0]?.code).toBe('no_known_column');
  });
});

describe('reading JSON and NDJSON', () => {
  it('reads one record per line, skips blank lines and reports a broken line by number', async () => {
    const all = await rows(`${fixtures}batu-2022.ndjson`);
    expect(all.map((r) => [r.index, r.line, r.issues ? 'bad' : 'ok'])).toStrictEqual([
      [0, 1, 'ok'],
      [1, 2, 'ok'],
      [2, 4, 'bad'],
      [3, 5, 'ok'],
    ]);
  });

  it('accepts a BOM and CRLF in JSON and NDJSON', async () => {
    expect((await rows(file('json', '\uFEFF{"nama":"A"}\r\n')))[0]?.record).toStrictEqual({
      nama: 'A',
    });
    const nd = await rows(file('ndjson', '\uFEFF{"nama":"A"}\r\n{"nama":"B"}\r\n'));
    expect(nd.map((r) => r.record)).toStrictEqual([{ nama: 'A' }, { nama: 'B' }]);
  });

  it('says whether a JSON file held one record or a list', async () => {
    expect((await openRecords(file('json', '{"nama":"A"}'))).single).toBe(true);
    expect((await openRecords(file('json', '[{"nama":"A"}]'))).single).toBe(false);
  });
});

describe('file problems', () => {
  it.each([
    ['a missing file', join(dir, 'nope.csv'), 'enoent'],
    ['a folder', dir, 'eisdir'],
  ])('refuses %s with one line naming it', async (_, path, code) => {
    const error = await failure(rows(path, { format: 'csv' }));
    expect(error).toBeInstanceOf(InputFileError);
    expect((error as InputFileError).issues).toHaveLength(1);
    expect((error as InputFileError).issues[0]?.code).toBe(code);
  });

  it.each(['csv', 'json'])('refuses an empty .%s file', async (ext) => {
    const error = await failure(rows(file(ext, '')));
    expect((error as InputFileError).issues[0]?.code).toBe('empty_file');
  });

  it('needs a format for bytes, and checks its options', async () => {
    expect(await failure(rows(new Uint8Array()))).toBeInstanceOf(InputFileError);
    const bad = await failure(
      rows('x.csv', { delimiter: '|' as ',', encoding: 'ascii' as 'utf-8' }),
    );
    expect(bad).toBeInstanceOf(InvalidOptionError);
    expect((bad as InvalidOptionError).issues.map((i) => i.path[0])).toStrictEqual([
      'delimiter',
      'encoding',
    ]);
  });
});

describe('reading Excel workbooks', () => {
  async function workbook(sheets: Record<string, unknown[][]>): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    for (const [name, data] of Object.entries(sheets)) {
      const ws = wb.addWorksheet(name);
      for (const row of data) ws.addRow(row);
    }
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('reads the first sheet: dates, day serials, numbers, rich text and formulas', async () => {
    const bytes = await workbook({
      'Inovasi 2023': [
        ['Nama Inovasi', 'Waktu Uji Coba', 'Waktu Penerapan', 'Ketersediaan SDM', 'Pungutan Baru'],
        [
          { richText: [{ text: 'Si ' }, { text: 'Cantik' }] },
          new Date(Date.UTC(2022, 4, 3)),
          44936,
          { formula: '10+2', result: 12 },
          'Tidak',
        ],
        [],
        ['Kedua', '3/5/2022', 2021, 7, true],
      ],
      Lain: [['nama'], ['X']],
    });
    const all = await rows(bytes, { format: 'xlsx' });
    expect(all.map((r) => [r.line, r.record])).toStrictEqual([
      [
        2,
        {
          nama: 'Si Cantik',
          waktuUjiCoba: '2022-05-03',
          waktuPenerapan: '2023-01-10',
          indikator: { sdm: { jumlah: 12 } },
          pungutanBaru: false,
        },
      ],
      [
        4,
        {
          nama: 'Kedua',
          waktuUjiCoba: '2022-05-03',
          waktuPenerapan: '2021-01-01',
          indikator: { sdm: { jumlah: 7 } },
          pungutanBaru: true,
        },
      ],
    ]);
  });

  it('reads a sheet by name, and lists the sheets when the name is wrong', async () => {
    const bytes = await workbook({ Ringkasan: [['x']], Data: [['nama'], ['B']] });
    expect((await rows(bytes, { format: 'xlsx', sheet: 'Data' }))[0]?.record).toStrictEqual({
      nama: 'B',
    });
    const error = await failure(rows(bytes, { format: 'xlsx', sheet: 'Data 2023' }));
    expect((error as InputFileError).issues[0]?.message).toBe(
      'input has no sheet "Data 2023"; its sheets: Ringkasan, Data',
    );
  });

  it('refuses a file that is not a workbook', async () => {
    const error = await failure(rows(file('xlsx', 'nama\nA\n')));
    expect(error).toBeInstanceOf(InputFileError);
    expect((error as InputFileError).issues[0]?.code).toBe('invalid_xlsx');
  });
});

describe('indicators named alone', () => {
  it('reads a column named by an indicator id as its one value', async () => {
    const [row] = await rows(
      file('csv', 'nama;SDM;Bimtek;alatKerja;kemanfaatan\nA;12;2;Online;x\n'),
    );
    expect(row?.record).toStrictEqual({
      nama: 'A',
      indikator: { sdm: { jumlah: 12 }, bimtek: { jumlah: 2 }, alatKerja: { jenis: 'daring' } },
    });
    // kemanfaatan has two values (basis and nilai): its name alone maps to neither.
    expect(row?.warnings?.[0]?.message).toMatch(/^column "kemanfaatan" matches no field/);
  });
});

describe('a title above the table', () => {
  it('finds the header below a title row in CSV and says so', async () => {
    const all = await rows(
      file(
        'csv',
        'DAFTAR INOVASI KOTA BATU 2024;;\r\n;;\r\nNama Inovasi;Perangkat Daerah;Kebaruan\r\nA;Dinas X;Baru\r\n',
      ),
    );
    expect(all.map((r) => [r.line, r.record])).toStrictEqual([
      [4, { nama: 'A', opd: 'Dinas X', kebaruan: 'seluruh' }],
    ]);
    expect(all[0]?.warnings?.[0]).toMatchObject({ code: 'header_below_title', path: ['line 3'] });
  });

  it('finds it in a workbook too', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['Rekap Inovasi Daerah']);
    ws.addRow([]);
    ws.addRow(['No', 'Nama Inovasi', 'Tahapan']);
    ws.addRow([1, 'B', 'Uji Coba']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const all = await rows(bytes, { format: 'xlsx' });
    expect(all.map((r) => [r.line, r.record])).toStrictEqual([
      [4, { id: '1', nama: 'B', tahapan: 'uji_coba' }],
    ]);
  });
});

describe('a workbook laid out as a Bappeda officer lays it out', () => {
  it('reads the innovations between the title and the totals, and leaves out the sign-off', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Rekap Inovasi 2025');
    ws.mergeCells('A1:D1');
    ws.getCell('A1').value = 'REKAPITULASI INOVASI DAERAH KABUPATEN CONTOH TAHUN 2025';
    ws.addRow([]);
    ws.addRow(['No', 'Nama Inovasi', 'Perangkat Daerah', 'Anggaran']);
    ws.addRow([1, 'SIPANDU', 'Dinas Kesehatan', 150000000]);
    ws.addRow([2, 'Lapak Online', 'Diskominfo', 300000000]);
    ws.addRow(['', 'JUMLAH', '', 450000000]);
    ws.addRow([]);
    ws.addRow(['', '', 'Kabupaten Contoh, 15 Desember 2025']);
    ws.addRow(['', '', 'Kepala Bappeda,']);
    ws.addRow([]);
    ws.addRow(['', '', 'Ir. Budi Santoso, M.T.']);
    ws.addRow(['', '', 'Pembina Utama Muda']);
    ws.addRow(['', '', 'NIP. 19691231 199403 1 010']);
    const all = await rows(new Uint8Array(await wb.xlsx.writeBuffer()), { format: 'xlsx' });
    expect(all.filter((r) => !r.skipped).map((r) => r.record)).toStrictEqual([
      { id: '1', nama: 'SIPANDU', opd: 'Dinas Kesehatan' },
      { id: '2', nama: 'Lapak Online', opd: 'Diskominfo' },
    ]);
    expect(all.filter((r) => r.skipped).map((r) => [r.line, r.warnings?.[0]?.code])).toStrictEqual([
      [6, 'totals_row'],
      [8, 'sign_off_row'],
      [9, 'sign_off_row'],
      [11, 'sign_off_row'],
      [12, 'sign_off_row'],
      [13, 'sign_off_row'],
    ]);
  });
});

describe('headers as officers write them in their own sheets', () => {
  it('reads the name, agency and dates under their everyday and abbreviated headers', async () => {
    const csv =
      'No;Nama Inovasi Daerah;Perangkat Daerah Pengampu;Tgl. Uji Coba;Tanggal Mulai Diterapkan\n' +
      '1;SIPANDU;Dinas Kesehatan;2023-01-10;2023-06-01\n';
    const [row] = await rows(file('csv', csv));
    expect(row?.warnings).toBeUndefined();
    expect(row?.record).toStrictEqual({
      id: '1',
      nama: 'SIPANDU',
      opd: 'Dinas Kesehatan',
      waktuUjiCoba: '2023-01-10',
      waktuPenerapan: '2023-06-01',
    });
    const [other] = await rows(
      file(
        'csv',
        'Inovasi,Perangkat Daerah Pelaksana,Tgl Penerapan\nLapak Online,Diskominfo,2024-02-01\n',
      ),
    );
    expect(other?.record).toStrictEqual({
      nama: 'Lapak Online',
      opd: 'Diskominfo',
      waktuPenerapan: '2024-02-01',
    });
  });
});

describe('what an officer hides or notes in a workbook', () => {
  const field = (row: ReadRow | undefined, name: string) =>
    (row?.record as Record<string, unknown> | undefined)?.[name];
  const workbook = async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Rekap');
    ws.addRow(['No', 'Nama Inovasi', 'Perangkat Daerah', 'Urusan', 'Catatan Internal']);
    ws.addRow([1, 'SIPANDU', 'Dinas Kesehatan', 'Kesehatan', 'cek ulang']);
    ws.addRow([2, 'Lapor Pak Camat', 'Kecamatan Batu', 'Pemerintahan Umum', '']);
    ws.addRow([3, 'Lapak Online', 'Diskominfo', 'Kominfo', '']);
    ws.addRow([]);
    ws.addRow(['', 'Keterangan : data per 30 November 2025']);
    ws.addRow(['*) angka sementara']);
    ws.getRow(3).hidden = true;
    ws.getColumn(3).hidden = true;
    return new Uint8Array(await wb.xlsx.writeBuffer());
  };

  it('reads a hidden row and a hidden column as any other, and says so of each', async () => {
    const all = await rows(await workbook(), { format: 'xlsx' });
    const read = all.filter((r) => !r.skipped);
    const hidden = (r: ReadRow) => r.warnings?.some((w) => w.code === 'hidden_row') ?? false;
    expect(read.map((r) => [r.line, field(r, 'opd'), hidden(r)])).toStrictEqual([
      [2, 'Dinas Kesehatan', false],
      [3, 'Kecamatan Batu', true],
      [4, 'Diskominfo', false],
    ]);
    expect(read[1]?.warnings?.[0]?.message).toBe(
      'this row is hidden in Excel (hidden or filtered out) but is read all the same: delete the row if this innovation is not submitted',
    );
    const { warnings } = await openRecords(await workbook(), { format: 'xlsx', locale: 'en' });
    expect(warnings.filter((w) => w.code === 'hidden_columns').map((w) => w.message)).toStrictEqual(
      ['the columns "Perangkat Daerah" are hidden in Excel but are read all the same'],
    );
  });

  it('leaves out the notes under the table, naming each', async () => {
    const all = await rows(await workbook(), { format: 'xlsx' });
    expect(
      all.filter((r) => r.skipped).map((r) => [r.line, r.warnings?.[0]?.message]),
    ).toStrictEqual([
      [
        6,
        'line 6 is a note under the table ("Keterangan : data per 30 November 2025"), not an innovation: left out',
      ],
      [7, 'line 7 is a note under the table ("*) angka sementara"), not an innovation: left out'],
    ]);
    // In a CSV too; a name that only begins with such a word is a name, and so is a row that
    // fills more than the one cell.
    const csv = await rows(
      file(
        'csv',
        'nama,opd\nCatatan Sipil Keliling,Dukcapil\nSumber: Air Bersih,Dinas PU\n Sumber : Bappeda ,\n',
      ),
    );
    expect(csv.map((r) => [field(r, 'nama'), r.warnings?.[0]?.code])).toStrictEqual([
      ['Catatan Sipil Keliling', undefined],
      ['Sumber: Air Bersih', undefined],
      [undefined, 'note_row'],
    ]);
    expect(csv[2]?.warnings).toStrictEqual([
      {
        path: [],
        code: 'note_row',
        message:
          'line 4 is a note under the table ("Sumber : Bappeda"), not an innovation: left out',
      },
    ]);
  });

  it('finds hidden rows and columns past the ninth', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Rekap');
    const header = [
      'No',
      'Nama Inovasi',
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
      'Perangkat Daerah',
    ];
    ws.addRow(header);
    for (let i = 1; i <= 12; i++) ws.addRow([i, `Inovasi ${i}`, ...Array(8).fill(''), 'Dinas']);
    ws.getRow(11).hidden = true;
    ws.getColumn(11).hidden = true;
    const source = await openRecords(new Uint8Array(await wb.xlsx.writeBuffer()), {
      format: 'xlsx',
      locale: 'en',
    });
    const read: ReadRow[] = [];
    for await (const row of source.rows) read.push(row);
    expect(
      read.filter((r) => r.warnings?.some((w) => w.code === 'hidden_row')).map((r) => r.line),
    ).toStrictEqual([11]);
    expect(source.warnings.find((w) => w.code === 'hidden_columns')?.message).toBe(
      'the columns "Perangkat Daerah" are hidden in Excel but are read all the same',
    );
  });

  it('reads "Pemerintahan Umum" as the general affair a kecamatan files under', async () => {
    const all = await rows(await workbook(), { format: 'xlsx' });
    expect(
      field(
        all.find((r) => r.line === 3),
        'urusan',
      ),
    ).toStrictEqual(['kesatuan_bangsa_dan_politik']);
  });
});

describe('a sign-off merged across the table', () => {
  it('is named as a sign-off, not as a section heading', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Rekap');
    ws.addRow(['No', 'Nama Inovasi', 'Perangkat Daerah', 'Tahun', 'Urusan']);
    ws.addRow([1, 'SIPANDU', 'Dinas Kesehatan', 2025, 'Kesehatan']);
    const lines = {
      4: 'Kabupaten Contoh, 15 Desember 2025',
      5: 'KEPALA BAPPEDA KABUPATEN CONTOH,',
      8: 'Ir. BUDI SANTOSO, M.T.',
      9: 'NIP. 19691231 199403 1 010',
    };
    for (const [line, text] of Object.entries(lines)) {
      ws.getCell(`C${line}`).value = text;
      ws.mergeCells(`C${line}:E${line}`);
    }
    const all = await rows(new Uint8Array(await wb.xlsx.writeBuffer()), { format: 'xlsx' });
    expect(all.map((r) => [r.line, r.warnings?.[0]?.code ?? 'record'])).toStrictEqual([
      [2, 'record'],
      [4, 'sign_off_row'],
      [5, 'sign_off_row'],
      [8, 'sign_off_row'],
      [9, 'sign_off_row'],
    ]);
  });
});

describe('a header of two rows, and empty header cells', () => {
  /** A sheet as a Bappeda officer lays it out: a title, then "Waktu" merged over two columns. */
  async function twoRowSheet(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Rekap');
    ws.mergeCells('A1:E1');
    ws.getCell('A1').value = 'DAFTAR INOVASI DAERAH KABUPATEN CONTOH 2024';
    ws.getCell('A3').value = 'No';
    ws.mergeCells('A3:A4');
    ws.getCell('B3').value = 'Nama Inovasi';
    ws.mergeCells('B3:B4');
    ws.getCell('C3').value = 'Waktu';
    ws.mergeCells('C3:D3');
    ws.getCell('C4').value = 'Uji Coba';
    ws.getCell('D4').value = 'Penerapan';
    ws.getCell('E3').value = 'Perangkat Daerah';
    ws.mergeCells('E3:E4');
    ws.addRow([1, 'SI-CANTIK', '01/03/2022', '10/01/2023', 'Dinas Kesehatan']);
    ws.addRow([2, 'Lapor Cepat', '01/06/2023', '', 'Diskominfo']);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('reads a merged header over a second row as one header, and says so', async () => {
    const all = await rows(await twoRowSheet(), { format: 'xlsx' });
    expect(all.map((r) => [r.line, r.record])).toStrictEqual([
      [
        5,
        {
          id: '1',
          nama: 'SI-CANTIK',
          waktuUjiCoba: '2022-03-01',
          waktuPenerapan: '2023-01-10',
          opd: 'Dinas Kesehatan',
        },
      ],
      [6, { id: '2', nama: 'Lapor Cepat', waktuUjiCoba: '2023-06-01', opd: 'Diskominfo' }],
    ]);
    expect(all[0]?.warnings?.map((w) => [w.code, w.path, w.message])).toStrictEqual([
      ['header_below_title', ['line 3'], expect.any(String)],
      [
        'two_row_header',
        ['line 4'],
        'the header spans lines 3 and 4; the two are read together (e.g. "Waktu Uji Coba")',
      ],
    ]);
  });

  it('reads the same layout saved as CSV', async () => {
    const all = await rows(
      file(
        'csv',
        'No;Nama Inovasi;Waktu;;Perangkat Daerah\n;;Uji Coba;Penerapan;\n1;A;01/03/2022;10/01/2023;Dinas X\n',
      ),
    );
    expect(all.map((r) => [r.line, r.record])).toStrictEqual([
      [
        3,
        {
          id: '1',
          nama: 'A',
          waktuUjiCoba: '2022-03-01',
          waktuPenerapan: '2023-01-10',
          opd: 'Dinas X',
        },
      ],
    ]);
  });

  it('reads the row under the header as data when it fills a named column', async () => {
    // "Tahapan" under the unnamed "Keterangan" would join as a header, but "B" fills Nama Inovasi.
    const all = await rows(file('csv', 'Nama Inovasi;Keterangan\nB;Tahapan\n'));
    expect(all.map((r) => r.record)).toStrictEqual([{ nama: 'B' }]);
    expect(all[0]?.warnings?.map((w) => w.code)).not.toContain('two_row_header');
  });

  it("takes a second row's text alone where joined it names nothing, and joined where neither does", async () => {
    const source = await openRecords(
      file('csv', 'Nama Inovasi;Keterangan;Waktu\n;Tahapan;Lainnya\nA;Uji Coba;x\n'),
      { locale: 'en' },
    );
    expect(source.columns).toStrictEqual([
      { header: 'Nama Inovasi', field: 'nama' },
      { header: 'Tahapan', field: 'tahapan' },
      { header: 'Waktu Lainnya', field: null },
    ]);
  });

  it('reads the row under the header as data when joined it names no more fields', async () => {
    const all = await rows(file('csv', 'Nama Inovasi;Catatan\n;lihat lampiran\nB;x\n'));
    expect(all.map((r) => [r.line, r.record])).toStrictEqual([
      [2, {}],
      [3, { nama: 'B' }],
    ]);
  });

  it('says how many title rows were skipped above the header', async () => {
    const [row] = await rows(
      file('csv', 'DAFTAR INOVASI\nKOTA BATU 2024\nNama Inovasi;Tahun\nA;2024\n'),
    );
    expect(row?.warnings?.[0]?.message).toBe(
      'the header is on line 3; the 2 rows above it were read as a title and skipped',
    );
  });

  it('leaves out a two-row header repeated on a later page, merged or not', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Rekap');
    const header = (r: number) => {
      ws.getRow(r).values = ['No', 'Nama Inovasi', 'Waktu', null, 'Perangkat Daerah'];
      ws.getRow(r + 1).values = [null, null, 'Uji Coba', 'Penerapan', null];
      for (const block of [`A${r}:A${r + 1}`, `B${r}:B${r + 1}`, `C${r}:D${r}`, `E${r}:E${r + 1}`])
        ws.mergeCells(block);
    };
    header(1);
    ws.getRow(3).values = [1, 'SI-CANTIK', '01/03/2022', '10/01/2023', 'Dinas Kesehatan'];
    header(4);
    ws.getRow(6).values = [2, 'Lapor Cepat', '01/06/2023', null, 'Diskominfo'];
    const xlsx = await rows(new Uint8Array(await wb.xlsx.writeBuffer()), { format: 'xlsx' });
    const csv = await rows(
      file(
        'csv',
        'No;Nama Inovasi;Waktu;;Perangkat Daerah\n;;Uji Coba;Penerapan;\n1;SI-CANTIK;01/03/2022;10/01/2023;Dinas Kesehatan\nNo;Nama Inovasi;Waktu;;Perangkat Daerah\n;;Uji Coba;Penerapan;\n2;Lapor Cepat;01/06/2023;;Diskominfo\n',
      ),
    );
    for (const all of [xlsx, csv]) {
      expect(all.map((r) => [r.line, r.skipped ?? false, r.warnings?.at(-1)?.code])).toStrictEqual([
        [3, false, expect.any(String)],
        [4, true, 'repeated_header'],
        [5, true, 'repeated_header'],
        [6, false, undefined],
      ]);
      expect(all.map((r) => (r.record as { nama?: string } | undefined)?.nama)).toStrictEqual([
        'SI-CANTIK',
        undefined,
        undefined,
        'Lapor Cepat',
      ]);
    }
  });

  it('reads a sheet whose header has an empty cell, without failing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.getCell('A1').value = 'Nama Inovasi';
    ws.getCell('C1').value = 'Perangkat Daerah';
    ws.addRow(['A', 'catatan', 'Dinas X']);
    const all = await rows(new Uint8Array(await wb.xlsx.writeBuffer()), { format: 'xlsx' });
    expect(all.map((r) => [r.line, r.record])).toStrictEqual([[2, { nama: 'A', opd: 'Dinas X' }]]);
  });
});

describe('dates as officers type them', () => {
  it.each([
    ['Senin, 10 Januari 2023', '2023-01-10'],
    ["Jum'at, 3 Maret 2023", '2023-03-03'],
    ['10-Jan-2023', '2023-01-10'],
    ['10 Jan. 2023', '2023-01-10'],
    ['10-Agustus-2023', '2023-08-10'],
    ['2023/01/10', '2023-01-10'],
    ['2023.1.10', '2023-01-10'],
    ['01/08/2022 08:00', '2022-08-01'],
    ['1/8/2022 8:00:00', '2022-08-01'],
    ['10.01.2023 08.00', '2023-01-10'],
    ['1 Agustus 2022 10.00 WIB', '2022-08-01'],
    ['10-Jan-2023 9:30 AM', '2023-01-10'],
  ])('reads %j as %s, in silence', async (text, date) => {
    const [row] = await rows(file('csv', `nama;Waktu Penerapan\nA;${text}\n`));
    expect(row?.record).toStrictEqual({ nama: 'A', waktuPenerapan: date });
    expect(row?.warnings).toBeUndefined();
  });

  it.each([
    ['Maret 2022', '2022-03-01'],
    ['Mar-2022', '2022-03-01'],
    ['03/2022', '2022-03-01'],
    ['2022-03', '2022-03-01'],
    ['Des 2021', '2021-12-01'],
    ['2022/03', '2022-03-01'],
  ])('reads the month %j as the first of it (%s) with a warning', async (text, date) => {
    const [row] = await rows(file('csv', `nama;Waktu Uji Coba\nA;${text}\n`));
    expect(row?.record).toStrictEqual({ nama: 'A', waktuUjiCoba: date });
    expect(row?.warnings?.map((w) => w.message)).toStrictEqual([
      `column "Waktu Uji Coba": "${text}" has no day and is read as ${date} (the first of that month)`,
    ]);
  });

  it.each([
    ['1/8/22', '2022-08-01'],
    ['31-12-29', '2029-12-31'],
    ['1.8.95', '1995-08-01'],
    ['10-Jan-23', '2023-01-10'],
    ['5 Agt 21', '2021-08-05'],
    ['10-Jan-23 8:00', '2023-01-10'],
    ['1/1/30', '1930-01-01'],
    ['5  Agt  21', '2021-08-05'],
  ])('reads %j, its year in two digits, as %s with a warning', async (text, date) => {
    const [row] = await rows(file('csv', `nama;Waktu Penerapan\nA;${text}\n`));
    expect(row?.record).toStrictEqual({ nama: 'A', waktuPenerapan: date });
    const shown = text.replace(/ 8:00$/, '');
    expect(row?.warnings?.map((w) => w.message)).toStrictEqual([
      `column "Waktu Penerapan": "${shown}" has a two-digit year and is read as ${date}; write the year in four digits`,
    ]);
  });

  it.each([
    '31/2/22',
    '10-Foo-23',
    '1/13/22',
    '8:00',
    '2022 8:00',
    '1/8/223',
    'x1/8/22',
    '10-Jan-233',
    'x10-Jan-23',
  ])('refuses %j, which is no date', async (text) => {
    const [row] = await rows(file('csv', `nama;waktu_pengembangan\nA;${text}\n`));
    expect(row?.issues?.map((i) => i.code)).toStrictEqual(['invalid_date']);
  });

  it('refuses a month where a whole date is needed, and a month that is none', async () => {
    const read = await rows(
      file(
        'csv',
        'nama;pengembangan_terbaru;Waktu Uji Coba\nA;Maret 2022;\nB;;13/2022\nC;;Senin 2022\n',
      ),
    );
    expect(read.map((row) => row.issues?.map((i) => i.message))).toStrictEqual([
      [
        'column "pengembangan_terbaru": "Maret 2022" is a month; waktuPengembangan needs a whole date (YYYY-MM-DD, d/m/yyyy, d-m-yyyy, "10 Januari 2023")',
      ],
      [
        'column "Waktu Uji Coba": "13/2022" is not a date; write YYYY-MM-DD, d/m/yyyy, d-m-yyyy, "10 Januari 2023"',
      ],
      [
        'column "Waktu Uji Coba": "Senin 2022" is not a date; write YYYY-MM-DD, d/m/yyyy, d-m-yyyy, "10 Januari 2023"',
      ],
    ]);
  });

  it.each([
    ['Awal Maret 2022'],
    ['Maret 2022 (uji)'],
    ['x03/2022'],
    ['03/2022/1'],
    ['x2022-03'],
    ['2022-03x'],
    ['2023/01.10'],
    ['2023/13/10'],
  ])('refuses %j, which is no date', async (text) => {
    const [row] = await rows(file('csv', `nama;Waktu Uji Coba\nA;${text}\n`));
    expect(row?.issues?.map((i) => i.code)).toStrictEqual(['invalid_date']);
  });

  it('reads a month and its year apart by more than one space', async () => {
    const [row] = await rows(file('csv', 'nama;Waktu Uji Coba\nA;Maret   2022\n'));
    expect(row?.record).toStrictEqual({ nama: 'A', waktuUjiCoba: '2022-03-01' });
  });
});

describe('yes and no as tables mark them', () => {
  const read = async (cell: string) => {
    const [row] = await rows(file('csv', `nama;Dapat Direplikasi\nA;"${cell}"\n`));
    return row;
  };

  it.each([['√'], ['✓'], ['✔']])('reads the tick %j as yes, in silence', async (tick) => {
    const row = await read(tick);
    expect(row?.record).toStrictEqual({ nama: 'A', dapatDireplikasi: true });
    expect(row?.warnings).toBeUndefined();
  });

  it.each([
    ['Ya, dapat direplikasi', true, 'Ya'],
    ['Tidak (belum ada SOP)', false, 'Tidak'],
    ['ya: ke 3 kecamatan', true, 'ya'],
  ])('reads %j by its answer, with a warning', async (cell, value, answer) => {
    const row = await read(cell);
    expect(row?.record).toStrictEqual({ nama: 'A', dapatDireplikasi: value });
    expect(row?.warnings?.map((w) => w.message)).toStrictEqual([
      `column "Dapat Direplikasi": "${cell}" is read by its answer, "${answer}"`,
    ]);
  });

  it('leaves a dash unanswered, never "no"', async () => {
    const row = await read('–');
    expect(row?.record).toStrictEqual({ nama: 'A' });
    expect(row?.warnings?.map((w) => w.message)).toStrictEqual([
      'column "Dapat Direplikasi": "–" answers neither yes nor no: left empty',
    ]);
  });

  it.each([['x'], ['Tidak diketahui'], ['Ya/Tidak'], ['Mungkin, nanti']])(
    'refuses %j, which is no answer it can tell',
    async (cell) => {
      const row = await read(cell);
      expect(row?.issues?.map((i) => i.code)).toStrictEqual(['invalid_boolean']);
    },
  );
});

describe('urusan as people write them', () => {
  it.each([
    ['Urusan Pemerintahan Bidang Kesehatan', 'kesehatan'],
    ['Bidang Pendidikan', 'pendidikan'],
    ['Urusan Wajib Sosial', 'sosial'],
    ['Koperasi, Usaha Kecil, dan Menengah', 'koperasi_usaha_kecil_dan_menengah'],
    ['Dukcapil', 'administrasi_kependudukan_dan_pencatatan_sipil'],
  ])('%s', async (cell, id) => {
    const [row] = await rows(file('csv', `nama;urusan\nA;"${cell}"\n`));
    expect(row?.record).toStrictEqual({ nama: 'A', urusan: [id] });
  });
});

describe('empty and broken workbooks, and options that are not options', () => {
  const workbook = readFileSync(new URL('../../examples/batu-2024.xlsx', import.meta.url));
  /** Settles within a bound, or says it hung: a hang must fail the test, not time it out. */
  const settle = async (run: () => Promise<unknown>) =>
    Promise.race([
      run().then(
        () => 'ok',
        (error: unknown) => (error as Error).name,
      ),
      new Promise((resolve) => setTimeout(() => resolve('hang'), 20_000)),
    ]);
  const readAll = (input: Uint8Array | string, options?: unknown) => async () => {
    for await (const _ of readRecords(input, options as never)) void _;
  };

  it('refuses an empty .xlsx (bytes or a file) with a coded error instead of hanging', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inovasi-empty-'));
    const path = join(dir, 'kosong.xlsx');
    writeFileSync(path, '');
    for (const input of [new Uint8Array(0), path]) {
      const error = await openRecords(input, { format: 'xlsx' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputFileError);
      expect((error as InputFileError).issues[0]?.code).toBe('empty_file');
    }
  });

  it('settles on any cut or altered workbook, with the library’s own errors only', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: workbook.length }),
        fc.option(fc.integer({ min: 0, max: 255 }), { nil: undefined }),
        async (cut, flip) => {
          const bytes = new Uint8Array(workbook.subarray(0, cut));
          if (flip !== undefined && bytes.length > 0) {
            const at = flip % bytes.length;
            bytes[at] = (bytes[at] ?? 0) ^ 0xff;
          }
          const outcome = await settle(readAll(bytes, { format: 'xlsx' }));
          expect(['ok', 'InputFileError']).toContain(outcome);
        },
      ),
      { numRuns: runs(40) },
    );
  });

  it.each([
    ['null', null],
    ['a string', 'xlsx'],
    ['an array', []],
    [
      'a throwing getter',
      Object.defineProperty({}, 'format', {
        enumerable: true,
        get() {
          throw new Error('boom');
        },
      }),
    ],
  ])('refuses %s as options with an InvalidOptionError', async (_, options) => {
    await expect(openRecords(workbook, options as never)).rejects.toThrow(InvalidOptionError);
    expect(await settle(readAll(workbook, options))).toBe('InvalidOptionError');
  });
});

describe('numbers as Indonesians and English speakers write them', () => {
  /** Reads one CSV cell into `indikator.kemanfaatan.nilai`, with a number format or none. */
  const read = async (cell: string, numberFormat?: 'id' | 'en') => {
    const csv = `nama;indikator.kemanfaatan.nilai\nUji;${cell}\n`;
    const rows: ReadRow[] = [];
    for await (const row of readRecords(new TextEncoder().encode(csv), {
      locale: 'en',
      format: 'csv',
      ...(numberFormat ? { numberFormat } : {}),
    })) {
      rows.push(row);
    }
    const row = rows[0];
    if (row?.issues) return row.issues.map((i) => i.code).join();
    const record = row?.record as { indikator?: { kemanfaatan?: { nilai?: number } } } | undefined;
    return record?.indikator?.kemanfaatan?.nilai;
  };

  it.each([
    ['0,125', undefined, 0.125],
    ['87,5', undefined, 87.5],
    ['1.250', undefined, 1250],
    ['1.250,5', undefined, 1250.5],
    ['1,250,000', undefined, 1_250_000],
    ['1,250.5', undefined, 1250.5],
    ['2,125', undefined, 'ambiguous_number'],
    ['12,500', undefined, 'ambiguous_number'],
    ['-12,500', undefined, 'ambiguous_number'],
    ['12,500', 'id', 12.5],
    ['12,500', 'en', 12_500],
    ['2,125', 'id', 2.125],
    ['1.250,5', 'id', 1250.5],
    ['1,250.5', 'en', 1250.5],
    ['1,250.5', 'id', 'invalid_number'],
    ['1.250,5', 'en', 'invalid_number'],
  ] as const)('%s (%s) → %s', async (cell, format, expected) => {
    expect(await read(cell, format)).toBe(expected);
  });

  it('names both readings of an ambiguous number, and refuses an unknown format', async () => {
    const rows: ReadRow[] = [];
    const csv = new TextEncoder().encode('nama;indikator.kemanfaatan.nilai\nUji;12,500\n');
    for await (const row of readRecords(csv, { format: 'csv', locale: 'en' })) rows.push(row);
    expect(rows[0]?.issues?.[0]?.message).toMatch(/12\.5 .* 12500/);
    // In Indonesian (the default), each reading as Indonesians write it.
    for await (const row of readRecords(csv, { format: 'csv' })) {
      expect(row.issues?.[0]?.message).toBe(
        'kolom "indikator.kemanfaatan.nilai": "12,500" terbaca 12,5 dengan koma desimal (Indonesia) atau 12500 dengan koma ribuan (Inggris); tentukan dengan --number-format id|en (numberFormat), atau tulis 12,5 atau 12500',
      );
    }
    await expect(
      openRecords(new Uint8Array(1), { format: 'csv', numberFormat: 'fr' as never }),
    ).rejects.toThrow(InvalidOptionError);
  });
});

describe('rows that are no records', () => {
  const rowsOf = async (csv: string) => {
    const rows: ReadRow[] = [];
    for await (const row of readRecords(new TextEncoder().encode(csv), {
      locale: 'en',
      format: 'csv',
    })) {
      rows.push(row);
    }
    return rows;
  };

  it.each([['JUMLAH'], ['Total'], ['Rata-rata'], ['Jumlah Inovasi: 12'], ['GRAND TOTAL']])(
    'skips a totals row %j with a warning naming its line',
    async (label) => {
      const rows = await rowsOf(`Nama Inovasi;Tahun\nSi Cantik;2024\n${label};2024\n`);
      expect(
        rows.map((r) => [r.index, r.line, r.skipped ?? false, r.warnings?.[0]?.code]),
      ).toStrictEqual([
        [0, 2, false, undefined],
        [1, 3, true, 'totals_row'],
      ]);
      expect(rows[1]?.warnings?.[0]?.message).toMatch(/^line 3 /);
      expect(rows[1]?.record).toBeUndefined();
    },
  );

  it('skips the sign-off under the table: place and date, offices, ttd, the signer and the NIP', async () => {
    const rows = await rowsOf(
      'No;Nama Inovasi;Perangkat Daerah;Tahun\n' +
        '1;Si Cantik;Dispendukcapil;2024\n' +
        ';;Batu, 15 Desember 2025;\n' +
        'Mengetahui,;;Kepala Bappeda Kota Batu,;\n' +
        ';;;\n' +
        ';;(ttd);\n' +
        ';;Dr. Ir. Rina Wati, M.Si;\n' +
        ';;NIP. 19700101 199503 2 001;\n',
    );
    expect(rows.map((r) => [r.line, r.skipped ?? false, r.warnings?.[0]?.code])).toStrictEqual([
      [2, false, undefined],
      [3, true, 'sign_off_row'],
      [4, true, 'sign_off_row'],
      [6, true, 'sign_off_row'],
      [7, true, 'sign_off_row'],
      [8, true, 'sign_off_row'],
    ]);
    expect(rows[2]?.warnings?.[0]?.message).toBe(
      'line 4 is part of the sign-off under the table ("Mengetahui, Kepala Bappeda Kota Batu,"), not an innovation: left out',
    );
  });

  it('keeps innovations named like an office, and a row after a sign-off that fills a record', async () => {
    const rows = await rowsOf(
      'Nama Inovasi;Perangkat Daerah;Tahun\n' +
        'Kepala Desa Digital;Dinas PMD;2024\n' +
        'Kepala Sekolah Penggerak;;\n' +
        ';Mengetahui,;\n' +
        'Sekda Menyapa;Sekretariat Daerah;2024\n' +
        'Lapor Cepat;;\n' +
        ';Kepala Bappeda,;\n',
    );
    expect(
      rows.map((r) => r.warnings?.[0]?.code ?? (r.record as { nama: string }).nama),
    ).toStrictEqual([
      'Kepala Desa Digital',
      'Kepala Sekolah Penggerak',
      'sign_off_row',
      'Sekda Menyapa',
      // A draft of a name alone, once a full record has ended the sign-off.
      'Lapor Cepat',
      'sign_off_row',
    ]);
  });

  it('names the total written under No, when the name is empty', async () => {
    const rows = await rowsOf('No;Nama Inovasi;Tahun\n1;Si Cantik;2024\nJUMLAH;;\n');
    expect(rows[1]?.warnings?.map((w) => w.message)).toStrictEqual([
      'line 3 is a totals or summary row ("JUMLAH"), not an innovation: left out',
    ]);
  });

  it('skips a repeated header, and keeps innovations whose names only start like a total', async () => {
    const rows = await rowsOf(
      'Nama Inovasi;Tahun\nSi Cantik;2024\nNama Inovasi;Tahun\nTotal Layanan Prima;2024\nJumlah Penerima Naik;2024\n',
    );
    expect(
      rows.map((r) => r.warnings?.[0]?.code ?? (r.record as { nama: string }).nama),
    ).toStrictEqual([
      'Si Cantik',
      'repeated_header',
      'Total Layanan Prima',
      'Jumlah Penerima Naik',
    ]);
    expect(rows.map((r) => r.index)).toStrictEqual([0, 1, 1, 2]);
  });
  it.each([
    ['1;2;3;4', 'No;Nama Inovasi;Perangkat Daerah;Tahapan'],
    ['(1);(2);(3);(4)', 'No;Nama Inovasi;Perangkat Daerah;Tahapan'],
    [';(2);(3);(4)', ';Nama Inovasi;Perangkat Daerah;Tahapan'],
  ])('skips the row of column numbers %j under the header', async (numbers, header) => {
    const rows = await rowsOf(`${header}\n${numbers}\n1;Si Cantik;Dinas X;Uji Coba\n`);
    expect(rows.map((r) => [r.line, r.skipped ?? false, r.warnings?.[0]?.message])).toStrictEqual([
      [2, true, "line 2 holds the table's column numbers (1, 2, 3, …): left out"],
      [3, false, undefined],
    ]);
  });

  it('keeps a row of numbers that do not count the columns, or count fewer than three', async () => {
    const rows = await rowsOf(
      'No;Nama Inovasi;Tahun;Catatan\n1;3;2024;\n2;3;;\n1;5;9;\n1;2;3a;\n1;2;x3;\n1;2;3;4b\n',
    );
    expect(rows.map((r) => [r.line, r.skipped ?? false])).toStrictEqual(
      [2, 3, 4, 5, 6, 7].map((line) => [line, false]),
    );
  });

  it("skips column numbers that go on past nine, as on a table's second page", async () => {
    const rows = await rowsOf('No;Nama Inovasi;Tahun\n(10);(11);(12)\n1;A;2024\n');
    expect(rows.map((r) => r.warnings?.[0]?.code ?? 'record')).toStrictEqual([
      'column_numbers',
      'record',
    ]);
  });
});

describe('the latest development, as real exports name it', () => {
  it('reads pengembangan_terbaru as the development date and Berkembang as what changed', async () => {
    const csv =
      'Judul Inovasi;Tanggal Penerapan;pengembangan_terbaru;Berkembang\n' +
      'Si Cantik;2022-03-01;15/06/2024;Aplikasi versi 2 dengan tanda tangan elektronik\n';
    const [row] = await rows(new TextEncoder().encode(csv), { format: 'csv' });
    expect(row?.record).toMatchObject({
      nama: 'Si Cantik',
      waktuPenerapan: '2022-03-01',
      waktuPengembangan: '2024-06-15',
      pengembangan: 'Aplikasi versi 2 dengan tanda tangan elektronik',
    });
    expect(row?.warnings ?? []).toStrictEqual([]);
  });
});

describe('what the reader says, in Indonesian unless asked otherwise', () => {
  /** Words only an English sentence of the reader has. */
  const ENGLISH = /\b(the|is|not|column|line|read as|left out|ignored|cells|write|did you mean)\b/i;

  it('says every warning and problem of a messy export in Indonesian by default', async () => {
    const csv =
      'DAFTAR INOVASI KOTA CONTOH 2024\n' +
      'Nama Inovasi;Tahun;Tanggal Penerapan;catatan;kebaruaan;indikator.sdm.jumlah;Dapat Direplikasi\n' +
      'A;2024;2023;x;;11-30 orang;mungkin\n' +
      'B;2024;31/02/2023;x;;-;ya\n' +
      'C;2024\n' +
      'JUMLAH;;;;;;\n';
    const read: ReadRow[] = [];
    const bytes = new TextEncoder().encode(csv);
    for await (const row of readRecords(bytes, { format: 'csv', delimiter: ';' })) read.push(row);
    const said = read.flatMap((r) => [...(r.warnings ?? []), ...(r.issues ?? [])]);
    const messages = said.map((i) => i.message);
    expect(new Set(said.map((i) => i.code))).toStrictEqual(
      new Set([
        'header_below_title',
        'unknown_column',
        'invalid_date',
        'read_as',
        'invalid_boolean',
        'invalid_csv',
        'totals_row',
      ]),
    );
    for (const message of messages) expect(message).not.toMatch(ENGLISH);
    expect(messages).toContain(
      'judul kolom ada di baris 2; 1 baris di atasnya dibaca sebagai judul tabel dan dilewati',
    );
    expect(messages).toContain(
      'kolom "kebaruaan" tidak cocok dengan isian mana pun dan diabaikan; maksudnya "kebaruan"? (petakan dengan --map)',
    );
    expect(messages).toContain(
      'kolom "indikator.sdm.jumlah": "11-30 orang" adalah rentang: dibaca 11, nilai yang paling tidak menguntungkan; tulis angka pastinya',
    );
    expect(messages).toContain(
      'baris 6 adalah baris jumlah atau ringkasan ("JUMLAH"), bukan inovasi: dilewati',
    );
    // The same file in English, on request.
    const english: string[] = [];
    for await (const row of readRecords(bytes, { format: 'csv', delimiter: ';', locale: 'en' })) {
      english.push(...[...(row.warnings ?? []), ...(row.issues ?? [])].map((i) => i.message));
    }
    expect(english).toHaveLength(messages.length);
    expect(english).toContain(
      'line 6 is a totals or summary row ("JUMLAH"), not an innovation: left out',
    );
  });

  it('says why a file cannot be read in the language asked, and refuses an unknown one', async () => {
    const missing = await failure(openRecords(join(dir, 'tidak-ada.csv')));
    expect((missing as InputFileError).issues[0]?.message).toBe(
      `${join(dir, 'tidak-ada.csv')} tidak dapat dibaca: berkas tidak ada`,
    );
    const empty = await failure(openRecords(file('json', '  ')));
    expect((empty as InputFileError).issues[0]?.message).toMatch(/ kosong$/);
    await expect(openRecords(file('csv', 'nama\nA\n'), { locale: 'fr' as never })).rejects.toThrow(
      InvalidOptionError,
    );
  });
});

describe('the delimiter below a title row', () => {
  it('is found on the first line that has one, whatever the text cells hold', async () => {
    const csv =
      'DAFTAR INOVASI KOTA CONTOH\n' +
      'nama;kebaruan\n' +
      'Layanan, antar, jemput, dokumen, kependudukan;sebagian\n';
    const read = await rows(new TextEncoder().encode(csv), { format: 'csv' });
    expect(read.map((r) => r.record)).toStrictEqual([
      { nama: 'Layanan, antar, jemput, dokumen, kependudukan', kebaruan: 'sebagian' },
    ]);
    // A title Excel padded with the delimiter decides the same way.
    const padded = csv.replace('KOTA CONTOH\n', 'KOTA CONTOH;\n');
    const again = await rows(new TextEncoder().encode(padded), { format: 'csv' });
    expect(again.map((r) => r.record)).toStrictEqual(read.map((r) => r.record));
  });
});

describe('KIPP and KOVABLIK answers as their forms show them', () => {
  it('reads a category, a kind of instansi and a participant by label; other text is kept', async () => {
    const csv =
      'nama;kipp.kategori;kipp.jenisInstansi;kovablik.jenisPeserta;kovablik.kelompok\n' +
      'A;Pelayanan Publik yang Inklusif dan Berkeadilan;Pemerintah Daerah;Kabupaten/Kota;Umum\n' +
      'B;ketahanan institusi publik di masa pandemi;K/L;Perangkat Daerah Provinsi;Replikasi\n' +
      'C;Inovasi Digital;bumd;bumd;khusus\n';
    const read = await rows(new TextEncoder().encode(csv), { format: 'csv' });
    const parts = read.map((r) => r.record as { kipp?: unknown; kovablik?: unknown } | undefined);
    expect(parts.map((r) => [r?.kipp, r?.kovablik])).toStrictEqual([
      [
        { kategori: 'pelayanan_publik_inklusif', jenisInstansi: 'pemda' },
        { jenisPeserta: 'kabupaten_kota', kelompok: 'umum' },
      ],
      [
        { kategori: 'ketahanan_institusi_pandemi', jenisInstansi: 'kementerian_lembaga' },
        { jenisPeserta: 'provinsi', kelompok: 'replikasi' },
      ],
      // A category of no edition the rules know stays as written, for the rule to judge.
      [
        { kategori: 'Inovasi Digital', jenisInstansi: 'bumd' },
        { jenisPeserta: 'bumd', kelompok: 'khusus' },
      ],
    ]);
  });
});

describe('answers as regional IGA apps export them (rules/option-texts.json)', () => {
  const options = JSON.parse(
    readFileSync(new URL('../../rules/option-texts.json', import.meta.url), 'utf8'),
  ) as {
    fields: Record<
      string,
      {
        texts: string[];
        value?: unknown;
        relative?: number[];
        also?: object;
        empty?: boolean;
        choices?: string[];
      }[]
    >;
  };
  const header: Record<string, string> = JSON.parse(
    readFileSync(new URL('../../rules/aliases.json', import.meta.url), 'utf8'),
  ).fields;
  const cases = Object.entries(options.fields).flatMap(([path, list]) =>
    list.flatMap((option) => option.texts.map((text) => [path, text, option] as const)),
  );

  it.each(cases)('%s: "%s"', async (path, text, option) => {
    const column = (header as unknown as Record<string, string[]>)[path]?.[0] as string;
    const csv = `Nama Inovasi;Tahun;${column}\nSi Cantik;2026;"${text.replaceAll('"', '""')}"\n`;
    const [row] = await rows(new TextEncoder().encode(csv), { format: 'csv' });
    if (option.choices) {
      // Two levels in one option: refused with both, the sheet must say which.
      expect(row?.issues?.[0]?.code).toBe('ambiguous_value');
      expect(row?.issues?.[0]?.message).toContain(option.choices.join(' or '));
      return;
    }
    expect(row?.issues).toBeUndefined();
    const [, indicator, field] = path.split('.') as [string, string, string];
    const record = row?.record as { indikator?: Record<string, Record<string, unknown>> };
    const got = record.indikator?.[indicator]?.[field];
    if (option.empty) expect(got).toBeUndefined();
    else if (option.relative)
      expect(got).toStrictEqual(option.relative.map((k) => 2026 + k).sort((a, b) => a - b));
    else expect(got).toStrictEqual(option.value);
    for (const [p, v] of Object.entries(option.also ?? {})) {
      const [, i, f] = p.split('.') as [string, string, string];
      expect(record.indikator?.[i]?.[f]).toBe(v);
    }
  });

  it('reads a sheet of app answers whole, saying what each range was read as', async () => {
    const csv = [
      'Judul Inovasi;Tahun;Ketersediaan SDM;Bimtek Inovasi;Kecepatan Inovasi;Penyelesaian Layanan Pengaduan;Dukungan Anggaran;Regulasi Inovasi Daerah;Jejaring Inovasi',
      'A;2026;11-30 orang;3 kali;1-4 bulan;51-90%;T-0, T-1 dan T-2;SK Kepala Perangkat Daerah;-',
      'B;2025;Lebih dari 30 SDM;2 kali;9 bulan atau lebih;Tidak ada pengaduan;T-1 atau T-2;SK Kepala Daerah;5 Perangkat Daerah atau lebih',
      'C;2026;1 - 10 SDM;1 kali;kurang dari 4 bulan;lebih dari 90%;T-1 dan T-2;Perda;1-2 Perangkat Daerah',
    ].join('\n');
    const read = await rows(new TextEncoder().encode(csv), { format: 'csv' });
    expect(read.map((r) => r.issues)).toStrictEqual([undefined, undefined, undefined]);
    const ind = (i: number) =>
      (read[i]?.record as { indikator: Record<string, Record<string, unknown>> } | undefined)
        ?.indikator as Record<string, Record<string, unknown>>;
    expect(ind(0)).toMatchObject({
      sdm: { jumlah: 11 },
      bimtek: { jumlah: 3 },
      kecepatanPenciptaan: { bulan: 4 },
      pengaduan: { persenSelesai: 51 },
      anggaran: { tahun: [2024, 2025, 2026] },
      regulasi: { jenis: 'sk_kepala_perangkat_daerah' },
    });
    expect(ind(0).jejaring).toBeUndefined();
    expect(ind(1)).toMatchObject({
      sdm: { jumlah: 31 },
      kecepatanPenciptaan: { bulan: 9 },
      pengaduan: { persenSelesai: 0 },
      anggaran: { tahun: [2024] },
      jejaring: { jumlahPd: 5 },
    });
    // Fewer months is better: "kurang dari 4" is read at its top, 3.99; "lebih dari 90%" as 90.01.
    expect(ind(2)).toMatchObject({
      kecepatanPenciptaan: { bulan: 3.99 },
      pengaduan: { persenSelesai: 90.01 },
      anggaran: { tahun: [2024, 2025] },
      regulasi: { jenis: 'perda' },
      jejaring: { jumlahPd: 1 },
    });
    const notes = read.flatMap((r) => r.warnings ?? []).map((w) => w.message);
    expect(notes).toContain(
      'column "Ketersediaan SDM": "11-30 orang" is a range: read as 11, its least favourable value; write the exact number',
    );
    expect(notes.some((n) => n.includes('"-" means none'))).toBe(true);
    expect(notes.some((n) => n.includes('read as T-1 alone'))).toBe(true);
  });

  it('asks for the row’s year when an answer counts years back from it', async () => {
    const csv = 'Nama Inovasi;Dukungan Anggaran\nSi Cantik;T-0, T-1 dan T-2\n';
    const [row] = await rows(new TextEncoder().encode(csv), { format: 'csv' });
    expect(row?.issues?.[0]).toMatchObject({
      code: 'needs_tahun',
      path: ['indikator', 'anggaran', 'tahun'],
    });
  });

  it('reads thousands grouped with dots and decimal commas inside a range, as Indonesian texts write them', async () => {
    for (const [text, value] of [
      ['1.250-2.000 orang', 1250],
      ['lebih dari 1.000 orang', 1000.01],
      ['2.500 orang', 2500],
    ] as const) {
      const csv = `Nama Inovasi;Nilai Kemanfaatan\nX;${text}\n`;
      const [row] = await rows(new TextEncoder().encode(csv), { format: 'csv' });
      expect(row?.issues, text).toBeUndefined();
      expect(
        (row?.record as { indikator?: { kemanfaatan?: { nilai?: number } } } | undefined)?.indikator
          ?.kemanfaatan?.nilai,
        text,
      ).toBe(value);
    }
  });

  it('reads a number written with its words, as a letter writes it, and refuses one whose words differ', async () => {
    const csv = [
      'Nama Inovasi;Ketersediaan SDM;Bimtek Inovasi;Nilai Kemanfaatan',
      'A;24 (dua puluh empat) orang;2 (Dua) kali;1.250 (seribu dua ratus lima puluh)',
      'B;24 (dua puluh lima) orang;3 (tiga);87,5 (delapan puluh tujuh koma lima)',
      'C;24 (ASN);3;10',
    ].join('\n');
    const read = await rows(new TextEncoder().encode(csv), { format: 'csv', locale: 'en' });
    expect(read[0]?.issues).toBeUndefined();
    expect(read[0]?.record).toMatchObject({
      indikator: { sdm: { jumlah: 24 }, bimtek: { jumlah: 2 }, kemanfaatan: { nilai: 1250 } },
    });
    expect(read[0]?.warnings?.map((w) => w.message)).toContain(
      'column "Ketersediaan SDM": "24 (dua puluh empat) orang" read as 24',
    );
    expect(read[1]?.issues).toStrictEqual([
      expect.objectContaining({
        path: ['indikator', 'sdm', 'jumlah'],
        code: 'invalid_number',
        message:
          'column "Ketersediaan SDM": "24 (dua puluh lima) orang": the digits say 24 but the words say 25; make them agree',
      }),
    ]);
    // Words in parentheses that are no number are no reading of it: refused as before.
    expect(read[2]?.issues?.[0]).toMatchObject({
      path: ['indikator', 'sdm', 'jumlah'],
      code: 'invalid_number',
    });
  });

  it('reads a year written after TA, T.A., Tahun or Tahun Anggaran, and only a year of four digits', async () => {
    const csv = [
      'Nama Inovasi;Tahun;Dukungan Anggaran',
      'A;TA 2024;T.A. 2023, Tahun Anggaran 2024',
      'B;Tahun 2025;2024',
      'C;TA 24;2024',
    ].join('\n');
    const read = await rows(new TextEncoder().encode(csv), { format: 'csv', locale: 'en' });
    expect(read[0]?.issues).toBeUndefined();
    expect(read[0]?.record).toMatchObject({
      tahun: 2024,
      indikator: { anggaran: { tahun: [2023, 2024] } },
    });
    expect(read[0]?.warnings?.map((w) => w.message)).toContain(
      'column "Tahun": "TA 2024" read as 2024',
    );
    expect(read[1]?.record).toMatchObject({ tahun: 2025 });
    expect(read[2]?.issues?.[0]).toMatchObject({ path: ['tahun'], code: 'invalid_number' });
  });

  it('refuses a guess (± 24, kurang lebih 24 orang) asking for the exact number, never reading it as the number', async () => {
    for (const text of ['± 24', 'kurang lebih 24 orang', 'Sekitar 24', '+/- 24']) {
      const csv = `Nama Inovasi;Ketersediaan SDM\nX;${text}\n`;
      const [row] = await rows(new TextEncoder().encode(csv), { format: 'csv', locale: 'en' });
      expect(row?.issues, text).toStrictEqual([
        {
          path: ['indikator', 'sdm', 'jumlah'],
          code: 'invalid_number',
          message: `column "Ketersediaan SDM": "${text}" is an estimate: write the exact number, as its evidence shows it`,
        },
      ]);
    }
  });

  it('never reads a range against its own words', async () => {
    for (const text of ['30-11 orang', 'lebih dari -3', 'antara 1 dan 5']) {
      const csv = `Nama Inovasi;Ketersediaan SDM\nX;${text}\n`;
      const [row] = await rows(new TextEncoder().encode(csv), { format: 'csv' });
      expect(row?.issues?.[0]?.code, text).toBe('invalid_number');
    }
  });
});

describe('answers as officers write them', () => {
  it('reads a header asked as a question, can and already for yes, not yet for no, and longer labels', async () => {
    const csv =
      'Nama Inovasi;Apakah ada pungutan baru?;Pungutan Sesuai Peraturan;Dapat Direplikasi;Kebaruan;Bentuk Inovasi\n' +
      'A;Tidak Ada;;Bisa;Seluruhnya;Inovasi Daerah Lainnya Sesuai Urusan\n' +
      'B;Ada;Belum;Tidak Bisa;Sebagian;Inovasi Pelayanan Publik\n' +
      'C;Ya;Sudah;Dapat;Tidak;Layanan\n';
    const read = await rows(new TextEncoder().encode(csv), { format: 'csv' });
    expect(read.map((r) => r.issues ?? r.warnings)).toStrictEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(read.map((r) => r.record)).toStrictEqual([
      {
        nama: 'A',
        pungutanBaru: false,
        dapatDireplikasi: true,
        kebaruan: 'seluruh',
        bentuk: 'lainnya',
      },
      {
        nama: 'B',
        pungutanBaru: true,
        pungutanSesuaiPeraturan: false,
        dapatDireplikasi: false,
        kebaruan: 'sebagian',
        bentuk: 'pelayanan_publik',
      },
      {
        nama: 'C',
        pungutanBaru: true,
        pungutanSesuaiPeraturan: true,
        dapatDireplikasi: true,
        kebaruan: 'tidak',
        bentuk: 'pelayanan_publik',
      },
    ]);
  });
});

describe('columns real exports carry that the record has no field for', () => {
  it('names them as ignored, never suggesting a field that would misread them', async () => {
    const csv =
      'Nama Inovasi;Anggaran (Rp);Sumber Anggaran;Lintang;Asta Cita;Nama Inisiator\nSi Cantik;50.000.000;APBD;-7.87;3;dr. Rina\n';
    const [row] = await rows(new TextEncoder().encode(csv), { format: 'csv' });
    expect(row?.issues).toBeUndefined();
    const messages = (row?.warnings ?? []).map((w) => w.message);
    expect(messages).toContain('column "Anggaran (Rp)" has no field in the record and is ignored');
    expect(messages.join('\n')).not.toContain('did you mean');
    // The initiator's name is no initiator (kepala_daerah, opd, …): never "did you mean inisiator".
    expect(messages).toContain('column "Nama Inisiator" has no field in the record and is ignored');
    expect(messages).toHaveLength(5);
  });

  it('ignores "Anggaran" (an amount), though an indicator bears the name; its budget years have their own headers', async () => {
    const csv =
      'Nama Inovasi;Tahun;Anggaran;Dukungan Anggaran\nSi Cantik;2025;150.000.000;T-0, T-1\n';
    const [row] = await rows(new TextEncoder().encode(csv), { format: 'csv' });
    expect(row?.issues).toBeUndefined();
    expect(row?.warnings?.map((w) => w.message)).toStrictEqual([
      'column "Anggaran" has no field in the record and is ignored',
    ]);
    expect((row?.record as { indikator?: unknown } | undefined)?.indikator).toStrictEqual({
      anggaran: { tahun: [2024, 2025] },
    });
  });
});

describe('a video link column, as exports name it', () => {
  it("reads it as the video's link, and says when a cell opens nothing", async () => {
    const csv =
      'Judul Inovasi;Youtube;Kualitas Inovasi Daerah\nSi Cantik;https://youtu.be/abc;5\nLapor;ada;3\n';
    const read = await rows(new TextEncoder().encode(csv), { format: 'csv' });
    expect(
      read.map((row) => (row.record as { indikator?: { video?: unknown } }).indikator?.video),
    ).toStrictEqual([
      { substansi: 5, bukti: [{ jenis: 'video', url: 'https://youtu.be/abc' }] },
      { substansi: 3, bukti: [{ jenis: 'video', url: 'ada' }] },
    ]);
    expect(read[0]?.warnings).toBeUndefined();
    expect(read[1]?.warnings?.map((w) => [w.path, w.message])).toStrictEqual([
      [
        ['indikator', 'video', 'bukti', 'url'],
        'column "Youtube": "ada" is no web address (https://…) or file name: a verifier cannot open it',
      ],
    ]);
  });
});

describe('a document given part by part', () => {
  it('needs its kind, save where the indicator has one kind of evidence (the video)', async () => {
    const csv = [
      'nama;indikator.regulasi.bukti.url;indikator.regulasi.bukti.nomor;indikator.regulasi.bukti.jenis;indikator.sdm.bukti;indikator.sdm.bukti.url;Link Video',
      'A;https://jdih.example/1;188/12;;;;',
      'B;https://jdih.example/2;;Perkada;sk;sk.pdf;https://youtu.be/b',
    ].join('\n');
    const read = await rows(new TextEncoder().encode(csv), { format: 'csv' });
    expect(read[0]?.record).toBeUndefined();
    expect(read[0]?.issues).toStrictEqual([
      {
        path: ['indikator', 'regulasi', 'bukti', 0, 'jenis'],
        code: 'document_without_kind',
        message:
          'column "indikator.regulasi.bukti.url": the document names no kind (e.g. "SK Kepala Daerah", "foto"): add a column indikator.regulasi.bukti.jenis',
      },
    ]);
    expect(read[1]?.record).toStrictEqual({
      nama: 'B',
      indikator: {
        regulasi: { bukti: [{ jenis: 'Perkada', url: 'https://jdih.example/2' }] },
        sdm: { bukti: [{ jenis: 'sk', url: 'sk.pdf' }] },
        video: { bukti: [{ jenis: 'video', url: 'https://youtu.be/b' }] },
      },
    });
  });
});

describe('a document part headed as a person writes it', () => {
  it('reads "Nomor Bukti Regulasi", "Tautan Bukti SDM", "Jenis Bukti Pengembangan"', async () => {
    const csv =
      'Nama Inovasi;Jenis Bukti Regulasi;Nomor Bukti Regulasi;Tanggal Bukti Regulasi;tautan bukti sdm;Jenis Bukti SDM;Jenis Bukti Pengembangan;Tautan Bukti Pengembangan;Tautan Bukti Alat Kerja;Jenis Bukti Alat Kerja\n' +
      'A;SK Wali Kota;188/12;1/3/2023;https://x.go.id/sdm;ST;Laporan;https://x.go.id/p;a.pdf;Foto\n';
    const [row] = await rows(new TextEncoder().encode(csv), { format: 'csv' });
    expect(row?.warnings).toBeUndefined();
    expect(row?.record).toStrictEqual({
      nama: 'A',
      buktiPengembangan: [{ jenis: 'Laporan', url: 'https://x.go.id/p' }],
      indikator: {
        regulasi: { bukti: [{ jenis: 'SK Wali Kota', nomor: '188/12', tanggal: '2023-03-01' }] },
        sdm: { bukti: [{ jenis: 'ST', url: 'https://x.go.id/sdm' }] },
        alatKerja: { bukti: [{ jenis: 'Foto', url: 'a.pdf' }] },
      },
    });
  });
});

describe("a development's document given part by part", () => {
  it('is a list of one document, and needs its kind', async () => {
    const csv =
      'nama;waktuPengembangan;buktiPengembangan.jenis;buktiPengembangan.url\nA;2024-02-01;SK;https://x.go.id/sk\nB;2024-02-01;;https://x.go.id/b\n';
    const read = await rows(new TextEncoder().encode(csv), { format: 'csv' });
    expect(read[0]?.record).toStrictEqual({
      nama: 'A',
      waktuPengembangan: '2024-02-01',
      buktiPengembangan: [{ jenis: 'SK', url: 'https://x.go.id/sk' }],
    });
    expect(read[1]?.issues?.map((i) => [i.path, i.code])).toStrictEqual([
      [['buktiPengembangan', 0, 'jenis'], 'document_without_kind'],
    ]);
  });
});

describe('a list cell of separators only', () => {
  it('leaves the field unfilled, never an empty list (no affair at all is not eligible)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom(';', ',', ' ', '\n'), minLength: 1, maxLength: 8 }),
        async (cell) => {
          const quoted = `"${cell}"`;
          const csv = [
            'Nama;Urusan Pemerintahan;Urusan Irisan;Manfaat Bagi;indikator.rkpd.tahun;indikator.regulasi.bukti',
            `Si Cantik;${quoted};${quoted};${quoted};${quoted};${quoted}`,
          ].join('\n');
          const [row] = await rows(new TextEncoder().encode(`${csv}\n`), { format: 'csv' });
          expect(row?.issues).toBeUndefined();
          expect(row?.record).toStrictEqual({ nama: 'Si Cantik' });
          expect((await evaluate(row?.record)).verdict).toBe('incomplete');
        },
      ),
      { numRuns: runs(30) },
    );
  });

  it('keeps each item of a list without the spaces around its separator', async () => {
    const csv = 'Nama;indikator.regulasi.bukti\nSi Cantik;" SK Bupati ;  Foto kegiatan\n"\n';
    const [row] = await rows(new TextEncoder().encode(csv), { format: 'csv' });
    expect(row?.record).toStrictEqual({
      nama: 'Si Cantik',
      indikator: { regulasi: { bukti: [{ jenis: 'SK Bupati' }, { jenis: 'Foto kegiatan' }] } },
    });
  });
});

describe("the official IID API's field names (real-systems.md)", () => {
  it('reads inovasi.tujuan, inovasi.manfaat and inovasi.latar_belakang (the design)', async () => {
    const csv = [
      'inovasi.nama;inovasi.tujuan;inovasi.manfaat;inovasi.latar_belakang;kelompok_inovator',
      'Si Cantik;Mempercepat layanan;Antrean lebih pendek;Antrean panjang di puskesmas;ASN',
    ].join('\n');
    const [row] = await rows(new TextEncoder().encode(`${csv}\n`), { format: 'csv' });
    expect(row?.record).toStrictEqual({
      nama: 'Si Cantik',
      tujuan: 'Mempercepat layanan',
      manfaat: 'Antrean lebih pendek',
      rancangBangun: 'Antrean panjang di puskesmas',
    });
    // LAN's group of innovators (K/L, ASN, …) is another axis than the initiator: no hint.
    expect(row?.warnings?.map((w) => w.message)).toStrictEqual([
      'column "kelompok_inovator" has no field in the record and is ignored',
    ]);
  });
});

describe('the main affair and the others in two columns (urusan_utama, urusan_irisan)', () => {
  it('gives urusan the main one first, then the others, each once', async () => {
    const csv = [
      'Nama;Urusan Utama;Urusan Irisan',
      'Si Cantik;Kesehatan;"Administrasi Kependudukan dan Pencatatan Sipil; Kesehatan"',
      'Lapor;1.03;',
    ].join('\n');
    const [a, b] = await rows(new TextEncoder().encode(`${csv}\n`), { format: 'csv' });
    expect(a?.issues).toBeUndefined();
    expect(a?.warnings).toBeUndefined();
    expect(a?.record).toMatchObject({
      urusan: ['kesehatan', 'administrasi_kependudukan_dan_pencatatan_sipil'],
    });
    expect(b?.record).toMatchObject({ urusan: ['pekerjaan_umum_dan_penataan_ruang'] });
  });

  it('reads the first of them as the main affair when the main one is missing, saying so', async () => {
    const csv = 'Nama;Urusan Irisan\nSi Cantik;"Pendidikan; Kesehatan"\n';
    const [row] = await rows(new TextEncoder().encode(csv), { format: 'csv' });
    expect(row?.record).toMatchObject({ urusan: ['pendidikan', 'kesehatan'] });
    expect(row?.warnings).toStrictEqual([
      {
        path: ['urusan'],
        code: 'read_as',
        message:
          'column "Urusan Irisan" gives further affairs without the main one; the first (pendidikan) is read as the main affair',
      },
    ]);
  });

  it('leaves a column the caller maps to another field to that field', async () => {
    const csv = 'Nama;Urusan Utama;Urusan Irisan\nSi Cantik;Kesehatan;Layanan sehat\n';
    const [row] = await rows(new TextEncoder().encode(csv), {
      format: 'csv',
      map: { 'Urusan Irisan': 'tujuan' },
    });
    expect(row?.record).toStrictEqual({
      nama: 'Si Cantik',
      urusan: ['kesehatan'],
      tujuan: 'Layanan sehat',
    });
  });

  it('continues only list fields (rules/aliases.json, continues)', () => {
    const { continues } = JSON.parse(readFileSync('rules/aliases.json', 'utf8')) as {
      continues: Record<string, unknown>;
    };
    const fields = innovationFields();
    for (const path of Object.keys(continues).filter((k) => k !== '$comment')) {
      expect(['list-string', 'list-number', 'list-enum', 'urusan'], path).toContain(
        fields.get(path)?.kind,
      );
    }
  });

  it('says an affair it cannot read at its column, as for the main one', async () => {
    const csv = 'Nama;Urusan Utama;urusan_irisan\nSi Cantik;Kesehatan;Perikanan Darat\n';
    const [row] = await rows(new TextEncoder().encode(csv), { format: 'csv' });
    expect(row?.issues?.[0]?.path).toStrictEqual(['urusan']);
    expect(row?.issues?.[0]?.message).toContain('column "urusan_irisan"');
  });
});

describe('dates as a workbook saved as CSV writes them', () => {
  it('reads an Excel day number in a CSV date column, saying so', async () => {
    const csv = 'Nama Inovasi;Waktu Penerapan\nSi Cantik;45000\nLain;123\n';
    const read = await rows(new TextEncoder().encode(csv), { format: 'csv' });
    expect(read[0]?.record).toMatchObject({ waktuPenerapan: '2023-03-15' });
    expect(read[0]?.warnings?.[0]?.message).toContain("Excel's day number 45000");
    expect(read[1]?.issues?.[0]?.code).toBe('invalid_date');
  });
});

describe("a region's own questions", () => {
  const questions = JSON.parse(readFileSync('examples/perwali-surakarta-contoh.json', 'utf8'))
    .questions as NonNullable<ReadOptions['questions']>;
  const sheet = [
    'nama;Nama ketua tim inovasi;daerah.sk_tim;JENIS TIM',
    'Solo Sehat;Rina;Ya;inti',
    'Solo Pintar;;tidak;',
  ].join('\n');
  const choice = [
    ...questions,
    {
      id: 'jenis_tim',
      type: 'choice',
      values: ['inti', 'lintas_opd'],
      label: { id: 'Jenis tim', en: 'Kind of team' },
    },
  ] as const;

  it('reads their columns by path, id or label, as each question’s type says', async () => {
    const read = await rows(file('csv', sheet), { questions: choice });
    expect(read.map((r) => r.record)).toStrictEqual([
      { nama: 'Solo Sehat', daerah: { ketua_tim: 'Rina', sk_tim: true, jenis_tim: 'inti' } },
      { nama: 'Solo Pintar', daerah: { sk_tim: false } },
    ]);
    expect(read[0]?.warnings ?? []).toEqual([]);
  });

  it('questionsOf gathers the eligibility rule sets’ questions, the first of an id winning', () => {
    const surakarta = JSON.parse(readFileSync('examples/perwali-surakarta-contoh.json', 'utf8'));
    const engine = createEngine({ ruleSets: [surakarta] });
    const asked = questionsOf(engine.ruleSets);
    expect(asked.map((q) => q.id)).toEqual(questions.map((q) => q.id));
    expect(asked[0]?.type).toBe(questions[0]?.type);
    expect(questionsOf(engine.ruleSets)).toBe(asked);
    const label = { id: 'L', en: 'L' };
    const first = { id: 'a', type: 'text', label } as const;
    const other = [
      { kind: 'rubric', questions: [{ id: 'r', type: 'text', label }] },
      { kind: 'eligibility', questions: [first, { id: 'b', type: 'date', label }] },
      { kind: 'eligibility', questions: [] },
      { kind: 'eligibility', questions: [{ id: 'a', type: 'number', label }] },
    ] as unknown as RuleSet[];
    expect(questionsOf(other)).toEqual([first, { id: 'b', type: 'date', label }]);
    expect(questionsOf(createEngine().ruleSets)).toEqual([]);
    // A list of one's own is read afresh each time: it may have changed.
    const own = [...engine.ruleSets];
    expect(questionsOf(own)).toEqual(asked);
    own.length = 0;
    expect(questionsOf(own)).toEqual([]);
  });

  it('questionsOf refuses what is not a list of loaded rule sets, at its place', () => {
    const refusing = new Proxy([], {
      get() {
        throw new Error('trap');
      },
    });
    const list = 'ruleSets must be a list of loaded rule sets (engine.ruleSets)';
    const cases: [unknown, string, string][] = [
      ['iga-2026', 'ruleSets', list],
      [undefined, 'ruleSets', list],
      [[null], 'ruleSets.0', 'rule set 1 is not a loaded rule set'],
      [[{ kind: 'rubric' }, 7], 'ruleSets.1', 'rule set 2 is not a loaded rule set'],
      [[{ id: 'x' }], 'ruleSets.0', 'rule set 1 is not a loaded rule set'],
      [
        [{ kind: 'rubric' }, { kind: 'eligibility', questions: 'a' }],
        'ruleSets.1.questions',
        'rule set 2 has no list of questions',
      ],
      [
        [{ kind: 'eligibility', questions: [{ id: 7 }] }],
        'ruleSets.0.questions',
        'rule set 1 has no list of questions',
      ],
      [
        [{ kind: 'eligibility', questions: [null] }],
        'ruleSets.0.questions',
        'rule set 1 has no list of questions',
      ],
      [refusing, 'ruleSets', 'ruleSets could not be read (a property threw when read)'],
    ];
    for (const [given, path, message] of cases) {
      let thrown: unknown;
      try {
        questionsOf(given as RuleSet[]);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, path).toBeInstanceOf(InvalidOptionError);
      expect((thrown as InvalidOptionError).issues[0]?.path.join('.'), path).toBe(path);
      expect((thrown as InvalidOptionError).issues[0]?.message, path).toBe(message);
    }
  });

  it('without the questions, their columns are unknown columns, never dropped silently', async () => {
    const [first] = await rows(file('csv', sheet));
    expect(first?.warnings?.map((w) => w.code)).toEqual([
      'unknown_column',
      'unknown_column',
      'unknown_column',
    ]);
  });

  it('a cell that is not of the question’s type is the row’s problem, at its field', async () => {
    const bad = 'nama;daerah.sk_tim\nSolo;mungkin\n';
    const [row] = await rows(file('csv', bad), { questions });
    expect(row?.issues?.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['daerah.sk_tim', 'invalid_boolean'],
    ]);
  });

  it('refuses a malformed questions option, each question by its place', async () => {
    const label = { id: 'a', en: 'b' };
    const cases: [unknown, string, string][] = [
      [
        'ketua_tim',
        'questions',
        "questions must be a list of questions (an eligibility rule set's questions)",
      ],
      [[null], 'questions.0', 'question 1 must be an object'],
      [[[]], 'questions.0', 'question 1 must be an object'],
      [
        [questions[0], { id: 'Ketua', type: 'text', label }],
        'questions.1',
        'question 2 needs an id of lowercase letters, digits and "_"',
      ],
      [
        [{ id: 7, type: 'text', label }],
        'questions.0',
        'question 1 needs an id of lowercase letters, digits and "_"',
      ],
      [
        [{ id: 'a', type: 'teks', label }],
        'questions.0',
        'question 1 needs a type, one of text, number, integer, boolean, date, choice',
      ],
      [
        [{ id: 'a', type: 'choice', label }],
        'questions.0',
        'question 1 is a choice: it needs values, a list of texts',
      ],
      [
        [{ id: 'a', type: 'choice', values: ['x', ' '], label }],
        'questions.0',
        'question 1 is a choice: it needs values, a list of texts',
      ],
      [
        [{ id: 'a', type: 'text', label: { id: 'a' } }],
        'questions.0',
        'question 1 needs a label with id and en texts',
      ],
      [
        [{ id: 'a', type: 'text', label: { id: ' ', en: 'b' } }],
        'questions.0',
        'question 1 needs a label with id and en texts',
      ],
    ];
    for (const [given, path, message] of cases) {
      const error = await failure(rows(file('csv', sheet), { questions: given as never }));
      expect(error, JSON.stringify(given)).toBeInstanceOf(InvalidOptionError);
      expect((error as InvalidOptionError).issues).toEqual([
        {
          path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
          code: path === 'questions' ? 'invalid_type' : 'invalid_value',
          message,
        },
      ]);
    }
    // A choice with its values, and a label given in both languages, is taken.
    const fine = [{ id: 'a', type: 'choice', values: ['x'], label }] as const;
    await expect(rows(file('csv', sheet), { questions: fine })).resolves.toHaveLength(2);
  });
});
