import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const src = new URL('../src/', import.meta.url);
const libraryFiles = readdirSync(src).filter((f) => f.endsWith('.ts'));

describe('the library entries run in a browser', () => {
  it.each(libraryFiles)('src/%s imports nothing from node: and nothing from the CLI', (file) => {
    const text = readFileSync(new URL(file, src), 'utf8');
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports.filter((i) => i?.startsWith('node:') || i?.includes('/cli/'))).toStrictEqual([]);
  });
});
