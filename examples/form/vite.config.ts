import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The example uses the library's own sources, so it shows the browser build of the main entry.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    alias: { 'inovasi-rules': fileURLToPath(new URL('../../src/index.ts', import.meta.url)) },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
