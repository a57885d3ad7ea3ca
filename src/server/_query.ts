import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { InvalidOptionError, type Issue } from '../index.js';
import { suggest } from '../messages.js';
import { say } from './_problem.js';
import { problemLocale } from './_request.js';

/**
 * The query of each route that takes one, held to what the OpenAPI document says it takes: a
 * name the route does not take, or a name given twice, is a 400 that names it. Without this, a
 * misspelt `?explian=true` or a second `?ruleSet=` is dropped in silence, and the answer is
 * under other options than the caller meant. The document is the one list: a query the code
 * reads and the document leaves out is refused, so the two cannot drift apart.
 *
 * Routes whose document states no query (the GET routes) are left as they are: a cache-busting
 * `?_=1700000000` on `/health` or `/openapi.json` harms nothing.
 */
export function queryGuard(app: OpenAPIHono): MiddlewareHandler {
  let routes: readonly DocumentedQuery[] | undefined;
  return async (c, next) => {
    // Read on the first request: the routes are described after the middleware is added.
    routes ??= documentedQueries(app);
    const route = routes.find((r) => r.method === c.req.method && r.path === c.req.path);
    if (route) {
      const issues = queryIssues(c, route.names);
      if (issues.length > 0) throw new InvalidOptionError(issues);
    }
    return next();
  };
}

/** One documented route and the query names it takes. */
interface DocumentedQuery {
  /** The method, upper case. */
  method: string;
  /** The path (the routes that take a query have no path parameters). */
  path: string;
  /** The query names, in the document's order. */
  names: readonly string[];
}

/** The routes of the app's OpenAPI registry that state a query, with its names. */
function documentedQueries(app: OpenAPIHono): DocumentedQuery[] {
  const routes: DocumentedQuery[] = [];
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue;
    const query = definition.route.request?.query as { shape?: object } | undefined;
    if (!query?.shape) continue;
    routes.push({
      method: definition.route.method.toUpperCase(),
      path: definition.route.path,
      names: Object.keys(query.shape),
    });
  }
  return routes;
}

/** The longest name shown as it is in a message; longer ones are cut. */
const SHOWN = 60;

/** Most names a refusal lists one by one; the rest are counted. */
const MOST = 10;

/** A problem for each query name the route does not take and each one given more than once. */
function queryIssues(c: Context, names: readonly string[]): Issue[] {
  const given = new URL(c.req.url).searchParams;
  const counts = new Map<string, number>();
  for (const name of given.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const locale = problemLocale(c);
  const issues: Issue[] = [];
  for (const [name, count] of counts) {
    const shown = name.length > SHOWN ? `${name.slice(0, SHOWN - 1)}…` : name;
    if (!names.includes(name)) {
      const near = suggest(name, names);
      issues.push({
        path: [name],
        code: 'unrecognized_keys',
        message: say(locale, 'queryUnknown', {
          name: shown,
          near: near === undefined ? '' : say(locale, 'queryNear', { name: near }),
          names: names.join(', '),
        }),
        ...(near === undefined ? {} : { suggestion: near }),
      });
    } else if (count > 1) {
      issues.push({
        path: [name],
        code: 'invalid_type',
        message: say(locale, 'queryRepeated', { name, count }),
      });
    }
  }
  if (issues.length <= MOST) return issues;
  return [
    ...issues.slice(0, MOST),
    {
      path: [],
      code: 'unrecognized_keys',
      message: say(locale, 'queryMore', { count: issues.length - MOST }),
    },
  ];
}
