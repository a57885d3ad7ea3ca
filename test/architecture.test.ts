import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of src/, lowest first: a file may import only from its own layer or a lower one,
 * never upward, and no file reaches itself through its imports (type-only imports count too).
 * The core (everything up to the entries) runs in a browser: no Node built-ins, no CLI.
 */
const LAYERS = [
  ['errors.ts', 'messages.ts'],
  ['record/'],
  ['conditions/'],
  ['rule-sets/'],
  ['scoring/'],
  ['eligibility/'],
  ['features/'],
  ['engine/'],
  [
    'index.ts',
    'schemas.ts',
    'plan.ts',
    'submission.ts',
    'reference.ts',
    'vitest.ts',
    'core/',
    'dossier/',
  ],
  ['io/'],
  ['server/'],
  ['mcp/'],
  ['cli/'],
] as const;
const CORE_TOP = 8;

const root = new URL('../src/', import.meta.url).pathname;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? walk(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [relative(root, join(dir, entry.name))]
        : [],
  );
}

const files = walk(root).sort();

function layerOf(file: string): number {
  const index = LAYERS.findIndex((layer) =>
    layer.some((prefix) => (prefix.endsWith('/') ? file.startsWith(prefix) : file === prefix)),
  );
  if (index < 0) throw new Error(`src/${file} is in no layer: add it to LAYERS`);
  return index;
}

/** Every module a file names: static imports and re-exports (type-only too), and import(). */
function specifiers(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms),
    ...text.matchAll(/import\(\s*'([^']+)'\s*\)/g),
  ].map((m) => m[1] as string);
}

const resolveLocal = (file: string, spec: string) =>
  normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts');

const graph = new Map(
  files.map((file) => [
    file,
    specifiers(file)
      .filter((s) => s.startsWith('.') && !s.endsWith('.json'))
      .map((s) => resolveLocal(file, s)),
  ]),
);

/** Everything a module reaches through its imports (type-only ones aside): packages and JSON. */
function reach(start: string): { packages: string[]; json: string[] } {
  const packages = new Set<string>();
  const json = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(root, file), 'utf8');
    const runtime = [
      ...text.matchAll(/^\s*(?:import|export)\s(?!type\s)[^;]*?from\s+'([^']+)'/gms),
      ...text.matchAll(/import\(\s*'([^']+)'\s*\)/g),
    ].map((m) => m[1] as string);
    for (const spec of runtime) {
      if (!spec.startsWith('.')) packages.add(spec.split('/')[0] as string);
      else if (spec.endsWith('.json'))
        json.add(normalize(join(dirname(file), spec)).replace(/^(\.\.\/)+/, ''));
      else visit(resolveLocal(file, spec));
    }
  };
  visit(start);
  return { packages: [...packages].sort(), json: [...json].sort() };
}

describe('the architecture of src/', () => {
  it('puts every file in a layer, with at most 8 files at the root', () => {
    for (const file of files) expect(layerOf(file)).toBeGreaterThanOrEqual(0);
    expect(files.filter((f) => !f.includes('/')).length).toBeLessThanOrEqual(8);
  });

  it.each(files)('src/%s imports only from its own layer or below', (file) => {
    const upward = (graph.get(file) ?? []).filter((target) => layerOf(target) > layerOf(file));
    expect(upward).toStrictEqual([]);
  });

  it.each(files.filter((f) => layerOf(f) <= CORE_TOP))(
    'src/%s (core) imports no Node built-in, so it runs in a browser',
    (file) => {
      const node = specifiers(file).filter(
        (s) => s.startsWith('node:') || /^(fs|path|os)$/.test(s),
      );
      expect(node).toStrictEqual([]);
    },
  );

  // Rooms: a `_` module is its folder's own (its subfolders, such as rule-sets/shipped, are
  // inside the room). What other folders use has a name without `_`: the folder's door.
  const crossings = files.flatMap((file) =>
    (graph.get(file) ?? [])
      .filter(
        (t) =>
          t.split('/').at(-1)?.startsWith('_') && !`${dirname(file)}/`.startsWith(`${dirname(t)}/`),
      )
      .map((t) => `${file} -> ${t}`),
  );
  it('keeps each folder’s `_` modules its own', () => {
    expect(crossings).toStrictEqual([]);
  });

  // The edges use the library as its users do: the CLI and the server import its entries (and
  // the root modules the entries are made of: errors, messages, and the tools' texts), never a
  // folder's inside.
  const ENTRIES = new Set([
    'index.ts',
    'io/index.ts',
    'server/index.ts',
    'plan.ts',
    'submission.ts',
    'schemas.ts',
    'reference.ts',
    'vitest.ts',
    'core/index.ts',
    'dossier/index.ts',
    'mcp/index.ts',
    'errors.ts',
    'messages.ts',
    'features/texts.ts',
  ]);
  it.each(['server/', 'cli/'])('%s reaches the library through its entries only', (edge) => {
    const inside = files
      .filter((f) => f.startsWith(edge))
      .flatMap((f) => (graph.get(f) ?? []).map((t) => `${f} -> ${t}`))
      .filter((c) => {
        const t = c.split(' -> ')[1] as string;
        return !t.startsWith(edge) && !ENTRIES.has(t);
      });
    expect(inside).toStrictEqual([]);
  });

  it('has no import cycle, type-only imports included', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toStrictEqual([]);
  });

  it('keeps json-rules-engine (an optional peer) behind inovasi-rules/reference', () => {
    const direct = files.filter((f) => specifiers(f).includes('json-rules-engine'));
    expect(direct).toStrictEqual(['conditions/json-rules-engine.ts']);
    const users = files.filter((f) => graph.get(f)?.includes('conditions/json-rules-engine.ts'));
    expect(users).toStrictEqual(['reference.ts']);
  });

  it('keeps inovasi-rules/core and each shipped rule set free of zod and of other rule sets', () => {
    const core = reach('core/index.ts');
    // Only the content hash of the basis (SHA-256 and RFC 8785 canonical JSON, pure JavaScript)
    // and the edit distance of a misspelt option's did-you-mean.
    expect(core.packages).toStrictEqual(['@noble', 'canonicalize', 'fastest-levenshtein']);
    expect(core.json).toStrictEqual([
      'record/_record-fields.json',
      'record/_record-shape.json',
      'rules/kewenangan.json',
      'rules/messages.json',
      'rules/urusan.json',
      'rules/wilayah.json',
    ]);
    // Each rule set brings its own file and those of the rule sets it extends, nothing else.
    for (const module of files.filter((f) => f.startsWith('rule-sets/shipped/'))) {
      const chain: string[] = [];
      for (let id: string | undefined = module.slice('rule-sets/shipped/'.length, -3); id; ) {
        chain.push(`rules/${id}.json`);
        id = JSON.parse(readFileSync(join(root, '..', 'rules', `${id}.json`), 'utf8')).extends;
      }
      expect(reach(module), module).toStrictEqual({ packages: [], json: chain.sort() });
    }
    expect(reach('rule-sets/shipped/perwali-batu-36-2022.ts').json).toStrictEqual([
      'rules/perwali-batu-36-2022.json',
      'rules/pp-38-2017.json',
    ]);
    // The check can fail: the main entry reaches zod and every rule set.
    const main = reach('index.ts');
    expect(main.packages).toContain('zod');
    expect(main.json).toContain('rules/iga-2023.json');
  });

  it('catches an upward import (the check itself can fail)', () => {
    expect(layerOf('record/innovation.ts')).toBeLessThan(layerOf('features/batch.ts'));
    expect(() => layerOf('stray.ts')).toThrow(/no layer/);
  });
});
