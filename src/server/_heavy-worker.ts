/**
 * The worker thread of the HTTP API's heavy work: a region's evaluation or plan, run off the
 * event loop so that `/health` and single evaluations are answered while it runs. Each worker
 * holds its own engine with the app's rule sets (given once, as `workerData`); a task's error
 * comes back as the problem it is, in the request's language, for the main thread to send.
 */
import { workerData } from 'node:worker_threads';
import { createEngine, type Engine } from '../index.js';
import type { Locale } from '../messages.js';
import { type Problem, problemOf } from './_problem.js';

/** One heavy task: what to run, on which body, with which options. */
export interface HeavyTask {
  /** `region`: evaluateRegion; `plan`: planRegion. */
  kind: 'region' | 'plan';
  /** The parsed request body. */
  body: unknown;
  /** The options of the call. */
  options: Record<string, unknown>;
  /** The language of a problem. */
  locale: Locale;
}

/** What a task gives back: its result, or the problem to answer with. */
export type HeavyResult = { ok: true; result: unknown } | { ok: false; problem: Problem };

let engine: Engine | undefined;

/** Runs one task on this worker's engine. */
export default async function run(task: HeavyTask): Promise<HeavyResult> {
  engine ??= createEngine({
    ruleSets: ((workerData as { ruleSets?: unknown[] } | undefined)?.ruleSets ?? []) as never,
  });
  try {
    const result =
      task.kind === 'plan'
        ? await engine.planRegion(task.body, task.options as never)
        : await engine.evaluateRegion(task.body, task.options as never);
    return { ok: true, result };
  } catch (error) {
    return { ok: false, problem: problemOf(error, task.locale) };
  }
}
