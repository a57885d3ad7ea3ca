import { defineConfig } from 'vitest/config';

// The in-process tests of the core, for Stryker: no spawned CLI, no browser, no server. The
// record's tests and the rule-set fuzzing (slow, and about folders outside the mutated core) stay
// in `npm test`.
export default defineConfig({
  test: {
    include: [
      'test/conditions/**/*.test.ts',
      'test/eligibility/**/*.test.ts',
      'test/scoring/**/*.test.ts',
      'test/features/**/*.test.ts',
      'test/rule-sets/registry.test.ts',
      'test/record/fast-parse.test.ts',
      'test/record/shape.test.ts',
      'test/rule-sets/shipped.test.ts',
      'test/rule-sets/resolve.test.ts',
      'test/core/**/*.test.ts',
      'test/reference.test.ts',
      'test/readme.test.ts',
    ],
    environment: 'node',
    // Every cache emptied before each test (see the file), so that coverage per test is true.
    setupFiles: ['test/mutation-setup.ts'],
    // Fewer runs per property test (test/runs.ts): a surviving mutant re-runs each one.
    env: { FC_RUNS: '40' },
    testTimeout: 30_000,
  },
});
