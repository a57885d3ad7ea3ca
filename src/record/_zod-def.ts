import type * as z from 'zod';

/**
 * The parts of zod 4's internals (`schema._zod.def`) that the record parser's compiler and the
 * record-shape writer read: one typing of them, so that a change of zod's internals shows in
 * one place (the tests of both fail on it).
 */

/** A schema's definition. */
export interface ZodDef {
  /** The kind of schema: `object`, `string`, `optional`, `pipe`, … */
  type: string;
  /** Its checks, in the order they run. */
  checks?: { _zod: { def: ZodCheckDef } }[];
  /** Whether the input is coerced first. */
  coerce?: boolean;
  /** A string format's name (`date`). */
  format?: string;
  /** A string format's pattern. */
  pattern?: RegExp;
  /** An object's keys and their schemas. */
  shape?: Record<string, z.ZodType>;
  /** An object's schema for unknown keys (`unknown` for a loose object). */
  catchall?: z.ZodType;
  /** The schema an `optional` or `nullable` wraps. */
  innerType?: z.ZodType;
  /** An array's item schema. */
  element?: z.ZodType;
  /** An enum's values. */
  entries?: Record<string, unknown>;
  /** A union's options. */
  options?: z.ZodType[];
  /** A pipe's first schema. */
  in?: z.ZodType;
  /** A pipe's second schema. */
  out?: z.ZodType;
  /** A transform's function. */
  transform?: unknown;
  /** A custom message. */
  error?: (issue: object) => unknown;
}

/** A check's definition. */
export interface ZodCheckDef {
  /** The kind of check: `min_length`, `greater_than`, `overwrite`, … */
  check: string;
  /** A number format (`safeint`). */
  format?: string;
  /** A string check's pattern. */
  pattern?: RegExp;
  /** A length minimum. */
  minimum?: number;
  /** A length maximum. */
  maximum?: number;
  /** A bound of `greater_than` or `less_than`. */
  value?: number;
  /** Whether the bound itself passes. */
  inclusive?: boolean;
  /** An `overwrite`'s rewrite (`trim`). */
  tx?: (value: string) => string;
  /** A custom message. */
  error?: (issue: object) => unknown;
}

/** The definition of a schema. */
export const defOf = (schema: z.ZodType): ZodDef =>
  (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
