import { describe, expect, it } from 'vitest';
import { urusanIdOfLabel, urusanSuggestion } from '../../src/record/urusan-labels.js';

describe('urusanSuggestion: the urusan a text that names none was meant to name', () => {
  it('a name cut short, when it begins exactly one name', () => {
    expect(urusanIdOfLabel('Administrasi Kependudukan')).toBeUndefined();
    expect(urusanSuggestion('Administrasi Kependudukan')).toBe(
      'Administrasi Kependudukan dan Pencatatan Sipil (2.12)',
    );
    // Cut inside a word, as a narrow column cuts it.
    expect(urusanSuggestion('Administrasi Kependud')).toBe(
      'Administrasi Kependudukan dan Pencatatan Sipil (2.12)',
    );
    // After the preamble of letters and apps, in any case and spacing.
    expect(urusanSuggestion('Urusan Pemerintahan Bidang  pekerjaan')).toBe(
      'Pekerjaan Umum dan Penataan Ruang (1.03)',
    );
  });

  it('a name or a label misspelt', () => {
    expect(urusanSuggestion('Kesehatn')).toBe('Kesehatan (1.02)');
    expect(urusanSuggestion('Dukcapl')).toBe(
      'Administrasi Kependudukan dan Pencatatan Sipil (2.12)',
    );
  });

  it('an absolute affair, which has no code, by its name alone', () => {
    expect(urusanSuggestion('Pertahanann')).toBe('Pertahanan');
  });

  it('none when the words begin several names, or nothing is near', () => {
    // Pemberdayaan Masyarakat dan Desa, Pemberdayaan Perempuan dan Pelindungan Anak.
    expect(urusanSuggestion('Pemberdayaan')).toBeUndefined();
    expect(urusanSuggestion('Xyzzy')).toBeUndefined();
    // Three letters are too few to go on; a start shared by names fits none of them.
    expect(urusanSuggestion('Kes')).toBeUndefined();
    // Two letters changed make "KB" of any short word.
    expect(urusanSuggestion('Kex')).toBeUndefined();
    expect(urusanSuggestion('Pertan')).toBeUndefined();
  });
});
