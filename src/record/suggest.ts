import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to a misspelt word, for "did you mean …": the same word in another case
 * or spacing, else the nearest by edit distance when it is near enough (at most 2 edits, or a
 * third of the word).
 *
 * @internal
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  // Bounded cost, whatever the input: no name is this long, and a candidate whose length alone
  // differs by more than the edits allowed is never measured.
  if (word.length > MAX_WORD) return undefined;
  const plain = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  const wordPlain = plain(word);
  const wordLower = word.toLowerCase();
  const allowed = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === word) return undefined;
    if (candidate.length > MAX_WORD) continue;
    if (plain(candidate) === wordPlain) return candidate;
    if (Math.abs(candidate.length - word.length) > allowed) continue;
    const d = distance(wordLower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= allowed ? best : undefined;
}

/** The longest word a suggestion is looked for: every field, fact and id is shorter. */
const MAX_WORD = 100;

/**
 * `(did you mean "x"?)` with a leading space, or an empty string.
 *
 * @internal
 */
export const didYouMean = (word: string, candidates: Iterable<string>): string => {
  const s = suggest(word, candidates);
  return s === undefined ? '' : ` (did you mean "${s}"?)`;
};
