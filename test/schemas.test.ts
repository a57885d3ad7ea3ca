import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemas, serialise } from '../scripts/schemas.js';

describe('shipped JSON Schemas', () => {
  it.each(Object.entries(schemas()))(
    'schema/%s is current (run `npm run schema` after a change)',
    (name, schema) => {
      const committed = readFileSync(new URL(`../schema/${name}`, import.meta.url), 'utf8');
      expect(committed).toBe(serialise(schema));
    },
  );
});
