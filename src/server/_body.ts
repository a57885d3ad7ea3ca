/**
 * A request's body, read within its bounds (bytes, and the longest wait for the next ones): whole
 * for a JSON body, decoded strictly and parsed, or chunk by chunk for a streamed batch. Each
 * refusal is a problem (400, 408, 413, 415) that closes the connection when the rest is unread.
 */
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { Locale } from '../messages.js';
import { FORM_TYPES } from './_form-body.js';
import { problem, say, sendProblem } from './_problem.js';
import { problemLocale } from './_request.js';

/**
 * Refuses a POST body sent with a content coding (`Content-Encoding: gzip`, `br`): a 415 that
 * says to send it plain, with `Accept-Encoding: identity` (RFC 9110 §15.5.16). Never are its
 * compressed bytes read as the body, nor a plain body labelled compressed taken as it is.
 */
export const refuseCodedBodies: MiddlewareHandler = async (c, next) => {
  const coding = c.req.header('content-encoding')?.trim();
  if (c.req.method !== 'POST' || !coding || coding.toLowerCase() === 'identity') return next();
  const locale = problemLocale(c);
  c.header('Accept-Encoding', 'identity');
  c.header('Connection', 'close');
  const detail = say(locale, 'contentEncoding', { coding });
  return sendProblem(c, problem(415, 'E_UNSUPPORTED_MEDIA_TYPE', detail, [], locale));
};

/**
 * The request body as JSON; a body that is not JSON is a 400 problem. With `limit`, a body over
 * that many bytes is a 413 problem that points at NDJSON (for a batch sent as a JSON array).
 */
export async function jsonBody(c: Context, limit?: number): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  // The body is read even when refused, so the connection stays usable for the next request.
  const locale = problemLocale(c);
  let text: string;
  try {
    text = await cappedText(c, limit);
  } catch (error) {
    // Bytes that are not UTF-8 are not JSON (never read as U+FFFD in their place).
    if (error instanceof TypeError) {
      c.header('Connection', 'close');
      throw invalidJson(locale, say(locale, 'notUtf8'));
    }
    throw error;
  }
  if (FORM_TYPES.test(type)) {
    throw Object.assign(new Error(), {
      problem: problem(
        415,
        'E_UNSUPPORTED_MEDIA_TYPE',
        say(problemLocale(c), 'sendJson'),
        [],
        problemLocale(c),
      ),
    });
  }
  return jsonOfText(text, locale);
}

/**
 * A body's text as JSON: one byte order mark is dropped; a second, a text `JSON.parse` refuses,
 * a number past the largest double or a lone surrogate is a 400 problem (thrown), in `locale`.
 */
export function jsonOfText(given: string, locale: Locale): unknown {
  // One byte order mark is allowed (and dropped); another is not JSON.
  const text = given.charCodeAt(0) === 0xfeff ? given.slice(1) : given;
  if (text.charCodeAt(0) === 0xfeff) throw invalidJson(locale, say(locale, 'byteOrderMark'));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw Object.assign(new Error(), { problem: notJson(error, locale) });
  }
  // JSON's grammar lets through what no record holds: a number past the largest double (it
  // reads as Infinity) and an escaped lone surrogate. Every route refuses them alike.
  // Only a text that could hold one is walked: a surrogate can only come escaped (\uD800: raw
  // ones are not UTF-8), and a number past the largest double (1.8e308) needs a run of 100
  // digits or an exponent of two digits or more (99 digits and e9 stay below 1e109), which in
  // JSON's grammar follows a digit.
  const bad = MAYBE_UNREADABLE.test(text) ? unreadable(value) : undefined;
  if (bad) {
    const what = say(locale, bad.what === 'surrogate' ? 'loneSurrogate' : 'numberOutOfRange');
    throw invalidJson(locale, say(locale, 'atPath', { path: bad.path || '(root)', what }));
  }
  return value;
}

/** The 400 problem (thrown) of a body that is not JSON, saying `where`. */
function invalidJson(locale: Locale, where: string): Error {
  return Object.assign(new Error(), {
    problem: problem(400, 'E_INVALID_JSON', say(locale, 'notJson', { where }), [], locale),
  });
}

/** What a JSON text holds when it may hold a lone surrogate or a number out of range. */
const MAYBE_UNREADABLE = /\d(?:[eE][+-]?\d\d|\d{99})|\\u[dD][89a-fA-F]/;

/** A UTF-16 surrogate without its pair. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first value of a parsed body that JSON allows and no record can hold: a number that is
 * not finite, or a text (or key) that is not well-formed UTF-16. Walked without recursion, so a
 * deeply nested body cannot overflow the stack.
 */
function unreadable(value: unknown): { path: string; what: 'surrogate' | 'number' } | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop() as [unknown, string];
    if (typeof v === 'number' && !Number.isFinite(v)) return { path, what: 'number' };
    if (typeof v === 'string' && LONE_SURROGATE.test(v)) return { path, what: 'surrogate' };
    if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k;
        if (LONE_SURROGATE.test(k)) return { path: at, what: 'surrogate' };
        stack.push([child, at]);
      }
    }
  }
  return undefined;
}

/** The problem of a body JSON.parse refused, naming the position where it stopped. */
function notJson(error: unknown, locale: Locale) {
  const position = /position (\d+)/.exec((error as Error).message)?.[1];
  const where = position !== undefined ? say(locale, 'atPosition', { position }) : '';
  return problem(400, 'E_INVALID_JSON', say(locale, 'notJson', { where }), [], locale);
}

/** Strict UTF-8: bytes that are not UTF-8 throw a TypeError (a byte order mark is kept). */
export const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The body as text, decoded strictly (bytes that are not UTF-8 throw a TypeError; a byte order
 * mark is kept for the caller to judge). With `limit`, a body past it is refused with the
 * problem that points a batch at NDJSON; without, the app's body limit holds.
 */
async function cappedText(c: Context, limit?: number): Promise<string> {
  const incoming = nodeRequest(c);
  if (incoming) return UTF8.decode(await wholeBody(incoming, bodyBounds(c, limit)));
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let text = '';
  for await (const chunk of bodyChunks(c, limit)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/** Per request, why its body was refused (a reader in between may have worded it its own way). */
export const BODY_FAILED = new WeakMap<Context, Error>();

/** Per request, the app's bounds on its body: bytes, and the longest wait for the next ones. */
export const BODY = new WeakMap<Context, { bytes: number; idleMs: number }>();

/** The bounds of one request's body, and the problems that refuse it. */
export interface BodyBounds {
  /** Most bytes. */
  bytes: number;
  /** Longest wait for the next bytes, in milliseconds. */
  idleMs: number;
  /** The 413 problem (past `bytes`). */
  tooLarge(): Error;
  /** The 408 problem (nothing for `idleMs`). */
  idle(): Error;
}

/**
 * A request body's bounds: `limit` bytes, else the app's; the app's `bodyIdleTimeout`. Either
 * refusal closes the connection after the answer (the rest of the body is not read).
 */
function bodyBounds(c: Context, limit?: number): BodyBounds {
  const { bytes: appBytes, idleMs } = BODY.get(c) ?? {
    bytes: Number.POSITIVE_INFINITY,
    idleMs: 10_000,
  };
  const bytes = limit ?? appBytes;
  const refuse = (status: number, code: string, detail: (locale: Locale) => string) => {
    try {
      c.header('Connection', 'close');
    } catch {
      // The answer has begun (a streamed batch): its connection is closed when it ends.
    }
    const locale = problemLocale(c);
    const error = Object.assign(new Error(), {
      problem: problem(status, code, detail(locale), [], locale),
    });
    // A reader in between (the NDJSON reader) words its own error: the body's is kept here.
    BODY_FAILED.set(c, error);
    return error;
  };
  return {
    bytes,
    idleMs,
    tooLarge: () =>
      refuse(413, 'E_TOO_LARGE', (locale) =>
        say(locale, limit === undefined ? 'tooLarge' : 'batchTooLarge', { limit: bytes }),
      ),
    idle: () => refuse(408, 'E_BODY_TIMEOUT', (locale) => say(locale, 'bodyIdle', { ms: idleMs })),
  };
}

/** On Node (`@hono/node-server`), the request's own stream; elsewhere none. */
function nodeRequest(c: Context): IncomingMessage | undefined {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
}

/**
 * A Node request's whole body, within its bounds: read from the request's own events with one
 * idle timer (not an async iterator and a timer per chunk, nor the web `Request`'s stream: for
 * a small JSON body those cost as much as the rest of the HTTP layer). Read once per request: a
 * second read would wait out the idle bound.
 */
export function wholeBody(incoming: IncomingMessage, bounds: BodyBounds): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    let done = false;
    // The listeners stay on the request once it is read (nothing reads it again): `done` makes
    // them do nothing, and the error listener keeps a late "aborted" from being an unhandled error.
    const fail = (error: Error) => {
      done = true;
      clearTimeout(timer);
      incoming.pause();
      reject(error);
    };
    const timer = setTimeout(() => fail(bounds.idle()), bounds.idleMs);
    incoming.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.byteLength;
      if (size > bounds.bytes) return fail(bounds.tooLarge());
      parts.push(chunk);
      timer.refresh();
    });
    incoming.on('end', () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      // A body that came in one piece is that piece, not a copy of it.
      resolve(parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, size));
    });
    // A client that goes away mid-body: Node's request emits an error ("aborted").
    incoming.on('error', fail);
  });
}

/**
 * A request body's chunks as they come, never buffered whole: refused with a 413 problem past
 * its byte limit (`limit`, else the app's), and with a 408 problem when no byte comes for the
 * app's `bodyIdleTimeout`; either way the connection is closed after the answer.
 */
export async function* bodyChunks(c: Context, limit?: number): AsyncGenerator<Uint8Array> {
  const bounds = bodyBounds(c, limit);
  if (Number(c.req.header('content-length') ?? Number.NaN) > bounds.bytes) {
    throw bounds.tooLarge();
  }
  // On Node, the request's own stream: reading the web Request's body would first build it
  // (an undici Request, its AbortSignal and a ReadableStream), a fifth of a small request's cost.
  const body = nodeRequest(c) ?? c.req.raw.body;
  if (!body) return;
  const chunks = (body as unknown as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  let size = 0;
  for (;;) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const idle = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(bounds.idle()), bounds.idleMs);
    });
    let next: IteratorResult<Uint8Array>;
    try {
      next = await Promise.race([chunks.next(), idle]);
    } finally {
      clearTimeout(timer);
    }
    if (next.done) return;
    size += next.value.byteLength;
    if (size > bounds.bytes) throw bounds.tooLarge();
    yield next.value;
  }
}
