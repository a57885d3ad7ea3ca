import { describe, expect, it } from 'vitest';
import region from '../../examples/kota-batu-2024.json' with { type: 'json' };
import perbup from '../../examples/perbup-contoh.json' with { type: 'json' };
import { evaluateRegion } from '../../src/index.js';
import { planRegion } from '../../src/plan.js';
import { heavyRunner } from '../../src/server/_heavy.js';
import type { HeavyTask } from '../../src/server/_heavy-worker.js';
import type { Problem } from '../../src/server/_problem.js';

const never = (): Problem => {
  throw new Error('no time limit expected');
};
const unused = async () => {
  throw new Error('no inline run expected');
};
const none = { version: 'fixed', list: [] };

describe('heavyRunner', () => {
  it('runs a region and a plan on a worker thread, never in this one, with the same answers', async () => {
    const here: string[] = [];
    const runner = heavyRunner(1);
    const inline = async (task: HeavyTask) => {
      here.push(task.kind);
      return undefined;
    };
    try {
      const evaluated = await runner.run(
        { kind: 'region', body: region, options: { locale: 'en' }, locale: 'en', ruleSets: none },
        60_000,
        never,
        inline,
      );
      expect(evaluated).toStrictEqual(
        JSON.parse(JSON.stringify(await evaluateRegion(region, { locale: 'en' }))),
      );
      const planned = await runner.run(
        { kind: 'plan', body: region, options: { maxSteps: 3 }, locale: 'id', ruleSets: none },
        60_000,
        never,
        inline,
      );
      expect(planned).toStrictEqual(
        JSON.parse(JSON.stringify(await planRegion(region, { maxSteps: 3 }))),
      );
      expect(here).toEqual([]);
    } finally {
      await runner.close();
    }
  });

  it('gives a task’s error back as its problem, in the request’s language', async () => {
    const runner = heavyRunner(1);
    try {
      const failed = await runner
        .run(
          { kind: 'region', body: { inovasi: 'x' }, options: {}, locale: 'en', ruleSets: none },
          60_000,
          never,
          unused,
        )
        .then(
          () => undefined,
          (error: { problem?: Problem }) => error.problem,
        );
      expect(failed).toMatchObject({ status: 422, code: 'E_INVALID_RECORD' });
      expect(failed?.detail).toMatch(/record/i);
    } finally {
      await runner.close();
    }
  });

  it('ends a task at its time limit with the limit’s problem', async () => {
    const runner = heavyRunner(1);
    const big = {
      ...region,
      inovasi: Array.from({ length: 400 }, (_, i) => ({ nama: `I${i}`, urusan: ['kesehatan'] })),
    };
    try {
      const timedOut: Problem = { status: 503, code: 'E_TIMEOUT' } as Problem;
      const failed = await runner
        .run(
          { kind: 'plan', body: big, options: {}, locale: 'id', ruleSets: none },
          1,
          () => timedOut,
          unused,
        )
        .then(
          () => undefined,
          (error: { problem?: Problem }) => error.problem,
        );
      expect(failed).toBe(timedOut);
    } finally {
      await runner.close();
    }
  });

  it('holds the rule sets a task names, and builds them again when a task names another version', async () => {
    const runner = heavyRunner(1);
    const body = { ...region, inovasi: region.inovasi.slice(0, 2) };
    const task = (version: string, list: unknown[]): HeavyTask => ({
      kind: 'region',
      body,
      options: { ruleSet: 'perbup-contoh-2024' },
      locale: 'en',
      ruleSets: { version, list },
    });
    const outcome = (t: HeavyTask) =>
      runner.run(t, 60_000, never, unused).then(
        () => 'ok',
        (error: { problem?: Problem }) => error.problem?.code,
      );
    try {
      expect(await outcome(task('1', [perbup]))).toBe('ok');
      // The same worker, a new version without the Perbup: it is unknown there.
      expect(await outcome(task('2', []))).toBe('E_UNKNOWN_RULE_SET');
      expect(await outcome(task('3', [perbup]))).toBe('ok');
    } finally {
      await runner.close();
    }
  });

  it('runs in this thread with no workers', async () => {
    const here: string[] = [];
    const runner = heavyRunner(0);
    const task = { kind: 'plan', body: {}, options: {}, locale: 'id', ruleSets: none } as const;
    const answer = await runner.run(task, 1, never, async (given) => {
      here.push(given.kind);
      return 'inline';
    });
    expect(answer).toBe('inline');
    expect(here).toEqual(['plan']);
    await runner.close();
  });
});
