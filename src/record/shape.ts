import { InvalidRecordError, type Issue } from '../errors.js';
import { type Locale, thrownText } from '../messages.js';
import shape from './_record-shape.json' with { type: 'json' };
import type { Innovation } from './innovation.js';
import { inLocale } from './issue-locale.js';
import { toSubUrusanId } from './kewenangan.js';
import { LIMITS, scanInput } from './limits.js';
import { type CatalogueContext, toUrusanId } from './urusan.js';

/**
 * The record schema as data, and a reader of records that follows it without zod: for the
 * `inovasi-rules/core` entry, whose bundle cannot carry zod (about 90 kB minified). The shape
 * is written from `InnovationSchema` by `npm run schema` (`scripts/record-shape.ts`), and a
 * test keeps the committed file current; property tests hold {@link readShape} to zod's output
 * and zod's issues (paths, codes, messages) on valid, edited and hostile records. Zod stays the
 * contract: this reader mirrors the parts of zod 4 the record schema uses, and nothing else.
 */

/** A check on a string, in the order the schema runs them. */
export type StringCheck =
  | { readonly check: 'trim' }
  | {
      readonly check: 'min_length';
      readonly minimum: number;
      /** A custom message (the schema's `error`). */
      readonly error?: string;
    };

/** A check on a number, in the order the schema runs them. */
export type NumberCheck =
  | { readonly check: 'int' }
  | {
      readonly check: 'greater_than' | 'less_than';
      readonly value: number;
      readonly inclusive: boolean;
    };

/** One node of the record's shape. */
export type Shape =
  | { readonly type: 'optional' | 'nullable'; readonly of: Shape }
  | {
      readonly type: 'string';
      readonly checks: readonly StringCheck[];
      /** A string format and its pattern (`date`, the ISO date). */
      readonly format?: { readonly name: string; readonly pattern: string };
      /** A custom message for every issue of the node itself (its type and its format). */
      readonly error?: string;
    }
  | { readonly type: 'number'; readonly checks: readonly NumberCheck[] }
  | { readonly type: 'boolean' }
  | { readonly type: 'enum'; readonly values: readonly string[] }
  | { readonly type: 'array'; readonly of: Shape }
  | {
      readonly type: 'object';
      /** The keys of the shape, in order. */
      readonly keys: readonly (readonly [string, Shape])[];
      /** Whether unknown keys are kept (a loose object) or dropped. */
      readonly loose: boolean;
    }
  | { readonly type: 'union'; readonly of: readonly Shape[] }
  | { readonly type: 'catalogue'; readonly name: 'urusan' | 'subUrusan' };

/** The result of reading a value: zod's output, or every issue. */
export type ShapeResult =
  | { readonly success: true; readonly data: unknown }
  | { readonly success: false; readonly issues: Issue[] };

const LOOKUPS = { urusan: toUrusanId, subUrusan: toSubUrusanId } as const;

/** zod 4's name for the type of a value, as its messages print it. */
function received(value: unknown): string {
  // NaN and the infinities by name, as zod prints them.
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    const maker = proto !== Object.prototype && 'constructor' in value && value.constructor;
    if (maker) return (maker as { name: string }).name;
  }
  return typeof value;
}

/** A value as zod's messages quote it. */
const quote = (value: string) => `"${value}"`;

/** The patterns of string formats, compiled once. */
const patterns = new Map<string, RegExp>();

function patternOf(source: string): RegExp {
  let pattern = patterns.get(source);
  if (!pattern) {
    pattern = new RegExp(source);
    patterns.set(source, pattern);
  }
  return pattern;
}

class Reader {
  readonly issues: Issue[] = [];

  private push(path: readonly PropertyKey[], code: string, message: string, suggestion?: string) {
    this.issues.push({
      path: path as (string | number)[],
      code,
      message,
      ...(suggestion !== undefined ? { suggestion } : {}),
    });
  }

  private invalidType(
    path: readonly PropertyKey[],
    expected: string,
    value: unknown,
    error?: string,
  ) {
    this.push(
      path,
      'invalid_type',
      error ?? `Invalid input: expected ${expected}, received ${received(value)}`,
    );
  }

  /** Reads `value` at `path`; returns the output (meaningless once an issue is found). */
  read(shape: Shape, value: unknown, path: readonly PropertyKey[]): unknown {
    switch (shape.type) {
      case 'optional':
        return value === undefined ? undefined : this.read(shape.of, value, path);
      case 'nullable':
        return value === null ? null : this.read(shape.of, value, path);
      case 'string':
        return this.string(shape, value, path);
      case 'number':
        return this.number(shape, value, path);
      case 'boolean':
        if (typeof value !== 'boolean') this.invalidType(path, 'boolean', value);
        return value;
      case 'enum':
        if (!shape.values.includes(value as string)) {
          this.push(
            path,
            'invalid_value',
            shape.values.length === 1
              ? `Invalid input: expected ${quote(shape.values[0] as string)}`
              : `Invalid option: expected one of ${shape.values.map(quote).join('|')}`,
          );
        }
        return value;
      case 'array':
        return this.array(shape.of, value, path);
      case 'object':
        return this.object(shape, value, path);
      case 'union':
        return this.union(shape.of, value, path);
      case 'catalogue': {
        if (typeof value !== 'string') {
          this.invalidType(path, 'string', value);
          return value;
        }
        const context: CatalogueContext = {
          issues: {
            push: (issue) =>
              this.push(path, issue.params.code, issue.message, issue.params.suggestion),
          },
        };
        return LOOKUPS[shape.name](value, context);
      }
    }
  }

  private string(
    shape: Extract<Shape, { type: 'string' }>,
    value: unknown,
    path: readonly PropertyKey[],
  ) {
    if (typeof value !== 'string') {
      this.invalidType(path, 'string', value, shape.error);
      // As zod: a length check still runs on anything with a length (its `when`).
      const length = (value as { length?: unknown } | null | undefined)?.length;
      if (length === undefined) return value;
      for (const check of shape.checks) {
        if (check.check === 'min_length' && !((length as number) >= check.minimum)) {
          const origin = Array.isArray(value) ? 'array' : 'unknown';
          this.push(
            path,
            'too_small',
            check.error ??
              (origin === 'array'
                ? `Too small: expected array to have >=${check.minimum} items`
                : `Too small: expected unknown to be >=${check.minimum}`),
          );
        }
      }
      return value;
    }
    let out = value;
    if (shape.format) {
      const pattern = patternOf(shape.format.pattern);
      if (!pattern.test(out)) {
        this.push(path, 'invalid_format', shape.error ?? `Invalid ${shape.format.name}`);
      }
    }
    for (const check of shape.checks) {
      if (check.check === 'trim') out = out.trim();
      else if (codePoints(out, check.minimum) < check.minimum) {
        this.push(
          path,
          'too_small',
          check.error ?? `Too small: expected string to have >=${check.minimum} characters`,
        );
      }
    }
    return out;
  }

  private number(
    shape: Extract<Shape, { type: 'number' }>,
    value: unknown,
    path: readonly PropertyKey[],
  ) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.invalidType(path, 'number', value);
      return value;
    }
    for (const check of shape.checks) {
      if (check.check === 'int') {
        if (!Number.isInteger(value)) {
          this.invalidType(path, 'int', value);
          return value;
        }
        if (!Number.isSafeInteger(value)) {
          this.push(
            path,
            value > 0 ? 'too_big' : 'too_small',
            value > 0
              ? `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}`
              : `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}`,
          );
        }
      } else if (check.check === 'greater_than') {
        if (!(check.inclusive ? value >= check.value : value > check.value)) {
          const op = check.inclusive ? '>=' : '>';
          this.push(path, 'too_small', `Too small: expected number to be ${op}${check.value}`);
        }
      } else if (!(check.inclusive ? value <= check.value : value < check.value)) {
        const op = check.inclusive ? '<=' : '<';
        this.push(path, 'too_big', `Too big: expected number to be ${op}${check.value}`);
      }
    }
    return value;
  }

  private array(of: Shape, value: unknown, path: readonly PropertyKey[]) {
    if (!Array.isArray(value)) {
      this.invalidType(path, 'array', value);
      return value;
    }
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = this.read(of, value[i], [...path, i]);
    return out;
  }

  private object(
    shape: Extract<Shape, { type: 'object' }>,
    value: unknown,
    path: readonly PropertyKey[],
  ) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.invalidType(path, 'object', value);
      return value;
    }
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, child] of shape.keys) {
      // As zod: a key is present when `in` finds it (inherited ones too), read as `input[key]`.
      const present = key in input;
      const optional = child.type === 'optional';
      if (!present && optional) continue;
      // Kept even when `undefined` (a form's empty input); on an issue the output is dropped.
      out[key] = this.read(child, input[key], [...path, key]);
    }
    if (!shape.loose) return out;
    const known = new Set(shape.keys.map(([key]) => key));
    for (const key in input) {
      if (known.has(key) || key === '__proto__') continue;
      out[key] = input[key];
    }
    return out;
  }

  private union(options: readonly Shape[], value: unknown, path: readonly PropertyKey[]) {
    // Every option of the record's unions is a plain type: any failure aborts it, so the union
    // either takes the first option that reads the value cleanly or reports `invalid_union`.
    for (const option of options) {
      const reader = new Reader();
      const out = reader.read(option, value, path);
      if (reader.issues.length === 0) return out;
    }
    this.push(path, 'invalid_union', 'Invalid input');
    return value;
  }
}

/** A string's length in code points, counted only where it can decide a minimum (as zod). */
function codePoints(value: string, minimum: number): number {
  const units = value.length;
  if (units < minimum || units >= minimum * 2) return units;
  let count = 0;
  for (const _ of value) count++;
  return count;
}

/**
 * Reads a record (or any value) by a shape: zod's output for valid input, else every issue
 * with its path, code and zod's message. Expects input the size scan has measured.
 */
export function readShape(shape: Shape, input: unknown): ShapeResult {
  const reader = new Reader();
  const data = reader.read(shape, input, []);
  if (reader.issues.length === 0) return { success: true, data };
  return { success: false, issues: reader.issues };
}

/** The record's shape, as `npm run schema` wrote it from `InnovationSchema`. */
const RECORD_SHAPE = shape as Shape;

/**
 * Validates a record without zod: the size limits first (the scan), then the record's shape.
 * The same output, and the same issues in `locale`, as the main entry's `parseRecord`.
 *
 * @throws {@link InvalidRecordError} listing every problem
 */
export function readRecord(input: unknown, locale: Locale = 'en'): Innovation {
  const scan = scanInput(input, LIMITS);
  if (scan.issue) throw new InvalidRecordError([inLocale(scan.issue, locale)]);
  let result: ShapeResult;
  try {
    result = readShape(RECORD_SHAPE, input);
  } catch (error) {
    // A getter or Proxy that throws only when read a second time.
    throw new InvalidRecordError([
      {
        path: [],
        code: 'unreadable',
        message: `the record could not be read: ${thrownText(error)}`,
      },
    ]);
  }
  if (!result.success) {
    throw new InvalidRecordError(result.issues.map((issue) => inLocale(issue, locale)));
  }
  return result.data as Innovation;
}
