import { type Condition, fieldsRead } from '../conditions/condition.js';
import { type ValueCache, valueCache, weakMemo } from '../conditions/memo.js';
import { blame, type CheckResults, leafFields, type Status } from '../conditions/outcome.js';
import { getPath, getSegments } from '../conditions/path.js';
import { interpolate, type Locale, pick, placeholderPattern } from '../messages.js';
import type { Innovation } from '../record/innovation.js';
import { findSubUrusan } from '../record/kewenangan.js';
import { findUrusan } from '../record/urusan.js';
import type { Check, Criterion } from '../rule-sets/format.js';

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

function reasonFor(
  check: Check,
  results: CheckResults,
  record: Innovation,
  locale: Locale,
): Reason {
  const status = results.status(check.id);
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
 * A criterion's result depends only on the values of the fields its checks read, name or print
 * (its facts, derived facts included, come from those fields): a draft's missing facts, a
 * region's many records with the same answers. It is built once per criterion, locale and
 * those values, and handed out as a copy. Values that make no short key (long texts, objects)
 * are judged each time.
 */
interface CriterionMemo {
  /** Every field the result depends on, as segments. */
  read: string[][];
  cache: ValueCache<CriterionResult>;
}

const criterionMemos = weakMemo((_: Criterion): Partial<Record<Locale, CriterionMemo>> => ({}));

function criterionMemo(criterion: Criterion, locale: Locale): CriterionMemo {
  const byLocale = criterionMemos(criterion);
  byLocale[locale] ??= {
    read: [...new Set(criterion.checks.flatMap((check) => fieldsOfCheck(check, locale)))].map((f) =>
      f.split('.'),
    ),
    cache: valueCache(),
  };
  return byLocale[locale];
}

/** The fields a check reads, names, or prints in its messages. */
function fieldsOfCheck(check: Check, locale: Locale): string[] {
  const printed = (['pass', 'fail', 'unknown'] as const).flatMap((status) =>
    [...pick(check.messages[status], locale).matchAll(placeholderPattern)].map(
      (m) => m[1] as string,
    ),
  );
  return [...check.fields, ...fieldsRead(check.conditions as Condition), ...printed];
}

const copyReason = (r: Reason): Reason => {
  const copy = { ...r, fields: [...r.fields] };
  if (r.expected) copy.expected = r.expected.map((e) => ({ ...e }));
  if (r.actual) {
    const actual: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r.actual)) actual[k] = Array.isArray(v) ? [...v] : v;
    copy.actual = actual;
  }
  return copy;
};

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
  if (!memo) return judgeCriterionFully(criterion, results, record, locale);
  const m = criterionMemo(criterion, locale);
  const kept = m.cache.get(
    m.read.map((segments) => getSegments(record, segments)),
    () => judgeCriterionFully(criterion, results, record, locale),
  );
  return { ...kept, reasons: kept.reasons.map(copyReason) };
}

function judgeCriterionFully(
  criterion: Criterion,
  results: CheckResults,
  record: Innovation,
  locale: Locale,
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
  const reasons = checks.map((check) => reasonFor(check, results, record, locale));
  const title = pick(criterion.title, locale);
  const { id, ref, citation } = criterion;
  // Failures first, then missing facts, each in the rule set's order (a stable sort).
  const shown =
    status === 'pass' ? reasons : reasons.sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  return ref
    ? { id, ref, title, status, citation, reasons: shown }
    : { id, title, status, citation, reasons: shown };
}
