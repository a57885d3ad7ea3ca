import { readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { evidencedRecord, generateRecord } from '../../bench/records.js';
import { describe as describeSchema, recordShape } from '../../scripts/record-shape.js';
import { issuesFrom } from '../../src/errors.js';
import { RECORD_FIELDS } from '../../src/record/facts.js';
import { InnovationSchema } from '../../src/record/innovation.js';
import { readShape, type Shape } from '../../src/record/shape.js';
import { applyEdits, ordered, recordArb, recordEditsArb } from '../arbitraries.js';
import { runs } from '../runs.js';

const committed = JSON.parse(
  readFileSync(new URL('../../src/record/_record-shape.json', import.meta.url), 'utf8'),
) as Shape;

/** The reader and zod agree: both accept with the same output (key order too), or both
 *  refuse with the same issues (paths, codes, messages, in order). */
function agrees(input: unknown, schema: z.ZodType = InnovationSchema, shape = committed): void {
  const ours = readShape(shape, input);
  const zod = schema.safeParse(input);
  if (zod.success) {
    expect(ours).toStrictEqual({ success: true, data: ours.success ? ours.data : undefined });
    expect(ours.success && ordered(ours.data)).toStrictEqual(ordered(zod.data));
  } else {
    expect(ours).toStrictEqual({ success: false, issues: issuesFrom(zod.error, 'invalid_value') });
  }
}

describe('the record shape and its zod-free reader', () => {
  it('is current: the committed shape is the one written from InnovationSchema (npm run schema)', () => {
    expect(committed).toStrictEqual(recordShape());
  });

  it('lists the record’s fields as InnovationSchema does (src/record/_record-fields.json)', () => {
    expect(RECORD_FIELDS).toStrictEqual(Object.keys(InnovationSchema.shape));
  });

  it('gives zod’s output for every valid random record', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        expect(readShape(committed, record).success).toBe(true);
        agrees(record);
      }),
      { numRuns: runs(300) },
    );
  });

  it('gives zod’s output or zod’s issues, in zod’s order, on edited records', () => {
    fc.assert(
      fc.property(recordArb, recordEditsArb, (record, edits) => {
        agrees(applyEdits(record, edits));
      }),
      { numRuns: runs(1500) },
    );
  });

  it('agrees on the benchmark’s records and on forms’ nulls and undefined keys', () => {
    agrees({ nama: 'Draf', opd: 'Dinas Kesehatan' });
    agrees(generateRecord(3));
    agrees(evidencedRecord(7));
    agrees({ nama: ' Form ', tahun: null, kebaruan: undefined, urusan: ['1.01'], extra: [1] });
  });

  it.each([
    ['not an object', 'nama'],
    ['a list', [{ nama: 'x' }]],
    ['null', null],
    ['no name', {}],
    ['a blank name', { nama: '  ' }],
    ['a name of one astral character', { nama: '😀' }],
    ['a year that is no integer', { nama: 'x', tahun: 2024.5 }],
    ['a year too large to be exact', { nama: 'x', tahun: 2 ** 60 }],
    ['a negative unsafe integer', { nama: 'x', indikator: { sdm: { jumlah: -(2 ** 60) } } }],
    [
      'NaN and Infinity',
      { nama: 'x', tahun: Number.NaN, indikator: { bimtek: { jumlah: -Infinity } } },
    ],
    ['a percentage over 100', { nama: 'x', indikator: { pengaduan: { persenSelesai: 101 } } }],
    ['an impossible date', { nama: 'x', waktuPenerapan: '2023-02-29' }],
    ['a date that is no text', { nama: 'x', waktuUjiCoba: 20230101 }],
    ['a Date object', { nama: 'x', waktuUjiCoba: new Date(0) }],
    ['an unknown urusan and sub-urusan', { nama: 'x', urusan: ['tidak-ada', 5], subUrusan: ['x'] }],
    ['an id of the wrong type', { nama: 'x', id: true }],
    ['an option not in the list', { nama: 'x', kebaruan: 'semua', inisiator: 'DPRD' }],
    [
      'evidence without its kind',
      { nama: 'x', indikator: { sdm: { bukti: [{ nama: 'SK' }, 'sk'] } } },
    ],
    ['a map for an object', { nama: 'x', indikator: new Map() }],
    ['a prototype of its own', Object.create({ nama: 'warisan', catatan: 1 })],
    ['an object without a prototype', Object.assign(Object.create(null), { nama: 'x' })],
    [
      'a class instance',
      new (class Rekaman {
        nama = 'x';
      })(),
    ],
    ['an own __proto__ key', JSON.parse('{"nama":"x","__proto__":{"a":1}}')],
    ['a Date for a name', { nama: new Date(0) }],
    ['an object without a prototype for a name', { nama: Object.create(null) }],
    ['a class instance for a name', { nama: new (class Nama {})() }],
    ['a list for a name (zod still checks its length)', { nama: [] }],
    ['a list of one for a name', { nama: ['x'] }],
    ['an object with a length for a name', { nama: { length: 0 } }],
    ['a list for a document’s kind', { nama: 'x', indikator: { sdm: { bukti: [{ jenis: [] }] } } }],
    [
      'an object with a length for a document’s kind',
      { nama: 'x', indikator: { sdm: { bukti: [{ jenis: { length: 0 } }] } } },
    ],
    ['a blank document kind', { nama: 'x', indikator: { sdm: { bukti: [{ jenis: '  ' }] } } }],
    [
      'text for numbers',
      { nama: 'x', tahun: '2024', indikator: { pengaduan: { persenSelesai: '90' } } },
    ],
    [
      'evidence with an unknown key (dropped)',
      { nama: 'x', indikator: { sdm: { bukti: [{ jenis: ' sk ', x: 1 }] } } },
    ],
  ])('agrees with zod on %s', (_, input) => {
    agrees(input);
  });

  it('never copies an own __proto__ key into the output (it would set the prototype)', () => {
    const result = readShape(committed, JSON.parse('{"nama":"x","__proto__":{"a":1}}'));
    const data = result.success ? (result.data as object) : undefined;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data ?? {})).toStrictEqual(['nama']);
  });

  it('reports every problem, not the first', () => {
    const result = readShape(committed, { nama: '', tahun: 'x', kebaruan: 1 });
    expect(result.success).toBe(false);
    expect(result.success ? [] : result.issues.map((i) => i.path)).toStrictEqual([
      ['nama'],
      ['tahun'],
      ['kebaruan'],
    ]);
  });

  it('follows any schema built from the parts it mirrors', () => {
    const schema = z.object({
      a: z.enum(['satu']),
      b: z.number().gt(1).lt(3),
      c: z.union([z.boolean(), z.array(z.string())]).optional(),
      d: z.iso.date().optional(),
    });
    const shape = describeSchema(schema);
    for (const input of [
      { a: 'satu', b: 2, d: '2024-01-31' },
      { a: 'dua', b: 3, c: 1, d: '2024-02-30' },
      { b: 1, c: [1] },
      5,
    ]) {
      agrees(input, schema, shape);
    }
  });

  it.each([
    ['a string format other than the date', z.object({ a: z.email() })],
    ['a strict object', z.strictObject({ a: z.string() })],
    ['a refinement', z.object({ a: z.string().refine((s) => s !== 'x') })],
    ['a transform of its own', z.object({ a: z.string().transform((s) => s.length) })],
    ['coercion', z.object({ a: z.coerce.number() })],
    ['a record', z.record(z.string(), z.string())],
    ['an enum of numbers', z.object({ a: z.enum({ one: 1 }) })],
  ])('refuses to describe %s (the reader would not follow it)', (_, schema) => {
    expect(() => describeSchema(schema)).toThrow(/not mirrored/);
  });
});
