import * as z from 'zod';
import { OPERATOR_VALUE_TYPES } from '../src/conditions/operators.js';
import { TraceSchema } from '../src/eligibility/trace-schema.js';
import { TestCasesSchema } from '../src/features/cases.js';
import { RegionSchema } from '../src/features/region.js';
import { DERIVED_FACTS, RECORD_FIELDS } from '../src/record/facts.js';
import { FIELD_TYPES, type FieldType } from '../src/record/fields.js';
import { InnovationSchema } from '../src/record/innovation.js';
import { subUrusanCatalogue } from '../src/record/kewenangan.js';
import { urusanCatalogue } from '../src/record/urusan.js';
import { EligibilityRuleSetSchema } from '../src/rule-sets/format.js';
import { RubricSchema } from '../src/rule-sets/rubric-format.js';
import { WeightedRuleSetSchema } from '../src/rule-sets/weighted-format.js';
import { fieldDocs } from './fields.js';

/**
 * The JSON Schemas shipped in `schema/`: the rule-set format (for editor completion) and the
 * innovation record (for form builders in other languages). `npm run schema` writes them; a
 * test checks the committed files are current.
 */

// The condition validator is code; its JSON Schema is written out here, from the record's own
// schema: every fact with its meaning, and for each field the values it may be compared with,
// so that an editor completes them and flags a value the loader would refuse.
const docs = fieldDocs();
const derivedDocs: Record<string, string> = {
  urusanKelompok:
    'The group of each urusan of the record (absolut, pilihan, wajib_pelayanan_dasar, …).',
  kewenanganTingkat:
    "How subUrusan stands against the region's level: sesuai, di_luar, perlu_ditinjau, belum_ditentukan.",
  kewenanganUrusan:
    "How urusan stands against the region's level where UU 23/2014 Pasal 14 splits a whole affair: sesuai, di_luar, perlu_ditinjau.",
  tahunT1: 'The reporting year minus one (T-1).',
  tahunT2: 'The reporting year minus two (T-2).',
  usiaPenerapanBulan: 'Whole months from waktuPenerapan to kipp.tanggalTutupPendaftaran.',
  kovablikUsiaPenerapanBulan:
    'Whole months from waktuPenerapan to kovablik.tanggalTutupPendaftaran.',
  kovablikPernahTopTerpuji: 'Whether the innovation was a KOVABLIK Top Inovasi Terpuji.',
  kovablikTahunSejakTopTerpuji:
    'Whole years from the latest KOVABLIK Top Inovasi Terpuji to the year registration closes.',
  kippJumlahTop99: 'How many times the innovation was in a KIPP Top 99.',
  kippPernahTop: 'Whether the innovation won a KIPP top tier.',
};
const facts = [...RECORD_FIELDS, ...Object.keys(DERIVED_FACTS)];
const OPERATORS = Object.keys(OPERATOR_VALUE_TYPES);

/**
 * A JSON Schema if/then(/else): built from entries, as `then` is a JSON Schema keyword here, not
 * a promise's method.
 */
function ifThen(
  condition: Record<string, unknown>,
  then: Record<string, unknown>,
  otherwise?: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries([
    ['if', condition],
    ['then', then],
    ...(otherwise ? [['else', otherwise]] : []),
  ]);
}

function valueSchema(type: FieldType): Record<string, unknown> | undefined {
  switch (type.kind) {
    case 'enum':
      return { enum: [...type.values] };
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      return {
        type: type.integer ? 'integer' : 'number',
        ...(type.min !== undefined ? { minimum: type.min } : {}),
        ...(type.max !== undefined ? { maximum: type.max } : {}),
      };
    case 'urusan':
      return { enum: urusanCatalogue.flatMap((u) => (u.code ? [u.id, u.code] : [u.id])) };
    case 'subUrusan':
      return { enum: subUrusanCatalogue.map((u) => u.id) };
    default:
      return undefined;
  }
}

/** For each field with a closed set of values: the values its conditions may compare with. */
function valueRules(): Record<string, unknown>[] {
  const rules: Record<string, unknown>[] = [];
  for (const [path, type] of FIELD_TYPES) {
    const [fact, ...rest] = path.split('.');
    const where = {
      fact: { const: fact },
      ...(rest.length > 0 ? { path: { const: rest.join('.') } } : {}),
    };
    const required = rest.length > 0 ? ['fact', 'path', 'operator'] : ['fact', 'operator'];
    const onlyTop = rest.length > 0 ? {} : { not: { required: ['path'] } };
    const rule = (operators: string[], value: Record<string, unknown>) =>
      rules.push(
        ifThen(
          { properties: { ...where, operator: { enum: operators } }, required, ...onlyTop },
          { properties: { value: { anyOf: [value, { type: 'object', required: ['fact'] }] } } },
        ),
      );
    if (type.kind === 'array') {
      const item = valueSchema(type.item);
      if (!item) continue;
      rule(['contains', 'doesNotContain'], item);
      rule(['containsAny', 'containsNone', 'containsAll'], { type: 'array', items: item });
    } else {
      const value = valueSchema(type);
      if (!value) continue;
      rule(
        ['equal', 'notEqual'],
        type.kind === 'boolean' || type.kind === 'number'
          ? value
          : { anyOf: [value, { type: 'null' }] },
      );
      if (type.kind !== 'boolean') rule(['in', 'notIn'], { type: 'array', items: value });
    }
  }
  return rules;
}

const leaf = {
  type: 'object',
  required: ['fact', 'operator', 'value'],
  additionalProperties: false,
  description: 'A leaf condition: a fact (at a path) compared with a value by an operator.',
  properties: {
    fact: {
      description: 'A field of the innovation record, or a derived fact.',
      anyOf: facts.map((f) => ({
        const: f,
        description: docs.get(f) ?? derivedDocs[f] ?? f,
      })),
    },
    path: {
      type: 'string',
      description: 'A plain dotted path inside the fact, e.g. sdm.jumlah for the fact indikator.',
      pattern: '^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$',
    },
    operator: {
      type: 'string',
      description:
        "A json-rules-engine operator, or one of this library's (containsAny, containsNone, containsAll, wordCountAtLeast, wordCountAtMost).",
      enum: OPERATORS,
    },
    value: {
      description:
        'What the fact is compared with: a value the field can hold, or { "fact": … } to compare with another fact.',
    },
  },
  allOf: valueRules(),
};
const branch = (key: 'all' | 'any' | 'not', description: string) => ({
  type: 'object',
  required: [key],
  additionalProperties: false,
  description,
  properties: {
    [key]:
      key === 'not'
        ? { $ref: '#/$defs/Condition' }
        : { type: 'array', minItems: 1, items: { $ref: '#/$defs/Condition' } },
  },
});
// if/then/else rather than oneOf: a mistake inside a leaf is reported once, at the leaf, not
// as a failure of every branch.
const condition = ifThen(
  { type: 'object', required: ['all'] },
  branch('all', 'Every condition holds.'),
  ifThen(
    { type: 'object', required: ['any'] },
    branch('any', 'At least one condition holds.'),
    ifThen(
      { type: 'object', required: ['not'] },
      branch('not', 'The condition does not hold.'),
      leaf,
    ),
  ),
);

function toJson(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === 'custom') Object.assign(ctx.jsonSchema, condition);
    },
  }) as Record<string, unknown>;
}

/** What each property of the rule-set format means: the hover text of an editor. */
const FORMAT_DOCS: Record<string, string> = {
  $schema: 'Path to rule-set.schema.json, for your editor. Ignored when loading.',
  id: 'Stable id: lowercase letters, digits, "_" and "-" (e.g. perbup-malang-2024).',
  kind: 'The kind of rule set: "eligibility" for a Perwali/Perbup or PP 38/2017.',
  extends:
    'The id of the rule set this one builds on, usually "pp-38-2017": its criteria come along, and a criterion with the same id replaces the inherited one.',
  title: 'The title, in Indonesian (id) and English (en).',
  'title.id': 'The Indonesian text.',
  'title.en': 'The English text.',
  jurisdiction: 'Whose regulation this is.',
  'jurisdiction.level': 'nasional, provinsi, kabupaten or kota.',
  'jurisdiction.name':
    'The region, e.g. "Kabupaten Malang": a region record with this pemda is judged by this rule set.',
  legalBasis: 'The regulations the rule set encodes (at least one).',
  'legalBasis[].id': 'Stable id of the regulation.',
  'legalBasis[].title':
    'Its full title, e.g. "Peraturan Bupati Malang Nomor 12 Tahun 2024 tentang Inovasi Daerah".',
  'legalBasis[].citation': 'The short citation reasons use, e.g. "Perbup Malang 12/2024".',
  'legalBasis[].url': 'Where the text, or an authoritative account of it, can be read.',
  'legalBasis[].status':
    '"verified" when you read the text itself; "secondary" when you only have an account of it.',
  edition: 'The edition, e.g. the year of the regulation.',
  effective: 'When the rule set is in force.',
  'effective.from': 'First day in force (YYYY-MM-DD).',
  'effective.until': 'Last day in force (YYYY-MM-DD), if it has one.',
  assumptions:
    'What the rule set relies on that the sources do not settle, stated (never a silent guess).',
  'assumptions[].id': 'Stable id of the assumption.',
  'assumptions[].text': 'The assumption, in Indonesian (id) and English (en).',
  'assumptions[].text.id': 'The Indonesian text.',
  'assumptions[].text.en': 'The English text.',
  questions:
    'The region\'s own questions: fields its regulation asks for beyond the national record, answered in the record under daerah.<id> and read in conditions as fact "daerah", path <id>.',
  'questions[].id': 'Stable id: lowercase letters, digits and "_"; the record\'s key under daerah.',
  'questions[].type':
    'What the answer holds: text, number, integer, boolean, date (YYYY-MM-DD) or choice (one of values).',
  'questions[].values': 'The allowed answers of a choice question.',
  'questions[].label': 'The question as a form shows it, in Indonesian (id) and English (en).',
  'questions[].label.id': 'The Indonesian text.',
  'questions[].label.en': 'The English text.',
  'questions[].help': 'What to write, in Indonesian (id) and English (en).',
  'questions[].help.id': 'The Indonesian text.',
  'questions[].help.en': 'The English text.',
  'questions[].citation':
    'The article of the regulation that asks it, e.g. "Perwali Surakarta 9/2025 Pasal 6".',
  criteria:
    'The criteria: each passes when all its checks pass. With extends, the same id replaces the inherited criterion in place; a new id adds one.',
  'criteria[].id':
    'Stable id; the id of an inherited criterion replaces it (pembaharuan, bermanfaat, tidak_membebani, kewenangan_daerah, dapat_direplikasi).',
  'criteria[].ref': 'The regulation\'s own number for the criterion, e.g. "3".',
  'criteria[].title': "The criterion's title, in Indonesian (id) and English (en).",
  'criteria[].title.id': 'The Indonesian text.',
  'criteria[].title.en': 'The English text.',
  'criteria[].citation':
    'Regulation and article it encodes, e.g. "Perbup Malang 12/2024 Pasal 5 ayat (2)".',
  'criteria[].checks':
    'Its checks; in a replacing criterion, listed checks with an inherited id replace that check, new ids are added.',
  'criteria[].checks[].id': 'Stable id; reason codes are <id>_pass, <id>_fail and <id>_unknown.',
  'criteria[].checks[].ref': 'The regulation\'s own label for the point, e.g. "4a".',
  'criteria[].checks[].conditions':
    "When the check passes, in json-rules-engine's syntax: all / any / not of { fact, operator, value }.",
  'criteria[].checks[].fields':
    'The record fields the conditions read, as dotted paths: what a form highlights.',
  'criteria[].checks[].messages':
    "What the check says when it passes, fails, or lacks a field; {field} is replaced by the record's value.",
  'criteria[].checks[].messages.pass': 'When the check passes.',
  'criteria[].checks[].messages.fail': 'When it fails: say what to change.',
  'criteria[].checks[].messages.unknown': 'When a field it reads is empty: say what to fill in.',
  'criteria[].checks[].messages.pass.id': 'The Indonesian text.',
  'criteria[].checks[].messages.pass.en': 'The English text.',
  'criteria[].checks[].messages.fail.id': 'The Indonesian text.',
  'criteria[].checks[].messages.fail.en': 'The English text.',
  'criteria[].checks[].messages.unknown.id': 'The Indonesian text.',
  'criteria[].checks[].messages.unknown.en': 'The English text.',
  'criteria[].removeChecks':
    'Ids of inherited checks to drop (only in a criterion that replaces an inherited one).',
  remove: 'Ids of inherited criteria to drop.',
};

/** Fills in each property's description from FORMAT_DOCS, by its path in the format. */
function describeFormat(node: unknown, at: string): void {
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Record<string, unknown>;
  const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
  for (const [name, child] of Object.entries(properties ?? {})) {
    const path = at ? `${at}.${name}` : name;
    if (FORMAT_DOCS[path] && child.description === undefined) child.description = FORMAT_DOCS[path];
    describeFormat(child, path);
  }
  if (schema.items) describeFormat(schema.items, `${at}[]`);
}

/** File name → JSON Schema. */
export function schemas(): Record<string, Record<string, unknown>> {
  return {
    'rule-set.schema.json': (() => {
      const schema = {
        ...toJson(EligibilityRuleSetSchema, 'input'),
        title: 'inovasi-rules rule set',
      };
      describeFormat(schema, '');
      return schema;
    })(),
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
    'trace.v1.schema.json': {
      ...toJson(TraceSchema, 'output'),
      title: 'inovasi-rules evaluation trace (explain: true), version trace.v1',
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
