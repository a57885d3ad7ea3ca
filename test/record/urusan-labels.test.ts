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
