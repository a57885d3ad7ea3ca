import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, evaluateRegion } from '../../src/index.js';
import { checkSubmission } from '../../src/submission.js';
import { eligibleRecord } from '../helpers.js';

/**
 * `inovasi-rules mcp` as an assistant's client runs it: a child process on stdio, spoken to by
 * the MCP SDK's own client. Each tool's answer is the library's for the same input.
 */

const root = new URL('../../', import.meta.url).pathname;
const region = JSON.parse(readFileSync(`${root}examples/kota-batu-2024.json`, 'utf8'));
const perbup = `${root}examples/perbup-contoh.json`;

type ToolResult = {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: Record<string, unknown>;
};

describe('inovasi-rules mcp (stdio, the SDK’s client)', () => {
  let client: Client;

  beforeAll(async () => {
    client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: ['--import', 'tsx', `${root}src/cli/main.ts`, 'mcp', '--rule-set', perbup],
        cwd: root,
        env: { ...process.env, NODE_V8_COVERAGE: '' } as Record<string, string>,
        stderr: 'pipe',
      }),
    );
  });

  afterAll(async () => {
    await client?.close();
  });

  const call = async (name: string, args: Record<string, unknown>) =>
    (await client.callTool({ name, arguments: args })) as ToolResult;
  const json = (result: ToolResult) => JSON.parse(result.content[0]?.text as string);

  it('lists the six tools, each with the record’s JSON Schema as its input', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toStrictEqual([
      'check_submission',
      'evaluate',
      'evaluate_region',
      'explain',
      'list_rule_sets',
      'plan_region',
    ]);
    const evaluateTool = tools.find((t) => t.name === 'evaluate');
    const record = (
      evaluateTool?.inputSchema.properties as Record<string, { properties: object }> | undefined
    )?.record as { properties: object };
    expect(Object.keys(record.properties)).toContain('waktuPenerapan');
    expect(Object.keys(record.properties)).toContain('indikator');
    expect(evaluateTool?.inputSchema.required).toStrictEqual(['record']);
  });

  it('evaluates, checks and explains as the library does, in Indonesian by default', async () => {
    const record = eligibleRecord({ pungutanBaru: true, pungutanSesuaiPeraturan: false });
    const evaluated = await call('evaluate', { record });
    expect(evaluated.isError).toBeUndefined();
    expect(json(evaluated)).toStrictEqual(JSON.parse(JSON.stringify(await evaluate(record))));
    expect(evaluated.structuredContent?.verdict).toBe('not_eligible');
    const checked = await call('check_submission', { record, locale: 'en' });
    expect(json(checked)).toStrictEqual(
      JSON.parse(JSON.stringify(await checkSubmission(record, { locale: 'en' }))),
    );
    const explained = json(await call('explain', { record }));
    expect(explained.trace.version).toBe('trace.v1');
    expect(explained.basis.ruleSet.hash).toMatch(/^sha256:/);
  });

  it('evaluates a region and plans it', async () => {
    const r = json(await call('evaluate_region', { region }));
    expect(r.iid).toBe((await evaluateRegion(region)).iid);
    const plan = json(await call('plan_region', { region, maxSteps: 3 }));
    expect(plan.steps.length).toBeGreaterThan(0);
    expect(plan.steps.length).toBeLessThanOrEqual(3);
  });

  it('holds the rule sets given with --rule-set, and serves each with its sources', async () => {
    const { ruleSets } = json(await call('list_rule_sets', {}));
    expect(ruleSets.map((r: { id: string }) => r.id)).toContain('perbup-contoh-2024');
    const record = eligibleRecord({ pemda: 'Kabupaten Contoh' });
    const e = json(await call('evaluate', { record, ruleSet: 'perbup-contoh-2024' }));
    expect(e.ruleSet.id).toBe('perbup-contoh-2024');
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toContain('inovasi-rules://rule-sets/pp-38-2017/sources');
    const read = await client.readResource({ uri: 'inovasi-rules://rule-sets/pp-38-2017/sources' });
    const sources = JSON.parse((read.contents[0] as { text: string }).text);
    expect(sources.legalBasis.map((s: { citation: string }) => s.citation)).toContain('PP 38/2017');
  });

  it('answers a bad record, an unknown rule set and an unknown tool with a structured tool error', async () => {
    const bad = await call('evaluate', { record: { nama: 5, kebaruan: 'baru' } });
    expect(bad.isError).toBe(true);
    const error = json(bad).error;
    expect(error.code).toBe('E_INVALID_RECORD');
    expect(error.issues.map((i: { path: string[] }) => i.path[0]).sort()).toStrictEqual([
      'kebaruan',
      'nama',
    ]);
    const unknown = await call('evaluate', {
      record: eligibleRecord(),
      ruleSet: 'perbup-tidak-ada',
    });
    expect(json(unknown).error.code).toBe('E_UNKNOWN_RULE_SET');
    // A misspelt argument is refused with the nearest name, never dropped: `rule_set` would
    // otherwise evaluate under the default rules, not the ones asked for.
    const misspelt = await call('evaluate', {
      record: eligibleRecord(),
      rule_set: 'perbup-contoh-2024',
    });
    expect(misspelt.isError).toBe(true);
    expect(json(misspelt).error).toMatchObject({
      code: 'E_INVALID_OPTION',
      issues: [{ path: ['rule_set'], code: 'unrecognized_keys', suggestion: 'ruleSet' }],
    });
    const noRegion = await call('plan_region', { maxSteps: 3 });
    expect(json(noRegion).error).toStrictEqual({
      code: 'E_INVALID_OPTION',
      message: expect.stringContaining('"region" is required by plan_region'),
      issues: [
        { path: ['region'], code: 'required', message: '"region" is required by plan_region' },
      ],
    });
    expect(
      json(await call('list_rule_sets', { verbose: true })).error.issues[0].path,
    ).toStrictEqual(['verbose']);
    const noTool = await call('hapus_semua', {});
    expect(noTool.isError).toBe(true);
    // The server is still there.
    expect((await call('list_rule_sets', {})).isError).toBeUndefined();
  });
});
