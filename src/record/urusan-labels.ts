import data from '../../rules/urusan-labels.json' with { type: 'json' };
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
  const bare = text.replace(
    /^\s*(urusan\s+)?(pemerintahan\s+)?(wajib\s+|pilihan\s+)?(bidang\s+)?/i,
    '',
  );
  return bare !== text ? labels().get(foldLabel(bare)) : undefined;
}
