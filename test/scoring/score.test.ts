import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../src/eligibility/pipeline.js';
import {
  evaluate,
  getRuleSet,
  type IndicatorScore,
  type InnovationScore,
  loadRuleSet,
} from '../../src/index.js';
import { factsOf } from '../../src/record/facts.js';
import type { RubricRuleSet } from '../../src/rule-sets/types.js';
import {
  rubricRunnerFor,
  scoreParsed,
  sortUpgrades,
  type Upgrade,
} from '../../src/scoring/score.js';
import { recordArb } from '../arbitraries.js';
import { countingResults, fixture } from '../helpers.js';
import { runs } from '../runs.js';

async function indicator(id: string, value: unknown, rubric = 'iga-2026'): Promise<IndicatorScore> {
  const result = await evaluate(
    { nama: 'Uji', tahun: 2024, indikator: { [id]: value } },
    { rubric },
  );
  const found = result.score.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

// [indicator, value, level, points] — boundaries exactly as record.md states them (tahun 2024).
const boundaries: [string, Record<string, unknown>, number, number][] = [
  ['sdm', { jumlah: 0 }, 0, 0],
  ['sdm', { jumlah: 1 }, 1, 2],
  ['sdm', { jumlah: 10 }, 1, 2],
  ['sdm', { jumlah: 11 }, 2, 4],
  ['sdm', { jumlah: 30 }, 2, 4],
  ['sdm', { jumlah: 31 }, 3, 6],
  ['anggaran', { tahun: [] }, 0, 0],
  ['anggaran', { tahun: [2021] }, 0, 0],
  ['anggaran', { tahun: [2025] }, 0, 0],
  ['anggaran', { tahun: [2022] }, 1, 2],
  ['anggaran', { tahun: [2024] }, 1, 2],
  ['anggaran', { tahun: [2024, 2022] }, 1, 2],
  ['anggaran', { tahun: [2024, 2023] }, 2, 4],
  ['anggaran', { tahun: [2022, 2023] }, 2, 4],
  ['anggaran', { tahun: [2022, 2023, 2024] }, 3, 6],
  ['alatKerja', { jenis: 'manual' }, 1, 2],
  ['alatKerja', { jenis: 'elektronik' }, 2, 4],
  ['alatKerja', { jenis: 'daring' }, 3, 6],
  ['bimtek', { jumlah: 0 }, 0, 0],
  ['bimtek', { jumlah: 1 }, 1, 1],
  ['bimtek', { jumlah: 2 }, 2, 2],
  ['bimtek', { jumlah: 3 }, 3, 3],
  ['rkpd', { tahun: [2024] }, 0, 0],
  ['rkpd', { tahun: [2023] }, 1, 2],
  ['rkpd', { tahun: [2022] }, 1, 2],
  ['rkpd', { tahun: [2024, 2023] }, 1, 2],
  ['rkpd', { tahun: [2023, 2022] }, 2, 4],
  ['rkpd', { tahun: [2024, 2023, 2022] }, 3, 6],
  ['aktor', { jumlah: 2 }, 0, 0],
  ['aktor', { jumlah: 3 }, 1, 1],
  ['aktor', { jumlah: 4 }, 2, 2],
  ['aktor', { jumlah: 5 }, 3, 3],
  ['pelaksana', { jenis: 'tanpa_surat' }, 1, 1],
  ['pelaksana', { jenis: 'surat_penugasan_kepala_pd' }, 2, 2],
  ['pelaksana', { jenis: 'sk_kepala_daerah' }, 3, 3],
  ['jejaring', { jumlahPd: 1 }, 0, 0],
  ['jejaring', { jumlahPd: 2 }, 1, 1],
  ['jejaring', { jumlahPd: 3 }, 2, 2],
  ['jejaring', { jumlahPd: 4 }, 2, 2],
  ['jejaring', { jumlahPd: 5 }, 3, 3],
  ['sosialisasi', { jenis: 'banner' }, 1, 1],
  ['sosialisasi', { jenis: 'media_pemda' }, 2, 2],
  ['sosialisasi', { jenis: 'media_massa' }, 3, 3],
  ['pedomanTeknis', { jenis: 'cetak' }, 1, 1],
  ['pedomanTeknis', { jenis: 'elektronik' }, 2, 2],
  ['pedomanTeknis', { jenis: 'daring' }, 3, 3],
  ['informasiLayanan', { kanal: 0 }, 0, 0],
  ['informasiLayanan', { kanal: 1 }, 1, 1],
  ['informasiLayanan', { kanal: 2 }, 2, 2],
  ['informasiLayanan', { kanal: 3 }, 3, 3],
  ['informasiLayanan', { kanal: 4 }, 3, 3],
  ['prosesLayanan', { hari: 10 }, 1, 2],
  ['prosesLayanan', { hari: 6 }, 1, 2],
  ['prosesLayanan', { hari: 5 }, 2, 4],
  ['prosesLayanan', { hari: 1.5 }, 2, 4],
  ['prosesLayanan', { hari: 1 }, 3, 6],
  ['prosesLayanan', { hari: 0 }, 3, 6],
  ['pengaduan', { persenSelesai: 0 }, 1, 1],
  ['pengaduan', { persenSelesai: 50 }, 1, 1],
  ['pengaduan', { persenSelesai: 50.5 }, 2, 2],
  ['pengaduan', { persenSelesai: 90.9 }, 2, 2],
  ['pengaduan', { persenSelesai: 91 }, 3, 3],
  ['layananTerintegrasi', { jenis: 'mandiri' }, 1, 2],
  ['layananTerintegrasi', { jenis: 'satu_unit' }, 2, 4],
  ['layananTerintegrasi', { jenis: 'lintas_unit' }, 3, 6],
  ['replikasi', { jumlah: 0 }, 0, 0],
  ['replikasi', { jumlah: 1 }, 1, 3],
  ['replikasi', { jumlah: 2 }, 2, 6],
  ['replikasi', { jumlah: 3 }, 3, 9],
  ['kecepatanPenciptaan', { bulan: 12 }, 1, 2],
  ['kecepatanPenciptaan', { bulan: 8.5 }, 1, 2],
  ['kecepatanPenciptaan', { bulan: 8 }, 2, 4],
  ['kecepatanPenciptaan', { bulan: 4.5 }, 2, 4],
  ['kecepatanPenciptaan', { bulan: 4 }, 3, 6],
  ['kecepatanPenciptaan', { bulan: 1 }, 3, 6],
  ['kemanfaatan', { basis: 'penerima', nilai: 0 }, 0, 0],
  ['kemanfaatan', { basis: 'cakupan_unit', nilai: 4.9 }, 0, 0],
  ['kemanfaatan', { basis: 'cakupan_unit', nilai: 5 }, 1, 3],
  ['kemanfaatan', { basis: 'cakupan_unit', nilai: 20 }, 1, 3],
  ['kemanfaatan', { basis: 'cakupan_unit', nilai: 20.01 }, 2, 6],
  ['kemanfaatan', { basis: 'cakupan_unit', nilai: 50 }, 2, 6],
  ['kemanfaatan', { basis: 'cakupan_unit', nilai: 50.01 }, 3, 9],
  ['kemanfaatan', { basis: 'efisiensi_belanja', nilai: 0 }, 0, 0],
  ['kemanfaatan', { basis: 'efisiensi_belanja', nilai: 0.01 }, 1, 3],
  ['kemanfaatan', { basis: 'efisiensi_belanja', nilai: 10 }, 1, 3],
  ['kemanfaatan', { basis: 'efisiensi_belanja', nilai: 10.01 }, 2, 6],
  ['kemanfaatan', { basis: 'efisiensi_belanja', nilai: 20 }, 2, 6],
  ['kemanfaatan', { basis: 'efisiensi_belanja', nilai: 20.01 }, 3, 9],
  ['kemanfaatan', { basis: 'pendapatan', nilai: 0 }, 0, 0],
  ['kemanfaatan', { basis: 'pendapatan', nilai: 9.99 }, 1, 3],
  ['kemanfaatan', { basis: 'pendapatan', nilai: 10 }, 2, 6],
  ['kemanfaatan', { basis: 'pendapatan', nilai: 19.99 }, 2, 6],
  ['kemanfaatan', { basis: 'pendapatan', nilai: 20 }, 3, 9],
  ['kemanfaatan', { basis: 'produk', nilai: 1 }, 1, 3],
  ['kemanfaatan', { basis: 'produk', nilai: 100 }, 1, 3],
  ['kemanfaatan', { basis: 'produk', nilai: 101 }, 2, 6],
  ['kemanfaatan', { basis: 'produk', nilai: 200 }, 2, 6],
  ['kemanfaatan', { basis: 'produk', nilai: 201 }, 3, 9],
  ['kemanfaatan', { basis: 'tren_kinerja', nilai: 1 }, 1, 3],
  ['kemanfaatan', { basis: 'tren_kinerja', nilai: 2 }, 2, 6],
  ['kemanfaatan', { basis: 'tren_kinerja', nilai: 3 }, 3, 9],
  ['monev', { jenis: 'internal' }, 1, 2],
  ['monev', { jenis: 'survei_kepuasan' }, 2, 4],
  ['monev', { jenis: 'eksternal' }, 3, 6],
  ['video', { substansi: 0 }, 0, 0],
  ['video', { substansi: 1 }, 1, 4],
  ['video', { substansi: 2 }, 1, 4],
  ['video', { substansi: 3 }, 2, 8],
  ['video', { substansi: 4 }, 2, 8],
  ['video', { substansi: 5 }, 3, 12],
];

describe('IGA indicator boundaries', () => {
  it.each(boundaries)('%s %j → level %i, %i points', async (id, value, level, points) => {
    for (const rubric of ['iga-2023', 'iga-2026']) {
      const score = await indicator(id, value, rubric);
      expect([score.level, score.points]).toStrictEqual([level, points]);
      expect(score.given).toBe(true);
    }
  });

  // Where the editions differ (field-2026-12.md §2: two 2024 apps agree on 2023's values).
  const byEdition: [string, string, Record<string, unknown>, number, number][] = [
    ['iga-2026', 'regulasi', { jenis: 'sk_kepala_perangkat_daerah' }, 0, 0],
    ['iga-2026', 'regulasi', { jenis: 'sk_kepala_daerah' }, 1, 3],
    ['iga-2026', 'regulasi', { jenis: 'perkada' }, 2, 6],
    ['iga-2026', 'regulasi', { jenis: 'perda' }, 3, 9],
    ['iga-2023', 'regulasi', { jenis: 'sk_kepala_perangkat_daerah' }, 1, 3],
    ['iga-2023', 'regulasi', { jenis: 'sk_kepala_daerah' }, 2, 6],
    ['iga-2023', 'regulasi', { jenis: 'perkada' }, 3, 9],
    ['iga-2023', 'regulasi', { jenis: 'perda' }, 3, 9],
    ['iga-2026', 'kemanfaatan', { basis: 'penerima', nilai: 1 }, 1, 3],
    ['iga-2026', 'kemanfaatan', { basis: 'penerima', nilai: 200 }, 1, 3],
    ['iga-2026', 'kemanfaatan', { basis: 'penerima', nilai: 201 }, 2, 6],
    ['iga-2026', 'kemanfaatan', { basis: 'penerima', nilai: 500 }, 2, 6],
    ['iga-2026', 'kemanfaatan', { basis: 'penerima', nilai: 501 }, 3, 9],
    ['iga-2023', 'kemanfaatan', { basis: 'penerima', nilai: 1 }, 1, 3],
    ['iga-2023', 'kemanfaatan', { basis: 'penerima', nilai: 100 }, 1, 3],
    ['iga-2023', 'kemanfaatan', { basis: 'penerima', nilai: 101 }, 2, 6],
    ['iga-2023', 'kemanfaatan', { basis: 'penerima', nilai: 200 }, 2, 6],
    ['iga-2023', 'kemanfaatan', { basis: 'penerima', nilai: 201 }, 3, 9],
  ];
  it.each(byEdition)(
    '%s: %s %j → level %i, %i points',
    async (rubric, id, value, level, points) => {
      const score = await indicator(id, value, rubric);
      expect([score.level, score.points]).toStrictEqual([level, points]);
    },
  );

  it('states the 2023 values and the pengaduan disagreement as assumptions', () => {
    const ids = (getRuleSet('iga-2023') as RubricRuleSet).assumptions?.map((a) => a.id) ?? [];
    expect(ids).toContain('ambang-2023-dari-aplikasi-2024');
    expect(ids).toContain('pengaduan-2023-sumber-berbeda');
  });
});

describe('IGA score of one innovation', () => {
  it('totals claimed and proven points by hand', async () => {
    const { score } = await evaluate(fixture('scored.json'), { rubric: 'iga-2026' });
    expect(score.rubric).toStrictEqual({ id: 'iga-2026', edition: '2026' });
    expect([score.claimed, score.proven, score.max]).toStrictEqual([86, 80, 111]);
    expect(score.missingEvidence).toStrictEqual(['rkpd', 'pengaduan']);
    expect(score.missing).toStrictEqual([]);
    expect(score.indicators.map((i) => i.level)).toStrictEqual([
      2, 2, 2, 3, 2, 2, 2, 3, 2, 3, 3, 3, 3, 2, 2, 1, 2, 3, 2, 3,
    ]);
  });

  it('scores an empty record 0 and flags the five mandatory indicators of 2026 only', async () => {
    const r2026 = (await evaluate({ nama: 'Kosong' })).score;
    expect([r2026.claimed, r2026.proven]).toStrictEqual([0, 0]);
    expect(r2026.missing).toHaveLength(20);
    expect(r2026.missingMandatory).toStrictEqual([
      'regulasi',
      'sdm',
      'kecepatanPenciptaan',
      'kemanfaatan',
      'video',
    ]);
    const r2023 = (await evaluate({ nama: 'Kosong' }, { rubric: 'iga-2023' })).score;
    expect(r2023.missingMandatory).toStrictEqual([]);
  });

  it('counts a claim as proven only with evidence attached', async () => {
    const none = await indicator('sdm', { jumlah: 12 });
    const empty = await indicator('sdm', { jumlah: 12, bukti: [] });
    const attached = await indicator('sdm', { jumlah: 12, bukti: [{ jenis: 'sk' }] });
    expect([none.proven, empty.proven, attached.proven]).toStrictEqual([false, false, true]);
    const { score } = await evaluate({
      nama: 'x',
      indikator: { sdm: { jumlah: 12 }, video: { substansi: 5, bukti: [{ jenis: 'video' }] } },
    });
    expect([score.claimed, score.proven]).toStrictEqual([16, 12]);
  });

  it('says what the next level needs and how many points it gains', async () => {
    const sdm = await indicator('sdm', { jumlah: 10, bukti: [{ jenis: 'sk' }] });
    expect(sdm.reason.code).toBe('sdm_level_1');
    expect(sdm.reason.message).toBe(
      'Level 1 dari 3 (1-10 orang): 2 dari 6 poin. Untuk level 2: tambah 1 SDM pengelola lagi (+2 poin).',
    );
    expect(sdm.reason.fields).toStrictEqual(['indikator.sdm.jumlah']);
    const top = await indicator('video', { substansi: 5, bukti: [{ jenis: 'video' }] });
    expect(top.reason.message).toMatch(/Sudah level tertinggi\.$/);
  });

  it('points at the missing field, including the year of year-relative indicators', async () => {
    const { score } = await evaluate({ nama: 'x', indikator: { anggaran: { tahun: [2024] } } });
    const anggaran = score.indicators.find((i) => i.id === 'anggaran');
    expect(anggaran?.given).toBe(false);
    expect(anggaran?.reason.code).toBe('anggaran_missing');
    expect(anggaran?.reason.fields).toStrictEqual(['tahun']);
  });

  it('orders the upgrade path by gain, evidence before a level of the same gain', async () => {
    const { score } = await evaluate(
      {
        nama: 'x',
        tahun: 2024,
        indikator: {
          regulasi: { jenis: 'perkada' },
          sdm: { jumlah: 29, bukti: [{ jenis: 'sk' }] },
          video: { substansi: 4, bukti: [{ jenis: 'video' }] },
        },
      },
      { locale: 'en', rubric: 'iga-2026' },
    );
    expect(
      score.upgrades.slice(0, 4).map((u) => [u.indicator, u.kind, u.level, u.gain]),
    ).toStrictEqual([
      ['regulasi', 'evidence', 2, 6],
      ['video', 'level', 3, 4],
      ['regulasi', 'level', 3, 3],
      ['replikasi', 'level', 1, 3],
    ]);
    const sdm = score.upgrades.find((u) => u.indicator === 'sdm');
    expect(sdm?.message).toBe(
      'Staff managing the innovation: add 2 more staff for level 3 (+2 points).',
    );
  });
});

describe('upgrade hints for an empty indicator', () => {
  it('say what the first level needs, never a "?"', async () => {
    const { evaluate } = await import('../../src/index.js');
    const { score } = await evaluate({ nama: 'Draf' });
    const sdm = score.indicators.find((i) => i.id === 'sdm');
    expect(sdm?.reason.message).toBe(
      'Belum diisi: indikator.sdm.jumlah. Untuk level 1: isi datanya (level ini: 1-10 orang) (+2 poin). Indikator wajib.',
    );
    expect(JSON.stringify(score)).not.toContain('?');
  });
});

describe('the IGA edition in force for the record’s year, when none is named', () => {
  it.each([
    [2021, 'iga-2023'],
    [2023, 'iga-2023'],
    [2024, 'iga-2023'],
    [2025, 'iga-2026'],
    [2026, 'iga-2026'],
    [2030, 'iga-2026'],
    [undefined, 'iga-2026'],
  ])('tahun %s → %s', async (tahun, rubric) => {
    const record = tahun === undefined ? { nama: 'A' } : { nama: 'A', tahun };
    expect((await evaluate(record)).score.rubric.id).toBe(rubric);
  });

  it('asOf chooses instead of tahun; a named rubric always wins', async () => {
    expect(
      (await evaluate({ nama: 'A', tahun: 2024 }, { asOf: '2026-05-01' })).score.rubric.id,
    ).toBe('iga-2026');
    expect(
      (await evaluate({ nama: 'A', tahun: 2026 }, { rubric: 'iga-2023' })).score.rubric.id,
    ).toBe('iga-2023');
    await expect(evaluate({ nama: 'A' }, { asOf: 'kemarin' })).rejects.toThrow(
      /asOf must be a date/,
    );
  });
});

describe('what the next level needs, for < and > thresholds', () => {
  it.each([
    [{ prosesLayanan: { hari: 7 } }, 'prosesLayanan', 'kurangi 2 hari'],
    [{ prosesLayanan: { hari: 5 } }, 'prosesLayanan', 'kurangi 4 hari'],
    [{ kecepatanPenciptaan: { bulan: 12 } }, 'kecepatanPenciptaan', '4 bulan lebih cepat'],
    [{ kecepatanPenciptaan: { bulan: 6 } }, 'kecepatanPenciptaan', '2 bulan lebih cepat'],
    [{ pengaduan: { persenSelesai: 60 } }, 'pengaduan', 'tambah 31 poin persen'],
    [{ kemanfaatan: { basis: 'penerima', nilai: 150 } }, 'kemanfaatan', 'kurang 51'],
    [{ sdm: { jumlah: 24 } }, 'sdm', 'tambah 7 SDM pengelola lagi'],
  ])('%j: %s needs "%s"', async (indikator, id, needs) => {
    const { score } = await evaluate({ nama: 'x', tahun: 2026, indikator }, { rubric: 'iga-2026' });
    expect(score.indicators.find((i) => i.id === id)?.reason.message).toContain(needs);
  });
});

describe('the lists of a score', () => {
  const ids = (getRuleSet('iga-2026') as RubricRuleSet).indicators.map((i) => i.id);

  it('missing: the indicators not given, in the rubric order', async () => {
    const { score } = await evaluate(
      { nama: 'x', tahun: 2024, indikator: { video: { substansi: 1 }, sdm: { jumlah: 0 } } },
      { rubric: 'iga-2026' },
    );
    expect(score.missing).toStrictEqual(ids.filter((id) => id !== 'sdm' && id !== 'video'));
    expect(score.missingMandatory).toStrictEqual([
      'regulasi',
      'kecepatanPenciptaan',
      'kemanfaatan',
    ]);
  });

  it('missingEvidence: points claimed without evidence, never a level 0 or an empty indicator', async () => {
    const { score } = await evaluate(
      {
        nama: 'x',
        tahun: 2024,
        indikator: {
          regulasi: { jenis: 'perda', bukti: [{ jenis: 'perda' }] },
          sdm: { jumlah: 0 },
          bimtek: { jumlah: 2 },
          video: { substansi: 3, bukti: [] },
        },
      },
      { rubric: 'iga-2026' },
    );
    expect(score.missingEvidence).toStrictEqual(['bimtek', 'video']);
    expect([score.claimed, score.proven]).toStrictEqual([9 + 2 + 8, 9]);
  });

  it('a null is missing, as an absent field is', async () => {
    const absent = await evaluate({ nama: 'x' }, { rubric: 'iga-2026' });
    const nulls = await evaluate(
      { nama: 'x', tahun: null, indikator: { anggaran: null, sdm: { jumlah: null } } },
      { rubric: 'iga-2026' },
    );
    expect(nulls.score).toStrictEqual(absent.score);
  });
});

describe('the sentence of each state of an indicator', () => {
  const en = async (indikator: Record<string, unknown>) =>
    (await evaluate({ nama: 'x', tahun: 2024, indikator }, { rubric: 'iga-2026', locale: 'en' }))
      .score;
  const one = (score: InnovationScore, id: string) =>
    score.indicators.find((i) => i.id === id) as IndicatorScore;

  it('below level 1, with what level 1 needs, and no evidence to ask for', async () => {
    const score = await en({ bimtek: { jumlah: 0 } });
    expect(one(score, 'bimtek').reason).toStrictEqual({
      code: 'bimtek_level_0',
      message: 'Below level 1. For level 1: hold 1 more training (+1 points).',
      fields: ['indikator.bimtek.jumlah'],
    });
    expect(score.upgrades.filter((u) => u.indicator === 'bimtek')).toStrictEqual([
      {
        indicator: 'bimtek',
        kind: 'level',
        level: 1,
        gain: 1,
        message: expect.stringContaining('hold 1 more training'),
        fields: ['indikator.bimtek.jumlah'],
      },
    ]);
  });

  it('a level without evidence says its points are not proven, and asks for the evidence', async () => {
    const score = await en({ sdm: { jumlah: 5 } });
    expect(one(score, 'sdm').reason.message).toBe(
      'Level 1 of 3 (1-10 staff): 2 of 6 points. No evidence is attached, so these points are not proven. For level 2: add 6 more staff (+2 points).',
    );
    const evidence = score.upgrades.find((u) => u.indicator === 'sdm' && u.kind === 'evidence');
    expect(evidence).toMatchObject({ level: 1, gain: 2, fields: ['indikator.sdm.bukti'] });
  });

  it('a level whose next one has no number to count says what that level is', async () => {
    const score = await en({ regulasi: { jenis: 'sk_kepala_daerah', bukti: [{ jenis: 'sk' }] } });
    expect(one(score, 'regulasi').reason.message).toBe(
      "Level 1 of 3 (a decree of the head of region (or of the agency head on the head of region's behalf)): 3 of 9 points. For level 2: enact the innovation by a perkada (+3 points).",
    );
    expect(score.upgrades.filter((u) => u.indicator === 'regulasi')).toHaveLength(1);
  });

  it('the year of a year-relative indicator is pointed at only when it is missing', async () => {
    const score = await en({ anggaran: { tahun: [2024] } });
    const next = score.upgrades.find((u) => u.indicator === 'anggaran' && u.kind === 'level');
    expect(next?.fields).toStrictEqual(['indikator.anggaran.tahun']);
    expect(one(score, 'anggaran').reason.fields).toStrictEqual(['indikator.anggaran.tahun']);
  });

  it('an empty mandatory indicator says it is mandatory; an empty optional one does not', async () => {
    const score = await en({});
    expect(one(score, 'video').reason.message).toMatch(
      /\) \(\+4 points\)\. Mandatory indicator\.$/,
    );
    expect(one(score, 'bimtek').reason.message).not.toMatch(/Mandatory/);
  });
});

describe('the upgrade path at equal gain', () => {
  const gainTwo = async (indikator: Record<string, unknown>) =>
    (await evaluate({ nama: 'x', tahun: 2024, indikator }, { rubric: 'iga-2026' })).score.upgrades
      .filter((u) => u.gain === 2)
      .map((u) => [u.indicator, u.kind, u.level]);
  const levels = [
    ['anggaran', 'level', 1],
    ['alatKerja', 'level', 1],
    ['rkpd', 'level', 1],
    ['prosesLayanan', 'level', 1],
    ['layananTerintegrasi', 'level', 1],
    ['kecepatanPenciptaan', 'level', 1],
    ['monev', 'level', 2],
  ];

  it('evidence first, even of a later indicator, then levels in the rubric order', async () => {
    const proven = await gainTwo({
      sdm: { jumlah: 5, bukti: [{ jenis: 'sk' }] },
      monev: { jenis: 'internal' },
    });
    expect(proven).toStrictEqual([['monev', 'evidence', 1], ['sdm', 'level', 2], ...levels]);
  });

  it('two pieces of evidence keep the rubric order, and come before the same indicator’s level', async () => {
    const unproven = await gainTwo({ sdm: { jumlah: 5 }, monev: { jenis: 'internal' } });
    expect(unproven).toStrictEqual([
      ['sdm', 'evidence', 1],
      ['monev', 'evidence', 1],
      ['sdm', 'level', 2],
      ...levels,
    ]);
  });

  it('largest gain first over the whole path', async () => {
    const { score } = await evaluate({ nama: 'x', tahun: 2024, indikator: { sdm: { jumlah: 5 } } });
    const gains = score.upgrades.map((u) => u.gain);
    expect(gains).toStrictEqual([...gains].sort((a, b) => b - a));
    expect(gains[0]).toBe(4);
  });
});

// The IGA rubrics never decide a level without the indicator's entry. A rubric may (a level
// that the year alone meets): the memo of empty indicators must still give exactly what building
// afresh gives.
describe('the memo of empty indicators, on a rubric whose level the year alone decides', () => {
  const { lineage: _, ...base } = structuredClone(getRuleSet('iga-2026')) as unknown as {
    lineage: unknown;
    indicators: { id: string; levels: { conditions: unknown }[] }[];
  };
  const sdm = base.indicators.find((i) => i.id === 'sdm');
  if (!sdm?.levels[0]) throw new Error('no sdm levels');
  sdm.levels[0].conditions = {
    any: [
      { fact: 'indikator', path: 'sdm.jumlah', operator: 'greaterThanInclusive', value: 1 },
      { fact: 'tahun', operator: 'greaterThanInclusive', value: 2025 },
    ],
  };
  if (!sdm.levels[1]) throw new Error('no sdm level 2');
  sdm.levels[1].conditions = {
    all: [
      { fact: 'indikator', path: 'sdm.jumlah', operator: 'greaterThanInclusive', value: 11 },
      { fact: 'tahun', operator: 'greaterThanInclusive', value: 2020 },
    ],
  };
  const json = {
    ...base,
    id: 'uji-rubrik-memo',
    jurisdiction: { level: 'kota', name: 'Kota Uji Memo' },
  };

  const records = [
    { nama: 'a', tahun: 2020 },
    { nama: 'b', tahun: 2026 },
    { nama: 'c', kebaruan: 'seluruh' },
    { nama: 'd', tahun: 2024 },
    { nama: 'e' },
    { nama: 'f', tahun: 2026, kebaruan: 'sebagian' },
  ];

  it('memoised equals built afresh, record after record, in both locales', () => {
    const rubric = loadRuleSet(json, { replace: true }) as RubricRuleSet;
    for (const locale of ['id', 'en'] as const) {
      for (const input of [...records, ...records.reverse()]) {
        const record = parseRecord(input);
        const levels = rubricRunnerFor(rubric)(factsOf(record));
        expect(
          scoreParsed(record, levels, rubric, locale, true),
          JSON.stringify(input),
        ).toStrictEqual(scoreParsed(record, levels, rubric, locale, false));
      }
    }
  });

  it('the next level points at the year only when the record lacks it', () => {
    const rubric = loadRuleSet(json, { replace: true }) as RubricRuleSet;
    const next = (input: Record<string, unknown>) => {
      const record = parseRecord(input);
      const score = scoreParsed(record, rubricRunnerFor(rubric)(factsOf(record)), rubric, 'en');
      return score.upgrades.find((u) => u.indicator === 'sdm' && u.kind === 'level')?.fields;
    };
    expect(next({ nama: 'a', indikator: { sdm: { jumlah: 5 } } })).toStrictEqual([
      'indikator.sdm.jumlah',
      'tahun',
    ]);
    expect(next({ nama: 'b', tahun: 2024, indikator: { sdm: { jumlah: 5 } } })).toStrictEqual([
      'indikator.sdm.jumlah',
    ]);
  });

  it('a level decided without the entry scores it', () => {
    const rubric = loadRuleSet(json, { replace: true }) as RubricRuleSet;
    const record = parseRecord({ nama: 'b', tahun: 2026 });
    const score = scoreParsed(record, rubricRunnerFor(rubric)(factsOf(record)), rubric, 'en');
    expect(score.indicators.find((i) => i.id === 'sdm')).toMatchObject({ level: 1, given: true });
  });
});

// Every indicator's score is kept per rubric, locale and the values its levels read: on any
// record, in one test (the kept scores live across records), it equals the score built afresh.
describe('kept indicator scores', () => {
  it('memoised equals built afresh on random records, in both editions and locales', () => {
    const rubrics = ['iga-2026', 'iga-2023'].map((id) => getRuleSet(id) as RubricRuleSet);
    fc.assert(
      fc.property(recordArb, (input) => {
        const record = parseRecord(input);
        for (const rubric of rubrics) {
          const levels = rubricRunnerFor(rubric)(factsOf(record));
          for (const locale of ['id', 'en'] as const) {
            expect(scoreParsed(record, levels, rubric, locale, true)).toStrictEqual(
              scoreParsed(record, levels, rubric, locale, false),
            );
          }
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it('a kept score is not built again: the levels are not asked, unless memo is off', () => {
    const rubric = getRuleSet('iga-2026') as RubricRuleSet;
    // Values no other test gives, so that nothing is kept for them yet.
    const record = parseRecord({ nama: 'a', tahun: 2025, indikator: { sdm: { jumlah: 9173 } } });
    const real = rubricRunnerFor(rubric)(factsOf(record));
    const counting = countingResults(real);
    const first = scoreParsed(record, counting, rubric, 'en');
    const once = counting.asked();
    expect(once).toBeGreaterThan(0);
    expect(scoreParsed(record, counting, rubric, 'en')).toStrictEqual(first);
    expect(counting.asked()).toBe(once);
    scoreParsed(record, counting, rubric, 'en', false);
    expect(counting.asked()).toBeGreaterThan(once);
  });

  it('a kept score is a copy: changing one result changes no other', async () => {
    const input = { nama: 'a', tahun: 2024, indikator: { sdm: { jumlah: 5 } } };
    const first = await evaluate(input);
    const sdm = first.score.indicators.find((i) => i.id === 'sdm');
    sdm?.reason.fields.push('changed');
    if (sdm) sdm.level = 3;
    first.score.upgrades[0]?.fields.push('changed');
    const second = await evaluate(input);
    const fresh = scoreParsed(
      parseRecord(input),
      rubricRunnerFor(getRuleSet('iga-2023') as RubricRuleSet)(factsOf(parseRecord(input))),
      getRuleSet('iga-2023') as RubricRuleSet,
      'id',
      false,
    );
    expect(second.score).toStrictEqual(fresh);
  });
});

describe('sortUpgrades', () => {
  const upgradeArb = fc.record({
    indicator: fc.constantFrom('sdm', 'regulasi', 'video'),
    kind: fc.constantFrom('evidence' as const, 'level' as const),
    level: fc.integer({ min: 1, max: 3 }),
    gain: fc.constantFrom(0.5, 1, 1.5, 2, 3, 4.5, 6, 9),
    message: fc.string({ maxLength: 3 }),
    fields: fc.constant([] as string[]),
  });

  it('orders as a stable sort does: larger gain, then evidence, then the order given; short lists and long', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(upgradeArb, { maxLength: 64 }),
          fc.array(upgradeArb, { minLength: 65, maxLength: 100 }),
        ),
        (list) => {
          const expected = [...list].sort(
            (a, b) => b.gain - a.gain || (a.kind === b.kind ? 0 : a.kind === 'evidence' ? -1 : 1),
          );
          const sorted: Upgrade[] = [...list];
          sortUpgrades(sorted);
          // The same objects, in the same order (identity tells equal-looking items apart).
          expect(sorted.length).toBe(expected.length);
          sorted.forEach((u, i) => {
            expect(u).toBe(expected[i]);
          });
        },
      ),
      { numRuns: runs(300) },
    );
  });
});
