import data from '../../rules/kewenangan.json' with { type: 'json' };
import { suggest } from '../messages.js';
import { type RegionLevel, readRegionName } from './region-name.js';
import type { CatalogueContext } from './urusan.js';

/**
 * A level of government that holds a share of a concurrent affair: the centre (`pusat`), a
 * province (`provinsi`) or a regency or city (`kabupaten_kota`, one column in UU 23/2014's annex).
 */
export type AuthorityLevel = 'pusat' | 'provinsi' | 'kabupaten_kota';

export type { RegionLevel } from './region-name.js';

/**
 * One share of a sub-affair (*sub-urusan*) of a concurrent affair, as UU 23/2014's annex gives it
 * to one level of government.
 */
export interface SubUrusan {
  /** Stable id, e.g. `pendidikan_menengah`. */
  readonly id: string;
  /** The urusan it belongs to (an id of the urusan catalogue). */
  readonly urusan: string;
  /** Its name in Indonesian. */
  readonly nama: string;
  /** The levels that hold it. */
  readonly tingkat: readonly AuthorityLevel[];
  /** Levels for which the sources disagree: a record there is marked for review, not failed. */
  readonly tinjau?: readonly AuthorityLevel[];
  /** How the fact is sourced: `V`, `3P-copy`, `3P-seed`, `S` or `I` (see the data file). */
  readonly sumber: string;
}

/**
 * How a record's sub-affairs stand against its region's level:
 * `sesuai` (all held by that level), `di_luar` (one is held by another level only),
 * `perlu_ditinjau` (the sources disagree for that level), `belum_ditentukan` (the record names no
 * sub-affair, or its region's level is not known).
 */
export type AuthorityStatus = 'sesuai' | 'di_luar' | 'perlu_ditinjau' | 'belum_ditentukan';

/**
 * The sub-affairs whose split between levels the library knows, from UU 23/2014's annex
 * (`rules/kewenangan.json`).
 *
 * @example
 * ```ts
 * import { subUrusanCatalogue } from 'inovasi-rules/submission';
 * subUrusanCatalogue.find((s) => s.id === 'pendidikan_menengah')?.tingkat; // ['provinsi']
 * ```
 */
export const subUrusanCatalogue: readonly SubUrusan[] = Object.freeze(
  (data.subUrusan as SubUrusan[]).map((s) => Object.freeze({ ...s })),
);

const byId = new Map(subUrusanCatalogue.map((s) => [s.id, s]));

/**
 * Looks a sub-affair up by its id.
 *
 * @internal
 */
export function findSubUrusan(id: string): SubUrusan | undefined {
  return byId.get(id.trim());
}

/**
 * The level of a region from its name as regions write it (`Kota Batu`, `Kabupaten Malang`,
 * `Kab. Bantul`, `Pemkab Sleman`, `Prov. Jatim`); `undefined` for a name without such a prefix.
 *
 * @internal
 */
export function levelOfPemda(pemda: string | undefined | null): RegionLevel | undefined {
  if (!pemda) return undefined;
  return readRegionName(pemda).level;
}

/**
 * The column of the annex a region's level reads.
 *
 * @internal
 */
export function authorityLevelOf(level: RegionLevel): AuthorityLevel {
  return level === 'provinsi' ? 'provinsi' : 'kabupaten_kota';
}

/**
 * How sub-affairs stand against a region's level: any sub-affair outside that level's share
 * makes the whole `di_luar`; disagreeing sources make it `perlu_ditinjau`.
 *
 * @internal
 */
export function authorityOf(
  subUrusan: readonly string[] | undefined | null,
  level: RegionLevel | undefined,
): AuthorityStatus {
  if (!subUrusan || subUrusan.length === 0 || !level) return 'belum_ditentukan';
  const column = authorityLevelOf(level);
  let status: AuthorityStatus = 'sesuai';
  for (const id of subUrusan) {
    const entry = byId.get(id);
    if (!entry) continue;
    if (entry.tinjau?.includes(column)) status = 'perlu_ditinjau';
    else if (!entry.tingkat.includes(column)) return 'di_luar';
  }
  return status;
}

/** An affair UU 23/2014 splits as a whole (Pasal 14), with the sub-affairs excepted per level. */
interface AffairSplit {
  readonly id: string;
  readonly tingkat: readonly AuthorityLevel[];
  readonly kecuali?: Partial<Record<AuthorityLevel, readonly string[]>>;
}

const byAffair = new Map(
  ((data as { urusan?: AffairSplit[] }).urusan ?? []).map((a) => [a.id, a] as const),
);

/**
 * How a record's affairs stand against its region's level where the law splits a whole affair:
 * the main (first) affair outside the level's share, with none of the law's exceptions among
 * its sub-affairs, is `di_luar`; another listed affair outside it is `perlu_ditinjau`.
 * `undefined` when such an affair is listed and the level is not known.
 *
 * @internal
 */
export function affairAuthorityOf(
  urusan: readonly string[] | undefined | null,
  subUrusan: readonly string[] | undefined | null,
  level: RegionLevel | undefined,
): Exclude<AuthorityStatus, 'belum_ditentukan'> | undefined {
  const listed = urusan ?? [];
  if (!listed.some((u) => byAffair.has(u))) return 'sesuai';
  if (!level) return undefined;
  const column = authorityLevelOf(level);
  let status: 'sesuai' | 'perlu_ditinjau' = 'sesuai';
  for (const [i, id] of listed.entries()) {
    const split = byAffair.get(id);
    if (!split || split.tingkat.includes(column)) continue;
    const exceptions = split.kecuali?.[column] ?? [];
    if (subUrusan?.some((s) => exceptions.includes(s))) continue;
    if (i === 0) return 'di_luar';
    status = 'perlu_ditinjau';
  }
  return status;
}

/**
 * A sub-urusan id as its catalogue id; an issue (`unknown_sub_urusan`) for any other.
 *
 * @internal
 */
export function toSubUrusanId(key: string, ctx: CatalogueContext): string {
  const found = findSubUrusan(key);
  if (found) return found.id;
  const near = suggest(key, byId.keys());
  ctx.issues.push({
    code: 'custom',
    input: key,
    message: `unknown sub-urusan "${key}"${near ? ` (did you mean "${near}"?)` : ''}: use an id from the sub-urusan catalogue`,
    params: { code: 'unknown_sub_urusan', ...(near ? { suggestion: near } : {}) },
  });
  return key;
}
