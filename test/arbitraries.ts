import * as fc from 'fast-check';
import { RECORD_PATHS } from '../src/record/fields.js';
import { KemanfaatanBasisSchema } from '../src/schemas.js';

// Random records across the whole input contract, drafts included.
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const years = fc.subarray([2020, 2021, 2022, 2023, 2024, 2025]);
const num = fc.oneof(
  fc.integer({ min: 0, max: 1000 }),
  fc.double({ min: 0, max: 1000, noNaN: true }),
);
const bukti = opt(fc.constantFrom([], [{ jenis: 'sk' }]));
const entry = <T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) =>
  opt(fc.record({ ...shape, bukti }, { requiredKeys: [] }));
/** Random innovation records across the whole input contract, drafts included. */
export const recordArb = fc.record(
  {
    nama: fc.constant('Acak'),
    tahun: opt(fc.integer({ min: 2020, max: 2026 })),
    kebaruan: opt(fc.constantFrom('seluruh', 'sebagian', 'tidak')),
    manfaatBagi: opt(
      fc.subarray([
        'pendapatan_daerah',
        'penghematan_belanja',
        'capaian_kinerja',
        'mutu_pelayanan',
      ]),
    ),
    untukKepentinganPribadi: opt(fc.boolean()),
    pungutanBaru: opt(fc.boolean()),
    pungutanSesuaiPeraturan: opt(fc.boolean()),
    membatasiAkses: opt(fc.boolean()),
    urusan: opt(
      fc.subarray(['pendidikan', 'kesehatan', 'agama', 'kecamatan', 'pariwisata', 'yustisi']),
    ),
    dapatDireplikasi: opt(fc.boolean()),
    prasyaratReplikasi: opt(fc.constantFrom('', '  ', 'SDM terlatih')),
    rancangBangun: opt(fc.constantFrom('', 'singkat', 'kata '.repeat(300))),
    jenis: opt(fc.constantFrom('digital', 'non_digital')),
    waktuPenerapan: opt(fc.constantFrom('2020-03-15', '2021-06-01', '2022-03-31', '2022-04-30')),
    proposal: opt(
      fc.record(
        {
          ringkasan: opt(fc.constantFrom('', 'ringkas', 'kata '.repeat(201))),
          kebaruan: opt(fc.constantFrom('', 'baru')),
          implementasi: opt(fc.constantFrom('', 'diterapkan')),
          signifikansi: opt(fc.constantFrom(' ', 'naik 12%')),
          adaptabilitas: opt(fc.constantFrom('', 'ditiru')),
          sumberDaya: opt(fc.constantFrom('', 'APBD')),
          strategiKeberlanjutan: opt(fc.constantFrom('', 'SOP')),
        },
        { requiredKeys: [] },
      ),
    ),
    kipp: opt(
      fc.record(
        {
          kelompok: opt(fc.constantFrom('umum', 'replikasi', 'khusus')),
          tanggalTutupPendaftaran: opt(fc.constantFrom('2022-03-15', '2023-03-31')),
          penghargaan: opt(
            fc.array(
              fc.record({
                tahun: fc.integer({ min: 2014, max: 2023 }),
                peringkat: fc.constantFrom('top_99', 'top', 'top_khusus'),
              }),
              { maxLength: 3 },
            ),
          ),
          replikasiDari: opt(fc.constantFrom('', 'SIPANDU')),
          sdgs: opt(fc.subarray([1, 3, 8, 17])),
          aplikasi: opt(fc.boolean()),
          kuesionerSpbe: opt(fc.boolean()),
          penangananPandemi: opt(fc.boolean()),
          judulGanda: opt(fc.boolean()),
        },
        { requiredKeys: [] },
      ),
    ),
    indikator: opt(
      fc.record(
        {
          regulasi: entry({ jenis: opt(fc.constantFrom('sk_kepala_daerah', 'perkada', 'perda')) }),
          sdm: entry({ jumlah: opt(fc.integer({ min: 0, max: 50 })) }),
          anggaran: entry({ tahun: opt(years) }),
          rkpd: entry({ tahun: opt(years) }),
          aktor: entry({ jumlah: opt(fc.integer({ min: 0, max: 8 })) }),
          prosesLayanan: entry({ hari: opt(fc.double({ min: 0, max: 10, noNaN: true })) }),
          pengaduan: entry({ persenSelesai: opt(fc.double({ min: 0, max: 100, noNaN: true })) }),
          kecepatanPenciptaan: entry({ bulan: opt(fc.double({ min: 0, max: 14, noNaN: true })) }),
          kemanfaatan: entry({
            basis: opt(fc.constantFrom(...KemanfaatanBasisSchema.options)),
            nilai: opt(num),
          }),
          video: entry({ substansi: opt(fc.integer({ min: 0, max: 5 })) }),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: ['nama'] },
);

/** A value with every object's keys listed in order, so that key order is compared too. */
export const ordered = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(ordered);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => [k, ordered(v)]);
  }
  return value;
};

const set = (target: unknown, path: string[], value: unknown): void => {
  let node = target as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1) as string] = value;
};

const EDIT_PATHS = [
  ...RECORD_PATHS,
  'indikator.sdm.bukti',
  'indikator.sdm.bukti.0',
  'indikator.sdm.bukti.0.jenis',
  'indikator.sdm.bukti.0.tanggal',
  'indikator.sdm.bukti.0.lampiran',
  'labinov.bukti.design.0.tanggal',
  'kipp.penghargaan.0.tahun',
  'catatan',
  'indikator.catatan',
  'urusan.0',
].map((p) => p.split('.'));

const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    undefined,
    null,
    '',
    '   ',
    ' sk ',
    -0,
    1.5,
    2 ** 60,
    Number.POSITIVE_INFINITY,
    Number.NaN,
    [],
    {},
    'pendidikan',
    '1.01',
    'tidak-ada',
    '2024-02-29',
    '2023-02-29',
    [{ jenis: 'sk', tanggal: '2024-01-31' }],
    [{ jenis: ' ', nomor: null }],
    [2024, 2023],
    'perda',
  ),
);

/** Up to four edits of a record: a path (known fields, evidence, unknown keys) and an odd value. */
export const recordEditsArb = fc.array(fc.tuple(fc.constantFrom(...EDIT_PATHS), oddValue), {
  minLength: 1,
  maxLength: 4,
});

/** A copy of a record with the edits applied (objects made where a path needs them). */
export function applyEdits(
  record: unknown,
  edits: readonly (readonly [string[], unknown])[],
): Record<string, unknown> {
  const input = structuredClone(record) as Record<string, unknown>;
  // Each value copied: the odd values' `{}` and `[]` are shared constants, and a later edit
  // through one (`labinov` set to `{}`, then `labinov.0` to the same `{}`) made a cycle.
  for (const [path, value] of edits) set(input, path, structuredClone(value));
  return input;
}
