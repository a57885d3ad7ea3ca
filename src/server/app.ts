import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { stream } from 'hono/streaming';
import { timeout } from 'hono/timeout';
import pkg from '../../package.json' with { type: 'json' };
import innovationJsonSchema from '../../schema/innovation.schema.json' with { type: 'json' };
import { type Issue, issuesFrom } from '../errors.js';
import {
  type Basis,
  type Engine,
  type EvaluateOptions,
  InvalidOptionError,
  InvalidRecordError,
  InvalidRuleSetError,
  type RuleSetSummary,
  summarizeEvaluation,
} from '../index.js';
import { questionsOf } from '../io/index.js';
import { escapeRegExp, optionNames, thrownText, unknownOptionIssues } from '../messages.js';
import { type AccessLogEntry, logEntry } from './_access-log.js';
import { batchFormat, batchRows, refuseTableOptions } from './_batch-input.js';
import { BODY, BODY_FAILED, jsonBody, refuseCodedBodies } from './_body.js';
import { compressAnswers } from './_compress.js';
import { corsAnswers } from './_cors.js';
import { type FastRoute, fastRoute, stampHeaders } from './_fast-evaluate.js';
import { FORM_TYPES, formFields, recordOfFields, sendsTexts } from './_form-body.js';
import { type HeavyRunner, heavyRunner } from './_heavy.js';
import { inflightGate } from './_inflight.js';
import { type Held, type RuleSetSource, ruleSetHolder } from './_live.js';
import { describeRoutes, docsPage, openapi30 } from './_openapi.js';
import { type Problem, problem, problemOf, say, sendProblem } from './_problem.js';
import { queryGuard } from './_query.js';
import { localeOf, problemLocale, queryChoice, queryNumber, queryWholeNumber } from './_request.js';
import { type Overlay, overlaid, readOverlay, whatIfStamp } from './_what-if.js';

/**
 * The HTTP API: the library's functions as JSON endpoints, for the PHP, Python and other apps
 * regions run. Stateless: rule sets are loaded when the app is made, never by a request, so any
 * number of copies can run behind a load balancer.
 */

/** Options of {@link createApp}. */
export interface AppOptions {
  /** Largest request body, in bytes. Default 1 MB. */
  bodyLimit?: number;
  /** Largest body of `POST /evaluate/batch`, which is streamed. Default 100 MB. */
  batchBodyLimit?: number;
  /** Longest time a request may take, in milliseconds (not counting a streamed batch). Default 30 s. */
  timeout?: number;
  /**
   * Longest wait for the next bytes of a request body, in milliseconds: a body that stops
   * sending is answered 408 and its connection closed (a streamed batch too). Default 10 s.
   */
  bodyIdleTimeout?: number;
  /**
   * Most requests worked on at once (`/health` aside); past it, 503 with `Retry-After`, so that a
   * burst of large requests cannot grow the process without bound. Default 32.
   */
  maxInflight?: number;
  /**
   * Most innovations in one `/region` or `/region/plan` body: a region's answer holds every
   * innovation's evaluation (about 15 kB each), so the bound keeps one answer to tens of MB.
   * Larger sets go through `/evaluate/batch`. Default 2,000 (a region's programme has hundreds).
   */
  maxRegionInnovations?: number;
  /**
   * Worker threads for regions and plans, so that a long plan never holds `/health` or a single
   * evaluation waiting; `0` runs them in the caller's thread. Default 0 for `createApp` (your own
   * server decides), and for `startServer` one less than the machine's cores, 1 to 4.
   */
  workers?: number;
  /** Origins allowed to call from a browser (CORS). Default none: CORS is off. */
  cors?: string | readonly string[];
  /** The access log: one JSON object per request; `false` turns it off. Default off. */
  accessLog?: false | ((entry: AccessLogEntry) => void);
  /** Region rule sets (parsed JSON) to load when the app is made. */
  ruleSets?: readonly unknown[];
  /**
   * Rule sets that change while the app runs (`serve --rule-set-dir --watch`), after
   * `ruleSets`: each request is answered with the list current when it arrived, to its end.
   */
  ruleSetSource?: RuleSetSource;
}

/**
 * Writes a result's basis as response headers too (`X-Inovasi-Rule-Set`, `X-Inovasi-Rubric`:
 * id, edition and hash; `X-Inovasi-Version`), so that a client can log what decided without
 * reading the body.
 */
function stamped<T extends { basis: Basis }>(c: Context, result: T): T {
  for (const [name, value] of Object.entries(stampHeaders(result.basis))) c.header(name, value);
  return result;
}

function optionsOf(c: Context): EvaluateOptions {
  const ruleSet = c.req.query('ruleSet');
  const rubric = c.req.query('rubric');
  const explain = queryChoice(c, 'explain', ['true', 'false']);
  return {
    locale: localeOf(c),
    // `?explain=true`: the trace.
    ...(explain !== undefined ? { explain: explain === 'true' } : {}),
    ...(ruleSet !== undefined ? { ruleSet } : {}),
    ...(rubric !== undefined ? { rubric } : {}),
  };
}

/**
 * The record of a single-record route: JSON, or the texts of a form (a form post, or JSON with
 * `?values=text`) read as a spreadsheet's row is (`?numberFormat=id|en` settles `12,500`).
 */
async function recordBody(c: Context, engine: Engine): Promise<unknown> {
  if (!sendsTexts(c)) return jsonBody(c);
  const numberFormat = queryChoice(c, 'numberFormat', ['id', 'en']);
  const fields = await formFields(c, () => jsonBody(c));
  return recordOfFields(fields, numberFormat, problemLocale(c), questionsOf(engine.ruleSets));
}

/**
 * The record of a route that judges one ({@link recordBody}); an array of them is a 422 that
 * says where many records go (`/evaluate/batch`), not zod's "expected object".
 */
async function oneRecord(c: Context, engine: Engine): Promise<unknown> {
  const record = await recordBody(c, engine);
  if (!Array.isArray(record)) return record;
  const locale = problemLocale(c);
  const text = say(locale, 'oneRecordOnly');
  throw Object.assign(new Error(), {
    problem: problem(
      422,
      'E_INVALID_RECORD',
      text,
      [{ path: [], code: 'invalid_type', message: text }],
      locale,
    ),
  });
}

/**
 * The routes that refuse a record that may come as a form's texts (`?values=text`); the third
 * that reads one, `/form/validate`, answers its problems as its result.
 */
const TEXT_ROUTES = new Set(['/evaluate', '/submission']);

/**
 * A JSON record refused for a value of the wrong type (`"2024"` for a year, `0` for no) says
 * how to send it as it is: apps that keep their records as texts, or their yes/no as 0/1 (a
 * PHP app's database row, often), send them with `?values=text` and have them read as a
 * form's. The hint is in the problem's detail; its issues are the record's, unchanged.
 */
function withTextsHint(given: Problem, error: unknown, c: Context): Problem {
  if (!(error instanceof InvalidRecordError) || sendsTexts(c) || !TEXT_ROUTES.has(c.req.path)) {
    return given;
  }
  if (!error.issues.some((issue) => issue.code === 'invalid_type')) return given;
  return { ...given, detail: `${given.detail}; ${say(problemLocale(c), 'sendTexts')}` };
}

/** Longest run of batch work, in milliseconds, before other requests are let in. */
const BATCH_SLICE_MS = 10;

/** Per app, the runner of its heavy work, ended by {@link closeApp}. */
const RUNNERS = new WeakMap<object, HeavyRunner>();

/**
 * Ends what an app started beside the requests (its worker threads).
 *
 * @internal
 */
export async function closeApp(app: object): Promise<void> {
  await RUNNERS.get(app)?.close();
}

/** Per app, its fast route of `POST /evaluate`, which `startServer` puts before it. */
const FAST = new WeakMap<object, FastRoute>();

/**
 * The fast route of an app made by {@link createApp} (`_fast-evaluate.ts`).
 *
 * @internal
 */
export function fastRouteOf(app: object): FastRoute | undefined {
  return FAST.get(app);
}

/** The routes whose one request can hold hundreds of MB: regions, plans and batches. */
const HEAVY = new Set(['/region', '/region/plan', '/evaluate/batch']);

/** Per request, the rule sets it is answered with: those current when it arrived. */
const HELD = new WeakMap<Context, Held>();

/** The methods the app answers on `path` (HEAD with GET), for 405's `Allow`. */
function allowedMethods(app: OpenAPIHono, path: string): string[] {
  const methods = new Set<string>();
  for (const route of app.routes) {
    if (route.method === 'ALL' || route.path.includes('*')) continue;
    const pattern = route.path
      .split('/')
      .map((part) => (part.startsWith(':') ? '[^/]+' : escapeRegExp(part)))
      .join('/');
    if (new RegExp(`^${pattern}$`).test(path)) methods.add(route.method);
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/**
 * Builds the HTTP API as a Hono app: mount it in your own server, or run it with
 * `startServer` or `inovasi-rules serve`.
 *
 * @param options - limits, CORS, access log, and the region rule sets to load
 * @returns the app (its `fetch` handles a web `Request`)
 * @throws `InvalidRuleSetError` when a rule set given to load is malformed
 * @example
 * ```ts
 * import { createApp } from 'inovasi-rules/server';
 * const app = createApp({ cors: 'https://inovasi.example.go.id' });
 * const res = await app.request('/health');
 * ```
 */
export function createApp(given: AppOptions = {}): OpenAPIHono {
  const options = appOptions(given);
  // One engine per version of the app's rule sets: the shipped ones and those given here (and,
  // from a watched folder, those loaded since), nothing process-wide. A request keeps the one
  // current when it arrived.
  const current = ruleSetHolder(options.ruleSets ?? [], options.ruleSetSource);
  const heldOf = (c: Context) => HELD.get(c) ?? current();
  const engineOf = (c: Context) => heldOf(c).engine;
  const app = new OpenAPIHono();
  app.use(async (c, next) => {
    HELD.set(c, current());
    return next();
  });
  app.use(compressAnswers);
  const log = options.accessLog;
  if (log) {
    app.use(async (c, next) => {
      const start = performance.now();
      await next();
      log(logEntry(c.req.method, c.req.path, c.res.status, start));
    });
  }
  const origins =
    options.cors === undefined
      ? undefined
      : typeof options.cors === 'string'
        ? [options.cors]
        : [...options.cors];
  if (origins) app.use(corsAnswers(origins));
  // A query name the route does not take, or one given twice: 400, never dropped in silence.
  app.use(queryGuard(app));
  // A compressed request body: 415, never its compressed bytes read as the body.
  app.use(refuseCodedBodies);
  // Requests in flight, at most `maxInflight`: past it, 503 with Retry-After rather than growing.
  // A streamed answer counts until its connection has sent it.
  const maxInflight = options.maxInflight ?? 32;
  // Regions, plans and batches hold far more per request: an eighth of the places, at least one.
  const maxHeavy = Math.max(1, Math.floor(maxInflight / 8));
  const enter = inflightGate(maxInflight, maxHeavy);
  app.use('*', async (c, next) => {
    if (c.req.path === '/health') return next();
    const isHeavy = HEAVY.has(c.req.path);
    const release = enter(isHeavy);
    if (!release) {
      const locale = problemLocale(c);
      c.header('Retry-After', '1');
      return sendProblem(
        c,
        problem(
          503,
          'E_BUSY',
          say(locale, 'busy', { max: isHeavy ? maxHeavy : maxInflight }),
          [],
          locale,
        ),
      );
    }
    const outgoing = (c.env as { outgoing?: NodeJS.EventEmitter } | undefined)?.outgoing;
    outgoing?.once('close', release);
    try {
      await next();
    } finally {
      if (!outgoing) release();
    }
  });
  const tooLarge = (limit: number) => (c: Context) => {
    // The rest of the body is not read: the connection is closed after this answer.
    c.header('Connection', 'close');
    const locale = problemLocale(c);
    return sendProblem(
      c,
      problem(413, 'E_TOO_LARGE', say(locale, 'tooLarge', { limit }), [], locale),
    );
  };
  const idleMs = options.bodyIdleTimeout ?? 10_000;
  const limit = options.bodyLimit ?? 1_000_000;
  const batchLimit = options.batchBodyLimit ?? 100_000_000;
  FAST.set(
    app,
    fastRoute({
      engine: () => current().engine,
      enter,
      bodyLimit: limit,
      idleMs,
      origins,
      log: log || undefined,
      fetch: (request, env) => app.fetch(request, env),
    }),
  );
  // Bodies are read as they come, their bounds checked chunk by chunk (bodyChunks): a batch is
  // answered line by line, never held whole. A form, which Hono parses whole, is held to the
  // limit by its middleware.
  app.use('*', async (c, next) => {
    const bytes = c.req.path === '/evaluate/batch' ? batchLimit : limit;
    BODY.set(c, { bytes, idleMs });
    if (Number(c.req.header('content-length') ?? Number.NaN) > bytes) return tooLarge(bytes)(c);
    if (FORM_TYPES.test(c.req.header('content-type') ?? '')) {
      return bodyLimit({ maxSize: bytes, onError: tooLarge(bytes) })(c, next);
    }
    return next();
  });
  app.use('*', async (c, next) => {
    if (c.req.path === '/evaluate/batch') return next();
    const ms = options.timeout ?? 30_000;
    return timeout(ms, (c) => {
      const locale = problemLocale(c);
      return Object.assign(new HTTPException(503), {
        problem: problem(503, 'E_TIMEOUT', say(locale, 'timeout', { ms }), [], locale),
      });
    })(c, next);
  });

  app.onError((error, c) => {
    const given = (error as { problem?: ReturnType<typeof problem> }).problem;
    return sendProblem(c, given ?? withTextsHint(problemOf(error, problemLocale(c)), error, c));
  });
  app.notFound((c) => {
    // A known path asked with another method: 405 with the methods it takes.
    const allowed = allowedMethods(app, c.req.path);
    if (allowed.length > 0) {
      c.header('Allow', allowed.join(', '));
      const detail = say(problemLocale(c), 'methodNotAllowed', {
        path: c.req.path,
        allowed: allowed.join(', '),
        method: c.req.method,
      });
      return sendProblem(c, problem(405, 'E_METHOD_NOT_ALLOWED', detail, [], problemLocale(c)));
    }
    const detail = say(problemLocale(c), 'noRoute', { method: c.req.method, path: c.req.path });
    return sendProblem(c, problem(404, 'E_NOT_FOUND', detail, [], problemLocale(c)));
  });

  app.get('/health', (c) =>
    c.json({ status: 'ok', version: pkg.version, ruleSets: engineOf(c).ruleSets.length }),
  );

  /**
   * The engine of one what-if request: the rubric the request would use (`?rubric=`, else the
   * one `probe` is judged by), a copy with the overlay, loaded into an engine for this request.
   */
  const whatIf = async (
    engine: Engine,
    overlay: Overlay,
    options: EvaluateOptions,
    probe: unknown,
  ) => {
    const baseId =
      typeof options.rubric === 'string'
        ? options.rubric
        : (await engine.evaluate(probe, { ...options, explain: false })).basis.rubric.id;
    const base = engine.getRuleSet(baseId);
    const { json: copyJson, id } = overlaid(base, overlay);
    let scoped: typeof engine;
    try {
      scoped = engine.with(copyJson);
    } catch (error) {
      // What the library refuses in the copy is a problem of the overlay that made it.
      if (error instanceof InvalidRuleSetError) {
        throw new InvalidOptionError(
          error.issues.map((i) => ({ ...i, path: ['overlay', ...i.path] })),
        );
      }
      throw error;
    }
    const listed = (list: RuleSetSummary[], of: string) =>
      list.find((r) => r.id === of) as RuleSetSummary;
    const stamp = whatIfStamp(
      overlay,
      listed(engine.listRuleSets(), base.id),
      listed(scoped.listRuleSets(), id),
    );
    return { scoped, id, stamp };
  };

  app.post('/evaluate', async (c) => {
    const overlay = readOverlay(c.req.query('overlay'));
    const options = optionsOf(c);
    // `?detail=summary`: the verdict, failing criteria with reasons, score totals and stamp.
    const summary = queryChoice(c, 'detail', ['full', 'summary']) === 'summary';
    const engine = engineOf(c);
    const record = await oneRecord(c, engine);
    if (!overlay) {
      const result = stamped(c, await engine.evaluate(record, options));
      return c.json(summary ? summarizeEvaluation(result) : result);
    }
    const { scoped, id, stamp } = await whatIf(engine, overlay, options, record);
    const result = stamped(c, await scoped.evaluate(record, { ...options, rubric: id }));
    return c.json({ ...(summary ? summarizeEvaluation(result) : result), whatIf: stamp });
  });

  // Two editions side by side (`?a=iga-2023&b=iga-2026`), or the region's edition against a
  // copy with `?overlay=` (what if the floor were 14): for this request only.
  app.post('/region/compare', async (c) => {
    const region = await regionBody(c);
    const { rubric, ...options } = optionsOf(c);
    const overlay = readOverlay(c.req.query('overlay'));
    if (overlay) {
      const tahun = (region as { tahun?: unknown }).tahun;
      const { scoped, id, stamp } = await whatIf(
        engineOf(c),
        overlay,
        { ...options, ...(rubric !== undefined ? { rubric } : {}) },
        { nama: '-', ...(typeof tahun === 'number' ? { tahun } : {}) },
      );
      const compared = await scoped.compareEditions(region, stamp.base.id, id, options);
      return c.json({ ...compared, whatIf: stamp });
    }
    const a = c.req.query('a');
    const b = c.req.query('b');
    if (a === undefined || b === undefined) {
      throw new InvalidOptionError([
        {
          path: [a === undefined ? 'a' : 'b'],
          code: 'invalid_type',
          message: say(problemLocale(c), 'compareNeeds'),
        },
      ]);
    }
    return c.json(await engineOf(c).compareEditions(region, a, b, options));
  });

  app.post('/evaluate/batch', async (c) => {
    const evaluateOptions = optionsOf(c);
    const summary = queryChoice(c, 'detail', ['full', 'summary']) === 'summary';
    const engine = engineOf(c);
    // Options are checked before the first row, so that a bad one is one problem, not one per row.
    await engine.safeEvaluate({ nama: '-' }, evaluateOptions);
    // NDJSON, a CSV or xlsx sheet, or a multipart form's file: read as the CLI reads a file.
    const format = batchFormat(c.req.header('content-type') ?? '');
    let rows: AsyncIterable<{
      index: number;
      line?: number;
      record?: unknown;
      issues?: unknown;
      warnings?: readonly Issue[];
      skipped?: true;
    }>;
    let fileWarnings: readonly Issue[] = [];
    if (format) {
      const read = await batchRows(c, format, questionsOf(engine.ruleSets));
      rows = read.rows;
      fileWarnings = read.warnings;
    } else {
      refuseTableOptions(c, format);
      // A JSON array is parsed whole, so it is held to the limit of any request body: a larger
      // batch is sent as NDJSON, which is read and answered line by line.
      const json = await jsonBody(c, limit);
      if (!Array.isArray(json)) {
        const locale = problemLocale(c);
        return sendProblem(
          c,
          problem(
            422,
            'E_INVALID_RECORD',
            say(locale, 'batchNotArray'),
            [{ path: [], code: 'invalid_type', message: say(locale, 'expectedArray') }],
            locale,
          ),
        );
      }
      rows = (async function* () {
        for (const [index, record] of json.entries()) yield { index, record };
      })();
    }
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    return stream(
      c,
      async (out) => {
        let since = performance.now();
        for await (const row of rows) {
          // Other requests get the event loop at least every few milliseconds of batch work:
          // a batch never holds /health or a single evaluation waiting behind it.
          if (performance.now() - since > BATCH_SLICE_MS) {
            await yieldToLoop();
            since = performance.now();
          }
          let line: string;
          // What the reader says of the whole file goes with the first line, as readRecords does.
          const said =
            fileWarnings.length > 0 ? [...fileWarnings, ...(row.warnings ?? [])] : row.warnings;
          fileWarnings = [];
          const warnings = said !== undefined && said.length > 0 ? { warnings: said } : {};
          const where = { index: row.index, ...(row.line !== undefined ? { line: row.line } : {}) };
          if (row.skipped) {
            line = JSON.stringify({ line: row.line, skipped: true, ...warnings });
          } else if (row.issues) {
            line = JSON.stringify({
              ...where,
              ok: false,
              error: { code: 'E_INVALID_RECORD', issues: row.issues },
              ...warnings,
            });
          } else {
            const result = await engine.safeEvaluate(row.record, evaluateOptions);
            line = JSON.stringify(
              result.success
                ? {
                    ...where,
                    ok: true,
                    evaluation: summary ? summarizeEvaluation(result.data) : result.data,
                    ...warnings,
                  }
                : {
                    ...where,
                    ok: false,
                    error: { code: result.error.code, issues: result.error.issues },
                    ...warnings,
                  },
            );
          }
          // write() resolves when the chunk is taken: a slow client slows the batch, not memory.
          await out.write(`${line}\n`);
          // A client that went away gets no more work done for it.
          if (out.aborted) break;
        }
        // A file with no row still says what it says of itself, in a line of its own.
        if (fileWarnings.length > 0 && !out.aborted) {
          await out.write(`${JSON.stringify({ warnings: fileWarnings })}\n`);
        }
      },
      async (error, out) => {
        const given = ((BODY_FAILED.get(c) ?? error) as { problem?: ReturnType<typeof problem> })
          .problem;
        const error_ = given ?? problemOf(error, problemLocale(c));
        await out.write(`${JSON.stringify({ ok: false, error: error_ })}\n`);
        // A body that stopped arriving is never read to its end: the connection goes with it.
        const outgoing = (c.env as { outgoing?: import('node:http').ServerResponse } | undefined)
          ?.outgoing;
        if (given?.status === 408) outgoing?.once('finish', () => outgoing.socket?.destroy());
      },
    );
  });

  const maxRegion = options.maxRegionInnovations ?? 2_000;
  /** A region's body, refused past `maxRegionInnovations` before any of it is evaluated. */
  const regionBody = async (c: Context) => {
    const body = await jsonBody(c);
    const inovasi = (body as { inovasi?: unknown } | null)?.inovasi;
    if (Array.isArray(inovasi) && inovasi.length > maxRegion) {
      const locale = problemLocale(c);
      throw Object.assign(new Error(), {
        problem: problem(
          413,
          'E_TOO_LARGE',
          say(locale, 'regionTooLarge', { limit: maxRegion, n: inovasi.length }),
          [
            {
              path: ['inovasi'],
              code: 'too_large',
              message: say(locale, 'regionTooLarge', { limit: maxRegion, n: inovasi.length }),
            },
          ],
          locale,
        ),
      });
    }
    return body;
  };

  // Regions and plans on the worker threads (or here, with none), stopped at the time limit.
  const timeLimit = options.timeout ?? 30_000;
  const runner = heavyRunner(options.workers ?? 0);
  RUNNERS.set(app, runner);
  const runHeavy = (c: Context, kind: 'region' | 'plan', body: unknown, options: object) => {
    const locale = problemLocale(c);
    const { engine, version, ruleSets } = heldOf(c);
    return runner.run(
      { kind, body, options: { ...options }, locale, ruleSets: { version, list: ruleSets } },
      timeLimit,
      () => problem(503, 'E_TIMEOUT', say(locale, 'timeout', { ms: timeLimit }), [], locale),
      (task) =>
        task.kind === 'plan'
          ? engine.planRegion(task.body, task.options as never)
          : engine.evaluateRegion(task.body, task.options as never),
    );
  };

  app.post('/region', async (c) =>
    c.json(stamped(c, (await runHeavy(c, 'region', await regionBody(c), optionsOf(c))) as never)),
  );

  app.post('/region/plan', async (c) => {
    const target = c.req.query('target');
    const maxSteps = queryWholeNumber(c, 'maxSteps', 0, 10_000);
    // `?budget=60` person-days, `?objective=cheapest|highest`, `?method=optimal|greedy`.
    const budget = queryNumber(c, 'budget', 0, 1_000_000);
    const objective = queryChoice(c, 'objective', ['cheapest', 'highest']);
    const method = queryChoice(c, 'method', ['optimal', 'greedy']);
    // `?years=2`: next year's edition too (who leaves the window, what stops counting).
    const years = queryChoice(c, 'years', ['1', '2']);
    const plan = await runHeavy(c, 'plan', await regionBody(c), {
      ...optionsOf(c),
      ...(target !== undefined ? { target: target as never } : {}),
      ...(budget !== undefined ? { budget } : {}),
      ...(objective !== undefined ? { objective } : {}),
      ...(method !== undefined ? { method } : {}),
      ...(years !== undefined ? { years: Number(years) as 1 | 2 } : {}),
      ...(maxSteps !== undefined ? { maxSteps } : {}),
    });
    return c.json(stamped(c, plan as never));
  });

  app.post('/submission', async (c) => {
    const { ruleSet: _, ...options } = optionsOf(c);
    const asOf = c.req.query('asOf');
    const check = await engineOf(c).checkSubmission(await oneRecord(c, engineOf(c)), {
      locale: options.locale ?? 'id',
      ...(typeof options.rubric === 'string' ? { rubric: options.rubric } : {}),
      ...(asOf !== undefined ? { asOf } : {}),
    });
    return c.json(stamped(c, check));
  });

  app.post('/form/validate', async (c) => {
    const record = await recordBody(c, engineOf(c));
    const options = optionsOf(c);
    const schema = engineOf(c).createFormSchema({
      locale: options.locale ?? 'id',
      ...(options.ruleSet ? { ruleSet: options.ruleSet } : {}),
      requireComplete: queryChoice(c, 'requireComplete', ['true', 'false']) === 'true',
    });
    const result = schema.safeParse(record);
    const issues = result.success ? [] : issuesFrom(result.error, 'invalid_value');
    const fields: Record<string, string[]> = {};
    for (const issue of issues) {
      const key = issue.path.join('.') || '(root)';
      fields[key] = [...(fields[key] ?? []), issue.message];
    }
    return c.json({ valid: result.success, issues, fields });
  });

  app.get('/rule-sets', (c) => c.json(heldOf(c).list));
  app.get('/rule-sets/:id', (c) => c.json(engineOf(c).getRuleSet(c.req.param('id'))));
  app.get('/schema/innovation', (c) => c.json(innovationJsonSchema));

  describeRoutes(app);
  const document = () =>
    app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'inovasi-rules',
        version: pkg.version,
        license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
        description:
          'Indonesian regional innovations (inovasi daerah) checked against PP 38/2017 and a region’s Perwali/Perbup, scored on the IGA rubric. Errors are RFC 9457 problem details with the library’s code and issues.',
      },
      // The server that serves this document, wherever it runs.
      servers: [{ url: '/', description: 'this server' }],
    });
  app.get('/openapi.json', (c) => c.json(document()));
  app.get('/openapi-3.0.json', (c) =>
    c.json(openapi30(document() as unknown as Record<string, unknown>)),
  );
  app.get('/docs', (c) =>
    c.html(docsPage(document() as unknown as Parameters<typeof docsPage>[0])),
  );
  return app;
}

/** The app's options, read once: `null`, a non-object or a getter that throws is refused. */
const APP_OPTIONS = optionNames<AppOptions>({
  bodyLimit: true,
  batchBodyLimit: true,
  timeout: true,
  bodyIdleTimeout: true,
  maxInflight: true,
  maxRegionInnovations: true,
  workers: true,
  cors: true,
  accessLog: true,
  ruleSets: true,
  ruleSetSource: true,
});

/**
 * Checks the options of {@link createApp} (and, with `more`, of `startServer`): an object whose
 * every name is known and every value of its type, every problem in one error.
 *
 * @internal
 */
export function appOptions(
  given: unknown,
  more: readonly string[] = [],
): AppOptions & Record<string, unknown> {
  if (given === undefined) return {};
  const refuse = (message: string) =>
    new InvalidOptionError([{ path: [], code: 'invalid_type', message }]);
  if (given === null || typeof given !== 'object' || Array.isArray(given)) {
    throw refuse('options must be an object');
  }
  let options: AppOptions & Record<string, unknown>;
  try {
    options = { ...given };
  } catch (error) {
    throw refuse(`the options could not be read: ${thrownText(error)}`);
  }
  const issues = unknownOptionIssues(options, [...APP_OPTIONS, ...more]);
  const workers = options.workers;
  if (workers !== undefined && !(Number.isSafeInteger(workers) && workers >= 0 && workers <= 64)) {
    issues.push({
      path: ['workers'],
      code: 'invalid_value',
      message: 'workers must be a whole number from 0 to 64',
    });
  }
  for (const key of [
    'bodyLimit',
    'batchBodyLimit',
    'timeout',
    'bodyIdleTimeout',
    'maxInflight',
    'maxRegionInnovations',
  ] as const) {
    const value = options[key];
    if (value !== undefined && !(Number.isSafeInteger(value) && value > 0)) {
      issues.push({
        path: [key],
        code: 'invalid_value',
        message: `${key} must be a whole number above 0`,
      });
    }
  }
  const cors = options.cors;
  if (
    cors !== undefined &&
    typeof cors !== 'string' &&
    !(Array.isArray(cors) && cors.every((origin) => typeof origin === 'string'))
  ) {
    issues.push({
      path: ['cors'],
      code: 'invalid_type',
      message: 'cors must be an origin or a list of origins',
    });
  }
  if (
    options.accessLog !== undefined &&
    options.accessLog !== false &&
    typeof options.accessLog !== 'function'
  ) {
    issues.push({
      path: ['accessLog'],
      code: 'invalid_type',
      message: 'accessLog must be false or a function',
    });
  }
  const source = options.ruleSetSource as { current?: unknown } | undefined;
  if (source !== undefined && typeof source?.current !== 'function') {
    issues.push({
      path: ['ruleSetSource'],
      code: 'invalid_type',
      message: 'ruleSetSource must be an object with a current() method',
    });
  }
  if (issues.length > 0) throw new InvalidOptionError(issues);
  return options;
}
