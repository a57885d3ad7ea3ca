import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  InovasiRulesError,
  InputFileError,
  InvalidOptionError,
  InvalidRecordError,
  InvalidRuleSetError,
  type Issue,
  UnknownRuleSetError,
} from '../errors.js';
import { TEXTS } from '../features/texts.js';
import { fill, type Locale, pick } from '../messages.js';

/**
 * Errors as RFC 9457 problem details (`application/problem+json`), with the library's own
 * `code` and `issues[]`, so a PHP or Python client handles them exactly as a JavaScript one
 * handles the error classes. Never a stack trace.
 */

/** An RFC 9457 problem, with the library's code and issues. */
export interface Problem {
  /** A URI naming the kind of problem: here `urn:inovasi-rules:<code>`. */
  type: string;
  /** A short summary of the kind of problem. */
  title: string;
  /** The HTTP status. */
  status: number;
  /** What went wrong in this request. */
  detail: string;
  /** The library's stable error code (`E_INVALID_RECORD`, …). */
  code: string;
  /** Every problem found, each with its path. */
  issues: Issue[];
}

type Titles = typeof TEXTS.server.titles;

/** What the server says, in `locale`: the text of `key` with its `{placeholders}` filled. */
export function say(
  locale: Locale,
  key: keyof typeof TEXTS.server.problems,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return fill(pick(TEXTS.server.problems[key], locale), values);
}

/** A problem's title: the status's name in `locale`. */
function titleOf(status: number, locale: Locale): string {
  const titles: Titles = TEXTS.server.titles;
  return pick(titles[String(status) as keyof Titles] ?? titles.other, locale);
}

/** Builds a problem, its title in `locale` (the detail is given in it). */
export function problem(
  status: number,
  code: string,
  detail: string,
  issues: readonly Issue[] = [],
  locale: Locale = 'id',
): Problem {
  return {
    type: `urn:inovasi-rules:${code.toLowerCase().replace(/^e_/, '').replace(/_/g, '-')}`,
    title: titleOf(status, locale),
    status,
    detail,
    code,
    issues: [...issues],
  };
}

/**
 * An error that carries its problem, for a handler to throw: the app's `onError` answers with
 * the problem as it is (no issues).
 */
export const problemError = (status: number, code: string, detail: string, locale: Locale) =>
  Object.assign(new Error(), { problem: problem(status, code, detail, [], locale) });

/** Sends a problem as `application/problem+json`. */
export function sendProblem(c: Context, p: Problem): Response {
  return c.body(JSON.stringify(p), p.status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json; charset=utf-8',
  });
}

/**
 * The whole HTTP response for a request Node's parser refused before any handler saw it (a
 * header line without a colon, headers over the limit, a request that took too long to send):
 * a problem+json body instead of Node's bare status line, then the connection closes.
 */
export function protocolErrorResponse(error: NodeJS.ErrnoException): string {
  const status =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 431
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 408
        : 400;
  // Sent before any header was read: in the server's own language, Indonesian.
  const detail =
    status === 431
      ? say('id', 'headersTooLarge')
      : status === 408
        ? say('id', 'notInTime')
        : say('id', 'notHttp', { error: error.code ?? 'parse error' });
  const body = JSON.stringify(problem(status, status === 408 ? 'E_TIMEOUT' : 'E_HTTP', detail));
  return [
    // The reason phrase is the status's English name: HTTP/1.1 clients expect it in ASCII.
    `HTTP/1.1 ${status} ${pick(TEXTS.server.titles[String(status) as '400'], 'en')}`,
    'Content-Type: application/problem+json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * The problem for any error a handler throws, in `locale`; an unknown one is a 500 with no
 * detail.
 */
export function problemOf(error: unknown, locale: Locale): Problem {
  if (error instanceof InvalidRecordError) {
    return problem(422, error.code, say(locale, 'invalidRecord'), error.issues, locale);
  }
  if (error instanceof InvalidOptionError) {
    return problem(400, error.code, say(locale, 'invalidOption'), error.issues, locale);
  }
  if (error instanceof UnknownRuleSetError) {
    const detail = error.notHeld
      ? say(locale, 'notHeld', {
          id: error.ruleSetId,
          reason: error.notHeld.reason[locale],
          citation: error.notHeld.citation,
        })
      : say(locale, 'unknownRuleSet', {
          id: error.ruleSetId,
          hint: error.suggestion ? say(locale, 'didYouMean', { suggestion: error.suggestion }) : '',
          known: error.known.join(', '),
        });
    return problem(
      404,
      error.code,
      detail,
      [
        {
          path: [],
          code: 'unknown_rule_set',
          message: detail,
          ...(error.suggestion ? { suggestion: error.suggestion } : {}),
        },
      ],
      locale,
    );
  }
  if (error instanceof InputFileError) {
    return problem(
      422,
      error.code,
      say(locale, 'cannotRead', { file: error.file }),
      error.issues,
      locale,
    );
  }
  if (error instanceof InvalidRuleSetError) {
    return problem(422, error.code, say(locale, 'invalidRuleSet'), error.issues, locale);
  }
  if (error instanceof HTTPException) {
    const status = error.status === 504 ? 503 : error.status;
    const code = status === 503 ? 'E_TIMEOUT' : status === 413 ? 'E_TOO_LARGE' : 'E_HTTP';
    return problem(status, code, error.message || titleOf(status, locale), [], locale);
  }
  if (error instanceof InovasiRulesError) {
    return problem(500, error.code, say(locale, 'internal'), [], locale);
  }
  return problem(500, 'E_INTERNAL', say(locale, 'internal'), [], locale);
}
