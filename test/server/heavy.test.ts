import { describe, expect, it } from 'vitest';
import region from '../../examples/kota-batu-2024.json' with { type: 'json' };
import perbup from '../../examples/perbup-contoh.json' with { type: 'json' };
import { evaluateRegion } from '../../src/index.js';
import { planRegion } from '../../src/plan.js';
import { heavyRunner } from '../../src/server/_heavy.js';
import type { Problem } from '../../src/server/_problem.js';

const never = (): Problem => {
  throw new Error('no time limit expected');
};

describe('heavyRunner', () => {
  it('runs a region and a plan on a worker thread, never in this one, with the same answers', async () => {
    const here: string[] = [];
    const runner = heavyRunner(1, [perbup], async (task) => {
      here.push(task.kind);
      return undefined;
    });
    try {
      const evaluated = await runner.run(
        { kind: 'region', body: region, options: { locale: 'en' }, locale: 'en' },
        60_000,
        never,
      );
      expect(evaluated).toStrictEqual(
        JSON.parse(JSON.stringify(await evaluateRegion(region, { locale: 'en' }))),
      );
      const planned = await runner.run(
        { kind: 'plan', body: region, options: { maxSteps: 3 }, locale: 'id' },
        60_000,
        never,
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
    const runner = heavyRunner(1, [], async () => undefined);
    try {
      const failed = await runner
        .run({ kind: 'region', body: { inovasi: 'x' }, options: {}, locale: 'en' }, 60_000, never)
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
    const runner = heavyRunner(1, [], async () => undefined);
    const big = {
      ...region,
      inovasi: Array.from({ length: 400 }, (_, i) => ({ nama: `I${i}`, urusan: ['kesehatan'] })),
    };
    try {
      const timedOut: Problem = { status: 503, code: 'E_TIMEOUT' } as Problem;
      const failed = await runner
        .run({ kind: 'plan', body: big, options: {}, locale: 'id' }, 1, () => timedOut)
        .then(
          () => undefined,
          (error: { problem?: Problem }) => error.problem,
        );
      expect(failed).toBe(timedOut);
    } finally {
      await runner.close();
    }
  });

  it('runs in this thread with no workers', async () => {
    const here: string[] = [];
    const runner = heavyRunner(0, [], async (task) => {
      here.push(task.kind);
      return 'inline';
    });
    expect(await runner.run({ kind: 'plan', body: {}, options: {}, locale: 'id' }, 1, never)).toBe(
      'inline',
    );
    expect(here).toEqual(['plan']);
    await runner.close();
  });
});
