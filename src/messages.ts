import texts from '../rules/messages.json' with { type: 'json' };

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
 * Formats a record value for a message: lists joined, booleans as words, missing marked.
 *
 * @internal
 */
export function formatValue(value: unknown, locale: Locale): string {
  if (value === undefined || value === null) return MESSAGES.values.missing[locale];
  if (typeof value === 'boolean') return MESSAGES.values[value ? 'true' : 'false'][locale];
  if (Array.isArray(value)) {
    return value.length === 0
      ? MESSAGES.values.missing[locale]
      : value.map((v) => formatValue(v, locale)).join(MESSAGES.values.listSeparator[locale]);
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Replaces `{path}` placeholders with values read by `lookup`.
 *
 * @internal
 */
export function interpolate(
  template: string,
  lookup: (path: string) => unknown,
  locale: Locale,
): string {
  return template.replace(/\{([^{}]+)\}/g, (_, path: string) => formatValue(lookup(path), locale));
}
