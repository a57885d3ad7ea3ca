import aliases from '../../rules/aliases.json' with { type: 'json' };
import optionTexts from '../../rules/option-texts.json' with { type: 'json' };
import type { Locale } from '../messages.js';
import { opensAsLink } from '../record/link.js';
import { urusanIdOfLabel, urusanSuggestions } from '../record/urusan-labels.js';
import type { Field } from './_fields.js';
import { fold } from './_headers.js';
import { numberOfWords } from './_number-words.js';
import { say } from './_say.js';

/**
 * Turning a cell as people type it into the value the record wants: enum values by id or label
 * in any case, urusan by code, id or name, yes/no in Indonesian or English, dates in the forms
 * Indonesian offices write them, numbers with a decimal comma. A cell that cannot be read is a
 * problem that lists what is accepted; nothing is guessed.
 */

/** A cell as read: text (CSV), or what a workbook stores (number, date, yes/no). */
export type Cell = string | number | boolean | Date;

/** The value read from a cell, or why it could not be read. */
export type CellResult =
  | {
      ok: true;
      value: unknown;
      note?: string;
      /** Other fields the cell implies (an option's kemanfaatan basis), set unless given. */
      also?: Record<string, unknown>;
      /** Years as T-k of the row's `tahun`, resolved once the row is read. */
      relative?: readonly number[];
      /** The cell says there is no value ("Tidak dapat diukur"): the field stays empty. */
      empty?: boolean;
    }
  | { ok: false; code: string; message: string };

/** One answer of a regional app's indicator, as `rules/option-texts.json` reads it. */
interface OptionText {
  texts: string[];
  value?: unknown;
  range?: boolean;
  relative?: number[];
  also?: Record<string, unknown>;
  empty?: boolean;
  note?: { id: string; en: string };
  choices?: string[];
}

const optionIndexes = new Map<string, Map<string, OptionText>>();

function optionIndex(path: string): Map<string, OptionText> {
  let index = optionIndexes.get(path);
  if (!index) {
    index = new Map();
    const options = (optionTexts.fields as Record<string, OptionText[]>)[path] ?? [];
    for (const option of options) for (const text of option.texts) index.set(fold(text), option);
    optionIndexes.set(path, index);
  }
  return index;
}

/**
 * Years written as T-k of the reporting year ("T-0, T-1 dan T-2", "T-1 & T-2"), as regional apps
 * name them; "T-1 atau T-2" (one of them) is read as the first, with a note.
 */
function relativeYears(text: string, locale: Locale): CellResult | undefined {
  const t = text.trim();
  const parts = t.split(/\s*(?:,|\bdan\b|&|\batau\b|\bor\b|\band\b)\s*/i).filter(Boolean);
  if (parts.length === 0 || !parts.every((p) => /^t\s*-?\s*[0-2]$/i.test(p))) return undefined;
  const years = [...new Set(parts.map((p) => -Number(p.replace(/\D/g, ''))))];
  if (/\batau\b|\bor\b/i.test(t)) {
    return {
      ok: true,
      value: undefined,
      relative: years.slice(0, 1),
      note: say(locale, 'oneOfSeveralYears', {
        text: t,
        year: `T${years[0] === 0 ? '-0' : years[0]}`,
      }),
    };
  }
  return { ok: true, value: undefined, relative: years };
}

/** An app's option text as the record's value, saying what was assumed. */
function fromOption(option: OptionText, cell: string, locale: Locale): CellResult {
  const text = cell.trim();
  if (option.choices) {
    const choices = option.choices.join(say(locale, 'or'));
    return fail('ambiguous_value', say(locale, 'ambiguousOption', { text, choices }));
  }
  if (option.empty) {
    return unfilled(say(locale, 'optionEmpty', { text }));
  }
  const notes: string[] = [];
  if (option.range) {
    const value = typeof option.value === 'number' ? option.value : String(option.value);
    notes.push(say(locale, 'optionRange', { text, value }));
  }
  if (option.note) notes.push(say(locale, 'optionNote', { text, note: option.note[locale] }));
  return {
    ok: true,
    value: option.value,
    ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
    ...(option.also ? { also: option.also } : {}),
    ...(option.relative ? { relative: option.relative } : {}),
  };
}

const VALUE_ALIASES = aliases.values as Record<string, Record<string, readonly string[]>>;

/** The answers read as yes and as no (`rules/aliases.json`, `booleans`), folded. */
const TRUE = new Set(aliases.booleans.true.map(fold));
const FALSE = new Set(aliases.booleans.false.map(fold));

/** Month names and short forms, in lower case (`rules/aliases.json`, `months`). */
const MONTHS: Record<string, number> = Object.fromEntries(
  Object.entries(aliases.months.names).flatMap(([month, names]) =>
    names.map((name) => [name, Number(month)]),
  ),
);

/** A weekday before a date, as a letter writes it ("Senin, 10 Januari 2023"). */
const WEEKDAY =
  /^(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,?\s+(?=\d{1,2}[\s/.-])/i;

/**
 * A month and its year without a day, as [year, month]: `Maret 2022`, `Mar-2022`, `03/2022`,
 * `2022-03`, `2022/03`.
 */
function monthAndYear(text: string): [number, number] | undefined {
  const named = /^([A-Za-z]+)\.?(?:\s+|-)(\d{4})$/.exec(text);
  if (named) {
    const month = MONTHS[(named[1] as string).toLowerCase()];
    return month ? [Number(named[2]), month] : undefined;
  }
  const monthFirst = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
  if (monthFirst) return [Number(monthFirst[2]), Number(monthFirst[1])];
  const yearFirst = /^(\d{4})[-/.](\d{1,2})$/.exec(text);
  if (yearFirst) return [Number(yearFirst[1]), Number(yearFirst[2])];
  return undefined;
}

/** A time of day after a date: `8:00`, `08.00`, `08:00:00`, `10:00 WIB`, `8:00 AM`. */
const TIME_AFTER = /(?<=\d)\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*(?:WIB|WITA|WIT|AM|PM))?$/i;

/** Fields where a year alone is accepted (LAN's data and many sheets keep only the year). */
const YEAR_ONLY = new Set(['waktuUjiCoba', 'waktuPenerapan']);

// Excel's day 0 in the 1900 date system (serial 60 is the phantom 29 February 1900).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const ok = (value: unknown, note?: string): CellResult =>
  note === undefined ? { ok: true, value } : { ok: true, value, note };
const fail = (code: string, message: string): CellResult => ({ ok: false, code, message });
/** A cell that answers nothing: the field is left unfilled, with what was read said if given. */
const unfilled = (note?: string): CellResult =>
  note === undefined
    ? { ok: true, value: undefined, empty: true }
    : { ok: true, value: undefined, empty: true, note };

/**
 * A list read from a cell; a cell of separators only (`;`, ` , `) holds none, and is an empty
 * cell (the field not filled), never an empty list: no affair at all fails criterion (d), where
 * an unfilled one leaves the record incomplete.
 */
const listed = (values: unknown[]): CellResult => (values.length > 0 ? ok(values) : unfilled());

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1900 ||
    year > 2200 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return undefined;
  }
  return `${year}-${pad(month)}-${pad(day)}`;
}

function fromDate(date: Date): string | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** An Excel serial day number (1900 date system) as an ISO date. */
export function fromExcelSerial(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1) return undefined;
  return fromDate(new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000));
}

function readDate(cell: Cell, field: Field, fromWorkbook: boolean, locale: Locale): CellResult {
  // Said only when a cell fails: a date that reads well costs no message.
  const forms = () => say(locale, 'dateForms');
  const notDate = (text: string | number) =>
    fail('invalid_date', say(locale, 'notDate', { text: String(text), forms: forms() }));
  const yearAlone = (year: string | number) =>
    ok(`${year}-01-01`, say(locale, 'yearAlone', { year: String(year), date: `${year}-01-01` }));
  if (cell instanceof Date) {
    const iso = fromDate(cell);
    return iso ? ok(iso) : fail('invalid_date', say(locale, 'invalidDateValue'));
  }
  const allowYear = YEAR_ONLY.has(field.path);
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1900 && cell <= 2200 && allowYear) {
      return yearAlone(cell);
    }
    // A workbook stores a date as a day number; a date typed as text never comes as a number.
    const iso = fromWorkbook ? fromExcelSerial(cell) : undefined;
    return iso ? ok(iso) : notDate(cell);
  }
  // A date as a letter heads it: "Senin, 10 Januari 2023" (the weekday is not checked); a time
  // after it, as a date-and-time cell saved as CSV writes it ("01/08/2022 8:00"), is no part of
  // the date.
  const text = String(cell).trim().replace(WEEKDAY, '').replace(TIME_AFTER, '');
  // ISO, and the year first with / or . as some apps export it (2023/01/10, 2023.01.10).
  let m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(text) ??
    /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text) ??
    /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/.exec(text);
  if (m) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? ok(iso) : fail('invalid_date', say(locale, 'notCalendarDate', { text }));
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) {
    const iso = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
    return iso ? ok(iso) : fail('invalid_date', say(locale, 'notDayMonthYear', { text }));
  }
  // Two digits for the year, as Excel's short formats show it ("1/8/22", "10-Jan-23"): the
  // century as Excel takes it (00–29 the 2000s, 30–99 the 1900s), said in a warning.
  m =
    /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})$/.exec(text) ??
    /^(\d{1,2})(?:\s+|-)([A-Za-z]+)\.?(?:\s+|-)(\d{2})$/.exec(text);
  if (m) {
    const yy = Number(m[3]);
    const month = /^\d+$/.test(m[2] as string)
      ? Number(m[2])
      : MONTHS[(m[2] as string).toLowerCase()];
    const iso = month ? isoDate(yy < 30 ? 2000 + yy : 1900 + yy, month, Number(m[1])) : undefined;
    return iso ? ok(iso, say(locale, 'twoDigitYear', { text, date: iso })) : notDate(text);
  }
  // "10 Januari 2023", "10 Jan. 2023", and Excel's "10-Jan-2023" kept as text.
  m = /^(\d{1,2})(?:\s+|-)([A-Za-z]+)\.?(?:\s+|-)(\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS[(m[2] as string).toLowerCase()];
    const iso = month ? isoDate(Number(m[3]), month, Number(m[1])) : undefined;
    return iso ? ok(iso) : notDate(text);
  }
  const monthYear = monthAndYear(text);
  if (monthYear) {
    const [year, month] = monthYear;
    const iso = isoDate(year, month, 1);
    if (iso && allowYear) return ok(iso, say(locale, 'monthAlone', { text, date: iso }));
    if (iso) {
      return fail(
        'invalid_date',
        say(locale, 'monthNeedsDay', { text, field: field.path, forms: forms() }),
      );
    }
  }
  // A workbook saved as CSV writes a date cell in General format as Excel's day number.
  if (/^\d{5}$/.test(text)) {
    const serial = Number(text);
    const iso = serial >= 21_916 && serial <= 80_000 ? fromExcelSerial(serial) : undefined;
    if (iso) return ok(iso, say(locale, 'excelDay', { text, date: iso }));
  }
  if (/^\d{4}$/.test(text)) {
    const year = Number(text);
    if (allowYear && year >= 1900 && year <= 2200) {
      return yearAlone(text);
    }
    return fail(
      'invalid_date',
      say(locale, 'yearNeedsDate', { text, field: field.path, forms: forms() }),
    );
  }
  return notDate(text);
}

/**
 * How a table writes its numbers: `id` (comma decimal, dot thousands: `0,125`, `1.250,5`), `en`
 * (`0.125`, `1,250.5`), or unknown (`undefined`), when only a number that reads one way is taken.
 */
export type NumberFormat = 'id' | 'en';

const ID_NUMBER = /^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
const EN_NUMBER = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * A number as written in Indonesia (`87,5`, `1.250`) or in English (`87.5`, `1,250.5`). With
 * the convention unknown, `12,500` (one comma, three digits after it, no dot) reads as 12.5 in
 * Indonesian and 12,500 in English: an error naming both readings, never a guess a thousand
 * times off. `0,125` is a decimal in both conventions a person uses (no one groups thousands
 * after a zero); `1.250` keeps the Indonesian reading (1,250) as before.
 */
const LESS_IS_BETTER = new Set<string>(optionTexts.lessIsBetter);
/** A dash only: nothing answered (`rules/aliases.json`, `dashes`). */
const DASHES = new Set(aliases.dashes.texts);
/** A number cell that answers nothing: a dash, or `noNumber` ("tidak ada", "n/a"). */
const NONE = new Set([...aliases.dashes.texts, ...aliases.noNumber.texts]);

// A range in words, as regional apps' options and officers write them: "11-30 orang",
// "51 s.d. 90%", "lebih dari 30 SDM", "5 atau lebih", "kurang dari 4 bulan".
// A number as Indonesian option texts write it: dots group thousands ("1.250-2.000 orang"), a
// comma is the decimal mark ("2,5%").
const NUM = String.raw`(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)`;
const numberOfText = (x: string) =>
  Number(
    /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(x)
      ? x.replace(/\./g, '').replace(',', '.')
      : x.replace(',', '.'),
  );
const UNIT = String.raw`\s*(?:%|persen|[a-z]+(?:\s+[a-z]+)*)?`;
// Each pattern's bounds from its numbers and the step of the field ("lebih dari 30" of a whole
// number is 31 or more; of a percentage, 30.01 or more).
type Bounds = (a: number, b: number, step: number) => [number, number];
const RANGES: { pattern: RegExp; bounds: Bounds }[] = [
  {
    pattern: new RegExp(
      `^${NUM}${UNIT}\\s*(?:-|s\\.?\\s*d\\.?|s/d|sampai|hingga)\\s*${NUM}${UNIT}$`,
    ),
    bounds: (a, b) => [a, b],
  },
  {
    pattern: new RegExp(`^(?:lebih dari|>|di ?atas)\\s*${NUM}${UNIT}$`),
    bounds: (a, _, step) => [a + step, Number.POSITIVE_INFINITY],
  },
  {
    pattern: new RegExp(`^(?:>=|≥|minimal|paling sedikit|sekurang-kurangnya)\\s*${NUM}${UNIT}$`),
    bounds: (a) => [a, Number.POSITIVE_INFINITY],
  },
  {
    pattern: new RegExp(`^${NUM}${UNIT}\\s*(?:atau lebih|ke ?atas|lebih)$`),
    bounds: (a) => [a, Number.POSITIVE_INFINITY],
  },
  {
    pattern: new RegExp(`^(?:kurang dari|<|di ?bawah)\\s*${NUM}${UNIT}$`),
    bounds: (a, _, step) => [0, a - step],
  },
  {
    pattern: new RegExp(`^(?:<=|≤|maksimal|paling banyak)\\s*${NUM}${UNIT}$`),
    bounds: (a) => [0, a],
  },
  { pattern: new RegExp(`^${NUM}${UNIT}\\s*(?:atau kurang)$`), bounds: (a) => [0, a] },
];

/** One number with its unit ("3 kali", "12 orang", "4 bulan"). */
const SINGLE = new RegExp(`^${NUM}${UNIT}$`);

/** The words a year is written after ("TA", "Tahun Anggaran"), as alternatives, longest first. */
const YEAR_WORDS = [...aliases.yearPrefixes.texts]
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/\./g, '\\.'))
  .join('|');

/** A year after the words it is written after: "TA 2024", "Tahun Anggaran 2024". */
const PREFIXED_YEAR = new RegExp(`^(?:${YEAR_WORDS})\\s*(\\d{4})$`);

/** Those words before each year of a list ("T.A. 2023, TA 2024"), to be dropped. */
const YEAR_WORDS_IN_LIST = new RegExp(
  `(?<![\\p{L}.])(?:${YEAR_WORDS})\\s*(?=\\d{4}(?!\\d))`,
  'giu',
);

/** A number after words that make it a guess: "± 24", "kurang lebih 24 orang". */
const APPROXIMATE = new RegExp(
  `^(?:${[...aliases.approximate.texts]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.+?^$()|[\]\\/*{}]/g, '\\$&'))
    .join('|')})\\s*${NUM}${UNIT}$`,
);

/** A number with its words in parentheses, and a unit ("24 (dua puluh empat) orang"). */
const SPELT = new RegExp(`^${NUM}\\s*\\(\\s*([a-z][a-z\\s-]*?)\\s*\\)${UNIT}$`);

/**
 * A number among words, when the plain reading failed: a year after its words ("TA 2024"), a
 * guess ("± 24", refused with a request for the exact number), a number with its words
 * ("24 (dua puluh empat)", read when both agree), a number with its unit
 * ("3 kali"), or a range in words as its least favourable value (the lowest, or the highest
 * where fewer is better), so that each edition's thresholds decide the level and nothing is
 * overclaimed. `undefined` when the text is none of these.
 */
function readRange(
  text: string,
  integer: boolean,
  lessIsBetter: boolean,
  locale: Locale,
): CellResult | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  // A year after its words, "TA 2024": that year.
  const year = PREFIXED_YEAR.exec(t)?.[1];
  if (year !== undefined) {
    return ok(Number(year), say(locale, 'readAs', { text: text.trim(), value: Number(year) }));
  }
  // A guess, "± 24": refused, with a request for the exact number.
  if (APPROXIMATE.test(t))
    return fail('invalid_number', say(locale, 'approximate', { text: text.trim() }));
  // The digits and their words, "24 (dua puluh empat)": the number when both say it.
  const spelt = SPELT.exec(t);
  if (spelt) {
    const value = numberOfText(spelt[1] as string);
    const words = numberOfWords(spelt[2] as string);
    if (words === undefined || (integer && !Number.isInteger(value))) return undefined;
    if (words !== value) {
      return fail(
        'invalid_number',
        say(locale, 'wordsDiffer', { text: text.trim(), value, words }),
      );
    }
    return ok(value, say(locale, 'readAs', { text: text.trim(), value }));
  }
  // One number with its unit ("3 kali", "12 orang", "4 bulan"): that number.
  const single = SINGLE.exec(t);
  if (single && /[a-z%]/.test(t)) {
    const value = numberOfText(single[1] as string);
    if (integer && !Number.isInteger(value)) return undefined;
    return ok(value, say(locale, 'readAs', { text: text.trim(), value }));
  }
  for (const { pattern, bounds } of RANGES) {
    const m = pattern.exec(t);
    if (!m) continue;
    const [a, b] = [m[1], m[2]].map((x) => (x === undefined ? 0 : numberOfText(x)));
    const [low, high] = bounds(a as number, b as number, integer ? 1 : 0.01);
    const value = lessIsBetter ? high : low;
    if (!Number.isFinite(value) || value < 0 || low > high) return undefined;
    const rounded = Math.round(value * 100) / 100;
    return ok(rounded, say(locale, 'rangeRead', { text: text.trim(), value: rounded }));
  }
  return undefined;
}

function readNumber(
  cell: Cell,
  integer: boolean,
  locale: Locale,
  format?: NumberFormat,
  lessIsBetter = false,
): CellResult {
  if (typeof cell === 'string' && NONE.has(cell.trim().toLowerCase())) {
    const note = say(locale, 'meansNone', { text: cell.trim() });
    return unfilled(note);
  }
  const plain = readPlainNumber(cell, integer, locale, format);
  if (plain.ok || typeof cell !== 'string') return plain;
  return readRange(cell, integer, lessIsBetter, locale) ?? plain;
}

function readPlainNumber(
  cell: Cell,
  integer: boolean,
  locale: Locale,
  format?: NumberFormat,
): CellResult {
  const notWhole = () => fail('invalid_number', say(locale, 'notWhole', { text: String(cell) }));
  if (typeof cell === 'number') return integer && !Number.isInteger(cell) ? notWhole() : ok(cell);
  if (typeof cell !== 'string') return fail('invalid_number', say(locale, 'expectedNumber'));
  let text = cell.trim().replace(/\s|%$/g, '');
  if (format === 'id') {
    text = ID_NUMBER.test(text) ? text.replace(/\./g, '').replace(',', '.') : 'x';
  } else if (format === 'en') {
    text = EN_NUMBER.test(text) ? text.replace(/,/g, '') : 'x';
  } else if (/^-?[1-9]\d{0,2},\d{3}$/.test(text)) {
    const decimal = Number(text.replace(',', '.'));
    const thousands = Number(text.replace(',', ''));
    return fail(
      'ambiguous_number',
      say(locale, 'ambiguousNumber', {
        text: cell,
        decimal,
        thousands,
        decimalText: String(decimal).replace('.', ','),
        thousandsText: String(thousands),
      }),
    );
  } else if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) {
    text = text.replace(/\./g, '').replace(',', '.');
  } else if (/^-?\d{1,3}(,\d{3}){2,}(\.\d+)?$|^-?\d{1,3}(,\d{3})+\.\d+$/.test(text)) {
    text = text.replace(/,/g, '');
  } else text = text.replace(',', '.');
  const n = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(n)) return fail('invalid_number', say(locale, 'notNumber', { text: cell }));
  if (integer && !Number.isInteger(n)) return notWhole();
  return ok(n);
}

function readBoolean(cell: Cell, locale: Locale): CellResult {
  if (typeof cell === 'boolean') return ok(cell);
  const text = String(cell).trim();
  const key = fold(text);
  if (TRUE.has(key) || TICKS.has(text)) return ok(true);
  if (FALSE.has(key)) return ok(false);
  // A dash answers nothing: the question stays open (never read as "no").
  if (DASHES.has(text)) {
    return unfilled(say(locale, 'dashUnanswered', { text }));
  }
  // "Ya, dapat direplikasi", "Tidak (tanpa pungutan)": the answer, then why.
  const first = /^([^,;:(]+?)\s*[,;:(]/.exec(text)?.[1];
  const answer = first === undefined ? undefined : fold(first);
  if (answer !== undefined && (TRUE.has(answer) || FALSE.has(answer))) {
    const value = TRUE.has(answer);
    return ok(value, say(locale, 'answerFirst', { text, answer: first as string }));
  }
  return fail('invalid_boolean', say(locale, 'notYesNo', { text: String(cell) }));
}

/** A tick, as a table marks "yes" (a cross is left alone: some mark "yes" with it, some "no"). */
const TICKS = new Set(aliases.booleans.ticks);

const enumIndexes = new Map<string, Map<string, string>>();

function enumIndex(field: Field): Map<string, string> {
  let index = enumIndexes.get(field.path);
  if (!index) {
    index = new Map();
    for (const option of field.options ?? []) index.set(fold(option), option);
    for (const [value, labels] of Object.entries(VALUE_ALIASES[field.path] ?? {})) {
      for (const label of labels) if (!index.has(fold(label))) index.set(fold(label), value);
    }
    enumIndexes.set(field.path, index);
  }
  return index;
}

const accepted = (field: Field) =>
  (field.options ?? []).map((o) => `${o} ("${o.replace(/_/g, ' ')}")`).join(', ');

function readEnum(text: string, field: Field, locale: Locale): CellResult {
  const value = enumIndex(field).get(fold(text));
  if (value !== undefined) return ok(value);
  return fail('invalid_value', say(locale, 'notAccepted', { text, options: accepted(field) }));
}

function readUrusan(cell: Cell, locale: Locale): CellResult {
  const ids: string[] = [];
  for (const part of String(cell).split(/[;\n]/)) {
    const text = part.trim();
    if (!text) continue;
    const whole = urusanIdOfLabel(text);
    if (whole) {
      ids.push(whole);
      continue;
    }
    // Comma-separated names; a name with a comma of its own ("Koperasi, Usaha Kecil, dan
    // Menengah") was tried whole first.
    const pieces = text
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const found = pieces.map(urusanIdOfLabel);
    const missing = pieces.filter((_, i) => !found[i]);
    if (missing.length > 0) {
      // The whole text first: a name cut short ("Administrasi Kependudukan") has no comma.
      const whole = urusanSuggestions(text);
      const meant = whole.length > 0 ? whole : urusanSuggestions(missing[0] as string);
      const suggestion = meant.join(say(locale, 'or'));
      const hint = meant.length === 0 ? '' : say(locale, 'urusanHint', { suggestion });
      return fail(
        'unknown_urusan',
        say(locale, 'unknownUrusan', { text: missing[0] as string, hint }),
      );
    }
    ids.push(...(found as string[]));
  }
  return listed(ids);
}

/** A cell's items; an item of no letter or digit (`-`, `,`, `.`) is none. */
const splitList = (text: string, separators: RegExp) =>
  text
    .split(separators)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));

/**
 * Reads one cell for a field.
 *
 * @param cell - the cell as read (never empty: empty cells are skipped before)
 * @param field - the field the column maps to
 * @param fromWorkbook - whether it comes from a workbook (numbers in date fields are day serials)
 * @param locale - the language of what is said about the cell
 * @param numberFormat - how the table writes numbers, when known
 */
export function readCell(
  cell: Cell,
  field: Field,
  fromWorkbook: boolean,
  locale: Locale,
  numberFormat?: NumberFormat,
): CellResult {
  // An answer as a regional IGA app exports it ("11-30 SDM", "T-1 dan T-2"): its value.
  if (typeof cell === 'string') {
    const option = optionIndex(field.path).get(fold(cell));
    if (option) return fromOption(option, cell, locale);
    if (/^indikator\.[a-zA-Z]+\.tahun$/.test(field.path)) {
      const years = relativeYears(cell, locale);
      if (years) return years;
    }
  }
  switch (field.kind) {
    case 'date':
      return readDate(cell, field, fromWorkbook, locale);
    case 'number':
    case 'integer':
      return readNumber(
        cell,
        field.kind === 'integer',
        locale,
        numberFormat,
        LESS_IS_BETTER.has(field.path),
      );
    case 'boolean':
      return readBoolean(cell, locale);
    case 'enum':
      return readEnum(String(cell).trim(), field, locale);
    case 'list-enum': {
      const values: string[] = [];
      for (const item of splitList(String(cell), /[;,\n]/)) {
        const one = readEnum(item, field, locale);
        if (!one.ok) return one;
        values.push(one.value as string);
      }
      return listed(values);
    }
    case 'list-number': {
      const values: number[] = [];
      // "T.A. 2023, TA 2024": the years, the words before them dropped.
      const text = String(cell);
      const bare = text.replace(YEAR_WORDS_IN_LIST, '');
      for (const item of splitList(bare, /[;,\s]+/)) {
        const one = readNumber(item, true, locale, numberFormat);
        if (!one.ok) return one;
        values.push(one.value as number);
      }
      const read = listed(values);
      if (bare === text || !read.ok) return read;
      return {
        ...read,
        note: say(locale, 'readAs', { text: text.trim(), value: values.join(', ') }),
      };
    }
    case 'list-string':
      return listed(splitList(String(cell), /[;\n]/));
    case 'urusan':
      return readUrusan(cell, locale);
    case 'bukti':
      return listed(splitList(String(cell), /[;\n]/).map((jenis) => ({ jenis })));
    case 'url': {
      const text = String(cell).trim();
      return ok(text, opensAsLink(text) ? undefined : say(locale, 'notALink', { text }));
    }
    default: {
      const text = cell instanceof Date ? (fromDate(cell) ?? String(cell)) : String(cell).trim();
      // A free-text field with known labels (a competition's categories): the label as its id.
      const labelled = VALUE_ALIASES[field.path] ? enumIndex(field).get(fold(text)) : undefined;
      return ok(labelled ?? text);
    }
  }
}
