/**
 * How many runs a property test makes: `n`, or fewer when `FC_RUNS` says so. The mutation run
 * (vitest.mutation.config.ts) sets it, because every surviving mutant re-runs every property
 * test that covers it; `npm test` runs them in full.
 */
export function runs(n: number): number {
  const cap = Number(process.env.FC_RUNS);
  return Number.isInteger(cap) && cap > 0 ? Math.min(n, cap) : n;
}
