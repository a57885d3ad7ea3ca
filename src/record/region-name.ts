import wilayah from '../../rules/wilayah.json' with { type: 'json' };

/**
 * A region's name as regions write it, read once for every use: matching a record's `pemda` to a
 * rule set's jurisdiction, and the level of government for authority by level. The prefixes and
 * the province short names are data (`rules/wilayah.json`).
 */

/** The level of a regional government (*tingkat pemerintah daerah*). */
export type RegionLevel = 'provinsi' | 'kabupaten' | 'kota';

/** A region's name, read. */
export interface RegionName {
  /** `provinsi`, `kabupaten` or `kota`; `undefined` when the name says none (`Batu`). */
  readonly level: RegionLevel | undefined;
  /** The place without its prefix, folded: lower case, single spaces (`malang`, `jawa timur`). */
  readonly place: string;
  /** What two names of the same region share: `kabupaten:malang`, or `:batu` without a level. */
  readonly key: string;
}

/** Longest prefix first, so that `pemerintah kota` wins over `kota`. */
const PREFIXES: readonly (readonly [string, RegionLevel])[] = (
  Object.entries(wilayah.prefixes) as [RegionLevel, string[]][]
)
  .flatMap(([level, words]) => words.map((word) => [word, level] as const))
  .sort((a, b) => b[0].length - a[0].length);

const PROVINCES: Readonly<Record<string, string>> = wilayah.provinsiSingkatan;

/** Case, spacing and a leading "pemerintah daerah" folded; dots kept (they end `kab.`). */
function fold(name: string): string {
  let folded = name.normalize('NFKC').toLowerCase().trim().split(/\s+/).join(' ');
  if (folded.startsWith('pemerintah daerah ')) folded = folded.slice('pemerintah daerah '.length);
  return folded;
}

/**
 * Reads a region's name: `Kota Batu`, `Pemkot Batu`, `Pemerintah Kota Batu`, `Kab. Malang`,
 * `Kab Malang`, `Pemkab Malang`, `Provinsi Jawa Timur`, `Prov. Jatim`, `Pemprov Jawa Timur`, in
 * any case and spacing.
 *
 * @param name - the name as written
 * @returns its level (when the name says it), the place and the key two spellings share
 * @example
 * ```ts
 * readRegionName('Prov. Jatim').key === readRegionName('Provinsi Jawa Timur').key; // true
 * ```
 */
export function readRegionName(name: string): RegionName {
  const folded = fold(name);
  for (const [prefix, level] of PREFIXES) {
    if (!folded.startsWith(prefix)) continue;
    const rest = folded.slice(prefix.length);
    // `kab.malang` is written too; `kota` must not take `kotabaru` (a kabupaten's name).
    if (!prefix.endsWith('.') && rest !== '' && !rest.startsWith(' ')) continue;
    const bare = rest.replace(/^\.?\s*/, '');
    if (bare === '') continue;
    const place = level === 'provinsi' ? (PROVINCES[bare] ?? bare) : bare;
    return { level, place, key: `${level}:${place}` };
  }
  return { level: undefined, place: folded, key: `:${folded}` };
}

/**
 * Whether two names are the same region: same place, and the same level when both say one.
 * A name without a level (`Batu`) is not taken for `Kota Batu`: `Kabupaten Malang` and
 * `Kota Malang` are two regions.
 *
 * @param a - a region's name, read
 * @param b - another, read
 * @returns true when both name the same region
 */
export function sameRegion(a: RegionName, b: RegionName): boolean {
  return a.level !== undefined && a.key === b.key;
}
