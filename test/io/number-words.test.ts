import terbilang from '@develoka/angka-terbilang-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberOfWords } from '../../src/io/_number-words.js';
import { runs } from '../runs.js';

// The words of a number as another library writes them (angka-terbilang-js writes words from
// digits; ours reads them back): an oracle that shares no code with the reader.
const words = (n: number) => terbilang(String(n));

describe('numberOfWords', () => {
  it('reads back the words of any whole number up to a trillion', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => {
        expect(numberOfWords(words(n))).toBe(n);
      }),
      { numRuns: runs(2_000) },
    );
  });

  it('reads the words in any case, with hyphens or several spaces between them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9_999_999 }),
        fc.constantFrom(' ', '  ', '-'),
        (n, gap) => {
          const text = words(n).toUpperCase().split(' ').join(gap);
          expect(numberOfWords(text)).toBe(n);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('reads words with spaces around them', () => {
    expect(numberOfWords(' dua puluh ')).toBe(20);
  });

  it('reads decimals after koma, digit by digit', () => {
    expect(numberOfWords('delapan puluh tujuh koma lima')).toBe(87.5);
    expect(numberOfWords('nol koma nol dua lima')).toBe(0.025);
    expect(numberOfWords('seratus koma dua lima')).toBe(100.25);
  });

  it.each([
    ['', 'nothing'],
    ['orang', 'a word that is no number'],
    ['dua puluh empat orang', 'a number and a word that is none'],
    ['dua tiga', 'two digits in a row'],
    ['puluh', 'a scale with no digit before it'],
    ['nol puluh', 'a scale of nothing'],
    ['belas', 'teens with no digit'],
    ['ribu', 'a group of nothing'],
    ['dua koma', 'koma with no decimals'],
    ['dua koma puluh', 'a scale among the decimals'],
    ['satu sepuluh', 'a digit before a se word'],
  ])('is undefined for %j (%s)', (text) => {
    expect(numberOfWords(text)).toBeUndefined();
  });
});
