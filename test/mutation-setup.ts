import { beforeEach } from 'vitest';
import { clearMemos } from '../src/conditions/memo.js';

// For `npm run mutation` only. Stryker runs, for each mutant, the tests that reached its code in a
// first run. Code that fills a cache runs only in the first test of a file to need it, so a later
// test that would catch a bug in it is never run against that mutant. Emptying the caches before
// each test makes every test build, and be seen to build, what it uses.
beforeEach(() => {
  clearMemos();
});
