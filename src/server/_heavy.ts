/**
 * Where the HTTP API runs a region's evaluation or plan: on a pool of worker threads (piscina,
 * the pool Node's own maintainers keep: per-task abort that terminates the thread, so a time
 * limit really stops the work, and queueing when every thread is busy), so that the event loop
 * keeps answering `/health` and single evaluations while a 400-innovation plan runs. With no
 * workers, or where the worker's file cannot be found (the CommonJS build), the work runs in the
 * caller's thread as before.
 */
import type { Piscina } from 'piscina';
import type { HeavyResult, HeavyTask } from './_heavy-worker.js';
import type { Problem } from './_problem.js';

/** Runs heavy tasks; `close` ends the threads. */
export interface HeavyRunner {
  /** The task's result, or a thrown `{ problem }` (the task's own, or the time limit's). */
  run(
    task: HeavyTask,
    timeLimit: number,
    timedOut: () => Problem,
    inline: (task: HeavyTask) => Promise<unknown>,
  ): Promise<unknown>;
  /** Ends the worker threads (waiting for none). */
  close(): Promise<void>;
}

/** The worker's file beside this module: the source under tsx, the built entry in `dist/`. */
function workerFile(): { filename: string; execArgv: string[] } | undefined {
  const here = (import.meta as { url?: string }).url;
  if (typeof here !== 'string') return undefined;
  return here.endsWith('.ts')
    ? { filename: new URL('./_heavy-worker.ts', here).href, execArgv: ['--import', 'tsx'] }
    : { filename: new URL('./server-worker.js', here).href, execArgv: [] };
}

/** This process's environment without NODE_V8_COVERAGE. */
function withoutCoverage(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key !== 'NODE_V8_COVERAGE' && value !== undefined) env[key] = value;
  }
  return env;
}

const fail = (problem: Problem) => Object.assign(new Error(problem.detail), { problem });

/**
 * A runner on `workers` threads, each with an engine holding the rule sets a task names (built
 * again when a task names another version of them); a task's `inline` runs it in this thread
 * when there are none.
 */
export function heavyRunner(workers: number): HeavyRunner {
  const file = workers > 0 ? workerFile() : undefined;
  let pool: Promise<Piscina> | undefined;
  const open = () => {
    pool ??= import('piscina').then((module) => {
      // The ES module names the class; CommonJS's interop may hand over the module itself.
      const loaded = module as unknown as { Piscina?: typeof Piscina; default?: unknown };
      const Pool = (loaded.Piscina ??
        (loaded.default as { Piscina?: typeof Piscina } | undefined)?.Piscina ??
        loaded.default) as typeof Piscina;
      return new Pool({
        filename: (file as { filename: string }).filename,
        execArgv: (file as { execArgv: string[] }).execArgv,
        maxThreads: workers,
        minThreads: 0,
        idleTimeout: 30_000,
        // No V8 coverage from the threads: under tsx they load their own compiled copy of each
        // file, which c8 would merge badly with the tests' own (as for spawned processes).
        env: withoutCoverage(),
      });
    });
    return pool;
  };
  return {
    async run(task, timeLimit, timedOut, inline) {
      if (!file) return inline(task);
      const signal = AbortSignal.timeout(timeLimit);
      let answer: HeavyResult;
      try {
        answer = (await (await open()).run(task, { signal })) as HeavyResult;
      } catch (error) {
        // Aborted at the time limit: the thread was terminated, the work is stopped.
        if (signal.aborted) throw fail(timedOut());
        throw error;
      }
      if (!answer.ok) throw fail(answer.problem);
      return answer.result;
    },
    async close() {
      const running = pool;
      pool = undefined;
      if (running) await (await running).destroy();
    },
  };
}
