import * as fc from 'fast-check';

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
            basis: opt(
              fc.constantFrom(
                'penerima',
                'cakupan_unit',
                'efisiensi_belanja',
                'pendapatan',
                'produk',
                'tren_kinerja',
              ),
            ),
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
