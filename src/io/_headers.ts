import { distance } from 'fastest-levenshtein';
import aliases from '../../rules/aliases.json' with { type: 'json' };
import type { Issue } from '../errors.js';
import type { Locale } from '../messages.js';
import { foldLabel } from '../record/urusan-labels.js';
import { DOCUMENT_PART, type Field, idInWords } from './_fields.js';
import { say } from './_say.js';

/**
 * Matching a sheet's columns to record fields: by path, by id ignoring case, spaces and
 * punctuation, by the names in `rules/aliases.json`, or by the caller's own map. A column that
 * matches nothing is named in a warning with the closest valid names; it is never dropped
 * silently.
 */

/** Columns of real exports the record has no field for (`rules/aliases.json`, `ignored`). */
const IGNORED = new Set<string>();

/** Folds a name for matching: lower case, letters and digits only. */
export const fold = foldLabel;
for (const column of aliases.ignored.columns) IGNORED.add(fold(column));

/**
 * Columns that go on a list field after its own column (`rules/aliases.json`, `continues`): the
 * secondary affairs of an app that keeps the main one apart (`Urusan Irisan`).
 */
const CONTINUES = new Map<string, string>();
for (const [path, names] of Object.entries(aliases.continues)) {
  if (path !== '$comment') for (const name of names) CONTINUES.set(fold(name), path);
}

/** The kinds of field a column can continue: lists. */
const LIST_KINDS: ReadonlySet<string> = new Set([
  'list-string',
  'list-number',
  'list-enum',
  'urusan',
]);

/** A column of the sheet and the field it maps to (`undefined`: ignored, with a warning). */
export interface Column {
  /** The header as written. */
  readonly header: string;
  /** Position in the row, from 0. */
  readonly index: number;
  /** The record field, when the column maps to one. */
  readonly field?: Field;
  /** Whether its values go on the list after those of the field's own column. */
  readonly continues?: boolean;
}

/** A map from a region's own headers to record paths; `null` ignores a column on purpose. */
export type HeaderMap = Readonly<Record<string, string | null>>;

const FIELD_ALIASES = aliases.fields as Record<string, readonly string[]>;

const DOCUMENT_PARTS = aliases.documentParts as {
  parts: Record<string, string | undefined>;
  owners: Record<string, string | undefined>;
};

/**
 * The header a person writes for a part of a document (`indikator.regulasi.bukti.nomor` →
 * `Nomor Bukti Regulasi`, `buktiPengembangan.url` → `Tautan Bukti Pengembangan`), from
 * `rules/aliases.json` (`documentParts`); undefined for a path that is no document's part.
 *
 * @internal
 */
export function documentPartHeader(path: string): string | undefined {
  const m = DOCUMENT_PART.exec(path);
  const part = m && DOCUMENT_PARTS.parts[m[4] as string];
  if (!m || !part) return undefined;
  const id = (m[2] ?? m[3]) as string;
  return `${part} Bukti ${DOCUMENT_PARTS.owners[id] ?? idInWords(id)}`;
}

interface Index {
  byName: Map<string, Field>;
  /** Every name a column may use, for "did you mean". */
  names: { folded: string; shown: string }[];
}

const indexes = new WeakMap<ReadonlyMap<string, Field>, Index>();

function indexOf(fields: ReadonlyMap<string, Field>): Index {
  let index = indexes.get(fields);
  if (index) return index;
  const byName = new Map<string, Field>();
  const names: Index['names'] = [];
  const add = (name: string, field: Field) => {
    const folded = fold(name);
    if (!folded || byName.has(folded)) return;
    byName.set(folded, field);
    names.push({ folded, shown: name === field.path ? name : `${name} (${field.path})` });
  };
  for (const field of fields.values()) add(field.path, field);
  for (const field of fields.values()) for (const label of field.labels ?? []) add(label, field);
  for (const [path, list] of Object.entries(FIELD_ALIASES)) {
    const field = fields.get(path);
    if (field) for (const name of list) add(name, field);
  }
  // A document's part as a person heads it ("Nomor Bukti Regulasi").
  for (const field of fields.values()) {
    const header = documentPartHeader(field.path);
    if (header) add(header, field);
  }
  // An indicator named alone (`sdm`, `Regulasi`) means its one value (`indikator.sdm.jumlah`).
  const values = new Map<string, Field[]>();
  for (const field of fields.values()) {
    const m = /^indikator\.([A-Za-z]+)\.([A-Za-z]+)$/.exec(field.path);
    if (m && m[2] !== 'bukti')
      values.set(m[1] as string, [...(values.get(m[1] as string) ?? []), field]);
  }
  for (const [indicator, list] of values) if (list.length === 1) add(indicator, list[0] as Field);
  index = { byName, names };
  indexes.set(fields, index);
  return index;
}

/** Up to three valid names closest to a header, for "did you mean". */
export function closest(header: string, fields: ReadonlyMap<string, Field>): string[] {
  const folded = fold(header);
  if (!folded) return [];
  const limit = Math.max(2, Math.floor(folded.length / 3));
  const { names, byName } = indexOf(fields);
  const best = new Map<string, { shown: string; d: number }>();
  for (const n of names) {
    const d = distance(folded, n.folded);
    const path = byName.get(n.folded)?.path ?? n.shown;
    if (d <= limit && d < (best.get(path)?.d ?? Number.POSITIVE_INFINITY))
      best.set(path, { shown: n.shown, d });
  }
  // One suggestion per field, the nearest first.
  return [...best.values()]
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((n) => n.shown);
}

/** The outcome of matching a header row. */
export interface HeaderMatch {
  /** Every column, mapped or not. */
  readonly columns: readonly Column[];
  /** Columns that map to nothing, and columns repeated: warnings (errors with `strict`). */
  readonly problems: readonly Issue[];
}

/**
 * Matches each header to a record field.
 *
 * @param headers - the header row as written
 * @param fields - the fields the file may hold (an innovation's, or a units file's)
 * @param map - the caller's own header map, tried first
 * @param locale - the language of the warnings
 */
export function matchHeaders(
  headers: readonly string[],
  fields: ReadonlyMap<string, Field>,
  map: HeaderMap,
  locale: Locale,
): HeaderMatch {
  const { byName } = indexOf(fields);
  // A header asked as a question ("Apakah ada pungutan baru?") names the field it asks of.
  const byAnyName = (header: string) =>
    byName.get(fold(header)) ?? byName.get(fold(header.replace(/^\s*apakah\s+/i, '')));
  const own = new Map(Object.entries(map).map(([k, v]) => [fold(k), v]));
  const problems: Issue[] = [];
  const taken = new Map<string, string>();
  const columns = headers.map((raw, index): Column => {
    const header = String(raw ?? '').trim();
    const where = `column ${index + 1}`;
    if (header === '') {
      return { header, index };
    }
    const mapped = own.get(fold(header));
    if (mapped === null) return { header, index };
    const continued =
      mapped === undefined ? fields.get(CONTINUES.get(fold(header)) ?? '') : undefined;
    if (continued && LIST_KINDS.has(continued.kind)) {
      return { header, index, field: continued, continues: true };
    }
    // A column real exports carry with no field of the record is ignored even where its name
    // is also an indicator's ("Anggaran": a budget amount, not the indicator's budget years).
    const field =
      mapped !== undefined
        ? fields.get(mapped)
        : (fields.get(header) ?? (IGNORED.has(fold(header)) ? undefined : byAnyName(header)));
    if (!field) {
      // A column real exports carry that the record has no field for: no did-you-mean.
      const known = mapped === undefined && IGNORED.has(fold(header));
      const hints = known ? [] : closest(header, fields);
      problems.push({
        path: [where],
        code: 'unknown_column',
        ...(hints[0] !== undefined ? { suggestion: hints[0] } : {}),
        message:
          mapped !== undefined
            ? say(locale, 'mapNotField', { header, field: mapped })
            : known
              ? say(locale, 'ignoredKnown', { header })
              : hints.length > 0
                ? say(locale, 'unknownColumnHint', {
                    header,
                    hints: hints.map((h) => `"${h}"`).join(', '),
                  })
                : say(locale, 'unknownColumn', { header }),
      });
      return { header, index };
    }
    const before = taken.get(field.path);
    if (before !== undefined) {
      problems.push({
        path: [where],
        code: 'duplicate_column',
        message: say(locale, 'duplicateColumn', { before, header, field: field.path }),
      });
      return { header, index };
    }
    taken.set(field.path, header);
    return { header, index, field };
  });
  return { columns, problems };
}
