import data from '../../rules/labinov-5d.json' with { type: 'json' };
import type { Innovation } from './innovation.js';

/**
 * LAN's 5D stages (`rules/labinov-5d.json`): which stages an innovation has reached, and which of
 * them have no evidence.
 */

/** The 5D stage ids in order, then `documentation`. */
export const LABINOV_STAGES: readonly string[] = data.stages.map((s) => s.id);

/** The stages' and documentation's data, by id. @internal */
export const LABINOV = Object.fromEntries(
  [...data.stages, data.documentation].map((s) => [s.id, s]),
) as Record<string, (typeof data.stages)[number]>;

/**
 * The stage an innovation has reached and the stages reached without evidence (in order,
 * `documentation` last when it is claimed without a document).
 *
 * @internal
 */
export function labinovOf(record: Pick<Innovation, 'labinov'>): {
  tahap?: string;
  tanpaBukti: string[];
} {
  const labinov = record.labinov;
  if (!labinov?.tahap) return { tanpaBukti: [] };
  const reached = LABINOV_STAGES.slice(0, LABINOV_STAGES.indexOf(labinov.tahap) + 1);
  if (labinov.dokumentasi) reached.push(data.documentation.id);
  const bukti = (labinov.bukti ?? {}) as Record<string, unknown[] | null | undefined>;
  return { tahap: labinov.tahap, tanpaBukti: reached.filter((s) => !(bukti[s]?.length ?? 0)) };
}
