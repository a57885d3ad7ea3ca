/**
 * What a request asks beside its body: the locale of its answer (`?locale=`, else
 * `Accept-Language`) and the options of its query, each refused with a 400 problem that names it.
 */
import type { Context } from 'hono';
import { InvalidOptionError } from '../index.js';
import type { Locale } from '../messages.js';
import { say } from './_problem.js';

const LOCALES: readonly Locale[] = ['id', 'en'];

/**
 * The locale from `?locale=` (`id` or `en`; anything else a 400), else the best of
 * `Accept-Language`, else Indonesian.
 */
export function localeOf(c: Context): Locale {
  const query = c.req.query('locale');
  if (query === undefined || LOCALES.includes(query as Locale)) {
    return (query as Locale | undefined) ?? acceptedLocale(c.req.header('accept-language'));
  }
  throw new InvalidOptionError([
    {
      path: ['locale'],
      code: 'invalid_value',
      message: say(acceptedLocale(c.req.header('accept-language')), 'queryOneOf', {
        name: 'locale',
        values: LOCALES.join(', '),
      }),
    },
  ]);
}

/** The best locale of an `Accept-Language` header the library speaks, else Indonesian. */
export function acceptedLocale(header: string | undefined): Locale {
  if (!header) return 'id';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return {
        tag: tag.trim().toLowerCase().split('-')[0] ?? '',
        q: q ? Number(q.split('=')[1]) : 1,
      };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const locale = tag === 'in' ? 'id' : tag; // "in" is the old code for Indonesian
    if (LOCALES.includes(locale as Locale)) return locale as Locale;
  }
  return 'id';
}

/** The language of a request's problems: its valid `?locale=`, else its `Accept-Language`'s. */
export function problemLocale(c: Context): Locale {
  const query = c.req.query('locale');
  return LOCALES.includes(query as Locale)
    ? (query as Locale)
    : acceptedLocale(c.req.header('accept-language'));
}

/** A query parameter that takes one of `values`; absent is `undefined`, anything else a 400. */
export function queryChoice<T extends string>(
  c: Context,
  name: string,
  values: readonly T[],
): T | undefined {
  const given = c.req.query(name);
  if (given === undefined || values.includes(given as T)) return given as T | undefined;
  throw new InvalidOptionError([
    {
      path: [name],
      code: 'invalid_value',
      message: say(problemLocale(c), 'queryOneOf', { name, values: values.join(', ') }),
    },
  ]);
}

/** A query parameter that takes a whole number from `min` to `max`; anything else a 400. */
export function queryWholeNumber(c: Context, name: string, min: number, max: number) {
  return queryNumeric(c, name, min, max, /^\d+$/, 'queryWholeNumber');
}

/** A query parameter that takes a number from `min` to `max`; anything else a 400. */
export function queryNumber(c: Context, name: string, min: number, max: number) {
  return queryNumeric(c, name, min, max, /^\d+(\.\d+)?$/, 'queryNumber');
}

/** A number written as `pattern` allows, from `min` to `max`; else a 400 saying `text`. */
function queryNumeric(
  c: Context,
  name: string,
  min: number,
  max: number,
  pattern: RegExp,
  text: 'queryWholeNumber' | 'queryNumber',
): number | undefined {
  const given = c.req.query(name);
  if (given === undefined) return undefined;
  const n = pattern.test(given) ? Number(given) : Number.NaN;
  if (n >= min && n <= max) return n;
  throw new InvalidOptionError([
    {
      path: [name],
      code: 'invalid_value',
      message: say(problemLocale(c), text, { name, min, max }),
    },
  ]);
}
