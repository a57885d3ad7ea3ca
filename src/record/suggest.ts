import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to a misspelt word, for "did you mean …": the same word in another case
 * or spacing, else the nearest by edit distance when it is near enough (at most 2 edits, or a
 * third of the word).
 *
 * @internal
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const plain = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === word) return undefined;
    if (plain(candidate) === plain(word)) return candidate;
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * `(did you mean "x"?)` with a leading space, or an empty string.
 *
 * @internal
 */
export const didYouMean = (word: string, candidates: Iterable<string>): string => {
  const s = suggest(word, candidates);
  return s === undefined ? '' : ` (did you mean "${s}"?)`;
};
