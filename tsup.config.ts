import { readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';

/** `inovasi-rules/rule-sets/<id>`: one entry per shipped rule set, each importable alone. */
const ruleSets = Object.fromEntries(
  readdirSync('src/rule-sets/shipped')
    .filter((file) => file.endsWith('.ts'))
    .map((file) => [`rule-sets/${file.slice(0, -3)}`, `src/rule-sets/shipped/${file}`]),
);

export default defineConfig([
  {
    // Every library entry in one build with shared chunks: the entries share one registry (a rule
    // set loaded through one entry is seen by the others, the HTTP app included) and one set of
    // error classes (an `InputFileError` from `inovasi-rules/io` is an `InovasiRulesError` of
    // the main entry). The browser entries never reach a Node built-in (test/architecture), so
    // their chunks stay free of them.
    entry: {
      index: 'src/index.ts',
      schemas: 'src/schemas.ts',
      plan: 'src/plan.ts',
      submission: 'src/submission.ts',
      dossier: 'src/dossier/index.ts',
      reference: 'src/reference.ts',
      vitest: 'src/vitest.ts',
      io: 'src/io/index.ts',
      server: 'src/server/index.ts',
      // The HTTP API's worker thread for regions and plans, loaded by path from dist/.
      'server-worker': 'src/server/_heavy-worker.ts',
      core: 'src/core/index.ts',
      ...ruleSets,
    },
    format: ['esm', 'cjs'],
    // TS 6: tsup 8's dts step sets baseUrl internally, which TS 6 flags as deprecated (TS5101).
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    sourcemap: true,
    target: 'node20',
    platform: 'neutral',
    splitting: true,
    // import.meta.url in the CommonJS build (the server finds its worker's file by it).
    shims: true,
  },
  {
    // The command line: ESM only, never imported by the library entry. Split, so that what
    // `--help` loads (main.ts and args.ts) is a small file, and each command's code is read
    // when that command runs.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    splitting: true,
  },
]);
