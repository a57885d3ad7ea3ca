import { type Locale, MESSAGES, pick } from '../messages.js';
import { nameKey } from '../record/names.js';

/**
 * Innovations entered more than once under one name (ignoring case, spaces and punctuation):
 * a region's list and a portfolio say the same thing about them.
 */

/** One name entered more than once: where, and a message naming every copy. */
export interface Duplicate {
  /** The name as first entered. */
  nama: string;
  /** The positions of the copies, from 0. */
  indices: number[];
  /** A message naming them all, in the requested locale. */
  message: string;
}

/**
 * Groups of entries that share a name, in order of first appearance.
 *
 * @param entries - each entry's name and its position in the caller's list
 * @param locale - the language of the messages
 */
export function duplicatesOf(
  entries: readonly { nama: string; index: number }[],
  locale: Locale,
): Duplicate[] {
  const groups = new Map<string, { nama: string; index: number }[]>();
  for (const entry of entries) {
    const key = nameKey(entry.nama);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => {
      const nama = (group[0] as { nama: string }).nama;
      const indices = group.map((e) => e.index);
      const values: Record<string, unknown> = {
        nama,
        n: group.length,
        list: indices.map((i) => i + 1).join(', '),
      };
      const message = pick(MESSAGES.region.duplicate, locale).replace(
        /\{(\w+)\}/g,
        (m, k: string) => String(values[k] ?? m),
      );
      return { nama, indices, message };
    });
}
