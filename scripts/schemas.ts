import * as z from 'zod';
import { TestCasesSchema } from '../src/features/cases.js';
import { RegionSchema } from '../src/features/region.js';
import { InnovationSchema } from '../src/record/innovation.js';
import { EligibilityRuleSetSchema } from '../src/rule-sets/format.js';
import { RubricSchema } from '../src/rule-sets/rubric-format.js';
import { WeightedRuleSetSchema } from '../src/rule-sets/weighted-format.js';

/**
 * The JSON Schemas shipped in `schema/`: the rule-set format (for editor completion) and the
 * innovation record (for form builders in other languages). `npm run schema` writes them; a
 * test checks the committed files are current.
 */

// The condition validator is code; its JSON Schema is written out here by hand.
const leaf = {
  type: 'object',
  required: ['fact', 'operator', 'value'],
  additionalProperties: false,
  properties: {
    fact: {
      type: 'string',
      description: 'A record field or a derived fact (urusanKelompok, tahunT1, tahunT2).',
    },
    path: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$' },
    operator: {
      type: 'string',
      enum: [
        'equal',
        'notEqual',
        'in',
        'notIn',
        'contains',
        'doesNotContain',
        'lessThan',
        'lessThanInclusive',
        'greaterThan',
        'greaterThanInclusive',
        'isEmpty',
        'containsAny',
        'containsNone',
        'containsAll',
        'wordCountAtLeast',
        'wordCountAtMost',
      ],
    },
    value: {},
  },
};
const condition = {
  oneOf: [
    leaf,
    {
      type: 'object',
      required: ['all'],
      additionalProperties: false,
      properties: { all: { type: 'array', minItems: 1, items: { $ref: '#/$defs/Condition' } } },
    },
    {
      type: 'object',
      required: ['any'],
      additionalProperties: false,
      properties: { any: { type: 'array', minItems: 1, items: { $ref: '#/$defs/Condition' } } },
    },
    {
      type: 'object',
      required: ['not'],
      additionalProperties: false,
      properties: { not: { $ref: '#/$defs/Condition' } },
    },
  ],
};

function toJson(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === 'custom') Object.assign(ctx.jsonSchema, condition);
    },
  }) as Record<string, unknown>;
}

/** File name → JSON Schema. */
export function schemas(): Record<string, Record<string, unknown>> {
  return {
    'rule-set.schema.json': {
      ...toJson(EligibilityRuleSetSchema, 'input'),
      title: 'inovasi-rules rule set',
    },
    'rubric.schema.json': {
      ...toJson(RubricSchema, 'input'),
      title: 'inovasi-rules scoring rubric',
    },
    'region.schema.json': {
      ...toJson(RegionSchema, 'input'),
      title: 'Region record for the Indeks Inovasi Daerah',
    },
    'weighted.schema.json': {
      ...toJson(WeightedRuleSetSchema, 'input'),
      title: 'inovasi-rules weighted scoring rule set',
    },
    'cases.schema.json': {
      ...toJson(TestCasesSchema, 'input'),
      title: 'inovasi-rules rule-set test cases',
    },
    'innovation.schema.json': {
      ...toJson(InnovationSchema, 'input'),
      title: 'Inovasi daerah record',
    },
  };
}

/** Serialised exactly as committed. */
export function serialise(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
