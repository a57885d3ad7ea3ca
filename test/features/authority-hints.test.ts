import { describe, expect, it } from 'vitest';
import keywords from '../../rules/kewenangan-kata-kunci.json' with { type: 'json' };
import { authorityHints } from '../../src/features/_authority-hints.js';
import { subUrusanCatalogue } from '../../src/record/kewenangan.js';

describe('the keyword file', () => {
  it('names only sub-affairs of the catalogue, each with lowercase words', () => {
    const ids = new Set(subUrusanCatalogue.map((s) => s.id));
    for (const [id, words] of Object.entries(keywords)) {
      if (id === '$comment') continue;
      expect(ids.has(id), id).toBe(true);
      for (const w of words as string[]) expect(w, id).toBe(w.toLowerCase());
    }
  });
});

describe('authorityHints', () => {
  it('finds words of sub-affairs held by other levels, on word boundaries only', () => {
    expect(authorityHints('Revitalisasi SMK Negeri 1', 'kota').map((h) => h.subUrusan.id)).toEqual([
      'pendidikan_menengah',
    ]);
    expect(authorityHints('Revitalisasi SMK Negeri 1', 'provinsi')).toEqual([]);
    expect(authorityHints('Kampung Smart', 'kota')).toEqual([]);
    expect(authorityHints('Puskesmas Ramah Anak', 'provinsi')[0]?.kataKunci).toBe('puskesmas');
  });
});
