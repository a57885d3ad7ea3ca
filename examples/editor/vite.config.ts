import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The rule editor runs the library's browser entry from its sources: no server, no Node.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    alias: {
      'inovasi-rules/schemas': fileURLToPath(new URL('../../src/schemas.ts', import.meta.url)),
      'inovasi-rules/vitest': fileURLToPath(new URL('../../src/vitest.ts', import.meta.url)),
      'inovasi-rules': fileURLToPath(new URL('../../src/index.ts', import.meta.url)),
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
