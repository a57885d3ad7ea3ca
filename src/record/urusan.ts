import catalogue from '../../rules/urusan.json' with { type: 'json' };
import { InvalidOptionError } from '../errors.js';
import { suggest } from '../messages.js';

/**
 * The group of an urusan (government affair) under UU 23/2014.
 *
 * - `wajib_pelayanan_dasar`: mandatory affair tied to a basic service (codes 1.xx)
 * - `wajib_non_pelayanan_dasar`: other mandatory affair (2.xx)
 * - `pilihan`: optional affair (3.xx)
 * - `penunjang`: supporting function of regional government (4.xx–7.xx)
 * - `pemerintahan_umum`: general government affair (8.xx)
 * - `absolut`: absolute affair, reserved to the central government
 */
export type UrusanGroup =
  | 'wajib_pelayanan_dasar'
  | 'wajib_non_pelayanan_dasar'
  | 'pilihan'
  | 'penunjang'
  | 'pemerintahan_umum'
  | 'absolut';

/** One entry of the urusan catalogue. */
export interface Urusan {
  /** Stable id: the snake_case of the affair's name in UU 23/2014, e.g. `pendidikan`. */
  readonly id: string;
  /** Regional planning code such as `1.01`; `null` for absolute affairs, which have none. */
  readonly code: string | null;
  /** The affair's name in Indonesian. */
  readonly name: string;
  /** Its group under UU 23/2014. */
  readonly group: UrusanGroup;
  /** Other spellings accepted in place of the id (e.g. `perlindungan` for `pelindungan`). */
  readonly aliases?: readonly string[];
}

/**
 * The urusan catalogue: the 32 concurrent affairs with their codes and groups, the supporting
 * functions, the general government affair and the six absolute affairs.
 *
 * @example
 * ```ts
 * import { urusanCatalogue } from 'inovasi-rules';
 * urusanCatalogue.filter((u) => u.group === 'wajib_pelayanan_dasar').length; // 6
 * ```
 */
export const urusanCatalogue: readonly Urusan[] = Object.freeze(
  (catalogue.urusan as Urusan[]).map((u) => Object.freeze({ ...u })),
);

const byKey = new Map<string, Urusan>();
for (const u of urusanCatalogue) {
  byKey.set(u.id, u);
  if (u.code) byKey.set(u.code, u);
  for (const alias of u.aliases ?? []) byKey.set(alias, u);
}

/**
 * Looks an urusan up by its id, its code (`1.01`) or an accepted alias.
 *
 * @param key - an id, a code or an alias
 * @returns the catalogue entry, or `undefined` when the key is unknown
 * @example
 * ```ts
 * findUrusan('1.02')?.id; // 'kesehatan'
 * ```
 */
export function findUrusan(key: string): Urusan | undefined {
  return typeof key === 'string' ? byKey.get(key.trim()) : undefined;
}

/**
 * Whether an urusan group lies within a region's authority (every group but `absolut`).
 *
 * @param group - the group to test
 * @returns `true` unless the group is reserved to the central government
 * @example
 * ```ts
 * isWithinRegionalAuthority('absolut'); // false
 * ```
 */
export function isWithinRegionalAuthority(group: UrusanGroup): boolean {
  if (typeof group !== 'string' || !Object.hasOwn(catalogue.groups, group)) {
    const known = Object.keys(catalogue.groups).join(', ');
    throw new InvalidOptionError([
      { path: ['group'], code: 'invalid_value', message: `group must be one of ${known}` },
    ]);
  }
  return catalogue.groups[group].withinRegionalAuthority;
}

/**
 * Where a catalogue lookup reports an unknown key: zod's transform context, or the record
 * reader's own list.
 *
 * @internal
 */
export interface CatalogueContext {
  /** The issues found so far. */
  issues: {
    push(issue: {
      code: 'custom';
      input: string;
      message: string;
      params: { code: string; suggestion?: string };
    }): unknown;
  };
}

/**
 * An urusan given by id or code, as its catalogue id; an issue (`unknown_urusan`) for any other.
 *
 * @internal
 */
export function toUrusanId(key: string, ctx: CatalogueContext): string {
  const found = findUrusan(key);
  if (found) return found.id;
  const near = suggest(key, byKey.keys());
  ctx.issues.push({
    code: 'custom',
    input: key,
    message: `unknown urusan "${key}"${near ? ` (did you mean "${near}"?)` : ''}: use an id or a code from the urusan catalogue`,
    params: { code: 'unknown_urusan', ...(near ? { suggestion: near } : {}) },
  });
  return key;
}
