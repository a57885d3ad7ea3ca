import { describe, expect, it } from 'vitest';
import { dottedPathProblem, getPath, getSegments } from '../../src/conditions/path.js';

describe('dottedPathProblem', () => {
  it.each(['sdm', 'sdm.jumlah', 'a_1.B2._c', 'x'.repeat(200)])('accepts %s', (path) => {
    expect(dottedPathProblem(path)).toBeUndefined();
  });

  it.each([
    ['', 'path must not be empty'],
    ['x'.repeat(201), 'path is longer than 200 characters'],
    ['sdm.', '"sdm." is not a plain dotted path (letters, digits and _ separated by dots)'],
    ['.sdm', '".sdm" is not a plain dotted path (letters, digits and _ separated by dots)'],
    ['1sdm', '"1sdm" is not a plain dotted path (letters, digits and _ separated by dots)'],
    ['sdm[0]', '"sdm[0]" is not a plain dotted path (letters, digits and _ separated by dots)'],
    ['$.sdm', '"$.sdm" is not a plain dotted path (letters, digits and _ separated by dots)'],
    [
      'sdm jumlah',
      '"sdm jumlah" is not a plain dotted path (letters, digits and _ separated by dots)',
    ],
    ['a.__proto__.b', '"__proto__" may not appear in a path'],
    ['constructor', '"constructor" may not appear in a path'],
    ['a.prototype', '"prototype" may not appear in a path'],
  ])('refuses %j: %s', (path, message) => {
    expect(dottedPathProblem(path)).toBe(message);
  });
});

describe('getPath', () => {
  const record = { indikator: { sdm: { jumlah: 12, bukti: [{ jenis: 'sk' }] }, kosong: null } };

  it('reads nested own properties, list items by index included', () => {
    expect(getPath(record, 'indikator.sdm.jumlah')).toBe(12);
    expect(getPath(record, 'indikator.sdm.bukti.0.jenis')).toBe('sk');
    expect(getPath(record, 'indikator')).toBe(record.indikator);
  });

  it('gives undefined through a missing key, null or a primitive, never an error', () => {
    expect(getPath(record, 'indikator.regulasi.jenis')).toBeUndefined();
    expect(getPath(record, 'indikator.kosong.jenis')).toBeUndefined();
    expect(getPath(record, 'indikator.sdm.jumlah.x')).toBeUndefined();
    expect(getPath(null, 'a')).toBeUndefined();
    expect(getPath('text', 'length')).toBeUndefined();
  });

  it('never reads through a prototype', () => {
    const inherited = Object.create({ jumlah: 5 }) as object;
    expect(getPath({ sdm: inherited }, 'sdm.jumlah')).toBeUndefined();
    expect(getPath({}, 'toString')).toBeUndefined();
    expect(getPath({ a: [] }, 'a.length')).toBe(0);
  });

  it('the same path gives the same answer when read again (its split is cached)', () => {
    for (let i = 0; i < 3; i++) expect(getPath(record, 'indikator.sdm.jumlah')).toBe(12);
    expect(getSegments(record, ['indikator', 'sdm', 'jumlah'])).toBe(12);
    expect(getSegments(record, [])).toBe(record);
  });
});
