import { describe, expect, it } from 'vitest';
import { openRecords, type SourceRow } from '../../src/cli/input.js';

const root = new URL('../fixtures/', import.meta.url).pathname;
const rows = async (file: string) => {
  const out: SourceRow[] = [];
  for await (const row of (await openRecords(root + file)).rows) out.push(row);
  return out;
};

describe('reading CSV', () => {
  it('builds nested records from dotted columns, with lists, booleans and numbers typed by the schema', async () => {
    const [first, second] = await rows('batu-2023.csv');
    expect(first).toStrictEqual({
      index: 0,
      line: 2,
      record: {
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
        urusan: ['3.27', '2.09'],
        dapatDireplikasi: true,
        prasyaratReplikasi: 'Penyuluh pertanian, jaringan seluler',
        indikator: {
          sdm: { jumlah: 24, bukti: [{ jenis: 'sk_tim' }] },
          anggaran: { tahun: [2023, 2022] },
          video: { substansi: 5, bukti: [{ jenis: 'video' }] },
        },
        catatan: 'dari formulir',
      },
    });
    expect(second?.record).toMatchObject({
      nama: 'Puskesmas "Ramah" Lansia',
      untukKepentinganPribadi: false,
    });
  });

  it('reports a short row with its line and goes on; leaves a bad cell for validation to name', async () => {
    const all = await rows('batu-2023.csv');
    expect(all).toHaveLength(7);
    expect(all[5]).toMatchObject({ index: 5, line: 7, issues: [{ code: 'invalid_csv' }] });
    expect(all[4]?.record).toMatchObject({ indikator: { sdm: { jumlah: 'banyak' } } });
    expect(all[6]?.record).toMatchObject({ nama: 'Urusan Asing' });
  });
});

describe('reading NDJSON', () => {
  it('reads one record per line, skips blank lines and reports a broken line by number', async () => {
    const all = await rows('batu-2022.ndjson');
    expect(all.map((r) => [r.index, r.line, r.issues ? 'bad' : 'ok'])).toStrictEqual([
      [0, 1, 'ok'],
      [1, 2, 'ok'],
      [2, 4, 'bad'],
      [3, 5, 'ok'],
    ]);
  });
});
