import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // `npm run test:hostile` runs the long hostile cases (load, real zip bombs) instead.
    include: process.env.HOSTILE ? ['test/hostile/**/*.long.ts'] : ['test/**/*.test.ts'],
    environment: 'node',
    // Hang guards, not speed limits: a loaded 2-core machine passes as an idle one does.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Worker threads, not forks: c8 (npm test) then sees the coverage of every test file, and of
    // the command-line processes the tests spawn.
    pool: 'threads',
    // Two workers even on two cores (vitest's default leaves one core free): many test files
    // wait on the processes they spawn, and the suite went from about 600 s to 500 s here.
    maxWorkers: 2,
    // The public types, checked by tsc: test/**/*.test-d.ts.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: 'tsconfig.json' },
  },
});
