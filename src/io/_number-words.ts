import aliases from '../../rules/aliases.json' with { type: 'json' };

/**
 * Indonesian number words, as letters and official forms write them after the digits:
 * "24 (dua puluh empat) orang", "1.250 (seribu dua ratus lima puluh)", "87,5 (delapan puluh
 * tujuh koma lima)". The words are read only to be held to the digits beside them, so the reading
 * is plain: the vocabulary is `rules/aliases.json` (`numberWords`), the grammar is the one below.
 * The npm packages on Indonesian numbers (`terbilang`, `@develoka/angka-terbilang-js`) write
 * words from a number; none reads them back.
 */

const WORDS = aliases.numberWords;
const DIGITS = new Map(Object.entries(WORDS.digits));
/** A "se" word as the scale it is one of: sepuluh → puluh. */
const ONE_OF = new Map(Object.entries(WORDS.se));
const SCALES = new Map(Object.entries(WORDS.scales));
const GROUPS = new Map(Object.entries(WORDS.groups));
const POINT = new Set(WORDS.point);

/**
 * The number that `text` says in Indonesian words, or `undefined` when it is not number words
 * (a word outside the vocabulary, two digits in a row, a scale with no digit before it, a
 * `koma` with no decimals after it).
 *
 * @param text - the words, in any case, separated by spaces or hyphens
 */
export function numberOfWords(text: string): number | undefined {
  const tokens = text
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean);
  if (tokens.length === 0) return undefined;
  let total = 0; // the groups closed by ribu, juta, …
  let group = 0; // the group under way, below a thousand
  let digit: number | undefined; // a digit word not yet taken by a scale
  let decimals: string | undefined; // the digits after koma
  for (const token of tokens) {
    if (decimals !== undefined) {
      const d = DIGITS.get(token);
      if (d === undefined) return undefined;
      decimals += String(d);
      continue;
    }
    if (POINT.has(token)) {
      group += digit ?? 0;
      digit = undefined;
      decimals = '';
      continue;
    }
    const d = DIGITS.get(token);
    if (d !== undefined) {
      if (digit !== undefined) return undefined;
      digit = d;
      continue;
    }
    // sepuluh, sebelas, seratus, seribu: one of the scale.
    const scale = ONE_OF.get(token) ?? token;
    if (scale !== token) {
      if (digit !== undefined) return undefined;
      digit = 1;
    }
    if (scale === WORDS.teens) {
      if (!digit) return undefined;
      group += digit + 10;
    } else if (SCALES.has(scale)) {
      if (!digit) return undefined;
      group += digit * (SCALES.get(scale) as number);
    } else if (GROUPS.has(scale)) {
      const value = group + (digit ?? 0);
      if (value === 0) return undefined;
      total += value * (GROUPS.get(scale) as number);
      group = 0;
    } else {
      return undefined;
    }
    digit = undefined;
  }
  if (decimals === '') return undefined;
  const whole = total + group + (digit ?? 0);
  return decimals === undefined ? whole : Number(`${whole}.${decimals}`);
}
