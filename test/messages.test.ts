import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../src/errors.js';
import {
  fill,
  formatAt,
  formatValue,
  interpolate,
  localeOption,
  MESSAGES,
  pick,
  shown,
  thrownText,
} from '../src/messages.js';

describe('interpolate', () => {
  const values: Record<string, unknown> = {
    nama: 'Si Cantik',
    'indikator.sdm.jumlah': 1250.5,
    tahun: 2023,
    'anggaran.tahun': [2022, 2023],
    tahapan: 'uji_coba',
    urusan: ['kesehatan'],
  };
  const lookup = (path: string) => values[path];

  it('replaces every placeholder, adjacent ones and repeated ones included', () => {
    expect(interpolate('{nama}: {tahapan}{tahapan}.', lookup, 'id')).toBe(
      'Si Cantik: uji cobauji coba.',
    );
    expect(interpolate('{nama}', lookup, 'en')).toBe('Si Cantik');
    expect(interpolate('no placeholder', lookup, 'en')).toBe('no placeholder');
    expect(interpolate('', lookup, 'en')).toBe('');
  });

  it('leaves braces that hold no placeholder as written', () => {
    expect(interpolate('a {} b { c', lookup, 'en')).toBe('a {} b { c');
    expect(interpolate('{{nama}}', lookup, 'en')).toBe('{Si Cantik}');
  });

  it('numbers in the locale, years as written, lists joined, missing marked', () => {
    expect(interpolate('{indikator.sdm.jumlah}', lookup, 'id')).toBe('1.250,5');
    expect(interpolate('{indikator.sdm.jumlah}', lookup, 'en')).toBe('1,250.5');
    expect(interpolate('{tahun} / {anggaran.tahun}', lookup, 'id')).toBe(
      `2023 / 2022${MESSAGES.values.listSeparator.id}2023`,
    );
    expect(interpolate('{kosong}', lookup, 'en')).toBe(MESSAGES.values.missing.en);
  });

  it('the same template read again gives the same text (its split is cached)', () => {
    const template = 'Nama {nama}, tahap {tahapan}.';
    const first = interpolate(template, lookup, 'id');
    expect(interpolate(template, lookup, 'id')).toBe(first);
    expect(interpolate(template, (p) => (p === 'nama' ? 'Lain' : undefined), 'en')).toBe(
      `Nama Lain, tahap ${MESSAGES.values.missing.en}.`,
    );
  });

  it('names catalogue ids through the label the caller gives for a path', () => {
    const labelOf = (path: string) =>
      path === 'urusan'
        ? (id: string) => (id === 'kesehatan' ? 'Kesehatan' : undefined)
        : undefined;
    expect(interpolate('{urusan}', lookup, 'id', labelOf)).toBe('Kesehatan');
    expect(interpolate('{tahapan}', lookup, 'id', labelOf)).toBe('uji coba');
  });
});

describe('fill', () => {
  it('fills each {name} from the values; one without a value stays as written', () => {
    expect(fill('{a} dari {b}, {c}', { a: 3, b: 'lima', c: undefined })).toBe('3 dari lima, {c}');
    expect(fill('{a}{a} {x-y}', { a: 0 })).toBe('00 {x-y}');
    expect(fill('{n}', { n: null })).toBe('{n}');
  });
});

describe('localeOption', () => {
  it('reads { locale } once, and refuses anything else as an InvalidOptionError, never throwing on', () => {
    expect(localeOption(undefined)).toStrictEqual({});
    expect(localeOption({ locale: 'id' })).toStrictEqual({ locale: 'id' });
    expect(localeOption({})).toStrictEqual({});
    const refused = (options: unknown) => {
      try {
        localeOption(options);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidOptionError);
        return (error as InvalidOptionError).issues.map((i) => `${i.path.join('.')}|${i.code}`);
      }
      return [];
    };
    expect(refused(null)).toStrictEqual(['options|invalid_type']);
    expect(refused(['id'])).toStrictEqual(['options|invalid_type']);
    expect(refused({ locale: 'fr' })).toStrictEqual(['locale|invalid_value']);
    expect(refused({ lokal: 'id' })).toHaveLength(1);
    const trap = Object.defineProperty({}, 'locale', {
      enumerable: true,
      get() {
        throw new Error('trap');
      },
    });
    expect(refused(trap)).toStrictEqual(['|unreadable']);
  });
});

describe('formatValue and formatAt', () => {
  it.each([
    [true, 'id', MESSAGES.values.true.id],
    [false, 'en', MESSAGES.values.false.en],
    [[], 'id', MESSAGES.values.none.id],
    [999, 'id', '999'],
    [-999, 'en', '-999'],
    [1000, 'id', '1.000'],
    [-1000, 'en', '-1,000'],
    [0.5, 'id', '0,5'],
    [12.3456, 'id', '12,35'],
    [1234.5678, 'en', '1,234.57'],
    [{ a: 1 }, 'en', '{"a":1}'],
    ['kepala_daerah', 'en', 'kepala daerah'],
    ['Kepala_Daerah', 'en', 'Kepala_Daerah'],
    ['satu', 'en', 'satu'],
  ] as const)('%j in %s: %s', (value, locale, text) => {
    expect(formatValue(value, locale)).toBe(text);
  });

  it('a year is never grouped, at any path that names one', () => {
    expect(formatAt('tahun', 2024, 'id')).toBe('2024');
    expect(formatAt('riwayatIga.tahun', 2024, 'id')).toBe('2024');
    expect(formatAt('jumlah', 2024, 'id')).toBe('2.024');
  });

  it('pick reads the locale', () => {
    expect(pick({ id: 'satu', en: 'one' }, 'id')).toBe('satu');
    expect(pick({ id: 'satu', en: 'one' }, 'en')).toBe('one');
  });
});

describe('the message files', () => {
  const files = ['messages.json', 'messages-tools.json', 'messages-io.json'];
  /** Every `{ id, en }` text of a message file, with where it is. */
  function* texts(node: unknown, at: string): Generator<[string, Record<string, unknown>]> {
    if (node === null || typeof node !== 'object') return;
    const entries = Object.entries(node);
    if ('id' in node || 'en' in node) {
      if (entries.every(([, v]) => typeof v === 'string')) {
        yield [at, node as Record<string, unknown>];
        return;
      }
    }
    for (const [key, value] of entries) yield* texts(value, `${at}.${key}`);
  }
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it.each(files)('%s: every text in both languages, with the same placeholders', (name) => {
    const json = JSON.parse(readFileSync(new URL(`../rules/${name}`, import.meta.url), 'utf8'));
    let count = 0;
    for (const [at, text] of texts(json, name)) {
      count++;
      expect(Object.keys(text).sort(), at).toStrictEqual(['en', 'id']);
      expect(String(text.id).trim(), at).not.toBe('');
      expect(String(text.en).trim(), at).not.toBe('');
      expect(placeholders(String(text.id)), at).toStrictEqual(placeholders(String(text.en)));
    }
    expect(count).toBeGreaterThan(20);
  });
});

describe('values and thrown values in messages', () => {
  const refusing = new Proxy(
    {},
    {
      get() {
        throw new Error('trap');
      },
      ownKeys() {
        throw new Error('trap');
      },
    },
  );

  it('shows a value as JSON, a BigInt with n, cut at 80 characters', () => {
    expect(shown({ a: 1 })).toBe('{"a":1}');
    expect(shown(10n)).toBe('10n');
    expect(shown(undefined)).toBe('undefined');
    expect(shown('x'.repeat(100))).toHaveLength(78);
  });

  it('says what was thrown, and the kind of a value that cannot become text, never throwing', () => {
    expect(thrownText(new Error('boom'))).toBe('Error: boom');
    expect(thrownText(Object.create(null))).toBe('[object Object]');
    expect(thrownText(refusing)).toBe('a value that cannot be shown');
    expect(shown(Object.assign(Object.create(null), { toJSON: 1n }))).toBe('[object Object]');
    expect(shown(refusing)).toBe('a value that cannot be shown');
  });
});
