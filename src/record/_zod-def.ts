import type * as z from 'zod';

/**
 * The parts of zod 4's internals (`schema._zod.def`) that the record parser's compiler and the
 * record-shape writer read: one typing of them, so that a change of zod's internals shows in
 * one place (the tests of both fail on it).
 */

/** A schema's definition. */
export interface ZodDef {
  type: string;
  checks?: { _zod: { def: ZodCheckDef } }[];
  coerce?: boolean;
  format?: string;
  pattern?: RegExp;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, unknown>;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  transform?: unknown;
  error?: (issue: object) => unknown;
}

/** A check's definition. */
export interface ZodCheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  tx?: (value: string) => string;
  error?: (issue: object) => unknown;
}

/** The definition of a schema. */
export const defOf = (schema: z.ZodType): ZodDef =>
  (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
