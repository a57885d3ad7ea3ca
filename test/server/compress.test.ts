import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chosenEncoding } from '../../src/server/_compress.js';
import { createApp } from '../../src/server/index.js';
import { eligibleRecord } from '../helpers.js';

const app = createApp();
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('compressed answers', () => {
  it('answers in brotli, else gzip, when the client accepts it, the same JSON once unpacked', async () => {
    const plain = await (await post('/evaluate', eligibleRecord())).text();
    const brotli = await post('/evaluate', eligibleRecord(), { 'accept-encoding': 'gzip, br' });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('vary')).toMatch(/Accept-Encoding/i);
    const packed = Buffer.from(await brotli.arrayBuffer());
    expect(packed.byteLength).toBeLessThan(plain.length / 3);
    expect(brotliDecompressSync(packed).toString('utf8')).toBe(plain);

    const gzip = await post('/evaluate', eligibleRecord(), { 'accept-encoding': 'gzip' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString('utf8')).toBe(plain);
  });

  it('sends small answers, streamed batches and refused encodings as they are', async () => {
    const health = await app.request('/health', { headers: { 'accept-encoding': 'br' } });
    expect(health.headers.get('content-encoding')).toBeNull();
    expect(((await health.json()) as { status: string }).status).toBe('ok');
    const batch = await post('/evaluate/batch', [eligibleRecord()], { 'accept-encoding': 'br' });
    expect(batch.headers.get('content-encoding')).toBeNull();
    expect(JSON.parse((await batch.text()).trim()).ok).toBe(true);
    const refused = await post('/evaluate', eligibleRecord(), { 'accept-encoding': 'br;q=0' });
    expect(refused.headers.get('content-encoding')).toBeNull();
  });

  it('keeps a small answer’s status and type, and answers HEAD with no body', async () => {
    const missing = await app.request('/rule-sets/tidak-ada', {
      headers: { 'accept-encoding': 'br' },
    });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
    expect(missing.headers.get('content-encoding')).toBeNull();
    expect(((await missing.json()) as { code: string }).code).toBe('E_UNKNOWN_RULE_SET');
    const head = await app.request('/rule-sets', {
      method: 'HEAD',
      headers: { 'accept-encoding': 'br' },
    });
    expect(head.headers.get('content-encoding')).toBeNull();
  });

  it('reads Accept-Encoding as HTTP does', () => {
    expect(chosenEncoding(' br ; q=0 , gzip ')).toBe('gzip');
    expect(chosenEncoding('gzip;q=0.8, br; q=0')).toBe('gzip');
    expect(chosenEncoding(undefined)).toBeUndefined();
    expect(chosenEncoding('identity')).toBeUndefined();
    expect(chosenEncoding('gzip, deflate, br')).toBe('br');
    expect(chosenEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chosenEncoding('*')).toBe('br');
    expect(chosenEncoding('*;q=0')).toBeUndefined();
    expect(chosenEncoding('GZIP')).toBe('gzip');
  });
});

describe('?detail=summary', () => {
  // A record that fails several criteria, with long Indonesian reasons.
  const failing = eligibleRecord({
    kebaruan: 'tidak',
    membatasiAkses: true,
    pungutanBaru: true,
    untukKepentinganPribadi: true,
  });

  it('answers the evaluation cut to verdict, failing criteria, totals and stamp, under 2 kB', async () => {
    const full = (await (await post('/evaluate', failing)).json()) as {
      verdict: string;
      criteria: { id: string; status: string; citation: string }[];
      basis: { ruleSet: { hash: string }; rubric: { hash: string } };
      score: { proven: number };
    };
    const res = await post('/evaluate?detail=summary', failing);
    const text = await res.text();
    expect(new TextEncoder().encode(text).byteLength).toBeLessThanOrEqual(2048);
    const summary = JSON.parse(text);
    expect(summary.verdict).toBe(full.verdict);
    expect(summary.failing.map((c: { id: string }) => c.id)).toStrictEqual(
      full.criteria.filter((c) => c.status === 'fail').map((c) => c.id),
    );
    expect(summary.failing.length).toBeGreaterThanOrEqual(3);
    expect(summary.stamp.ruleSet.hash).toBe(full.basis.ruleSet.hash);
    expect(summary.stamp.rubric.hash).toBe(full.basis.rubric.hash);
    expect(summary.score.proven).toBe(full.score.proven);
    expect(summary).not.toHaveProperty('criteria');
    expect(res.headers.get('x-inovasi-rule-set')).toContain(full.basis.ruleSet.hash);
  });

  it('cuts each line of a batch the same way, and refuses another value', async () => {
    const batch = await post('/evaluate/batch?detail=summary', [failing, eligibleRecord()]);
    const lines = (await batch.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.evaluation.verdict)).toStrictEqual(['not_eligible', 'eligible']);
    expect(lines[0].evaluation).toHaveProperty('failing');
    expect(lines[0].evaluation).not.toHaveProperty('criteria');
    const bad = await post('/evaluate?detail=ringkas', failing);
    expect(bad.status).toBe(400);
  });
});
