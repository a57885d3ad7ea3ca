import type { Readable, Writable } from 'node:stream';
import recordSchema from '../../schema/innovation.schema.json' with { type: 'json' };
import regionSchema from '../../schema/region.schema.json' with { type: 'json' };
import { type Engine, InovasiRulesError, InvalidOptionError, type RuleSet } from '../index.js';
import { type Locale, optionsObject } from '../messages.js';

/**
 * The library for AI assistants: an MCP server (Model Context Protocol, stdio) with six tools,
 * `evaluate`, `check_submission`, `evaluate_region`, `plan_region`, `explain` and
 * `list_rule_sets`, whose input schemas are the record's own JSON Schema and whose results are
 * the library's, stamp included; and one resource per rule set (its rules) and per rule set's
 * sources (its citations and stated assumptions). `@modelcontextprotocol/sdk` is an optional
 * peer, loaded when the server starts.
 */

/** Options of {@link startMcpServer}. */
export interface McpOptions {
  /** The engine whose rule sets the tools use (the shipped ones and any loaded with `with`). */
  engine: Engine;
  /** The package version the server reports. */
  version: string;
  /** The default language of results: `id` (default) or `en`. */
  locale?: Locale;
  /** Where requests come from; default standard input. */
  input?: Readable;
  /** Where answers go; default standard output. */
  output?: Writable;
}

/** A running MCP server. */
export interface McpServer {
  /** Resolves when the client closes the connection. */
  closed: Promise<void>;
  /** Closes it. */
  close(): Promise<void>;
}

const { $schema: _record, ...RECORD } = recordSchema as Record<string, unknown>;
const { $schema: _region, ...REGION_SHAPE } = regionSchema as Record<string, unknown>;
// A region's innovations are records: the tool says so, so an assistant fills them in right.
const REGION = {
  ...REGION_SHAPE,
  properties: {
    ...(REGION_SHAPE.properties as object),
    inovasi: { type: 'array', maxItems: 2000, items: RECORD },
  },
};

const LOCALE = {
  type: 'string',
  enum: ['id', 'en'],
  description: 'Language of titles and messages: id (Indonesian, default) or en.',
};
const RULE_SET = {
  type: 'string',
  description:
    'Eligibility rule set id (list_rule_sets); by default the region’s own for the record’s pemda, else pp-38-2017.',
};
const RUBRIC = {
  type: 'string',
  description: 'IGA rubric id (iga-2023, iga-2026); by default the edition in force for tahun.',
};
const AS_OF = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'The day (YYYY-MM-DD) whose IGA edition applies, instead of the record’s tahun.',
};

const object = (properties: Record<string, unknown>, required: string[]) => ({
  type: 'object' as const,
  properties,
  required,
  additionalProperties: false,
});

/** The six tools: name, what an assistant is told, and the input schema. */
const TOOLS = [
  {
    name: 'evaluate',
    description:
      'Is this regional innovation eligible under its region’s regulation (Perwali/Perbup, PP 38/2017), and why not: each criterion with its reasons, the field to fix and the legal citation; its IGA maturity score per indicator; the basis (which rule sets, their hashes).',
    inputSchema: object(
      { record: RECORD, ruleSet: RULE_SET, rubric: RUBRIC, asOf: AS_OF, locale: LOCALE },
      ['record'],
    ),
  },
  {
    name: 'check_submission',
    description:
      'What IGA verifiers would reject in this innovation’s submission: the implementation window, stage, dates, design text, earlier entries and each indicator’s evidence; the points claimed, proven and at risk.',
    inputSchema: object({ record: RECORD, rubric: RUBRIC, asOf: AS_OF, locale: LOCALE }, [
      'record',
    ]),
  },
  {
    name: 'evaluate_region',
    description:
      'A region’s Indeks Inovasi Daerah (IID): the total, its parts (SPD, SID, count), the band, what rejected innovations cost, and each innovation’s result.',
    inputSchema: object({ region: REGION, ruleSet: RULE_SET, rubric: RUBRIC, locale: LOCALE }, [
      'region',
    ]),
  },
  {
    name: 'plan_region',
    description:
      'The cheapest steps (in person-days) that take a region to the next IID band, or the highest IID within a budget: evidence to attach, levels to raise, innovations to withhold, each with its exact IID gain.',
    inputSchema: object(
      {
        region: REGION,
        target: { type: 'string', enum: ['inovatif', 'sangat_inovatif'] },
        budget: { type: 'number', minimum: 0, description: 'Person-days available.' },
        maxSteps: { type: 'integer', minimum: 1, maximum: 200 },
        ruleSet: RULE_SET,
        rubric: RUBRIC,
        locale: LOCALE,
      },
      ['region'],
    ),
  },
  {
    name: 'explain',
    description:
      'The trace of an evaluation: every criterion’s and indicator’s conditions as evaluated on the record, node by node, down to the field and value that decided it (trace.v1), with the verdict and the basis.',
    inputSchema: object(
      { record: RECORD, ruleSet: RULE_SET, rubric: RUBRIC, asOf: AS_OF, locale: LOCALE },
      ['record'],
    ),
  },
  {
    name: 'list_rule_sets',
    description:
      'The rule sets this server holds: regional regulations, PP 38/2017, the IGA rubrics and the competitions, each with its id, kind, title, edition and hash.',
    inputSchema: object({}, []),
  },
] as const;

type Args = Record<string, unknown>;

const pick = (args: Args, keys: readonly string[]) =>
  Object.fromEntries(keys.filter((k) => args[k] !== undefined).map((k) => [k, args[k]]));

/**
 * The arguments of a tool call, held to its input schema's names: a misspelt or unknown one
 * (`rule_set` for `ruleSet`) is an option error naming the nearest, never dropped, so that no
 * answer comes under other rules than the assistant asked for; a required one missing is named.
 */
function argumentsOf(name: string, args: unknown): Args {
  const tool = TOOLS.find((t) => t.name === name) as (typeof TOOLS)[number];
  const given = optionsObject(args, Object.keys(tool.inputSchema.properties));
  const missing = (tool.inputSchema.required as readonly string[]).filter(
    (key) => given[key] === undefined,
  );
  if (missing.length > 0) {
    throw new InvalidOptionError(
      missing.map((key) => ({
        path: [key],
        code: 'required',
        message: `"${key}" is required by ${name}`,
      })),
    );
  }
  return given;
}

/** Runs one tool on the engine. */
async function call(
  engine: Engine,
  name: string,
  input: unknown,
  locale: Locale,
): Promise<unknown> {
  const args = argumentsOf(name, input);
  const withLocale = { locale, ...pick(args, ['locale']) };
  switch (name) {
    case 'evaluate':
      return engine.evaluate(args.record, {
        ...withLocale,
        ...pick(args, ['ruleSet', 'rubric', 'asOf']),
      });
    case 'check_submission':
      return engine.checkSubmission(args.record, {
        ...withLocale,
        ...pick(args, ['rubric', 'asOf']),
      });
    case 'evaluate_region':
      return engine.evaluateRegion(args.region, {
        ...withLocale,
        ...pick(args, ['ruleSet', 'rubric']),
      });
    case 'plan_region':
      return engine.planRegion(args.region, {
        ...withLocale,
        ...pick(args, ['ruleSet', 'rubric', 'target', 'budget', 'maxSteps']),
      });
    case 'explain': {
      const e = await engine.evaluate(args.record, {
        ...withLocale,
        ...pick(args, ['ruleSet', 'rubric', 'asOf']),
        explain: true,
      });
      return { nama: e.nama, verdict: e.verdict, basis: e.basis, trace: e.trace };
    }
    case 'list_rule_sets':
      return {
        ruleSets: engine.ruleSets.map((r) => ({
          id: r.id,
          kind: r.kind,
          title: r.title,
          edition: r.edition,
          effective: r.effective,
          jurisdiction: r.jurisdiction,
        })),
      };
    default:
      throw new InovasiRulesError('E_USAGE', `no tool named "${name}"`);
  }
}

/** An error as a tool result the assistant reads: its code, message and every issue. */
function toolError(error: unknown) {
  const body =
    error instanceof InovasiRulesError
      ? {
          error: {
            code: error.code,
            message: error.message,
            ...('issues' in error ? { issues: (error as { issues: unknown }).issues } : {}),
          },
        }
      : { error: { code: 'E_INTERNAL', message: 'internal error' } };
  return { isError: true, content: [{ type: 'text' as const, text: JSON.stringify(body) }] };
}

/** The rule sets as resources: the rules, and the sources and assumptions behind them. */
function resources(engine: Engine) {
  return engine.ruleSets.flatMap((r: RuleSet) => [
    {
      uri: `inovasi-rules://rule-sets/${r.id}`,
      name: r.id,
      title: r.title.id,
      description: `${r.title.en} (${r.kind}, ${r.edition})`,
      mimeType: 'application/json',
    },
    {
      uri: `inovasi-rules://rule-sets/${r.id}/sources`,
      name: `${r.id}/sources`,
      title: `${r.title.id}: dasar hukum dan asumsi`,
      description: `The legal sources, citations and stated assumptions of ${r.id}`,
      mimeType: 'application/json',
    },
  ]);
}

function readResource(engine: Engine, uri: string): unknown {
  const m = /^inovasi-rules:\/\/rule-sets\/([a-z0-9-]+)(\/sources)?$/.exec(uri);
  const ruleSet = m ? engine.ruleSets.find((r) => r.id === m[1]) : undefined;
  if (!m || !ruleSet) throw new InovasiRulesError('E_USAGE', `no resource ${uri}`);
  return m[2]
    ? { id: ruleSet.id, legalBasis: ruleSet.legalBasis, assumptions: ruleSet.assumptions }
    : ruleSet;
}

/**
 * Starts the MCP server on stdio (or the given streams) and answers until the client closes.
 *
 * @param options - the engine, the version, the default language, the streams
 * @returns the running server
 * @throws {@link index!InovasiRulesError} `E_MISSING_PEER` when `@modelcontextprotocol/sdk` is
 * not installed
 */
export async function startMcpServer(options: McpOptions): Promise<McpServer> {
  let sdk: [
    typeof import('@modelcontextprotocol/sdk/server/index.js'),
    typeof import('@modelcontextprotocol/sdk/server/stdio.js'),
    typeof import('@modelcontextprotocol/sdk/types.js'),
  ];
  try {
    sdk = await Promise.all([
      import('@modelcontextprotocol/sdk/server/index.js'),
      import('@modelcontextprotocol/sdk/server/stdio.js'),
      import('@modelcontextprotocol/sdk/types.js'),
    ]);
  } catch {
    throw new InovasiRulesError(
      'E_MISSING_PEER',
      'inovasi-rules mcp needs the MCP SDK: npm install @modelcontextprotocol/sdk@1',
    );
  }
  const [{ Server }, { StdioServerTransport }, types] = sdk;
  const { engine } = options;
  const locale = options.locale ?? 'id';
  const server = new Server(
    { name: 'inovasi-rules', version: options.version },
    {
      capabilities: { tools: {}, resources: {} },
      instructions:
        'Indonesian regional innovation (Inovasi Daerah) rules: eligibility under PP 38/2017 and regional Perwali/Perbup, the IGA (Indeks Inovasi Daerah) score, what verifiers reject, a region’s index and plan. Records use the national IID form’s fields (nama, pemda, tahun, tahapan, waktuPenerapan, urusan, indikator…). Answers are in Indonesian unless locale is en.',
    },
  );
  server.setRequestHandler(types.ListToolsRequestSchema, async () => ({
    tools: TOOLS.map((t) => ({ ...t, inputSchema: t.inputSchema as never })),
  }));
  server.setRequestHandler(types.CallToolRequestSchema, async (request) => {
    const { name, arguments: args = {} } = request.params;
    if (!TOOLS.some((t) => t.name === name)) {
      return toolError(new InovasiRulesError('E_USAGE', `no tool named "${name}"`));
    }
    try {
      const result = await call(engine, name, args, locale);
      return {
        content: [{ type: 'text' as const, text: JSON.stringify(result) }],
        structuredContent: result as Record<string, unknown>,
      };
    } catch (error) {
      return toolError(error);
    }
  });
  server.setRequestHandler(types.ListResourcesRequestSchema, async () => ({
    resources: resources(engine),
  }));
  server.setRequestHandler(types.ReadResourceRequestSchema, async (request) => {
    const { uri } = request.params;
    return {
      contents: [
        { uri, mimeType: 'application/json', text: JSON.stringify(readResource(engine, uri)) },
      ],
    };
  });
  const transport = new StdioServerTransport(
    options.input ?? process.stdin,
    options.output ?? process.stdout,
  );
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
  });
  await server.connect(transport);
  // connect() sets its own onclose; keep ours too.
  const onclose = transport.onclose;
  let done: () => void = () => {};
  const ended = new Promise<void>((resolve) => {
    done = resolve;
  });
  transport.onclose = () => {
    onclose?.();
    done();
  };
  (options.input ?? process.stdin).once('end', () => void server.close());
  return {
    closed: Promise.race([closed, ended]),
    close: () => server.close(),
  };
}
