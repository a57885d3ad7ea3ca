import texts from '../../rules/messages-io.json' with { type: 'json' };
import type { Locale } from '../messages.js';

/** A text of the readers, by its key in `rules/messages-io.json`. */
export type IoText = Exclude<keyof typeof texts, '$comment'>;

const formats = new Map<string, Intl.NumberFormat>();

/** A number as the locale writes it: `12,5` in Indonesian; grouped (`1.000.000`) when asked. */
function numberIn(locale: Locale, n: number, grouped: boolean): string {
  const key = `${locale}${grouped}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-US', {
      maximumFractionDigits: 20,
      useGrouping: grouped,
    });
    formats.set(key, format);
  }
  return format.format(n);
}

/**
 * What a reader says, in `locale`: the text of `key` with its `{placeholders}` filled. Numbers
 * are written as the locale writes them (`limit` grouped in thousands; line numbers as they are).
 *
 * @internal
 */
export function say(
  locale: Locale,
  key: IoText,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return texts[key][locale].replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberIn(locale, value, name === 'limit') : value;
  });
}
