import * as z from 'zod';
import { TRACE_VERSION } from './trace.js';

/**
 * The trace's shape as a zod schema, from which `npm run schema` writes
 * `schema/trace.v1.schema.json`; tests hold real traces to it. Apart from `trace.ts` so that
 * building a trace (which the zod-free core does) never reaches zod.
 */

const status = z.enum(['pass', 'fail', 'unknown']);

/** A node of a condition tree, as evaluated: a leaf, or all / any / not of nodes. */
export const TraceNodeSchema: z.ZodType = z.lazy(() =>
  z.union([
    z.strictObject({
      fact: z.string().meta({ description: 'The fact read: a record field or a derived fact.' }),
      path: z.string().optional().meta({ description: 'The dotted path inside the fact.' }),
      fields: z.array(z.string()).meta({ description: 'The record fields behind it.' }),
      operator: z.string(),
      expected: z.unknown().meta({ description: 'The value compared with.' }),
      given: z.boolean().meta({ description: 'Whether the record gives the fact.' }),
      value: z.unknown().optional().meta({ description: 'The value read, when given.' }),
      outcome: status,
    }),
    z.strictObject({ all: z.array(TraceNodeSchema), outcome: status }),
    z.strictObject({ any: z.array(TraceNodeSchema), outcome: status }),
    z.strictObject({ not: TraceNodeSchema, outcome: status }),
  ]),
);

/** The trace of one evaluation (`explain: true`). */
export const TraceSchema = z.strictObject({
  version: z.literal(TRACE_VERSION),
  ruleSet: z.string(),
  rubric: z.string(),
  criteria: z.array(
    z.strictObject({
      id: z.string(),
      ref: z.string().optional(),
      status,
      citation: z.string(),
      checks: z.array(
        z.strictObject({
          id: z.string(),
          ref: z.string().optional(),
          status,
          citation: z.string(),
          condition: TraceNodeSchema,
        }),
      ),
    }),
  ),
  indicators: z.array(
    z.strictObject({
      id: z.string(),
      number: z.number(),
      level: z.number().int().min(0).max(3),
      citation: z.string(),
      levels: z.array(
        z.strictObject({ level: z.number().int(), status, condition: TraceNodeSchema }),
      ),
    }),
  ),
});
