import keywords from '../../rules/kewenangan-kata-kunci.json' with { type: 'json' };
import { escapeRegExp } from '../messages.js';
import {
  authorityLevelOf,
  type RegionLevel,
  type SubUrusan,
  subUrusanCatalogue,
} from '../record/kewenangan.js';

/** A word in an innovation's name that hints at a sub-affair held by another level. */
export interface AuthorityHint {
  /** The sub-affair the word hints at. */
  subUrusan: SubUrusan;
  /** The word as found in the name. */
  kataKunci: string;
}

const words = keywords as unknown as Record<string, string[]>;
let compiled: (readonly [SubUrusan, RegExp])[] | undefined;
/** The keyword patterns, compiled on first use (never at import). */
const patternsOf = () =>
  (compiled ??= subUrusanCatalogue
    .filter((s) => (words[s.id]?.length ?? 0) > 0)
    .map(
      (s) =>
        [
          s,
          new RegExp(
            `(^|[^\\p{L}\\p{N}])(${(words[s.id] as string[]).map(escapeRegExp).join('|')})($|[^\\p{L}\\p{N}])`,
            'iu',
          ),
        ] as const,
    ));

/**
 * Words in a text (an innovation's name) that hint at sub-affairs held only by other levels than
 * the region's (`rules/kewenangan-kata-kunci.json`): a hint for a person to check, never a verdict.
 *
 * @internal
 */
export function authorityHints(text: string, level: RegionLevel): AuthorityHint[] {
  const column = authorityLevelOf(level);
  const hints: AuthorityHint[] = [];
  for (const [entry, pattern] of patternsOf()) {
    if (entry.tingkat.includes(column) || entry.tinjau?.includes(column)) continue;
    const match = pattern.exec(text);
    if (match) hints.push({ subUrusan: entry, kataKunci: (match[2] as string).toLowerCase() });
  }
  return hints;
}
