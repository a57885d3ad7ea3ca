import type { Innovation } from '../src/index.js';
import { findUrusan } from '../src/record/urusan.js';

/**
 * The floor of the benchmark: Perwali Batu's eligibility and the IGA 2026 levels written by
 * hand in TypeScript, with no rule engine, no reasons and no messages. The benchmark checks
 * that it agrees with `evaluate` on every record before it times anything.
 */

type Tri = boolean | undefined;
const and = (...xs: Tri[]): Tri =>
  xs.includes(false) ? false : xs.includes(undefined) ? undefined : true;
const or = (...xs: Tri[]): Tri =>
  xs.includes(true) ? true : xs.includes(undefined) ? undefined : false;
const is = <T>(v: T | null | undefined, test: (v: T) => boolean): Tri =>
  v === undefined || v === null ? undefined : test(v);

export interface HandResult {
  verdict: 'eligible' | 'not_eligible' | 'incomplete';
  levels: number[];
  claimed: number;
  proven: number;
}

const WEIGHTS = [3, 2, 2, 2, 1, 2, 1, 1, 1, 1, 1, 1, 2, 1, 2, 3, 2, 3, 2, 4];

function ladder(
  value: number | null | undefined,
  l1: (v: number) => boolean,
  l2: (v: number) => boolean,
  l3: (v: number) => boolean,
): number {
  if (value === undefined || value === null) return 0;
  return l3(value) ? 3 : l2(value) ? 2 : l1(value) ? 1 : 0;
}
const choice = (value: string | null | undefined, options: string[]) =>
  value ? options.indexOf(value) + 1 : 0;

function kemanfaatan(basis: string | null | undefined, v: number | null | undefined): number {
  const ranges: Record<
    string,
    [(n: number) => boolean, (n: number) => boolean, (n: number) => boolean]
  > = {
    penerima: [(n) => n >= 1, (n) => n > 200, (n) => n > 500],
    cakupan_unit: [(n) => n >= 5, (n) => n > 20, (n) => n > 50],
    efisiensi_belanja: [(n) => n > 0, (n) => n > 10, (n) => n > 20],
    pendapatan: [(n) => n > 0, (n) => n >= 10, (n) => n >= 20],
    produk: [(n) => n >= 1, (n) => n > 100, (n) => n > 200],
    tren_kinerja: [(n) => n >= 1, (n) => n >= 2, (n) => n >= 3],
  };
  const r = basis ? ranges[basis] : undefined;
  return r ? ladder(v, ...r) : 0;
}

/** Eligibility under Perwali Batu 36/2022 and the IGA 2026 levels, by hand. */
export function handWritten(r: Innovation): HandResult {
  const groups = r.urusan?.map((u) => findUrusan(u)?.group);
  const criteria: Tri[] = [
    is(r.kebaruan, (k) => k === 'seluruh' || k === 'sebagian'),
    and(
      is(r.manfaatBagi, (m) => m.length > 0),
      is(r.untukKepentinganPribadi, (p) => p === false),
    ),
    and(
      or(
        is(r.pungutanBaru, (p) => p === false),
        is(r.pungutanSesuaiPeraturan, (p) => p === true),
      ),
      is(r.membatasiAkses, (m) => m === false),
    ),
    and(
      and(
        is(r.urusan, (u) => u.length > 0),
        is(groups, (g) => !g.includes('absolut')),
      ),
      is(r.dapatDireplikasi, (d) => d === true),
    ),
    is(r.prasyaratReplikasi, (p) => p.trim().length > 0),
  ];
  const verdict = criteria.includes(false)
    ? 'not_eligible'
    : criteria.includes(undefined)
      ? 'incomplete'
      : 'eligible';

  const i = r.indikator ?? {};
  const t = r.tahun;
  const yearsLevel = (ys: number[] | null | undefined, rkpd: boolean) => {
    if (!ys || t === undefined || t === null) return 0;
    const [y0, y1, y2] = [ys.includes(t), ys.includes(t - 1), ys.includes(t - 2)];
    if (rkpd) return y0 && y1 && y2 ? 3 : y1 && y2 ? 2 : y1 || y2 ? 1 : 0;
    return y0 && y1 && y2 ? 3 : (y0 && y1) || (y1 && y2) ? 2 : y0 || y1 || y2 ? 1 : 0;
  };
  const levels = [
    choice(i.regulasi?.jenis, ['sk_kepala_daerah', 'perkada', 'perda']),
    ladder(
      i.sdm?.jumlah,
      (n) => n >= 1,
      (n) => n >= 11,
      (n) => n >= 31,
    ),
    yearsLevel(i.anggaran?.tahun, false),
    choice(i.alatKerja?.jenis, ['manual', 'elektronik', 'daring']),
    ladder(
      i.bimtek?.jumlah,
      (n) => n >= 1,
      (n) => n >= 2,
      (n) => n >= 3,
    ),
    yearsLevel(i.rkpd?.tahun, true),
    ladder(
      i.aktor?.jumlah,
      (n) => n >= 3,
      (n) => n >= 4,
      (n) => n >= 5,
    ),
    choice(i.pelaksana?.jenis, ['tanpa_surat', 'surat_penugasan_kepala_pd', 'sk_kepala_daerah']),
    ladder(
      i.jejaring?.jumlahPd,
      (n) => n >= 2,
      (n) => n >= 3,
      (n) => n >= 5,
    ),
    choice(i.sosialisasi?.jenis, ['banner', 'media_pemda', 'media_massa']),
    choice(i.pedomanTeknis?.jenis, ['cetak', 'elektronik', 'daring']),
    ladder(
      i.informasiLayanan?.kanal,
      (n) => n >= 1,
      (n) => n >= 2,
      (n) => n >= 3,
    ),
    ladder(
      i.prosesLayanan?.hari,
      (n) => n >= 6,
      (n) => n > 1 && n < 6,
      (n) => n <= 1,
    ),
    ladder(
      i.pengaduan?.persenSelesai,
      (n) => n >= 0,
      (n) => n > 50,
      (n) => n >= 91,
    ),
    choice(i.layananTerintegrasi?.jenis, ['mandiri', 'satu_unit', 'lintas_unit']),
    ladder(
      i.replikasi?.jumlah,
      (n) => n >= 1,
      (n) => n >= 2,
      (n) => n >= 3,
    ),
    ladder(
      i.kecepatanPenciptaan?.bulan,
      (n) => n > 8,
      (n) => n > 4 && n <= 8,
      (n) => n <= 4,
    ),
    kemanfaatan(i.kemanfaatan?.basis, i.kemanfaatan?.nilai),
    choice(i.monev?.jenis, ['internal', 'survei_kepuasan', 'eksternal']),
    ladder(
      i.video?.substansi,
      (n) => n >= 1,
      (n) => n >= 3,
      (n) => n >= 5,
    ),
  ];
  const entries = [
    i.regulasi,
    i.sdm,
    i.anggaran,
    i.alatKerja,
    i.bimtek,
    i.rkpd,
    i.aktor,
    i.pelaksana,
    i.jejaring,
    i.sosialisasi,
    i.pedomanTeknis,
    i.informasiLayanan,
    i.prosesLayanan,
    i.pengaduan,
    i.layananTerintegrasi,
    i.replikasi,
    i.kecepatanPenciptaan,
    i.kemanfaatan,
    i.monev,
    i.video,
  ];
  let claimed = 0;
  let proven = 0;
  levels.forEach((level, k) => {
    const points = level * (WEIGHTS[k] as number);
    claimed += points;
    if ((entries[k]?.bukti?.length ?? 0) > 0) proven += points;
  });
  return { verdict, levels, claimed, proven };
}
