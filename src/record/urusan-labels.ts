import data from '../../rules/urusan-labels.json' with { type: 'json' };
import { escapeRegExp, suggest } from '../messages.js';
import { findUrusan, urusanCatalogue } from './urusan.js';

/**
 * Urusan as people write them: by name ("Kesehatan"), by a label real apps use ("UMKM",
 * `rules/urusan-labels.json`), or after a preamble ("Urusan Pemerintahan Bidang Kesehatan"). The
 * spreadsheet reader reads them so; a rule set's author who writes one is told the id.
 */

/**
 * A text folded for matching: accents, case, spaces and punctuation dropped.
 *
 * @internal
 */
export const foldLabel = (text: string): string =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** The words before an urusan's name in a letter or an app: "Urusan Pemerintahan Wajib Bidang". */
const PREAMBLE = /^\s*(urusan\s+)?(pemerintahan\s+)?(wajib\s+|pilihan\s+)?(bidang\s+)?/i;

let byLabel: Map<string, string> | undefined;

function labels(): Map<string, string> {
  if (!byLabel) {
    byLabel = new Map();
    for (const u of urusanCatalogue) {
      byLabel.set(foldLabel(u.name), u.id);
      byLabel.set(foldLabel(u.id), u.id);
    }
    for (const [id, texts] of Object.entries(data.labels as Record<string, readonly string[]>)) {
      for (const label of texts) byLabel.set(foldLabel(label), id);
    }
  }
  return byLabel;
}

/**
 * The urusan id of a text: an id, code or alias of the catalogue, else a name or a label real
 * apps use, with or without the preamble "Urusan Pemerintahan (Wajib) Bidang".
 *
 * @internal
 */
export function urusanIdOfLabel(text: string): string | undefined {
  const byKey = findUrusan(text.trim());
  if (byKey) return byKey.id;
  const found = labels().get(foldLabel(text));
  if (found) return found;
  const bare = text.replace(PREAMBLE, '');
  return bare !== text ? labels().get(foldLabel(bare)) : undefined;
}

/**
 * The urusan a text that names none was most likely meant to name, each as `Name (code)`: those
 * whose name begins with the text ("Administrasi Kependudukan"; "Pemberdayaan" begins two), else
 * those with the text as a word of their name ("Kependudukan", at most three), else each urusan
 * a name of two names ("Pendidikan dan Kebudayaan"), else the name or label nearest in spelling
 * ("Kesehatn"). None when nothing is near, or when the text has fewer than four letters.
 *
 * @internal
 */
export function urusanSuggestions(text: string): string[] {
  const shown = (id: string | undefined) => {
    const u = id === undefined ? undefined : findUrusan(id);
    if (!u) return [];
    return [u.code ? `${u.name} (${u.code})` : u.name];
  };
  const words = text.replace(PREAMBLE, '').trim().toLowerCase().split(/\s+/).join(' ');
  // Three letters begin or nearly spell too many names ("Kes" is not "KB").
  if (words.length < 4) return [];
  // Four letters or more begin at most three names of the catalogue ("Peng").
  const starting = urusanCatalogue.filter((u) => u.name.toLowerCase().startsWith(words));
  if (starting.length > 0) return starting.flatMap((u) => shown(u.id));
  // A word of a name ("Kependudukan": Administrasi Kependudukan dan Pencatatan Sipil).
  const within = new RegExp(`(^|\\s)${escapeRegExp(words)}(\\s|$)`);
  const containing = urusanCatalogue.filter((u) => within.test(u.name.toLowerCase()));
  if (containing.length > 0 && containing.length <= 3)
    return containing.flatMap((u) => shown(u.id));
  // Two urusan in one name ("Pendidikan dan Kebudayaan", an agency's): each of them.
  const parts = text.split(/\s*(?:\bdan\b|&|,|\/)\s*/i).filter((part) => part.trim() !== '');
  const ids = parts.map(urusanIdOfLabel);
  if (parts.length > 1 && ids.every((id) => id !== undefined)) {
    return [...new Set(ids)].flatMap((id) => shown(id));
  }
  const names = new Map<string, string>();
  for (const u of urusanCatalogue) names.set(u.name, u.id);
  for (const [id, texts] of Object.entries(data.labels as Record<string, readonly string[]>)) {
    for (const label of texts) names.set(label, id);
  }
  const near = suggest(words, names.keys());
  return near === undefined ? [] : shown(names.get(near));
}
