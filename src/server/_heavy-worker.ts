/**
 * The worker thread of the HTTP API's heavy work: a region's evaluation or plan, run off the
 * event loop so that `/health` and single evaluations are answered while it runs. Each worker
 * holds its own engine with the rule sets the task names, built again when a task names another
 * version of them (a watched folder reloaded); a task's error comes back as the problem it is, in the request's language, for the main thread to send.
 */
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
  /** The app's rule sets beyond the shipped ones when the request arrived, and their version. */
  ruleSets: { version: string; list: readonly unknown[] };
}

/** What a task gives back: its result, or the problem to answer with. */
export type HeavyResult = { ok: true; result: unknown } | { ok: false; problem: Problem };

let held: { version: string; engine: Engine } | undefined;

/** Runs one task on this worker's engine. */
export default async function run(task: HeavyTask): Promise<HeavyResult> {
  try {
    if (held?.version !== task.ruleSets.version) {
      held = {
        version: task.ruleSets.version,
        engine: createEngine({ ruleSets: task.ruleSets.list }),
      };
    }
    const { engine } = held;
    const result =
      task.kind === 'plan'
        ? await engine.planRegion(task.body, task.options as never)
        : await engine.evaluateRegion(task.body, task.options as never);
    return { ok: true, result };
  } catch (error) {
    return { ok: false, problem: problemOf(error, task.locale) };
  }
}
