import * as z from 'zod';
import type { FieldType } from './field-type.js';
import { InnovationSchema } from './innovation.js';

/**
 * What the record schema says of each of its paths, read from `InnovationSchema` so that it
 * cannot drift: every path (for rule-set validation and form order) and the type each holds
 * (for value checks and the docs). Loading and checking rule sets need it; evaluating does not.
 */

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

const allPaths = new Set<string>();
collectPaths(InnovationSchema, '', allPaths);

/**
 * Every path into the record schema (`kebaruan`, `indikator.sdm.jumlah`, …).
 *
 * @internal
 */
export const RECORD_PATHS: ReadonlySet<string> = allPaths;

export type { FieldType } from './field-type.js';

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
