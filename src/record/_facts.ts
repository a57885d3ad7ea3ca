import * as z from 'zod';
import { type Innovation, InnovationSchema } from './innovation.js';
import { authorityOf, levelOfPemda } from './kewenangan.js';
import { findUrusan } from './urusan.js';

/**
 * The facts a rule set's conditions can read: every field of the innovation record, plus a few
 * facts derived from it (lookups and year arithmetic that json-rules-engine's condition syntax
 * cannot express). A reason always points at the record field a derived fact comes from.
 */

/** Derived facts: name → the record fields it is computed from (what a reason points at). */
export const DERIVED_FACTS: Readonly<Record<string, readonly string[]>> = {
  /** The urusan group of each of the record's urusan, in order (`absolut`, `pilihan`, …). */
  urusanKelompok: ['urusan'],
  /**
   * How the record's sub-affairs (`subUrusan`) stand against its region's level (`tingkatPemda`,
   * else read from `pemda`): `sesuai`, `di_luar`, `perlu_ditinjau` or `belum_ditentukan`.
   */
  kewenanganTingkat: ['subUrusan', 'tingkatPemda', 'pemda'],
  /** The reporting year minus one (T-1). */
  tahunT1: ['tahun'],
  /** The reporting year minus two (T-2). */
  tahunT2: ['tahun'],
  /**
   * Whole months from the start of implementation (`waktuPenerapan`) to the competition's
   * registration close date (`kipp.tanggalTutupPendaftaran`): KIPP's implementation age.
   */
  usiaPenerapanBulan: ['waktuPenerapan', 'kipp.tanggalTutupPendaftaran'],
  /** How many times the innovation was in a KIPP Top 99 list (`kipp.penghargaan`). */
  kippJumlahTop99: ['kipp.penghargaan'],
  /** Whether the innovation won a top tier of KIPP (Top 45/40/35/25/9 or a Khusus top). */
  kippPernahTop: ['kipp.penghargaan'],
};

/** Whole months from one ISO date to another (negative when the second is earlier). */
function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/**
 * Builds the facts object for one record: its own fields and the derived facts.
 *
 * @internal
 */
export function factsOf(record: Innovation): Record<string, unknown> {
  const facts: Record<string, unknown> = Object.create(null);
  for (const key of RECORD_FIELDS) {
    const value = (record as Record<string, unknown>)[key];
    if (value !== undefined && value !== null) facts[key] = value;
  }
  if (record.urusan) {
    facts.urusanKelompok = record.urusan.map((id) => findUrusan(id)?.group);
  }
  facts.kewenanganTingkat = authorityOf(
    record.subUrusan,
    record.tingkatPemda ?? levelOfPemda(record.pemda),
  );
  if (typeof record.tahun === 'number') {
    facts.tahunT1 = record.tahun - 1;
    facts.tahunT2 = record.tahun - 2;
  }
  const kipp = record.kipp;
  if (record.waktuPenerapan && kipp?.tanggalTutupPendaftaran) {
    facts.usiaPenerapanBulan = monthsBetween(record.waktuPenerapan, kipp.tanggalTutupPendaftaran);
  }
  if (kipp?.penghargaan) {
    facts.kippJumlahTop99 = kipp.penghargaan.filter((a) => a.peringkat === 'top_99').length;
    facts.kippPernahTop = kipp.penghargaan.some(
      (a) => a.peringkat === 'top' || a.peringkat === 'top_khusus',
    );
  }
  return facts;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

function collectPaths(schema: z.ZodType, prefix: string, out: Set<string>): void {
  const inner = unwrap(schema);
  if (!(inner instanceof z.ZodObject)) return;
  for (const [key, child] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.add(path);
    collectPaths(child, path, out);
  }
}

/** The record's top-level fields: the facts a condition may name besides the derived ones. */
export const RECORD_FIELDS: readonly string[] = Object.keys(InnovationSchema.shape);

const allPaths = new Set<string>();
collectPaths(InnovationSchema, '', allPaths);

/**
 * Every path into the record schema (`kebaruan`, `indikator.sdm.jumlah`, …).
 *
 * @internal
 */
export const RECORD_PATHS: ReadonlySet<string> = allPaths;

/**
 * The record fields a condition reads, given its fact and optional path: the field itself, or
 * the fields a derived fact is computed from.
 *
 * @internal
 */
export function fieldsOf(fact: string, path?: string): readonly string[] {
  const sources = Object.hasOwn(DERIVED_FACTS, fact) ? DERIVED_FACTS[fact] : undefined;
  if (sources) return sources;
  return [path ? `${fact}.${path}` : fact];
}

/** What a record field holds, read from the record schema: for value checks and the docs. */
export type FieldType =
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'number'; integer: boolean; min?: number; max?: number }
  | { kind: 'string' }
  | { kind: 'date' }
  | { kind: 'urusan' }
  | { kind: 'subUrusan' }
  | { kind: 'array'; item: FieldType }
  | { kind: 'object' }
  | { kind: 'other' };

function typeOf(schema: z.ZodType): FieldType {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodEnum) return { kind: 'enum', values: inner.options as string[] };
  if (inner instanceof z.ZodBoolean) return { kind: 'boolean' };
  if (inner instanceof z.ZodNumber) {
    const min = inner.minValue;
    const max = inner.maxValue;
    return {
      kind: 'number',
      integer: Boolean(inner.isInt),
      ...(min !== null && Number.isFinite(min) ? { min } : {}),
      ...(max !== null && Number.isFinite(max) && max < Number.MAX_SAFE_INTEGER ? { max } : {}),
    };
  }
  if (inner instanceof z.ZodISODate) return { kind: 'date' };
  if (inner instanceof z.ZodString) return { kind: 'string' };
  if (inner instanceof z.ZodArray)
    return { kind: 'array', item: typeOf(inner.element as z.ZodType) };
  if (inner instanceof z.ZodObject) return { kind: 'object' };
  return { kind: 'other' };
}

function collectTypes(schema: z.ZodType, prefix: string, out: Map<string, FieldType>): void {
  const inner = unwrap(schema);
  if (!(inner instanceof z.ZodObject)) return;
  for (const [key, child] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.set(path, typeOf(child));
    collectTypes(child, path, out);
  }
}

const types = new Map<string, FieldType>();
collectTypes(InnovationSchema, '', types);
// Catalogue ids are validated by a transform: name them for what they hold.
types.set('urusan', { kind: 'array', item: { kind: 'urusan' } });
types.set('subUrusan', { kind: 'array', item: { kind: 'subUrusan' } });

/**
 * The type of every record path (`tahapan` → its enum values, `indikator.sdm.jumlah` → a whole
 * number from 0), read from the record schema so that it cannot drift.
 *
 * @internal
 */
export const FIELD_TYPES: ReadonlyMap<string, FieldType> = types;
