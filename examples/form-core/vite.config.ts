import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The example uses the library's own sources: inovasi-rules/core and two rule sets, one by one.
const src = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    alias: [
      { find: 'inovasi-rules/core', replacement: src('core/index.ts') },
      { find: /^inovasi-rules\/rule-sets\/(.+)$/, replacement: src('rule-sets/shipped/$1.ts') },
    ],
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
