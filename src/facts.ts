import * as z from 'zod';
import { type Innovation, InnovationSchema } from './innovation.js';
import { findUrusan } from './urusan.js';

/**
 * The facts a rule set's conditions can read: every field of the innovation record, plus a few
 * facts derived from it (lookups and year arithmetic that json-rules-engine's condition syntax
 * cannot express). A reason always points at the record field a derived fact comes from.
 */

/** Derived facts: name → the record field it is computed from. */
export const DERIVED_FACTS: Readonly<Record<string, string>> = {
  /** The urusan group of each of the record's urusan, in order (`absolut`, `pilihan`, …). */
  urusanKelompok: 'urusan',
  /** The reporting year minus one (T-1). */
  tahunT1: 'tahun',
  /** The reporting year minus two (T-2). */
  tahunT2: 'tahun',
};

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
  if (typeof record.tahun === 'number') {
    facts.tahunT1 = record.tahun - 1;
    facts.tahunT2 = record.tahun - 2;
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
 * The record field a condition reads, given its fact and optional path.
 *
 * @internal
 */
export function fieldOf(fact: string, path?: string): string {
  const source = Object.hasOwn(DERIVED_FACTS, fact) ? DERIVED_FACTS[fact] : undefined;
  if (source) return source;
  return path ? `${fact}.${path}` : fact;
}
