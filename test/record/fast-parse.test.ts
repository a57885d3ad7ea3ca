import * as fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { evidencedRecord, generateRecord } from '../../bench/records.js';
import { compileFastParser, GIVE_UP } from '../../src/record/fast-parse.js';
import { InnovationSchema } from '../../src/record/innovation.js';
import { LIMITS, type Limits, scanInput } from '../../src/record/limits.js';
import { applyEdits, ordered, recordArb, recordEditsArb } from '../arbitraries.js';
import { runs } from '../runs.js';

const parser = (limits: Limits = LIMITS) => {
  const parse = compileFastParser(InnovationSchema, limits);
  if (!parse) throw new Error('the record schema did not compile');
  return parse;
};

/** The fast path either gives up or returns exactly what zod returns, keys in zod's order. */
function agreesWithZod(input: unknown, limits: Limits = LIMITS): boolean {
  const fast = parser(limits)(input);
  if (fast === GIVE_UP) return false;
  const zod = InnovationSchema.safeParse(input);
  expect(zod.success).toBe(true);
  expect(ordered(fast)).toStrictEqual(ordered(zod.data));
  expect(scanInput(input, limits).issue).toBeUndefined();
  return true;
}

describe('the compiled record parser', () => {
  it('gives zod’s output, in zod’s key order, for every valid random record', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        expect(agreesWithZod(record)).toBe(true);
      }),
      { numRuns: runs(400) },
    );
  });

  it('never accepts what zod refuses, nor returns anything else than zod, on edited records', () => {
    fc.assert(
      fc.property(recordArb, recordEditsArb, (record, edits) => {
        const input = applyEdits(record, edits);
        const fast = parser()(input);
        const zod = InnovationSchema.safeParse(input);
        if (fast !== GIVE_UP) {
          expect(zod.success).toBe(true);
          expect(ordered(fast)).toStrictEqual(ordered(zod.data));
        }
      }),
      { numRuns: runs(1500) },
    );
  });

  it('takes the fast path on the benchmark’s records: drafts, forms’ undefined keys, nulls, evidence', () => {
    expect(agreesWithZod({ nama: 'Draf', opd: 'Dinas Kesehatan' })).toBe(true);
    expect(agreesWithZod(generateRecord(3))).toBe(true);
    expect(agreesWithZod(evidencedRecord(7))).toBe(true);
    expect(
      agreesWithZod({ nama: 'Form', tahun: null, kebaruan: undefined, urusan: ['1.01'] }),
    ).toBe(true);
  });

  it('puts a key given as undefined at its place in the shape, unknown keys after', () => {
    const input = { catatan: 'x', kebaruan: undefined, nama: ' Uji ', tahun: 2024 };
    expect(agreesWithZod(input)).toBe(true);
    expect(Object.keys(parser()(input) as object)).toStrictEqual([
      'nama',
      'tahun',
      'kebaruan',
      'catatan',
    ]);
  });

  it('keeps a record’s unknown keys (a loose object) and gives up on a document’s (zod drops them)', () => {
    expect(agreesWithZod({ nama: 'x', indikator: { catatan: { a: [1, 2] } } })).toBe(true);
    const withExtra = { nama: 'x', indikator: { sdm: { bukti: [{ jenis: 'sk', lampiran: 1 }] } } };
    expect(parser()(withExtra)).toBe(GIVE_UP);
    expect(InnovationSchema.safeParse(withExtra).success).toBe(true);
  });

  it.each([
    ['a prototype of its own', Object.create({ nama: 'warisan' })],
    [
      'a class instance',
      new (class Rekaman {
        nama = 'x';
      })(),
    ],
    ['an own __proto__ key', JSON.parse('{"nama":"x","__proto__":{"a":1}}')],
    ['an inherited key', Object.assign(Object.create({ catatan: 1 }), { nama: 'x' })],
    ['a list for an object', [{ nama: 'x' }]],
    ['an invalid value', { nama: 'x', tahun: 'dua ribu' }],
    ['a blank name', { nama: '   ' }],
    ['an impossible date', { nama: 'x', waktuPenerapan: '2023-02-29' }],
    ['an unknown urusan', { nama: 'x', urusan: ['tidak-ada'] }],
  ])('gives up on %s', (_, input) => {
    expect(parser()(input)).toBe(GIVE_UP);
  });

  it('accepts an object without a prototype, as zod does', () => {
    expect(agreesWithZod(Object.assign(Object.create(null), { nama: 'x', tahun: 2024 }))).toBe(
      true,
    );
  });

  it('reads each property once, and gives up (never throws) on a getter or Proxy that throws', () => {
    let reads = 0;
    const once = {
      get nama() {
        reads += 1;
        return 'x';
      },
    };
    expect(parser()(once)).toStrictEqual({ nama: 'x' });
    expect(reads).toBe(1);
    const throwing = {
      nama: 'x',
      get tahun(): number {
        throw new Error('tidak terbaca');
      },
    };
    expect(parser()(throwing)).toBe(GIVE_UP);
    const proxy = new Proxy(
      { nama: 'x' },
      {
        get() {
          throw new Error('perangkap');
        },
      },
    );
    expect(parser()(proxy)).toBe(GIVE_UP);
  });

  describe('limits: never accepts what the size scan refuses', () => {
    const small: Limits = { maxDepth: 4, maxNodes: 12, maxStringLength: 8 };

    it('counts values as the scan does, to the limit and one past it', () => {
      // 1 (record) + nama + urusan + 9 items = 12 values.
      const at = { nama: 'x', urusan: Array(9).fill('agama') };
      expect(agreesWithZod(at, small)).toBe(true);
      const past = { ...at, urusan: Array(10).fill('agama') };
      expect(parser(small)(past)).toBe(GIVE_UP);
      expect(scanInput(past, small).issue?.code).toBe('too_large');
      const unknown = { nama: 'x', catatan: Array(10).fill(1) };
      expect(parser(small)(unknown)).toBe(GIVE_UP);
      expect(agreesWithZod({ nama: 'x', catatan: Array(9).fill(1) }, small)).toBe(true);
    });

    it('refuses a long text and deep nesting, known fields or not', () => {
      expect(agreesWithZod({ nama: '12345678' }, small)).toBe(true);
      expect(parser(small)({ nama: '123456789' })).toBe(GIVE_UP);
      expect(parser(small)({ nama: 'x', catatan: '123456789' })).toBe(GIVE_UP);
      // The record is at depth 0: an object at depth 4 is one too deep.
      expect(agreesWithZod({ nama: 'x', catatan: { a: { b: { c: 1 } } } }, small)).toBe(true);
      const deep = { nama: 'x', catatan: { a: { b: { c: { d: 1 } } } } };
      expect(parser(small)(deep)).toBe(GIVE_UP);
      expect(scanInput(deep, small).issue?.code).toBe('too_deep');
      expect(parser(small)({ nama: 'x', indikator: { sdm: { bukti: [{ jenis: 'sk' }] } } })).toBe(
        GIVE_UP,
      );
    });

    it('property: whatever it accepts under random limits, the scan accepts', () => {
      fc.assert(
        fc.property(
          recordArb,
          fc.record({
            maxDepth: fc.integer({ min: 1, max: 6 }),
            maxNodes: fc.integer({ min: 1, max: 60 }),
            maxStringLength: fc.integer({ min: 0, max: 40 }),
          }),
          (record, limits) => {
            const fast = parser(limits)(record);
            if (fast !== GIVE_UP) expect(scanInput(record, limits).issue).toBeUndefined();
          },
        ),
        { numRuns: runs(600) },
      );
    });

    it('gives up on a list longer than the limit without walking it', () => {
      const huge = { nama: 'x', manfaatBagi: new Array(LIMITS.maxNodes + 1) };
      expect(parser()(huge)).toBe(GIVE_UP);
    });
  });

  it('hands to zod only the parts it does not mirror: the id’s union and the catalogue transforms', () => {
    expect(parser().delegated).toStrictEqual(['union', 'pipe', 'pipe']);
  });

  it('gives up, never reading further, once the values counted pass the limit', () => {
    const small: Limits = { maxDepth: 4, maxNodes: 3, maxStringLength: 8 };
    // 1 (record) + 2 values: at the limit; one more value is past it, arrays or not.
    expect(agreesWithZod({ nama: 'x', opd: 'y' }, small)).toBe(true);
    expect(parser(small)({ nama: 'x', opd: 'y', pemda: 'z' })).toBe(GIVE_UP);
    expect(parser(small)({ nama: 'x', opd: undefined, pemda: 'z' })).toBe(GIVE_UP);
    let reads = 0;
    const counted = (length: number) =>
      new Proxy(Array(length).fill('agama'), {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
          return Reflect.get(target, key, receiver);
        },
      });
    expect(parser(small)({ nama: 'x', urusan: counted(2) })).toBe(GIVE_UP);
    expect(reads).toBe(0);
    const wide = new Proxy(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i])), {
      get(target, key, receiver) {
        reads += 1;
        return Reflect.get(target, key, receiver);
      },
    });
    expect(parser(small)({ nama: 'x', catatan: wide })).toBe(GIVE_UP);
    expect(reads).toBeLessThan(5);
  });

  it('counts a part handed to zod like any other: a long id, a long list of urusan', () => {
    const small: Limits = { maxDepth: 4, maxNodes: 6, maxStringLength: 8 };
    expect(agreesWithZod({ nama: 'x', id: '12345678' }, small)).toBe(true);
    expect(parser(small)({ nama: 'x', id: '123456789' })).toBe(GIVE_UP);
    expect(agreesWithZod({ nama: 'x', urusan: ['agama', 'agama', 'agama'] }, small)).toBe(true);
    expect(parser(small)({ nama: 'x', urusan: ['agama', 'agama', 'agama', 'agama'] })).toBe(
      GIVE_UP,
    );
  });

  it('counts unknown keys as the scan does, to each limit and one past it', () => {
    const small: Limits = { maxDepth: 3, maxNodes: 8, maxStringLength: 4 };
    expect(agreesWithZod({ nama: 'x', catatan: ['abcd', [1], { a: 1 }] }, small)).toBe(true);
    expect(parser(small)({ nama: 'x', catatan: ['abcde'] })).toBe(GIVE_UP);
    expect(parser(small)({ nama: 'x', catatan: [[[1]]] })).toBe(GIVE_UP);
    expect(agreesWithZod({ nama: 'x', catatan: [1, 2, 3, 4, 5] }, small)).toBe(true);
    expect(parser(small)({ nama: 'x', catatan: [1, 2, 3, 4, 5, 6] })).toBe(GIVE_UP);
    expect(parser(small)({ nama: 'x', catatan: { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 } })).toBe(
      GIVE_UP,
    );
    expect(
      parser({ maxDepth: 3, maxNodes: 4, maxStringLength: 4 })({ nama: 'x', catatan: [1, 2, 3] }),
    ).toBe(GIVE_UP);
    // Inherited keys are not counted; a null is a value at any depth, never too deep.
    const three: Limits = { maxDepth: 3, maxNodes: 3, maxStringLength: 4 };
    expect(agreesWithZod({ nama: 'x', catatan: Object.create({ a: 1, b: 2 }) }, three)).toBe(true);
    expect(agreesWithZod({ nama: 'x', catatan: { a: { b: null } } }, small)).toBe(true);
    expect(scanInput({ nama: 'x', catatan: { a: { b: null } } }, small).issue).toBeUndefined();
  });

  it('refuses a record without its name, or with the name given as undefined', () => {
    for (const input of [{}, { nama: undefined }, { opd: 'x' }, { nama: undefined, opd: 'x' }]) {
      expect(parser()(input)).toBe(GIVE_UP);
      expect(InnovationSchema.safeParse(input).success).toBe(false);
    }
  });

  describe('other schemas: each kind mirrored, or handed to zod', () => {
    const schema = z.looseObject({
      tanda: z.boolean().optional(),
      kata: z.string().min(2).max(4).optional(),
      kode: z
        .string()
        .regex(/^[a-z]+$/)
        .optional(),
      angka: z.number().int().gt(1).lt(10).optional(),
      kelipatan: z.number().multipleOf(5).optional(),
      paksa: z.coerce.number().optional(),
      jenis: z.enum(['a', 'b']).optional(),
      tanggal: z.iso.date().optional(),
      daftar: z.array(z.string()).max(2).optional(),
      benar: z.literal(true).optional(),
      sebagian: z.object({ a: z.number() }).partial().optional(),
      polos: z.number().optional(),
      batas: z.number().min(0).optional(),
      waktu: z.iso.datetime().optional(),
      disaring: z
        .boolean()
        .refine((v) => v)
        .optional(),
      pilihan: z
        .enum(['x', 'y'])
        .refine((v) => v === 'x')
        .optional(),
      panjang: z.enum(['pendek', 'sangat-panjang-sekali']).optional(),
    });
    const compiled = () => {
      const parse = compileFastParser(schema, LIMITS);
      if (!parse) throw new Error('did not compile');
      return parse;
    };
    const same = (input: unknown) => {
      const fast = compiled()(input);
      const zod = schema.safeParse(input);
      if (fast === GIVE_UP) return 'gave up';
      expect(zod.success).toBe(true);
      expect(ordered(fast)).toStrictEqual(ordered(zod.data));
      return 'same';
    };

    it('hands zod the parts whose checks it does not mirror', () => {
      expect(compiled().delegated).toStrictEqual([
        'string',
        'number',
        'number',
        'array',
        'literal',
        'string',
        'boolean',
        'enum',
      ]);
    });

    it.each([
      [{ tanda: true }, 'same'],
      [{ tanda: 'ya' }, 'gave up'],
      [{ kata: 'ab' }, 'same'],
      [{ kata: 'abcd' }, 'same'],
      [{ kata: 'a' }, 'gave up'],
      [{ kata: 'abcde' }, 'gave up'],
      [{ kode: 'abc' }, 'same'],
      [{ kode: 'ABC' }, 'gave up'],
      [{ angka: 2 }, 'same'],
      [{ angka: 9 }, 'same'],
      [{ angka: 1 }, 'gave up'],
      [{ angka: 10 }, 'gave up'],
      [{ angka: 2.5 }, 'gave up'],
      [{ kelipatan: 10 }, 'same'],
      [{ kelipatan: 11 }, 'gave up'],
      [{ paksa: '5' }, 'same'],
      [{ jenis: 'b' }, 'same'],
      [{ jenis: 'c' }, 'gave up'],
      [{ tanggal: '2024-02-29' }, 'same'],
      [{ tanggal: '2023-02-29' }, 'gave up'],
      [{ daftar: ['a', 'b'] }, 'same'],
      [{ daftar: ['a', 'b', 'c'] }, 'gave up'],
      [{ benar: true }, 'same'],
      [{ benar: false }, 'gave up'],
      [{ sebagian: {} }, 'same'],
      [{ sebagian: { a: 1, b: 2 } }, 'gave up'],
      [{ polos: -1.5 }, 'same'],
      [{ polos: '1' }, 'gave up'],
      [{ batas: 0 }, 'same'],
      [{ batas: '5' }, 'gave up'],
      [{ batas: Number.POSITIVE_INFINITY }, 'gave up'],
      [{ waktu: '2024-01-01T00:00:00Z' }, 'same'],
      [{ disaring: true }, 'same'],
      [{ disaring: false }, 'gave up'],
      [{ pilihan: 'x' }, 'same'],
      [{ pilihan: 'y' }, 'gave up'],
      [{ panjang: 'sangat-panjang-sekali' }, 'same'],
    ])('%j: %s', (input, expected) => {
      expect(same(input)).toBe(expected);
    });

    it('property: never anything but zod’s output on random values', () => {
      fc.assert(
        fc.property(
          fc.dictionary(
            fc.constantFrom('tanda', 'kata', 'kode', 'angka', 'kelipatan', 'paksa', 'jenis', 'x'),
            fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom('ab', 'a', 5, 10, '5', 'b')),
          ),
          (input) => {
            same(input);
          },
        ),
        { numRuns: runs(500) },
      );
    });

    it('counts an enum value longer than the limit as too long a text, as the scan does', () => {
      const tight: Limits = { maxDepth: 4, maxNodes: 20, maxStringLength: 10 };
      const parse = compileFastParser(schema, tight);
      expect(parse?.({ panjang: 'pendek' })).toStrictEqual({ panjang: 'pendek' });
      expect(parse?.({ panjang: 'sangat-panjang-sekali' })).toBe(GIVE_UP);
      expect(scanInput({ panjang: 'sangat-panjang-sekali' }, tight).issue?.code).toBe('too_long');
    });

    it.each([
      ['a strict object', z.strictObject({ nama: z.string() })],
      ['a key Object.prototype has', z.looseObject({ toString: z.string().optional() })],
    ])('compiles nothing for %s (the caller keeps zod)', (_, unsupported) => {
      expect(compileFastParser(unsupported, LIMITS)).toBeUndefined();
    });
  });

  it('compiles nothing where a page forbids compiling code (the caller keeps zod)', () => {
    vi.stubGlobal('Function', () => {
      throw new EvalError('Content Security Policy');
    });
    try {
      expect(compileFastParser(InnovationSchema, LIMITS)).toBeUndefined();
    } finally {
      vi.unstubAllGlobals();
    }
    expect(compileFastParser(InnovationSchema, LIMITS)).toBeTypeOf('function');
  });
});
