import { describe, expect, it } from 'vitest';
import { findUrusan, urusanCatalogue } from '../../src/index.js';
import { isWithinRegionalAuthority } from '../../src/submission.js';

describe('urusan catalogue', () => {
  it('holds the 32 concurrent affairs of UU 23/2014: 6 + 18 + 8', () => {
    const count = (group: string) => urusanCatalogue.filter((u) => u.group === group).length;
    expect([
      count('wajib_pelayanan_dasar'),
      count('wajib_non_pelayanan_dasar'),
      count('pilihan'),
    ]).toStrictEqual([6, 18, 8]);
    expect(urusanCatalogue.filter((u) => u.group === 'absolut').map((u) => u.id)).toStrictEqual([
      'politik_luar_negeri',
      'pertahanan',
      'keamanan',
      'yustisi',
      'moneter_dan_fiskal_nasional',
      'agama',
    ]);
  });

  it('has unique ids and codes', () => {
    const ids = urusanCatalogue.map((u) => u.id);
    const codes = urusanCatalogue.flatMap((u) => (u.code ? [u.code] : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each([
    ['1.01', 'pendidikan'],
    ['pekerjaan_umum_dan_penataan_ruang', 'pekerjaan_umum_dan_penataan_ruang'],
    ['2.12', 'administrasi_kependudukan_dan_pencatatan_sipil'],
    ['3.26', 'pariwisata'],
    ['6.01', 'pengawasan'],
    ['pemberdayaan_perempuan_dan_perlindungan_anak', 'pemberdayaan_perempuan_dan_pelindungan_anak'],
  ])('finds %s as %s', (key, id) => {
    expect(findUrusan(key)?.id).toBe(id);
  });

  it('knows which groups lie within a region authority', () => {
    expect(isWithinRegionalAuthority('absolut')).toBe(false);
    expect(isWithinRegionalAuthority('penunjang')).toBe(true);
    expect(findUrusan('sihir')).toBeUndefined();
  });
});
