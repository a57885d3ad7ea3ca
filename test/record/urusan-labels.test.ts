import { describe, expect, it } from 'vitest';
import { urusanIdOfLabel, urusanSuggestions } from '../../src/record/urusan-labels.js';

describe('urusanSuggestions: the urusan a text that names none was meant to name', () => {
  it('a name cut short, when it begins exactly one name', () => {
    expect(urusanIdOfLabel('Administrasi Kependudukan')).toBeUndefined();
    expect(urusanSuggestions('Administrasi Kependudukan')).toStrictEqual([
      'Administrasi Kependudukan dan Pencatatan Sipil (2.12)',
    ]);
    // Cut inside a word, as a narrow column cuts it.
    expect(urusanSuggestions('Administrasi Kependud')).toStrictEqual([
      'Administrasi Kependudukan dan Pencatatan Sipil (2.12)',
    ]);
    // After the preamble of letters and apps, in any case and spacing.
    expect(urusanSuggestions('Urusan Pemerintahan Bidang  pekerjaan')).toStrictEqual([
      'Pekerjaan Umum dan Penataan Ruang (1.03)',
    ]);
  });

  it('each of the few names a start fits, in the catalogue order', () => {
    expect(urusanSuggestions('Pemberdayaan')).toStrictEqual([
      'Pemberdayaan Perempuan dan Pelindungan Anak (2.08)',
      'Pemberdayaan Masyarakat dan Desa (2.13)',
    ]);
    expect(urusanSuggestions('Pertan')).toStrictEqual(['Pertanahan (2.10)', 'Pertanian (3.27)']);
  });

  it('the names a word belongs to, not one it looks like', () => {
    // "Kependudukan" is spelt near "Pendidikan", but it is a word of 2.12's name.
    expect(urusanSuggestions('Kependudukan')).toStrictEqual([
      'Administrasi Kependudukan dan Pencatatan Sipil (2.12)',
    ]);
    expect(urusanSuggestions('ketertiban')).toStrictEqual([
      'Ketenteraman dan Ketertiban Umum serta Pelindungan Masyarakat (1.05)',
    ]);
  });

  it('each urusan of a name of two, as an agency is named, never a third that looks like it', () => {
    expect(urusanIdOfLabel('Pendidikan dan Kebudayaan')).toBeUndefined();
    // Not "Pendidikan dan Pelatihan (5.04)", which it is spelt near.
    expect(urusanSuggestions('Pendidikan dan Kebudayaan')).toStrictEqual([
      'Pendidikan (1.01)',
      'Kebudayaan (2.22)',
    ]);
    expect(urusanSuggestions('Kesehatan, Sosial,')).toStrictEqual([
      'Kesehatan (1.02)',
      'Sosial (1.06)',
    ]);
    expect(urusanSuggestions('Pertanian & Pangan')).toStrictEqual([
      'Pertanian (3.27)',
      'Pangan (2.09)',
    ]);
  });

  it('a name or a label misspelt', () => {
    expect(urusanSuggestions('Kesehatn')).toStrictEqual(['Kesehatan (1.02)']);
    expect(urusanSuggestions('Dukcapl')).toStrictEqual([
      'Administrasi Kependudukan dan Pencatatan Sipil (2.12)',
    ]);
  });

  it('an absolute affair, which has no code, by its name alone', () => {
    expect(urusanSuggestions('Pertahanann')).toStrictEqual(['Pertahanan']);
  });

  it('none when nothing is near, or three letters are all', () => {
    expect(urusanSuggestions('Xyzzy')).toStrictEqual([]);
    expect(urusanSuggestions('Kes')).toStrictEqual([]);
    // Two letters changed make "KB" of any short word.
    expect(urusanSuggestions('Kex')).toStrictEqual([]);
  });
});

describe('urusanIdOfLabel: the unit and everyday names officers write', () => {
  it.each([
    ['Pemerintahan Umum', 'kesatuan_bangsa_dan_politik'],
    ['Satpol PP', 'ketenteraman_dan_ketertiban_umum_serta_pelindungan_masyarakat'],
    ['Pemadam Kebakaran', 'ketenteraman_dan_ketertiban_umum_serta_pelindungan_masyarakat'],
    ['Ketenagakerjaan', 'tenaga_kerja'],
    ['Bapenda', 'keuangan'],
    ['Pendapatan Daerah', 'keuangan'],
    ['DPMD', 'pemberdayaan_masyarakat_dan_desa'],
  ])('%s is %s', (label, id) => {
    expect(urusanIdOfLabel(label)).toBe(id);
  });
});
