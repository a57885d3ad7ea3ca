import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldsMarkdown } from '../scripts/fields.js';
import { schemas, serialise } from '../scripts/schemas.js';
import { urusanCatalogue } from '../src/index.js';
import { subUrusanCatalogue } from '../src/submission.js';

describe('shipped JSON Schemas', () => {
  it.each(Object.entries(schemas()))(
    'schema/%s is current (run `npm run schema` after a change)',
    (name, schema) => {
      const committed = readFileSync(new URL(`../schema/${name}`, import.meta.url), 'utf8');
      expect(committed).toBe(serialise(schema));
    },
  );
});

describe('the field reference', () => {
  it('docs/fields.md is current (run `npm run schema` after a change)', () => {
    const committed = readFileSync(new URL('../docs/fields.md', import.meta.url), 'utf8');
    expect(committed).toBe(fieldsMarkdown());
  });

  it('gives every field of the record a meaning', () => {
    const text = fieldsMarkdown().split('## Derived facts')[0] as string;
    const rows = text.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.length).toBeGreaterThan(90);
    for (const row of rows.filter((r) => r.split('|').length > 5)) {
      expect(row.split('|')[5]?.trim(), row).not.toBe('');
    }
  });

  it('lists every urusan with its code and every sub-urusan with its levels', () => {
    const text = fieldsMarkdown();
    for (const u of urusanCatalogue) {
      expect(text).toContain(`| \`${u.id}\` | ${u.code ? `\`${u.code}\`` : ''} | ${u.name} |`);
    }
    for (const sub of subUrusanCatalogue) {
      expect(text).toContain(`| \`${sub.id}\` | \`${sub.urusan}\` |`);
    }
  });
});
