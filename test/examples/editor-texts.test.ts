import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const read = (path: string) => JSON.parse(readFileSync(root + path, 'utf8')) as unknown;

/** Every `description` of a JSON Schema, in order, once each. */
function descriptions(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) descriptions(item, out);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'description' && typeof value === 'string') {
        if (!out.includes(value)) out.push(value);
      } else descriptions(value, out);
    }
  }
  return out;
}

describe('the editor’s Indonesian descriptions (examples/editor/keterangan.id.json)', () => {
  const table = read('examples/editor/keterangan.id.json') as Record<string, string>;
  const wanted = [
    ...new Set([
      ...descriptions(read('schema/rule-set.schema.json')),
      ...descriptions(read('schema/cases.schema.json')),
    ]),
  ];

  it('has one for every description of the rule-set and cases schemas, and none left over', () => {
    expect(wanted.filter((d) => !(d in table))).toStrictEqual([]);
    const { $comment: _, ...entries } = table;
    expect(Object.keys(entries).filter((d) => !wanted.includes(d))).toStrictEqual([]);
  });

  it('says each in Indonesian, not as the English it translates', () => {
    for (const d of wanted) {
      expect(table[d], d).not.toBe(d);
      expect(table[d]?.trim(), d).not.toBe('');
    }
  });
});
