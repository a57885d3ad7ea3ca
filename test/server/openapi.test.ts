import { createConfig, lintFromString } from '@redocly/openapi-core';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/index.js';

/**
 * Both OpenAPI documents as client generators and linters read them: valid against the
 * OpenAPI schema of their version, and no error under Redocly's `recommended` rules.
 */

const app = createApp();
const documentAt = async (path: string) =>
  (await (await app.request(path)).json()) as Record<string, unknown>;

describe.each(['/openapi.json', '/openapi-3.0.json'])('the OpenAPI document at %s', (path) => {
  it('is valid for its version', async () => {
    const doc = await documentAt(path);
    expect(doc.openapi).toBe(path === '/openapi.json' ? '3.1.0' : '3.0.3');
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toStrictEqual([]);
    expect(result.valid).toBe(true);
  });

  it('has no error under Redocly’s recommended rules, and a name on every operation', async () => {
    const doc = await documentAt(path);
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: `http://127.0.0.1${path}`,
      config: await createConfig({ extends: ['recommended'] }),
    });
    const errors = problems.filter((p) => p.severity === 'error');
    expect(
      errors.map((e) => `${e.ruleId}: ${e.message} at ${e.location[0]?.pointer}`),
    ).toStrictEqual([]);
    // What is left are warnings that GET routes (health, the documents) have no 4XX answer.
    expect(new Set(problems.map((p) => p.ruleId))).toStrictEqual(
      new Set(['operation-4xx-response']),
    );
  });
});

describe('the OpenAPI 3.0 document', () => {
  it('says in 3.0’s words what 3.1 says with type lists, const and exclusive bounds', async () => {
    const doc = await documentAt('/openapi-3.0.json');
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/"const":/);
    expect(text).not.toMatch(/"type":\[/);
    expect(text).not.toMatch(/"exclusiveMinimum":\d/);
    expect(text).not.toMatch(/"propertyNames":/);
    // The record is the same record: every field of the 3.1 document's Innovation is there.
    const fields = (d: Record<string, unknown>) =>
      Object.keys(
        (d.components as { schemas: Record<string, { properties: object } | undefined> }).schemas
          .Innovation?.properties ?? {},
      );
    expect(fields(doc)).toStrictEqual(fields(await documentAt('/openapi.json')));
    const paths = doc.paths as Record<string, Record<string, { operationId?: string }>>;
    expect(paths['/region/plan']?.post?.operationId).toBe('planRegion');
  });
});
