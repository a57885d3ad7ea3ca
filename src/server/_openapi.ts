import { type OpenAPIHono, z } from '@hono/zod-openapi';
import innovationSchema from '../../schema/innovation.schema.json' with { type: 'json' };
import regionSchema from '../../schema/region.schema.json' with { type: 'json' };

/**
 * The OpenAPI 3.1 description of the HTTP API, and a plain HTML page of it at `/docs` that needs
 * no script from a CDN (the servers regions run are often offline). The record and the region
 * are described by the JSON Schemas that `npm run schema` generates from the zod schemas the
 * library validates with (a test keeps them current), so the API cannot describe another shape.
 */

type JsonSchema = Record<string, unknown>;
const component = ({ $schema: _, ...schema }: JsonSchema) => schema;

const IssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
});

const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().openapi({ example: 'E_INVALID_RECORD' }),
    issues: z.array(IssueSchema),
  })
  .openapi('Problem');

const EvaluationSchema = z
  .looseObject({
    id: z.union([z.string(), z.number()]).optional(),
    nama: z.string(),
    ruleSet: z.object({ id: z.string(), edition: z.string() }),
    locale: z.enum(['id', 'en']),
    verdict: z.enum(['eligible', 'not_eligible', 'incomplete']),
    criteria: z.array(
      z.looseObject({ id: z.string(), status: z.enum(['pass', 'fail', 'unknown']) }),
    ),
    missingFields: z.array(z.string()),
    score: z.looseObject({ claimed: z.number(), proven: z.number() }),
  })
  .openapi('Evaluation', {
    description: 'The evaluation of one record: as `evaluate()` returns it.',
  });

const query = z.object({
  locale: z
    .enum(['id', 'en'])
    .optional()
    .openapi({ description: 'Language; else Accept-Language, else id' }),
  ruleSet: z.string().optional().openapi({
    description:
      "Eligibility rule set id. Default: decided per record, the rule set of the record's region (its pemda, e.g. perwali-batu-36-2022 for Kota Batu), else pp-38-2017; the answer's basis says which and why",
  }),
  rubric: z.string().optional().openapi({
    description:
      "IGA rubric id. Default: decided per record, the edition of the record's tahun (a 2024 record: iga-2023), else the latest (iga-2026); the answer's basis says which",
  }),
});

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const jsonRef = (schema: { $ref: string }, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const PROBLEMS: Record<number, string> = {
  400: 'the body is not JSON (E_INVALID_JSON), or an option is wrong (E_INVALID_OPTION)',
  404: 'no rule set with that id (E_UNKNOWN_RULE_SET)',
  413: 'the body is over the limit (E_TOO_LARGE); a batch over it is sent as NDJSON',
  415: 'the body is a form post, not JSON (E_UNSUPPORTED_MEDIA_TYPE)',
  408: 'the body stopped arriving for the body idle timeout (E_BODY_TIMEOUT); the connection is closed',
  422: 'the record is not valid (E_INVALID_RECORD), every problem in issues[]',
  503: 'the server is at its limit of requests in flight (E_BUSY, with Retry-After), or the request ran past its time limit (E_TIMEOUT)',
};
const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: PROBLEMS[s] ?? 'a problem',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  );

/** Registers every route of the app in its OpenAPI registry. */
export function describeRoutes(app: OpenAPIHono): void {
  const r = app.openAPIRegistry;
  r.registerComponent('schemas', 'Innovation', component(innovationSchema as JsonSchema));
  r.registerComponent('schemas', 'Region', component(regionSchema as JsonSchema));
  // Every operation states its security: none (the API is open; put it behind your own gateway).
  const register = (route: Parameters<typeof r.registerPath>[0]) =>
    r.registerPath({ security: [], ...route });
  const innovation = { $ref: '#/components/schemas/Innovation' };
  const region = { $ref: '#/components/schemas/Region' };
  register({
    method: 'post',
    path: '/evaluate',
    summary: 'Evaluate one innovation record: verdict, criteria with reasons, IGA score',
    request: { query, body: jsonRef(innovation, 'an innovation record') },
    responses: {
      200: json(EvaluationSchema, 'the evaluation'),
      ...problems(400, 404, 408, 413, 415, 422, 503),
    },
  });
  register({
    method: 'post',
    path: '/evaluate/batch',
    summary:
      'Evaluate many records: a JSON array, or NDJSON (application/x-ndjson), streamed back as NDJSON',
    request: {
      query,
      body: {
        content: {
          'application/json': { schema: { type: 'array', items: innovation } },
          'application/x-ndjson': {
            schema: z.string().openapi({ description: 'one record per line' }),
          },
        },
      },
    },
    responses: {
      200: {
        description:
          'one line per record: { index, line?, ok: true, evaluation } or { index, line?, ok: false, error: { code, issues } }',
        content: { 'application/x-ndjson': { schema: z.string() } },
      },
      ...problems(400, 404, 408, 413, 422, 503),
    },
  });
  register({
    method: 'post',
    path: '/region',
    summary: 'The Indeks Inovasi Daerah of a region: IID, band, parts and each innovation',
    request: {
      query,
      body: jsonRef(region, 'a region record { pemda, tahun, spd, inovasi }'),
    },
    responses: {
      200: json(z.looseObject({ iid: z.number(), band: z.string() }), 'the region evaluation'),
      ...problems(400, 404, 408, 413, 422, 503),
    },
  });
  register({
    method: 'post',
    path: '/region/plan',
    summary:
      'The cheapest steps that take a region to a target band (default: the next), each with its exact IID gain',
    request: {
      query: query.extend({
        target: z.enum(['sangat_inovatif', 'inovatif', 'kurang_inovatif']).optional(),
        maxSteps: z.string().regex(/^\d+$/).optional(),
      }),
      body: jsonRef(region, 'a region record { pemda, tahun, spd, inovasi }'),
    },
    responses: {
      200: json(
        z.looseObject({
          iid: z.number(),
          band: z.string(),
          reaches: z.boolean(),
          steps: z.array(
            z.looseObject({ kind: z.string(), gain: z.number(), iidAfter: z.number() }),
          ),
        }),
        'the plan, and the region with every step applied',
      ),
      ...problems(400, 404, 408, 413, 422, 503),
    },
  });
  register({
    method: 'post',
    path: '/submission',
    summary:
      'What IGA verifiers would reject in one innovation, with the fields and the points at risk',
    request: {
      query: query.extend({ asOf: z.string().optional() }),
      body: jsonRef(innovation, 'an innovation record'),
    },
    responses: {
      200: json(
        z.looseObject({
          ready: z.boolean(),
          problems: z.array(
            z.looseObject({ code: z.string(), status: z.string(), fields: z.array(z.string()) }),
          ),
        }),
        'ready or not, every problem, and the points at risk',
      ),
      ...problems(400, 404, 408, 413, 422, 503),
    },
  });
  register({
    method: 'post',
    path: '/form/validate',
    summary: 'Validate a form: the form schema’s issues, by field',
    request: {
      query: query.extend({ requireComplete: z.enum(['true', 'false']).optional() }),
      body: jsonRef(innovation, 'a draft record'),
    },
    responses: {
      200: json(
        z.object({
          valid: z.boolean(),
          issues: z.array(IssueSchema),
          fields: z.record(z.string(), z.array(z.string())),
        }),
        'valid, every issue, and the messages under each field',
      ),
      ...problems(400, 408, 413, 422, 503),
    },
  });
  register({
    method: 'get',
    path: '/rule-sets',
    summary: 'The rule sets loaded: shipped and the region’s own',
    responses: {
      200: json(
        z.array(z.looseObject({ id: z.string(), kind: z.string() })),
        'one summary per rule set',
      ),
    },
  });
  register({
    method: 'get',
    path: '/rule-sets/{id}',
    summary: 'One rule set, with its criteria, legal basis and stated assumptions',
    request: { params: z.object({ id: z.string() }) },
    responses: {
      200: json(z.looseObject({ id: z.string(), kind: z.string() }), 'the rule set'),
      ...problems(404, 503),
    },
  });
  register({
    method: 'get',
    path: '/schema/innovation',
    summary: 'The JSON Schema of the innovation record',
    responses: { 200: json(z.looseObject({}), 'a JSON Schema') },
  });
  register({
    method: 'get',
    path: '/health',
    summary: 'Liveness: status, version and the number of rule sets',
    responses: {
      200: json(
        z.object({ status: z.literal('ok'), version: z.string(), ruleSets: z.number() }),
        'ok',
      ),
    },
  });
  register({
    method: 'get',
    path: '/openapi.json',
    summary: 'This OpenAPI document',
    responses: { 200: json(z.looseObject({}), 'OpenAPI 3.1') },
  });
  register({
    method: 'get',
    path: '/docs',
    summary: 'This API as a page',
    responses: { 200: { description: 'HTML', content: { 'text/html': { schema: z.string() } } } },
  });
}

const escapeHtml = (text: unknown) =>
  String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** A self-contained HTML page of the OpenAPI document: every route, its query, body and answers. */
export function docsPage(document: {
  info: { title: string; version: string; description?: string };
  paths?: Record<
    string,
    Record<
      string,
      {
        summary?: string;
        parameters?: { name: string; in: string; description?: string }[];
        responses?: Record<string, { description?: string }>;
      }
    >
  >;
}): string {
  const routes = Object.entries(document.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const params = (op.parameters ?? [])
        .map(
          (p) =>
            `<li><code>${escapeHtml(p.name)}</code> (${escapeHtml(p.in)}) ${escapeHtml(p.description)}</li>`,
        )
        .join('');
      const answers = Object.entries(op.responses ?? {})
        .map(
          ([status, r]) =>
            `<li><code>${escapeHtml(status)}</code> ${escapeHtml(r.description)}</li>`,
        )
        .join('');
      return `<section><h2><span class="m">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h2><p>${escapeHtml(op.summary)}</p>${params ? `<h3>Parameters</h3><ul>${params}</ul>` : ''}<h3>Responses</h3><ul>${answers}</ul></section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(document.info.title)} API</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:0 auto;padding:1rem;color:#1a1a1a}h1{font-size:1.6rem}h2{font-size:1.1rem;margin:1.5rem 0 .25rem;overflow-wrap:anywhere}h3{font-size:.95rem;margin:.5rem 0 0}.m{display:inline-block;min-width:3.5rem;padding:0 .4rem;border-radius:4px;background:#0b5394;color:#fff;font-size:.85rem;text-align:center}section{border-top:1px solid #ddd;padding-bottom:.5rem}code{background:#f3f3f3;padding:0 .2rem;border-radius:3px}</style></head><body><h1>${escapeHtml(document.info.title)} ${escapeHtml(document.info.version)}</h1><p>${escapeHtml(document.info.description)}</p><p>The machine-readable description: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>${routes.join('')}</body></html>`;
}
