// `npm run mutation`: Stryker with the vitest runner over the core the rules run on —
// conditions, eligibility and scoring, the compiled record parser, the zod-free record reader,
// the loading of shipped rule sets and `inovasi-rules/core`. Not part of `npm test`
// (it takes many minutes on two cores). Tests that spawn the CLI cannot see a mutant (mutant
// switching does not reach a child process), so only the in-process tests run.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'src/conditions/**/*.ts',
    'src/eligibility/**/*.ts',
    'src/scoring/**/*.ts',
    'src/record/fast-parse.ts',
    'src/record/shape.ts',
    'src/rule-sets/_resolve.ts',
    'src/core/**/*.ts',
  ],
  coverageAnalysis: 'perTest',
  // A static mutant (in a module-level constant) would need every test run anew for each one;
  // they are reported as ignored, and the score is over the others.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 90, low: 75, break: null },
  tempDirName: '.stryker-tmp',
};
