import { type OpenAPIHono, z } from '@hono/zod-openapi';
import innovationSchema from '../../schema/innovation.schema.json' with { type: 'json' };
import regionSchema from '../../schema/region.schema.json' with { type: 'json' };
import { escapeHtml } from '../messages.js';

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

const StampEntrySchema = z.object({ id: z.string(), edition: z.string(), hash: z.string() });
const SummarySchema = z
  .looseObject({
    id: z.union([z.string(), z.number()]).optional(),
    nama: z.string(),
    ruleSet: z.object({ id: z.string(), edition: z.string() }),
    verdict: z.enum(['eligible', 'not_eligible', 'incomplete']),
    failing: z.array(
      z.looseObject({
        id: z.string(),
        ref: z.string().optional(),
        citation: z.string(),
        reasons: z.array(
          z.object({ code: z.string(), message: z.string(), fields: z.array(z.string()) }),
        ),
      }),
    ),
    missingFields: z.array(z.string()),
    score: z.looseObject({ claimed: z.number(), proven: z.number(), max: z.number() }),
    stamp: z.object({
      ruleSet: StampEntrySchema,
      rubric: StampEntrySchema,
      version: z.string(),
    }),
  })
  .openapi('EvaluationSummary', {
    description: 'An evaluation cut to its essentials (?detail=summary): summarizeEvaluation().',
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
  explain: z.enum(['true', 'false']).optional().openapi({
    description:
      'true: each evaluation carries its trace (every condition, the fact it read and the value); default false',
  }),
});

/**
 * The record's values as texts, read as a spreadsheet's row is (a form post always is): for the
 * routes that judge one record.
 */
const texts = {
  values: z.enum(['text']).optional().openapi({
    description:
      'text: the JSON body\'s values are texts ("Ya", "12.500", "2024-03-01"), read as a spreadsheet row\'s are; a form post (application/x-www-form-urlencoded, multipart/form-data) is read so without it',
  }),
  numberFormat: z.enum(['id', 'en']).optional().openapi({
    description:
      'How a text such as 12,500 is read: id (comma decimal: 12,5) or en (comma thousands: 12500); without it, a text that reads one way only is taken and 12,500 is an issue',
  }),
};

const OVERLAY_DESCRIPTION =
  'What-if, for this request only: JSON of the rubric parameters to change, e.g. {"divisorFloor":14}, {"bands":{"inovatif":45}}, {"innovationCount":{"pointsEach":0.5}}, {"indicators":{"sdm":{"weight":3,"levels":{"2":20}}}}. Applied to a copy of the rubric (validated as any rubric), never stored; the answer names it in whatIf. At most 4096 characters; unknown keys, bands or indicators and values out of range are 400.';
const withOverlay = query.extend({
  overlay: z.string().optional().openapi({ description: OVERLAY_DESCRIPTION }),
});
const detail = z.enum(['full', 'summary']).optional().openapi({
  description:
    'summary: the verdict, each failing criterion with its failing reasons and citation, the missing fields, the score totals and the stamp (rule set and rubric with their hashes, version), about 1-2 kB instead of 15; default full',
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
  415: 'the body is a form post where JSON is taken, or is compressed (Content-Encoding) (E_UNSUPPORTED_MEDIA_TYPE)',
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

/** The name of each operation, as a generated client's method (`$client->evaluateRegion()`). */
const OPERATION_IDS: Record<string, string> = {
  '/evaluate': 'evaluate',
  '/evaluate/batch': 'evaluateBatch',
  '/region': 'evaluateRegion',
  '/region/compare': 'compareRegion',
  '/region/plan': 'planRegion',
  '/submission': 'checkSubmission',
  '/form/validate': 'validateForm',
  '/rule-sets': 'listRuleSets',
  '/rule-sets/{id}': 'getRuleSet',
  '/schema/innovation': 'getInnovationSchema',
  '/health': 'health',
  '/openapi.json': 'getOpenApi',
  '/openapi-3.0.json': 'getOpenApi30',
  '/docs': 'getDocs',
};

/** Registers every route of the app in its OpenAPI registry. */
export function describeRoutes(app: OpenAPIHono): void {
  const r = app.openAPIRegistry;
  r.registerComponent('schemas', 'Innovation', component(innovationSchema as JsonSchema));
  r.registerComponent('schemas', 'Region', component(regionSchema as JsonSchema));
  // Every operation states its security: none (the API is open; put it behind your own gateway).
  // Every operation has a name, which client generators turn into method names.
  const register = (route: Parameters<typeof r.registerPath>[0]) =>
    r.registerPath({ security: [], operationId: OPERATION_IDS[route.path], ...route });
  const innovation = { $ref: '#/components/schemas/Innovation' };
  const region = { $ref: '#/components/schemas/Region' };
  register({
    method: 'post',
    path: '/evaluate',
    summary: 'Evaluate one innovation record: verdict, criteria with reasons, IGA score',
    request: {
      query: withOverlay.extend({ detail, ...texts }),
      body: jsonRef(innovation, 'an innovation record'),
    },
    responses: {
      200: json(
        z.union([EvaluationSchema, SummarySchema]),
        'the evaluation (with ?detail=summary, its summary); compressed (br, gzip) when accepted',
      ),
      ...problems(400, 404, 408, 413, 415, 422, 503),
    },
  });
  register({
    method: 'post',
    path: '/evaluate/batch',
    summary:
      'Evaluate many records: a JSON array, NDJSON, or a spreadsheet (CSV, xlsx: the body, or a file part of a multipart form), streamed back as NDJSON',
    request: {
      query: query.extend({
        detail,
        sheet: z.string().optional().openapi({
          description: 'xlsx: the sheet to read; default the first whose tab shows',
        }),
        numberFormat: texts.numberFormat,
      }),
      body: {
        content: {
          'application/json': { schema: { type: 'array', items: innovation } },
          'application/x-ndjson': {
            schema: z.string().openapi({ description: 'one record per line' }),
          },
          'text/csv': {
            schema: z.string().openapi({
              description:
                'a sheet saved as CSV (delimiter , ; or tab), headed by field ids, Indonesian labels or the names regional apps export, read as `inovasi-rules evaluate` reads it',
            }),
          },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
            schema: z.string().openapi({ format: 'binary', description: 'an Excel workbook' }),
          },
          'multipart/form-data': {
            schema: z.object({
              file: z.string().openapi({
                format: 'binary',
                description:
                  "the .csv or .xlsx file (the form's first file part, whatever its name)",
              }),
            }),
          },
        },
      },
    },
    responses: {
      200: {
        description:
          "one line per record: { index, line?, ok: true, evaluation, warnings? } or { index, line?, ok: false, error: { code, issues }, warnings? }; a row of a sheet that is no record (a note, a totals row, the sign-off) is { line, skipped: true, warnings }; what the reader says of the whole file (title rows, unmatched or hidden columns) is in the first line's warnings, or in a line { warnings } of its own when no row follows",
        content: { 'application/x-ndjson': { schema: z.string() } },
      },
      ...problems(400, 404, 408, 413, 415, 422, 503),
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
      ...problems(400, 404, 408, 413, 415, 422, 503),
    },
  });
  register({
    method: 'post',
    path: '/region/compare',
    summary:
      'A region under two IGA editions (?a=&b=), or under its edition and a what-if copy (?overlay=): IID and parts of each, what moved and why',
    request: {
      query: withOverlay.extend({
        a: z.string().optional().openapi({ description: 'The first rubric id, e.g. iga-2023' }),
        b: z.string().optional().openapi({ description: 'The second rubric id, e.g. iga-2026' }),
      }),
      body: jsonRef(region, 'a region record { pemda, tahun, spd, inovasi }'),
    },
    responses: {
      200: json(
        z.looseObject({ a: z.looseObject({}), b: z.looseObject({}), delta: z.looseObject({}) }),
        'the comparison; with an overlay, whatIf names it, the rubric it changed and the copy',
      ),
      ...problems(400, 404, 408, 413, 415, 422, 503),
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
        budget: z
          .string()
          .regex(/^\d+(\.\d+)?$/)
          .optional()
          .openapi({
            description: 'The most person-days the plan may cost, 0 to 1,000,000',
          }),
        objective: z.enum(['cheapest', 'highest']).optional().openapi({
          description:
            'cheapest: the least cost to the target band (default); highest: the highest IID within the budget',
        }),
        method: z.enum(['optimal', 'greedy']).optional().openapi({
          description:
            'optimal: the exact optimum (HiGHS; default); greedy: the best gain per day first',
        }),
        years: z.enum(['1', '2']).optional().openapi({
          description: "2: next year's edition too (who leaves the window, what stops counting)",
        }),
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
      ...problems(400, 404, 408, 413, 415, 422, 503),
    },
  });
  register({
    method: 'post',
    path: '/submission',
    summary:
      'What IGA verifiers would reject in one innovation, with the fields and the points at risk',
    request: {
      // Verifiers judge by the rubric: an eligibility rule set has no say here.
      query: query.omit({ ruleSet: true, explain: true }).extend({
        asOf: z.string().optional(),
        ...texts,
      }),
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
      ...problems(400, 404, 408, 413, 415, 422, 503),
    },
  });
  register({
    method: 'post',
    path: '/form/validate',
    summary: 'Validate a form: the form schema’s issues, by field',
    request: {
      // A form is checked against the record's schema and a rule set's questions: no rubric.
      query: query.omit({ rubric: true, explain: true }).extend({
        requireComplete: z.enum(['true', 'false']).optional(),
        ...texts,
      }),
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
      ...problems(400, 408, 413, 415, 422, 503),
    },
  });
  register({
    method: 'get',
    path: '/rule-sets',
    summary: 'The rule sets loaded: shipped and the region’s own',
    responses: {
      200: json(
        z.array(
          z.looseObject({
            id: z.string(),
            kind: z.string(),
            builtIn: z.boolean(),
            hash: z.string().meta({ description: 'sha256:<hex> of the loaded rule set' }),
            file: z.string().optional().meta({ description: 'the file it was read from' }),
            loadedAt: z
              .string()
              .optional()
              .meta({ description: 'when a rule set not shipped was loaded, ISO 8601' }),
          }),
        ),
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
    path: '/openapi-3.0.json',
    summary: 'This OpenAPI document in version 3.0, for client generators that do not read 3.1',
    responses: { 200: json(z.looseObject({}), 'OpenAPI 3.0') },
  });
  register({
    method: 'get',
    path: '/docs',
    summary: 'This API as a page',
    responses: { 200: { description: 'HTML', content: { 'text/html': { schema: z.string() } } } },
  });
}

/**
 * A JSON Schema of draft 2020-12 (as OpenAPI 3.1 embeds it) as OpenAPI 3.0's schema object
 * reads it: `const` as a one-value `enum`, a type list with `null` as `nullable`, a numeric
 * `exclusiveMinimum`/`exclusiveMaximum` as the bound with a flag, `examples` as one `example`;
 * what 3.0 has no word for (`propertyNames`, `$schema`, `if`/`then`/`else`, `contentMediaType`)
 * left out, the rest kept.
 */
function schema30(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(schema30);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (['propertyNames', '$schema', 'if', 'then', 'else', 'contentMediaType'].includes(key))
      continue;
    if (key === 'const') out.enum = [value];
    else if (key === 'type' && Array.isArray(value)) {
      // 3.0 says `nullable` beside a `type`: on the one type, or on each of several.
      const types = value.filter((t) => t !== 'null');
      const nullable = types.length < value.length ? { nullable: true } : {};
      if (types.length === 1) Object.assign(out, { type: types[0] }, nullable);
      else out.anyOf = types.map((t) => ({ type: t, ...nullable }));
    } else if (
      (key === 'exclusiveMinimum' || key === 'exclusiveMaximum') &&
      typeof value === 'number'
    ) {
      out[key === 'exclusiveMinimum' ? 'minimum' : 'maximum'] = value;
      out[key] = true;
    } else if (key === 'examples' && Array.isArray(value)) {
      if (value.length > 0) out.example = value[0];
    } else if (key === 'anyOf' && Array.isArray(value) && value.some(isNull)) {
      const rest = value.filter((v) => !isNull(v)).map((v) => schema30(v) as object);
      if (rest.length === 1) Object.assign(out, rest[0], { nullable: true });
      else out.anyOf = rest.map((v) => ({ ...v, nullable: true }));
    } else out[key] = schema30(value);
  }
  return out;
}

const isNull = (v: unknown) =>
  typeof v === 'object' &&
  v !== null &&
  (v as { type?: unknown }).type === 'null' &&
  Object.keys(v).length === 1;

/**
 * The OpenAPI 3.1 document as 3.0.3, for the client generators that read 3.0 far better than 3.1:
 * every schema (components and inline) converted, the rest as it is.
 *
 * @internal
 */
export function openapi30(document: Record<string, unknown>): Record<string, unknown> {
  const walk = (node: unknown, inSchema: boolean): unknown => {
    if (inSchema) return schema30(node);
    if (Array.isArray(node)) return node.map((n) => walk(n, false));
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'schemas' && value && typeof value === 'object' && !Array.isArray(value)) {
        out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, schema30(v)]));
      } else out[key] = walk(value, key === 'schema');
    }
    return out;
  };
  const { openapi: _, jsonSchemaDialect: __, webhooks: ___, ...rest } = document;
  return { openapi: '3.0.3', ...(walk(rest, false) as Record<string, unknown>) };
}

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
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(document.info.title)} API</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:0 auto;padding:1rem;color:#1a1a1a}h1{font-size:1.6rem}h2{font-size:1.1rem;margin:1.5rem 0 .25rem;overflow-wrap:anywhere}h3{font-size:.95rem;margin:.5rem 0 0}.m{display:inline-block;min-width:3.5rem;padding:0 .4rem;border-radius:4px;background:#0b5394;color:#fff;font-size:.85rem;text-align:center}section{border-top:1px solid #ddd;padding-bottom:.5rem}code{background:#f3f3f3;padding:0 .2rem;border-radius:3px}</style></head><body><h1>${escapeHtml(document.info.title)} ${escapeHtml(document.info.version)}</h1><p>${escapeHtml(document.info.description)}</p><p>The machine-readable description: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1), and <a href="/openapi-3.0.json">/openapi-3.0.json</a> (3.0, for client generators).</p>${routes.join('')}</body></html>`;
}
