/**
 * CORS for the origins an app is given: an allowed origin is named back in
 * `Access-Control-Allow-Origin`, every answer says it varies by `Origin`, and a preflight
 * (`OPTIONS`) is answered 204 with the methods and headers a browser may use.
 *
 * Hono's own `cors` middleware appends `Vary: Origin` after the route has made its answer, which
 * builds the answer again from its body's stream: with CORS on, every request cost twice the
 * server time (docs/benchmarks.md). Here every header is set before the answer is made, and the
 * fast route of `POST /evaluate` sets the same ones ({@link corsHeaders}).
 */
import type { Context, Next } from 'hono';

/** The methods a browser may use, answered to a preflight. */
const METHODS = 'GET,POST,OPTIONS';

/** The CORS headers of an answer to a request from `origin` (the `Origin` header, if any). */
export function corsHeaders(
  origins: readonly string[],
  origin: string | undefined,
): Record<string, string> {
  return origin !== undefined && origins.includes(origin)
    ? { 'Access-Control-Allow-Origin': origin }
    : {};
}

/** The middleware of an app that allows `origins`. */
export function corsAnswers(origins: readonly string[]) {
  return async (c: Context, next: Next): Promise<Response | undefined> => {
    for (const [name, value] of Object.entries(corsHeaders(origins, c.req.header('origin')))) {
      c.header(name, value);
    }
    c.header('Vary', 'Origin', { append: true });
    if (c.req.method !== 'OPTIONS') {
      await next();
      return undefined;
    }
    c.header('Access-Control-Allow-Methods', METHODS);
    const asked = c.req.header('access-control-request-headers');
    if (asked) {
      const named = asked
        .split(',')
        .map((name) => name.trim())
        .join(',');
      c.header('Access-Control-Allow-Headers', named);
      c.header('Vary', 'Access-Control-Request-Headers', { append: true });
    }
    return c.body(null, 204);
  };
}
