/**
 * `POST /evaluate` answered from Node's own request and response, before the Hono app, for the
 * request most clients send: one JSON record (`Content-Type: application/json` with its
 * length), a query of `ruleSet`, `rubric`, `explain`, `detail` and `locale` only. For such a
 * request Hono's web `Request`, its middleware chain and its `Response` cost about as much as
 * the evaluation itself (docs/benchmarks.md).
 *
 * It answers only the 200s, compressed as the app compresses them, with its CORS headers. A
 * request it does not take is left to the app untouched; a body it has read but cannot answer
 * with a 200 (not a JSON record, a record the library refuses, an unknown rule set) is handed
 * to the app whole, so every problem is worded in one place, the app's. Its answers are the
 * app's, header for header (`test/server/fast-evaluate.test.ts`). It holds a place of the
 * app's bound on requests in flight and waits for the body's bytes as long as the app does; the
 * app's time limit is not set here, as one record within the body limit is evaluated in
 * milliseconds, in one piece of work a timer could not stop anyway.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Basis, Engine, EvaluateOptions, Evaluation } from '../index.js';
import { summarizeEvaluation } from '../index.js';
import type { Locale } from '../messages.js';
import { type AccessLogEntry, logEntry } from './_access-log.js';
import { type BodyBounds, jsonOfText, UTF8, wholeBody } from './_body.js';
import { chosenEncoding, MIN_BYTES, packed } from './_compress.js';
import { corsHeaders } from './_cors.js';
import type { Inflight } from './_inflight.js';
import { type problem, problemError, say } from './_problem.js';
import { acceptedLocale } from './_request.js';

/** Answers a request and returns `true`, or returns `false` having touched nothing. */
export type FastRoute = (req: IncomingMessage, res: ServerResponse) => boolean;

/** What the fast route shares with its app. */
export interface FastRouteOf {
  /** The engine current when a request arrives. */
  engine(): Engine;
  /** The app's bound on requests in flight. */
  enter: Inflight;
  /** Largest body, in bytes. */
  bodyLimit: number;
  /** Longest wait for the next bytes of a body, in milliseconds. */
  idleMs: number;
  /** The origins the app allows (CORS), if any. */
  origins: readonly string[] | undefined;
  /** The app's access log, if on. */
  log?: ((entry: AccessLogEntry) => void) | undefined;
  /** The app itself, for a request read here and answered there. */
  fetch(request: Request, env: { outgoing: ServerResponse }): Response | Promise<Response>;
}

/** The headers that carry a result's basis: rule set and rubric (id, edition, hash), version. */
export function stampHeaders(basis: Basis): Record<string, string> {
  const { ruleSet, rubric, version } = basis;
  return {
    'X-Inovasi-Rule-Set': `${ruleSet.id}; edition=${ruleSet.edition}; ${ruleSet.hash}`,
    'X-Inovasi-Rubric': `${rubric.id}; edition=${rubric.edition}; ${rubric.hash}`,
    'X-Inovasi-Version': version,
  };
}

/** A plain JSON body: the type, with no parameter but UTF-8. */
const PLAIN_JSON = /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i;

/**
 * The query's names the route reads, each with the values it takes as they are (any other value
 * is the app's to refuse), or `undefined` for any text (a rule set's id).
 */
const QUERY = new Map<string, readonly string[] | undefined>([
  ['explain', ['true', 'false']],
  ['detail', ['full', 'summary']],
  ['locale', ['id', 'en']],
  ['ruleSet', undefined],
  ['rubric', undefined],
]);

/** What a plain request asks. */
interface Asked {
  /** The options of the evaluation, as the app's route makes them. */
  options: EvaluateOptions;
  /** The encoding the answer is compressed in, when the client accepts one. */
  encoding: 'br' | 'gzip' | undefined;
  /** The language of the answer and of its problems. */
  locale: Locale;
  /** `?detail=summary`: the summary, not the whole evaluation. */
  summary: boolean;
}

/**
 * What a request asks, when it is one the route takes: `POST /evaluate`, a JSON body of known
 * length within the limit, a query of known names, each once, in plain characters, with values
 * the app accepts. Else `undefined`.
 */
function plainAsk(req: IncomingMessage, of: FastRouteOf): Asked | undefined {
  if (req.method !== 'POST') return undefined;
  const url = req.url ?? '';
  const mark = url.indexOf('?');
  if ((mark < 0 ? url : url.slice(0, mark)) !== '/evaluate') return undefined;
  const { headers } = req;
  const length = headers['content-length'];
  // Node's parser refuses a length that is not digits, and a length beside chunked encoding.
  if (
    length === undefined ||
    headers['content-encoding'] !== undefined ||
    Number(length) > of.bodyLimit ||
    !PLAIN_JSON.test(headers['content-type'] ?? '')
  ) {
    return undefined;
  }
  const query = new Map<string, string>();
  if (mark >= 0) {
    for (const pair of url.slice(mark + 1).split('&')) {
      const [name = '', value, ...more] = pair.split('=');
      // Escapes, `+`, repeats and names the route does not know: the app reads those.
      if (value === undefined || more.length > 0 || /[%+]/.test(pair) || query.has(name)) {
        return undefined;
      }
      if (!QUERY.has(name)) return undefined;
      if (!(QUERY.get(name)?.includes(value) ?? true)) return undefined;
      query.set(name, value);
    }
  }
  const locale =
    (query.get('locale') as Locale | undefined) ?? acceptedLocale(headers['accept-language']);
  const explain = query.get('explain');
  const ruleSet = query.get('ruleSet');
  const rubric = query.get('rubric');
  return {
    locale,
    encoding: chosenEncoding(headers['accept-encoding']),
    summary: query.get('detail') === 'summary',
    options: {
      locale,
      ...(explain !== undefined ? { explain: explain === 'true' } : {}),
      ...(ruleSet !== undefined ? { ruleSet } : {}),
      ...(rubric !== undefined ? { rubric } : {}),
    },
  };
}

/**
 * The fast route of an app (see the module's comment): `false` for every request it leaves to
 * the app, which then reads it as if this route did not exist.
 */
export function fastRoute(of: FastRouteOf): FastRoute {
  // The body's bounds, made once per language of their problems.
  const boundsIn = { id: bounds(of, 'id'), en: bounds(of, 'en') };
  return (req, res) => {
    let asked: Asked | undefined;
    try {
      asked = plainAsk(req, of);
    } catch {
      // Whatever the route cannot read, the app reads (and answers): a request never ends here.
      return false;
    }
    if (!asked) return false;
    const release = of.enter(false);
    if (!release) return false;
    res.once('close', release);
    void answer(req, res, asked, of, boundsIn[asked.locale], release).catch(() => res.destroy());
    return true;
  };
}

/** Reads the body, evaluates and answers, or hands the request to the app. */
async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  asked: Asked,
  of: FastRouteOf,
  limits: BodyBounds,
  release: () => void,
): Promise<void> {
  const start = performance.now();
  let bytes: Buffer;
  try {
    bytes = await wholeBody(req, limits);
  } catch (error) {
    const given = (error as { problem?: ReturnType<typeof problem> }).problem;
    // A client gone mid-body has no one to answer; its line is logged as the app logs it (500).
    if (!given) {
      res.destroy();
      return logged(of, 500, start);
    }
    // A body that stopped coming: answered, and its connection closed (the rest is unread).
    const text = JSON.stringify(given);
    res.writeHead(given.status, {
      'Content-Type': 'application/problem+json; charset=utf-8',
      ...everyAnswers(of, req),
      Connection: 'close',
      'Content-Length': String(Buffer.byteLength(text)),
    });
    // `Connection: close`: Node ends the connection after this answer.
    res.end(text);
    return logged(of, given.status, start);
  }
  let result: Evaluation;
  try {
    // An array, like any body that is not a record, is refused by evaluate() and worded by the app.
    result = await of
      .engine()
      .evaluate(jsonOfText(UTF8.decode(bytes), asked.locale), asked.options);
  } catch {
    // Not a 200: the app answers, with the body already read, in the place this route held.
    release();
    return handOver(req, res, bytes, of);
  }
  const body = JSON.stringify(asked.summary ? summarizeEvaluation(result) : result);
  const headers = of.origins
    ? { ...answerHeaders(result.basis), ...everyAnswers(of, req) }
    : answerHeaders(result.basis);
  const encoding = asked.encoding;
  const plain = encoding ? Buffer.from(body) : undefined;
  if (encoding && plain && plain.byteLength >= MIN_BYTES) {
    const out = await packed(plain, encoding);
    res.writeHead(200, {
      ...headers,
      'Content-Encoding': encoding,
      'Content-Length': String(out.byteLength),
    });
    res.end(out);
  } else {
    // Its length is left to Node (chunked on HTTP/1.1): measuring a 15 kB text's UTF-8 length
    // first cost a twentieth of the route.
    res.writeHead(200, headers);
    res.end(plain ?? body);
  }
  logged(of, 200, start);
}

/**
 * The headers of a 200 with its basis (all but CORS's), made once per basis: a result's basis is
 * its evaluator's, shared and frozen. Made anew for each answer, they cost about 3 % of the
 * route's time under load.
 */
function answerHeaders(basis: Basis): Readonly<Record<string, string>> {
  let headers = HEADERS.get(basis);
  if (!headers) {
    headers = Object.freeze({
      'Content-Type': 'application/json',
      ...stampHeaders(basis),
      Vary: 'Accept-Encoding',
    });
    HEADERS.set(basis, headers);
  }
  return headers;
}

const HEADERS = new WeakMap<Basis, Readonly<Record<string, string>>>();

/** The headers every answer of the app carries: what it varies by, and CORS's. */
function everyAnswers(of: FastRouteOf, req: IncomingMessage): Record<string, string> {
  return of.origins
    ? { ...corsHeaders(of.origins, req.headers.origin), Vary: 'Accept-Encoding, Origin' }
    : { Vary: 'Accept-Encoding' };
}

/** The body's bounds: its length was checked before; the wait for its next bytes is the app's. */
function bounds(of: FastRouteOf, locale: Locale): BodyBounds {
  const refuse = (status: number, code: string, detail: string) =>
    problemError(status, code, detail, locale);
  return {
    bytes: of.bodyLimit,
    idleMs: of.idleMs,
    tooLarge: () => refuse(413, 'E_TOO_LARGE', say(locale, 'tooLarge', { limit: of.bodyLimit })),
    idle: () => refuse(408, 'E_BODY_TIMEOUT', say(locale, 'bodyIdle', { ms: of.idleMs })),
  };
}

/** The request, its body already read, answered by the app (which logs it itself). */
async function handOver(
  req: IncomingMessage,
  res: ServerResponse,
  bytes: Buffer,
  of: FastRouteOf,
): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  // The route read only `/evaluate` and its query: the host the client named plays no part.
  const request = new Request(`http://127.0.0.1${req.url ?? '/evaluate'}`, {
    method: 'POST',
    headers,
    body: new Uint8Array(bytes),
  });
  const response = await of.fetch(request, { outgoing: res });
  const out = Buffer.from(await response.arrayBuffer());
  const sent: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    sent[name] = value;
  });
  res.writeHead(response.status, { ...sent, 'content-length': String(out.byteLength) });
  res.end(out);
}

/** Logs a request the route answered. */
function logged(of: FastRouteOf, status: number, start: number): void {
  of.log?.(logEntry('POST', '/evaluate', status, start));
}
