import { readFileSync } from 'node:fs';
import ts from 'typescript';
import aliases from '../rules/aliases.json' with { type: 'json' };
import { DERIVED_FACTS } from '../src/record/facts.js';
import { FIELD_TYPES, type FieldType } from '../src/record/fields.js';
import { subUrusanCatalogue } from '../src/record/kewenangan.js';
import { urusanCatalogue } from '../src/record/urusan.js';

/**
 * The meaning of every record field, read from the TSDoc comments of the record schema
 * (src/record/innovation.ts), so that the field reference and the editor's hints cannot drift
 * from the code. Nested schemas (indikator, kipp, proposal, labinov, kovablik) are followed by
 * name or inline.
 */
export function fieldDocs(): Map<string, string> {
  const file = new URL('../src/record/innovation.ts', import.meta.url);
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile('innovation.ts', text, ts.ScriptTarget.ES2022, true);
  const schemas = new Map<string, ts.ObjectLiteralExpression>();
  const docs = new Map<string, string>();

  const firstObject = (node: ts.Node): ts.ObjectLiteralExpression | undefined => {
    if (ts.isObjectLiteralExpression(node)) return node;
    return ts.forEachChild(node, firstObject);
  };
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const literal = firstObject(node.initializer);
      if (literal && /Schema$/.test(node.name.text)) schemas.set(node.name.text, literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  const comment = (node: ts.Node): string | undefined => {
    const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
    const last = ranges.at(-1);
    if (!last) return undefined;
    const raw = text.slice(last.pos, last.end);
    if (!raw.startsWith('/**')) return undefined;
    return raw
      .slice(3, -2)
      .split('\n')
      .map((l, i) => (i === 0 ? l : l.replace(/^\s*\*\s?/, '')).trim())
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  };
  const walk = (literal: ts.ObjectLiteralExpression, prefix: string) => {
    for (const property of literal.properties) {
      if (!ts.isPropertyAssignment(property)) continue;
      const name = property.name.getText(source);
      const path = prefix ? `${prefix}.${name}` : name;
      const doc = comment(property);
      if (doc) docs.set(path, doc);
      const init = property.initializer;
      // An inline object literal first (indikator's entries), else a schema named in it.
      const named = init.getText(source).match(/\b([A-Z][A-Za-z]*Schema)\b/);
      const nested = firstObject(init) ?? (named ? schemas.get(named[1] as string) : undefined);
      if (nested && nested !== literal) walk(nested, path);
    }
  };
  const root = schemas.get('InnovationSchema');
  if (root) walk(root, '');
  return docs;
}

function typeText(type: FieldType): string {
  switch (type.kind) {
    case 'enum':
      return 'one of the values';
    case 'number':
      return `${type.integer ? 'whole number' : 'number'}${type.min !== undefined ? `, from ${type.min}` : ''}${type.max !== undefined ? ` to ${type.max}` : ''}`;
    case 'date':
      return 'date, YYYY-MM-DD';
    case 'urusan':
      return 'urusan id or code';
    case 'subUrusan':
      return 'sub-urusan id';
    case 'array':
      return `list of ${typeText(type.item)}`;
    case 'other':
      return 'text or number';
    default:
      return type.kind;
  }
}

function valuesText(type: FieldType): string {
  if (type.kind === 'enum') return type.values.map((v) => `\`${v}\``).join(', ');
  if (type.kind === 'array') return valuesText(type.item);
  if (type.kind === 'urusan') return 'see [Urusan](#urusan) (e.g. `pendidikan`, `1.01`)';
  if (type.kind === 'subUrusan')
    return 'see [Sub-urusan](#sub-urusan) (e.g. `pendidikan_menengah`)';
  return '';
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/**
 * `docs/fields.md`: every field of the innovation record with its type, allowed values, the
 * label Indonesian forms give it and its meaning, all read from the code and data so that it
 * cannot drift. `npm run schema` writes it; a test checks the committed file is current.
 */
export function fieldsMarkdown(): string {
  const docs = fieldDocs();
  const labels = aliases.fields as Record<string, string[]>;
  const lines = [
    '# The innovation record, field by field',
    '',
    'Generated from the record schema (`src/record/innovation.ts`) and `rules/aliases.json` by',
    '`npm run schema`: do not edit by hand. Every field is optional except `nama`; `null` means',
    '"not filled in". A rule set\'s condition names a field as its `fact` (a top-level field) or as',
    '`fact` plus `path` (`"fact": "indikator", "path": "sdm.jumlah"`), and compares it with a value',
    'of the type and the values listed here (a value outside them is refused when the rule set',
    'loads). Each indicator entry may carry `bukti`: a list of documents',
    '`{ jenis, nama?, nomor?, tanggal?, tentang?, url? }`.',
    '',
    '| field | type | values | label in forms | meaning |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const [path, type] of FIELD_TYPES) {
    if (/\.bukti(\.|$)/.test(path) && !path.startsWith('labinov.')) continue;
    const label = labels[path]?.[0] ?? '';
    lines.push(
      `| \`${path}\` | ${cell(typeText(type))} | ${cell(valuesText(type))} | ${cell(label)} | ${cell(docs.get(path) ?? '')} |`,
    );
  }
  lines.push(
    '',
    '## Derived facts',
    '',
    'Facts computed from the record, for conditions the json-rules-engine syntax cannot express.',
    'A reason about a derived fact points at the fields it is computed from.',
    '',
    '| fact | computed from |',
    '| --- | --- |',
    ...Object.entries(DERIVED_FACTS).map(
      ([fact, from]) => `| \`${fact}\` | ${from.map((f) => `\`${f}\``).join(', ')} |`,
    ),
    '',
    '## Urusan',
    '',
    'The government affairs of UU 23/2014 (`urusanCatalogue`, `rules/urusan.json`). A record or a',
    "rule may give an affair by its id, its code or an alias; a rule's value is read as its id when",
    'the rule set loads, so `"2.17"` in a rule matches a record that gives',
    '`koperasi_usaha_kecil_dan_menengah`. Spreadsheets may also use the name.',
    '',
    '| id | code | name | group | aliases |',
    '| --- | --- | --- | --- | --- |',
    ...urusanCatalogue.map(
      (u) =>
        `| \`${u.id}\` | ${u.code ? `\`${u.code}\`` : ''} | ${cell(u.name)} | \`${u.group}\` | ${(u.aliases ?? []).map((a) => `\`${a}\``).join(', ')} |`,
    ),
    '',
    '## Sub-urusan',
    '',
    'Sub-affairs whose level of government UU 23/2014 names (`subUrusanCatalogue`,',
    '`rules/kewenangan.json`): the levels that hold each one (`pusat`, `provinsi`,',
    '`kabupaten_kota`).',
    '',
    '| id | urusan | name | held by |',
    '| --- | --- | --- | --- |',
    ...subUrusanCatalogue.map(
      (s) => `| \`${s.id}\` | \`${s.urusan}\` | ${cell(s.nama)} | ${s.tingkat.join(', ')} |`,
    ),
    '',
  );
  return lines.join('\n');
}
