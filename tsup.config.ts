import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      schemas: 'src/schemas.ts',
      reference: 'src/reference.ts',
      vitest: 'src/vitest.ts',
    },
    format: ['esm', 'cjs'],
    // TS 6: tsup 8's dts step sets baseUrl internally, which TS 6 flags as deprecated (TS5101).
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    sourcemap: true,
    target: 'node20',
    platform: 'neutral',
    // Shared chunks: the entries must share one registry, so that a rule set loaded through
    // one entry is seen by the others.
    splitting: true,
  },
  {
    // Node-only entries: reading files (and, later, serving HTTP).
    entry: { io: 'src/io/index.ts', server: 'src/server/index.ts' },
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    splitting: false,
  },
  {
    // The command line: ESM only, never imported by the library entry.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    splitting: false,
  },
]);
