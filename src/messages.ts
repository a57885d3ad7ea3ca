import { distance } from 'fastest-levenshtein';
import texts from '../rules/messages.json' with { type: 'json' };
import { InvalidOptionError, type Issue } from './errors.js';

/** Language of messages: Indonesian (`id`, the default) or English (`en`). */
export type Locale = 'id' | 'en';

/** A text in Indonesian and English, as rule sets and messages carry it. */
export interface LocalizedText {
  /** The Indonesian text. */
  readonly id: string;
  /** The English text. */
  readonly en: string;
}

/** The library's generic texts (verdict labels, value words), from `rules/messages.json`. */
export const MESSAGES = texts;

/**
 * Picks the text of a locale.
 *
 * @internal
 */
export function pick(text: LocalizedText, locale: Locale): string {
  return text[locale];
}

/**
 * A locale's number format, made on first use: making one loads the runtime's locale data (about
 * 10 ms), which most evaluations never need (small whole numbers are written as they are).
 */
const numberFormats: Partial<Record<Locale, Intl.NumberFormat>> = {};
const numberFormat = (locale: Locale): Intl.NumberFormat =>
  (numberFormats[locale] ??= new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-US', {
    maximumFractionDigits: 2,
  }));

/**
 * A text's `{name}` placeholders filled from `values`; a placeholder without a value stays as
 * written, so a missing one shows rather than vanishes.
 */
export const fill = (template: string, values: Readonly<Record<string, unknown>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));

/** Placeholders that hold years. */
const YEAR_PATH = /(^|\.)tahun/i;
const asYear = (id: string) => id;

/** Value ids that read as a label with spaces: `uji_coba` → `uji coba`. */
const SNAKE_ID = /^[a-z0-9]+(?:_[a-z0-9]+)+$/;

/**
 * Formats a record value for a message: numbers in the locale's format (`1.188,3` in
 * Indonesian), lists joined, booleans as words, ids of the catalogues as their names (`label`
 * gives them), other snake_case ids with spaces, missing marked.
 *
 * @internal
 */
export function formatValue(
  value: unknown,
  locale: Locale,
  label?: (id: string) => string | undefined,
): string {
  if (value === undefined || value === null) return MESSAGES.values.missing[locale];
  if (typeof value === 'boolean') return MESSAGES.values[value ? 'true' : 'false'][locale];
  if (typeof value === 'number') {
    // Small whole numbers read the same in every locale: skip Intl, which costs a microsecond.
    if (label === asYear || (Number.isInteger(value) && value > -1000 && value < 1000)) {
      return String(value);
    }
    return numberFormat(locale).format(value);
  }
  if (Array.isArray(value)) {
    // An empty list was filled in, with nothing: "none", never "(not filled in)".
    return value.length === 0
      ? MESSAGES.values.none[locale]
      : value.map((v) => formatValue(v, locale, label)).join(MESSAGES.values.listSeparator[locale]);
  }
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'string') {
    const named = label?.(value);
    if (named !== undefined) return named;
    if (SNAKE_ID.test(value)) return value.replaceAll('_', ' ');
  }
  return String(value);
}

/** `{placeholder}` in messages. @internal */
export const placeholderPattern = /\{([^{}]+)\}/g;

/**
 * Replaces `{path}` placeholders with values read by `lookup`.
 *
 * @internal
 */
export function interpolate(
  template: string,
  lookup: (path: string) => unknown,
  locale: Locale,
  labelOf?: (path: string) => ((id: string) => string | undefined) | undefined,
): string {
  let parts = templates.get(template);
  if (!parts) {
    // Split once: `{path}` placeholders at odd positions, literal text at even ones.
    parts = template.split(/\{([^{}]+)\}/);
    // The templates are the loaded rule sets' and the catalogue's: few, reused for every record.
    if (templates.size < 10_000) templates.set(template, parts);
  }
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const path = parts[i] as string;
    out += formatAt(path, lookup(path), locale, labelOf?.(path)) + (parts[i + 1] as string);
  }
  return out;
}

const templates = new Map<string, string[]>();

/**
 * Formats the value of a record path for a message: years as written (2023, never 2.023, also
 * in lists such as `anggaran.tahun`), else as {@link formatValue} does.
 *
 * @internal
 */
export function formatAt(
  path: string,
  value: unknown,
  locale: Locale,
  label?: (id: string) => string | undefined,
): string {
  return formatValue(value, locale, YEAR_PATH.test(path) ? asYear : label);
}

/**
 * The candidate closest to a misspelt word, for "did you mean …": the same word in another case
 * or spacing, else the nearest by edit distance when it is near enough (at most 2 edits, or a
 * third of the word).
 *
 * @internal
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  // Bounded cost, whatever the input: no name is this long, and a candidate whose length alone
  // differs by more than the edits allowed is never measured.
  if (word.length > MAX_WORD) return undefined;
  const plain = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  const wordPlain = plain(word);
  const wordLower = word.toLowerCase();
  const allowed = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === word) return undefined;
    if (candidate.length > MAX_WORD) continue;
    if (plain(candidate) === wordPlain) return candidate;
    if (Math.abs(candidate.length - word.length) > allowed) continue;
    const d = distance(wordLower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= allowed ? best : undefined;
}

/**
 * A text as a regular expression that matches it literally (`n.b` matches "n.b", not "nxb").
 *
 * @internal
 */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The longest word a suggestion is looked for: every field, fact and id is shorter. */
const MAX_WORD = 100;

/**
 * The option names of an options type, spelled once: the compiler refuses a name missing from
 * the list as it refuses one the type does not have.
 *
 * @internal
 */
export const optionNames = <T>(names: { [K in keyof T]-?: true }): readonly string[] =>
  Object.freeze(Object.keys(names));

/** The most unknown option names reported one by one; the rest are counted in one issue. */
const MAX_UNKNOWN_OPTIONS = 10;

/**
 * The options whose names are not in `names`, each an issue with a did-you-mean (`ruleset` →
 * `ruleSet`): a misspelt option is refused, never ignored.
 *
 * @internal
 */
export function unknownOptionIssues(given: object, names: readonly string[]): Issue[] {
  const unknown = Object.keys(given).filter((key) => !names.includes(key));
  const issues: Issue[] = unknown.slice(0, MAX_UNKNOWN_OPTIONS).map((key) => {
    const near = suggest(key, names);
    const shown = key.length > 80 ? `${key.slice(0, 77)}…` : key;
    return {
      path: [key],
      code: 'unrecognized_keys',
      message: `unknown option "${shown}"${near === undefined ? '' : ` (did you mean "${near}"?)`}; the options are ${names.join(', ')}`,
      ...(near === undefined ? {} : { suggestion: near }),
    };
  });
  if (unknown.length > MAX_UNKNOWN_OPTIONS) {
    issues.push({
      path: [],
      code: 'unrecognized_keys',
      message: `and ${unknown.length - MAX_UNKNOWN_OPTIONS} more unknown options`,
    });
  }
  return issues;
}

/**
 * Checks that options are an object (or absent: no options) whose every name is one of `names`,
 * and returns a plain copy of its own properties, each read once: a getter or Proxy that throws
 * is an option error here, never an escape later.
 */
export function optionsObject(options: unknown, names: readonly string[]): Record<string, unknown> {
  const copy = plainOptions(options);
  const unknown = unknownOptionIssues(copy, names);
  if (unknown.length > 0) throw new InvalidOptionError(unknown);
  return copy;
}

/**
 * Checks that options are an object (or absent) and returns a plain copy of its own properties,
 * each read once, for a caller that checks the names itself.
 */
export function plainOptions(options: unknown): Record<string, unknown> {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new InvalidOptionError([
      { path: [], code: 'invalid_type', message: 'options must be an object' },
    ]);
  }
  try {
    return { ...options };
  } catch (error) {
    throw new InvalidOptionError([
      {
        path: [],
        code: 'unreadable',
        message: `the options could not be read: ${thrownText(error)}`,
      },
    ]);
  }
}

/**
 * Direction controls shown as text. A right-to-left override (U+202E) or isolate (U+2066–U+2069)
 * in a name makes a spreadsheet or a page display it as another name; the marks and embeddings
 * (U+200E, U+200F, U+061C, U+202A–U+202D) reorder what follows. Every report writes them as their
 * code point, `[U+202E]`, so the name reads as what it is.
 */
const DIRECTION = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * The text with every direction control written as its code point (`[U+202E]`).
 *
 * @internal
 */
export function visible(text: string): string {
  return text.replace(
    DIRECTION,
    (c) => `[U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}]`,
  );
}

/**
 * Text for HTML: direction controls written out, then `& < > " '` escaped.
 *
 * @internal
 */
export const escapeHtml = (value: unknown): string =>
  visible(String(value ?? '')).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/**
 * A value as a message shows it: JSON for what JSON can hold, `10n` for a BigInt (which JSON
 * cannot), and at most 80 characters, so a hostile name never makes a message of megabytes.
 */
export function shown(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'bigint' ? `${value}n` : (JSON.stringify(value) ?? String(value));
  } catch {
    text = kindOf(value);
  }
  return clip(text);
}

/** A text cut to 80 characters, with `…` when cut. */
export const clip = (text: string): string => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

/**
 * What was thrown, as a message says it: `String(error)` (`Error: boom`) or, when even that
 * throws (an object without a prototype, a hostile `toString`, a proxy), the kind of value it
 * is, so that describing a hostile input's failure never throws in its turn.
 */
export function thrownText(error: unknown): string {
  try {
    return String(error);
  } catch {
    return kindOf(error);
  }
}

/** The kind of a value (`[object Object]`), for one that cannot be shown otherwise; never throws. */
function kindOf(value: unknown): string {
  try {
    return Object.prototype.toString.call(value);
  } catch {
    // A proxy whose `Symbol.toStringTag` throws.
    return 'a value that cannot be shown';
  }
}

/**
 * The options of a function whose only option is `locale` (`{ locale?: 'id' | 'en' }`): absent is
 * `{}`; anything else (not an object, another name, another language) an `InvalidOptionError`.
 *
 * @internal
 */
export function localeOption(options: unknown): { locale?: Locale } {
  if (options === undefined) return {};
  let issues: Issue[];
  let locale: unknown;
  try {
    issues =
      options === null || typeof options !== 'object' || Array.isArray(options)
        ? [{ path: ['options'], code: 'invalid_type', message: 'options must be { locale? }' }]
        : unknownOptionIssues(options, ['locale']);
    locale = (options as { locale?: unknown } | null)?.locale;
  } catch (error) {
    // A proxy or a getter that throws: said as the options' problem, never thrown on.
    throw new InvalidOptionError([
      {
        path: [],
        code: 'unreadable',
        message: `the options could not be read: ${thrownText(error)}`,
      },
    ]);
  }
  if (locale !== undefined && locale !== 'id' && locale !== 'en')
    issues.push({ path: ['locale'], code: 'invalid_value', message: 'locale must be id or en' });
  if (issues.length > 0) throw new InvalidOptionError(issues);
  return { ...(locale !== undefined ? { locale: locale as Locale } : {}) };
}
