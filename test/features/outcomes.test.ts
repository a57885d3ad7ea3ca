import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compareOutcomes } from '../../src/dossier/index.js';
import { evaluate, InvalidOptionError, InvalidRecordError } from '../../src/index.js';
import { readRecords } from '../../src/io/index.js';
import { checkSubmission } from '../../src/submission.js';
import { eligibleRecord } from '../helpers.js';

/**
 * The verifiers' decisions against the prediction, on records whose prediction is known by
 * hand: a complete eligible record with no IGA facts (ready: nothing claimed, nothing to reject
 * but its design text), a record with a new levy (criterion 3 fails: not ready), and so on.
 */

const base = eligibleRecord({
  rancangBangun: Array.from({ length: 320 }, (_, i) => `kata${i}`).join(' '),
});
const ready = { ...base, id: 'a', nama: 'Antrean Daring' };
const levy = {
  ...base,
  id: 'b',
  nama: 'Parkir Wisata',
  pungutanBaru: true,
  pungutanSesuaiPeraturan: false,
};
const noDesign = { ...base, id: 'c', nama: 'Sekolah Ramah Anak', rancangBangun: undefined };
const twin1 = { ...base, id: 'd', nama: 'Lapor', opd: 'Dinas Kesehatan' };
const twin2 = { ...base, id: 'e', nama: 'Lapor', opd: 'Dinas Sosial' };

describe('compareOutcomes', () => {
  it('predicts as evaluate and checkSubmission do (the fixtures are what they claim)', async () => {
    expect((await evaluate(ready)).verdict).toBe('eligible');
    expect((await checkSubmission(ready)).ready).toBe(true);
    expect((await evaluate(levy)).verdict).toBe('not_eligible');
    expect((await checkSubmission(noDesign)).problems.map((p) => p.code)).toContain(
      'rancang_bangun_kosong',
    );
  });

  it('counts predicted ready against accepted, and what each code flagged', async () => {
    const c = await compareOutcomes(
      [ready, levy, noDesign, twin1, twin2],
      [
        { nama: 'ANTREAN daring', keputusan: 'diterima', nilai: 0 },
        { id: 'b', keputusan: 'ditolak' },
        { nama: 'Sekolah Ramah Anak', keputusan: 'ditolak', catatan: 'rancang bangun tipis' },
        { nama: 'Lapor', opd: 'Dinas Sosial', keputusan: 'ditolak' },
        { nama: 'Tidak Ada Di Usulan', keputusan: 'diterima' },
        { keputusan: 'diterima' },
        { nama: 'Tanpa Keputusan' },
      ],
    );
    expect(c.matched).toBe(4);
    // ready → accepted; levy, no design → rejected (predicted not ready); twin2 ready → rejected.
    expect(c.table).toStrictEqual({
      readyAccepted: 1,
      readyRejected: 1,
      notReadyAccepted: 0,
      notReadyRejected: 2,
    });
    expect(c.agreement).toBe(3);
    // The second "Lapor" is matched by its agency, not the first of that name.
    expect(c.innovations.find((m) => m.outcome === 3)?.record).toBe(4);
    expect(c.undecided).toStrictEqual([{ record: 3, nama: 'Lapor' }]);
    expect(c.unmatched).toStrictEqual([{ outcome: 4, nama: 'Tidak Ada Di Usulan' }]);
    expect(c.invalid.map((i) => [i.outcome, i.issues[0]?.path[0]])).toStrictEqual([
      [5, 'nama'],
      [6, 'keputusan'],
    ]);
    const code = (id: string) => c.codes.find((x) => x.code === id);
    expect(code('kriteria:tidak_membebani')).toStrictEqual({
      code: 'kriteria:tidak_membebani',
      flagged: 1,
      rejected: 1,
      lostPoints: 0,
      scored: 0,
      rejectedWithout: 2,
      notFlagged: 3,
    });
    expect(code('rancang_bangun_kosong')).toMatchObject({ flagged: 1, rejected: 1 });
    // Verified 0 where the library found 0 proven: no points lost.
    expect(c.innovations[0]).toMatchObject({ nilai: 0, lostPoints: false });
  });

  it('says an innovation lost points when the verified score is below the proven one', async () => {
    const withSdm = {
      ...ready,
      indikator: {
        sdm: {
          jumlah: 12,
          bukti: [{ jenis: 'sk_tim', nomor: '1/2023', tanggal: '2023-02-01', url: 'sk.pdf' }],
        },
      },
    };
    const proven = (await evaluate(withSdm)).score.proven;
    expect(proven).toBeGreaterThan(0);
    const c = await compareOutcomes(
      [withSdm],
      [{ id: 'a', keputusan: 'diterima', nilai: proven - 1 }],
    );
    expect(c.innovations[0]?.lostPoints).toBe(true);
    const flagged = c.codes.filter((x) => x.flagged > 0);
    for (const x of flagged) expect(x).toMatchObject({ lostPoints: 1, scored: 1 });
    const same = await compareOutcomes(
      [withSdm],
      [{ id: 'a', keputusan: 'diterima', nilai: proven }],
    );
    expect(same.innovations[0]?.lostPoints).toBe(false);
  });

  it('refuses what is not a list, unknown options, and names an invalid record', async () => {
    await expect(compareOutcomes({} as never, [])).rejects.toBeInstanceOf(InvalidOptionError);
    await expect(compareOutcomes([], [], { bahasa: 'id' } as never)).rejects.toBeInstanceOf(
      InvalidOptionError,
    );
    const bad = await compareOutcomes(
      [{ nama: 'X', tahun: 'dua ribu' }],
      [{ nama: 'X', keputusan: 'ditolak' }],
    ).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InvalidRecordError);
    expect((bad as InvalidRecordError).issues[0]?.path).toStrictEqual([0, 'tahun']);
  });

  it('never changes the caller’s lists', async () => {
    const records = Object.freeze([Object.freeze({ ...ready })]);
    const outcomes = Object.freeze([Object.freeze({ id: 'a', keputusan: 'diterima' as const })]);
    await expect(compareOutcomes(records, outcomes)).resolves.toMatchObject({ matched: 1 });
  });
});

describe('reading a verifiers’ outcome file', () => {
  it('reads a workbook as an app exports it: its headers and its words for the decision', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Hasil Verifikasi');
    sheet.addRow([
      'No',
      'Nama Inovasi',
      'Perangkat Daerah',
      'Status Verifikasi',
      'Nilai Terverifikasi',
      'Alasan Penolakan',
    ]);
    sheet.addRow([1, 'Antrean Daring', 'Dinas Kesehatan', 'Lolos', 42.5, '']);
    sheet.addRow([
      2,
      'Parkir Wisata',
      'Dinas Perhubungan',
      'TIDAK LOLOS',
      0,
      'Pungutan tanpa dasar',
    ]);
    sheet.addRow([3, 'Sekolah Ramah Anak', 'Dinas Pendidikan', 'Dikembalikan', null, '']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const rows = [];
    for await (const row of readRecords(bytes, { format: 'xlsx', fields: 'outcome' }))
      rows.push(row);
    expect(rows[0]?.record).toStrictEqual({
      id: '1',
      nama: 'Antrean Daring',
      opd: 'Dinas Kesehatan',
      keputusan: 'diterima',
      nilai: 42.5,
    });
    expect(rows[1]?.record).toMatchObject({
      keputusan: 'ditolak',
      catatan: 'Pungutan tanpa dasar',
    });
    // A word that is not a decision is refused with the choices, never guessed.
    expect(rows[2]?.issues?.[0]?.path).toStrictEqual(['keputusan']);
    expect(rows[2]?.issues?.[0]?.message).toMatch(/diterima/);
  });
});
