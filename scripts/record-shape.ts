import type * as z from 'zod';
import { type ZodCheckDef as CheckDef, defOf } from '../src/record/_zod-def.js';
import { InnovationSchema } from '../src/record/innovation.js';
import { toSubUrusanId } from '../src/record/kewenangan.js';
import type { NumberCheck, Shape, StringCheck } from '../src/record/shape.js';
import { toUrusanId } from '../src/record/urusan.js';

/**
 * The record schema as data (`src/record/_record-shape.json`), for the zod-free record reader
 * of `inovasi-rules/core`: written from `InnovationSchema` by `npm run schema`; a test keeps the
 * committed file current. It describes only what the record schema uses, and throws on
 * anything else, so that a change to the schema the reader cannot follow is seen at once.
 */

/** A custom message given to a schema or a check, when it is a fixed text. */
function errorOf(def: { error?: (issue: object) => unknown }): { error?: string } {
  const message = def.error?.({});
  return typeof message === 'string' ? { error: message } : {};
}

function unsupported(what: string): never {
  throw new Error(`record shape: ${what} is not mirrored by src/record/shape.ts`);
}

function stringCheck(c: CheckDef): StringCheck {
  if (c.check === 'overwrite' && c.tx?.(' \t a b \n') === 'a b') return { check: 'trim' };
  if (c.check === 'min_length' && typeof c.minimum === 'number') {
    return { check: 'min_length', minimum: c.minimum, ...errorOf(c) };
  }
  return unsupported(`string check ${c.check}`);
}

function numberCheck(c: CheckDef): NumberCheck {
  if (c.check === 'number_format' && c.format === 'safeint') return { check: 'int' };
  if ((c.check === 'greater_than' || c.check === 'less_than') && typeof c.value === 'number') {
    if (c.error) unsupported('a custom message on a number check');
    return { check: c.check, value: c.value, inclusive: c.inclusive === true };
  }
  return unsupported(`number check ${c.check}`);
}

/** Describes one zod schema. */
export function describe(schema: z.ZodType): Shape {
  const def = defOf(schema);
  if (def.coerce) unsupported('coercion');
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  const none = (type: string) => {
    if (checks.length > 0) unsupported(`checks on ${type}`);
    if (def.error) unsupported(`a custom message on ${type}`);
  };
  switch (def.type) {
    case 'optional':
    case 'nullable':
      none(def.type);
      return { type: def.type, of: describe(def.innerType as z.ZodType) };
    case 'string': {
      const format =
        def.format === undefined
          ? {}
          : def.format === 'date' && def.pattern && !def.pattern.flags
            ? { format: { name: 'ISO date', pattern: def.pattern.source } }
            : unsupported(`string format ${def.format}`);
      // The format is a check of the schema itself, listed first.
      const own = checks.filter((c) => c.check !== 'string_format');
      return { type: 'string', checks: own.map(stringCheck), ...format, ...errorOf(def) };
    }
    case 'number':
      if (def.error) unsupported('a custom message on a number');
      return { type: 'number', checks: checks.map(numberCheck) };
    case 'boolean':
      none('boolean');
      return { type: 'boolean' };
    case 'enum': {
      none('enum');
      const values = Object.values(def.entries ?? {});
      if (!values.every((v) => typeof v === 'string')) unsupported('an enum of other than text');
      return { type: 'enum', values: values as string[] };
    }
    case 'array':
      none('array');
      return { type: 'array', of: describe(def.element as z.ZodType) };
    case 'object': {
      none('object');
      const catchall = def.catchall === undefined ? 'strip' : defOf(def.catchall).type;
      if (catchall !== 'strip' && catchall !== 'unknown') unsupported(`catchall ${catchall}`);
      return {
        type: 'object',
        keys: Object.entries(def.shape ?? {}).map(([key, child]) => [key, describe(child)]),
        loose: catchall === 'unknown',
      };
    }
    case 'union':
      none('union');
      return { type: 'union', of: (def.options ?? []).map(describe) };
    case 'pipe': {
      const input = defOf(def.in as z.ZodType);
      const transform = defOf(def.out as z.ZodType).transform;
      const name =
        transform === toUrusanId ? 'urusan' : transform === toSubUrusanId ? 'subUrusan' : undefined;
      if (input.type !== 'string' || (input.checks ?? []).length > 0 || input.error || !name) {
        unsupported('a transform other than the urusan lookups');
      }
      return { type: 'catalogue', name };
    }
    default:
      return unsupported(def.type);
  }
}

/** The shape of `InnovationSchema`. */
export const recordShape = (): Shape => describe(InnovationSchema);
