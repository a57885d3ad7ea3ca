import { getOrBuild, weakMemo } from '../conditions/_memo.js';
import { getPath } from '../conditions/_path.js';
import { type Condition, fieldsRead } from '../conditions/condition.js';
import { blame, type CheckResults, leafFields, type Status } from '../conditions/outcome.js';
import { interpolate, type Locale, pick } from '../messages.js';
import type { Innovation } from '../record/innovation.js';
import { findSubUrusan } from '../record/kewenangan.js';
import { findUrusan } from '../record/urusan.js';
import { type Check, type Criterion, placeholderPattern } from '../rule-sets/format.js';

/** A condition that was not met: the field, the operator and the value it was compared with. */
export interface Expectation {
  /** Record path of the field. */
  field: string;
  /** json-rules-engine operator (`equal`, `in`, `isEmpty`, …). */
  operator: string;
  /** The value the field was compared with. */
  value: unknown;
}

/** Why a criterion has its status: one per check, pointing at record fields. */
export interface Reason {
  /** Stable code: the check's id and its status, e.g. `pungutan_berdasar_peraturan_fail`. */
  code: string;
  /** Status of the check this reason explains. */
  status: Status;
  /** The regulation's own label for the point, e.g. `4a`, when it has one. */
  ref?: string;
  /** What to know or do, in the requested locale. */
  message: string;
  /** Record paths the reason is about, in the order a form asks for them, e.g. `["pungutanSesuaiPeraturan"]`. */
  fields: string[];
  /** For a failure: the conditions that were not met. */
  expected?: Expectation[];
  /** For a failure: the record's values of `fields`. */
  actual?: Record<string, unknown>;
}

/** The verdict on one criterion. */
export interface CriterionResult {
  /** Stable criterion id. */
  id: string;
  /** The regulation's own number for it, when it has one. */
  ref?: string;
  /** Title in the requested locale. */
  title: string;
  /** `pass`, `fail`, or `unknown` when facts are missing and nothing fails. */
  status: Status;
  /** Regulation and article (or point) it encodes. */
  citation: string;
  /** Failures first, then missing facts; passes only when the criterion passes. */
  reasons: Reason[];
}

const isMissing = (record: Innovation, field: string): boolean => {
  const value = getPath(record, field);
  return value === undefined || value === null;
};

/** Catalogue ids print as their names in messages: `administrasi_kependudukan_…` → its name. */
const LABELS: Record<string, (id: string) => string | undefined> = {
  urusan: (id) => findUrusan(id)?.name,
  subUrusan: (id) => findSubUrusan(id)?.nama,
};
const labelOf = (path: string) => LABELS[path];

/** The reason codes of a check, built once: `<id>_pass`, `<id>_fail`, `<id>_unknown`. */
const codesOf = weakMemo(
  (check: Check): Record<Status, string> => ({
    pass: `${check.id}_pass`,
    fail: `${check.id}_fail`,
    unknown: `${check.id}_unknown`,
  }),
);

function orderFields(check: Check, fields: Iterable<string>): string[] {
  const set = new Set(fields);
  return check.fields.filter((f) => set.has(f));
}

/**
 * An undecided check's reason is built once per check, locale and mask of missing fields, and
 * handed out as a copy: drafts, which a form validates at every keystroke, are mostly undecided
 * checks. That holds when the reason depends on nothing else: the check is one leaf or one
 * `all`/`any` of leaves (a leaf is undecided exactly when a field it reads is missing, so the
 * mask says which leaves are to blame), and no placeholder of its message has a value to print.
 * Any other undecided check takes the full path.
 */
interface UnknownMemo {
  fields: string[];
  /** Whether the check is one leaf or one `all`/`any` of leaves. */
  flat: boolean;
  /** The fields the message prints. */
  placeholders: string[];
  byMask: Map<string, Reason>;
}

const isLeaf = (c: Condition) => !('all' in c || 'any' in c || 'not' in c);
const isFlat = (c: Condition) =>
  'all' in c ? c.all.every(isLeaf) : 'any' in c ? c.any.every(isLeaf) : isLeaf(c);
const placeholdersOf = (template: string) =>
  [...template.matchAll(placeholderPattern)].map((m) => m[1] as string);
const unknownMemos = weakMemo((_: Check): Partial<Record<Locale, UnknownMemo>> => ({}));

function unknownMemo(check: Check, locale: Locale): UnknownMemo {
  const byLocale = unknownMemos(check);
  byLocale[locale] ??= {
    fields: [...new Set([...check.fields, ...fieldsRead(check.conditions as Condition)])],
    flat: isFlat(check.conditions as Condition),
    placeholders: placeholdersOf(pick(check.messages.unknown, locale)),
    byMask: new Map(),
  };
  return byLocale[locale];
}

function reasonFor(
  check: Check,
  results: CheckResults,
  record: Innovation,
  locale: Locale,
  memo: boolean,
): Reason {
  const status = results.status(check.id);
  const m = status === 'unknown' && memo ? unknownMemo(check, locale) : undefined;
  if (m?.flat && m.placeholders.every((f) => isMissing(record, f))) {
    let mask = '';
    for (const f of m.fields) mask += isMissing(record, f) ? '1' : '0';
    const reason = getOrBuild(m.byMask, mask, () =>
      reasonFor(check, results, record, locale, false),
    );
    return { ...reason, fields: [...reason.fields] };
  }
  const lookup = (path: string) => getPath(record, path);
  const code = codesOf(check)[status];
  const message = interpolate(pick(check.messages[status], locale), lookup, locale, labelOf);
  const ref = check.ref;
  if (status === 'pass') {
    const fields = [...check.fields];
    return ref ? { code, status, ref, message, fields } : { code, status, message, fields };
  }

  // Only a failure or a missing fact needs the outcome tree, to name the fields involved.
  const leaves = blame(results.outcome(check.id), status);
  const read = leaves.flatMap((l) => leafFields(l.leaf));
  if (status === 'unknown') {
    const fields = orderFields(
      check,
      read.filter((f) => isMissing(record, f)),
    );
    return ref ? { code, status, ref, message, fields } : { code, status, message, fields };
  }
  const fields = orderFields(check, read);
  const expected = leaves.map(({ leaf }) => ({
    field: leafFields(leaf)[0] as string,
    operator: leaf.operator,
    value: leaf.value,
  }));
  const actual = Object.fromEntries(fields.map((f) => [f, lookup(f) ?? null]));
  return ref
    ? { code, status, ref, message, fields, expected, actual }
    : { code, status, message, fields, expected, actual };
}

const ORDER: Record<Status, number> = { fail: 0, unknown: 1, pass: 2 };

/**
 * Turns the outcomes of a criterion's checks into its status and reasons.
 *
 * @internal
 */
export function judgeCriterion(
  criterion: Criterion,
  results: CheckResults,
  record: Innovation,
  locale: Locale,
  memo = true,
): CriterionResult {
  let status: Status = 'pass';
  const statuses = criterion.checks.map((check) => results.status(check.id));
  for (const s of statuses) {
    if (s === 'fail') status = 'fail';
    else if (s === 'unknown' && status === 'pass') status = 'unknown';
  }
  // A criterion that does not pass shows only its failures and missing facts: the reasons of
  // its passing checks are never built.
  const checks =
    status === 'pass'
      ? criterion.checks
      : criterion.checks.filter((_, i) => statuses[i] !== 'pass');
  const reasons = checks.map((check) => reasonFor(check, results, record, locale, memo));
  const title = pick(criterion.title, locale);
  const { id, ref, citation } = criterion;
  // Failures first, then missing facts, each in the rule set's order (a stable sort).
  const shown =
    status === 'pass' ? reasons : reasons.sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  return ref
    ? { id, ref, title, status, citation, reasons: shown }
    : { id, title, status, citation, reasons: shown };
}
