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

const TITLES: Record<number, string> = {
  400: 'Bad request',
  404: 'Not found',
  405: 'Method not allowed',
  413: 'Request body too large',
  408: 'Request timeout',
  415: 'Unsupported media type',
  431: 'Request header fields too large',
  422: 'Unprocessable content',
  500: 'Internal error',
  503: 'Request timed out',
};

/** Builds a problem. */
export function problem(
  status: number,
  code: string,
  detail: string,
  issues: readonly Issue[] = [],
): Problem {
  return {
    type: `urn:inovasi-rules:${code.toLowerCase().replace(/^e_/, '').replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    issues: [...issues],
  };
}

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
  const detail =
    status === 431
      ? 'the request headers are larger than the server accepts'
      : status === 408
        ? 'the request was not sent in time'
        : `the request is not valid HTTP (${error.code ?? 'parse error'})`;
  const body = JSON.stringify(problem(status, status === 408 ? 'E_TIMEOUT' : 'E_HTTP', detail));
  return [
    `HTTP/1.1 ${status} ${TITLES[status]}`,
    'Content-Type: application/problem+json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** The problem for any error a handler throws; an unknown one is a 500 with no detail. */
export function problemOf(error: unknown): Problem {
  if (error instanceof InvalidRecordError) {
    return problem(422, error.code, 'the record is not valid', error.issues);
  }
  if (error instanceof InvalidOptionError) {
    return problem(400, error.code, 'an option is not valid', error.issues);
  }
  if (error instanceof UnknownRuleSetError) {
    return problem(404, error.code, error.message, [
      { path: [], code: 'unknown_rule_set', message: error.message },
    ]);
  }
  if (error instanceof InputFileError || error instanceof InvalidRuleSetError) {
    return problem(422, error.code, error.message, error.issues);
  }
  if (error instanceof HTTPException) {
    const status = error.status === 504 ? 503 : error.status;
    const code = status === 503 ? 'E_TIMEOUT' : status === 413 ? 'E_TOO_LARGE' : 'E_HTTP';
    return problem(status, code, error.message || (TITLES[status] ?? 'error'));
  }
  if (error instanceof InovasiRulesError) return problem(500, error.code, 'internal error');
  return problem(500, 'E_INTERNAL', 'internal error');
}
