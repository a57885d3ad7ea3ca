import type { InnovationInput } from '../src/index.js';
import { KemanfaatanBasisSchema } from '../src/schemas.js';

/**
 * Deterministic generated records for the benchmark: complete ones, failing ones and drafts,
 * with IGA evidence, in realistic proportions.
 */

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = <T>(rand: () => number, items: readonly T[]): T =>
  items[Math.floor(rand() * items.length)] as T;
const maybe = <T>(rand: () => number, p: number, value: () => T): T | undefined =>
  rand() < p ? value() : undefined;

const URUSAN = [
  'pendidikan',
  'kesehatan',
  '1.03',
  'sosial',
  'pariwisata',
  'kepegawaian',
  'perhubungan',
  'agama',
];
const MANFAAT = [
  'pendapatan_daerah',
  'penghematan_belanja',
  'capaian_kinerja',
  'mutu_pelayanan',
] as const;
const BASIS = KemanfaatanBasisSchema.options;

/** The i-th generated record (the same for the same i and seed). */
export function generateRecord(i: number, seed = 2026): InnovationInput {
  const rand = prng(seed * 1_000_003 + i);
  const bukti = () => (rand() < 0.8 ? [{ jenis: 'dokumen' }] : []);
  const years = () => [2026, 2025, 2024].filter(() => rand() < 0.6);
  return {
    id: `gen-${i}`,
    nama: `Inovasi ${i}`,
    // Kota Batu's records of IGA 2026: its Perwali judges them and the 2026 edition scores them,
    // as the hand-written floor does.
    pemda: 'Kota Batu',
    tahun: 2026,
    kebaruan: maybe(rand, 0.95, () =>
      pick(rand, ['seluruh', 'sebagian', 'sebagian', 'tidak'] as const),
    ),
    manfaatBagi: maybe(rand, 0.95, () => MANFAAT.filter(() => rand() < 0.5)),
    untukKepentinganPribadi: maybe(rand, 0.9, () => rand() < 0.05),
    pungutanBaru: maybe(rand, 0.9, () => rand() < 0.1),
    pungutanSesuaiPeraturan: maybe(rand, 0.5, () => rand() < 0.7),
    membatasiAkses: maybe(rand, 0.9, () => rand() < 0.05),
    urusan: maybe(rand, 0.95, () => [pick(rand, URUSAN)]),
    dapatDireplikasi: maybe(rand, 0.9, () => rand() < 0.95),
    prasyaratReplikasi: maybe(rand, 0.85, () =>
      rand() < 0.9 ? 'Jaringan internet dan petugas terlatih.' : '',
    ),
    indikator: {
      regulasi: {
        jenis: pick(rand, ['sk_kepala_daerah', 'perkada', 'perda'] as const),
        bukti: bukti(),
      },
      sdm: { jumlah: Math.floor(rand() * 45), bukti: bukti() },
      anggaran: { tahun: years(), bukti: bukti() },
      alatKerja: { jenis: pick(rand, ['manual', 'elektronik', 'daring'] as const), bukti: bukti() },
      bimtek: { jumlah: Math.floor(rand() * 5), bukti: bukti() },
      rkpd: { tahun: years(), bukti: bukti() },
      aktor: { jumlah: 2 + Math.floor(rand() * 5), bukti: bukti() },
      pelaksana: {
        jenis: pick(rand, [
          'tanpa_surat',
          'surat_penugasan_kepala_pd',
          'sk_kepala_daerah',
        ] as const),
        bukti: bukti(),
      },
      jejaring: { jumlahPd: 1 + Math.floor(rand() * 6), bukti: bukti() },
      sosialisasi: {
        jenis: pick(rand, ['banner', 'media_pemda', 'media_massa'] as const),
        bukti: bukti(),
      },
      pedomanTeknis: {
        jenis: pick(rand, ['cetak', 'elektronik', 'daring'] as const),
        bukti: bukti(),
      },
      informasiLayanan: { kanal: Math.floor(rand() * 5), bukti: bukti() },
      prosesLayanan: { hari: Math.floor(rand() * 10), bukti: bukti() },
      pengaduan: { persenSelesai: Math.floor(rand() * 101), bukti: bukti() },
      layananTerintegrasi: {
        jenis: pick(rand, ['mandiri', 'satu_unit', 'lintas_unit'] as const),
        bukti: bukti(),
      },
      replikasi: { jumlah: Math.floor(rand() * 4), bukti: bukti() },
      kecepatanPenciptaan: { bulan: 1 + Math.floor(rand() * 12), bukti: bukti() },
      kemanfaatan: { basis: pick(rand, BASIS), nilai: Math.floor(rand() * 700), bukti: bukti() },
      monev: {
        jenis: pick(rand, ['internal', 'survei_kepuasan', 'eksternal'] as const),
        bukti: bukti(),
      },
      video: { substansi: Math.floor(rand() * 6), bukti: bukti() },
    },
  } as InnovationInput;
}

/** A draft as a Batu form sends it first: a name and an agency (and the form's region). */
export function draftRecord(i: number): InnovationInput {
  return { id: `draf-${i}`, nama: `Draf ${i}`, pemda: 'Kota Batu', opd: 'Dinas Kesehatan' };
}

/** The eligibility facts only, as most regional exports hold them: no IGA indicators. */
export function eligibilityRecord(i: number): InnovationInput {
  const { indikator: _, ...rest } = generateRecord(i);
  return rest;
}

/** Every one of the 20 indicators given, each with a dated, numbered evidence document. */
export function evidencedRecord(i: number): InnovationInput {
  const record = generateRecord(i);
  const indikator = Object.fromEntries(
    Object.entries(record.indikator ?? {}).map(([id, entry]) => [
      id,
      {
        ...(entry as object),
        bukti: [{ jenis: 'dokumen', nomor: `${i}/${id}/2024`, tanggal: '2024-03-01' }],
      },
    ]),
  );
  return { ...record, indikator } as InnovationInput;
}
