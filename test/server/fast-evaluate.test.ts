import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import * as fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppOptions, createApp, fastRouteOf } from '../../src/server/app.js';
import { type RunningServer, startServer } from '../../src/server/index.js';
import { runs } from '../runs.js';

// biome-ignore lint/suspicious/noExplicitAny: test bodies are read field by field.
type Body = Record<string, any>;

let server: RunningServer | undefined;
let bare: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  await new Promise((r) => (bare ? bare.close(r) : r(undefined)));
  bare = undefined;
});

/**
 * A server with the fast route of an app and nothing behind it: what the route leaves is
 * answered 599, so a test sees which requests it takes.
 */
async function routeOnly(options: AppOptions = {}): Promise<string> {
  const fast = fastRouteOf(createApp(options));
  if (!fast) throw new Error('createApp made no fast route');
  bare = createServer((req, res) => {
    if (!fast(req, res)) res.writeHead(599).end();
  });
  const listening = bare;
  await new Promise<void>((r) => listening.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(listening.address() as { port: number }).port}`;
}

const RECORD = JSON.stringify({
  nama: 'Retribusi Parkir Elektronik',
  kebaruan: 'sebagian',
  tahun: 2024,
});
const post = (url: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

/**
 * What a client reads of an answer: status, the headers that carry meaning, and the body. An
 * answer of `app.request` comes as sent (fetch decodes its own): `sent` decodes it.
 */
async function seen(res: Response, sent = false) {
  const bytes = Buffer.from(await res.arrayBuffer());
  const encoding = res.headers.get('content-encoding');
  const text = (
    !sent
      ? bytes
      : encoding === 'br'
        ? brotliDecompressSync(bytes)
        : encoding === 'gzip'
          ? gunzipSync(bytes)
          : bytes
  ).toString('utf8');
  const kept = [
    'access-control-allow-origin',
    'content-type',
    'content-encoding',
    'vary',
    'x-inovasi-rule-set',
    'x-inovasi-rubric',
    'x-inovasi-version',
  ];
  return {
    status: res.status,
    headers: Object.fromEntries(kept.map((name) => [name, res.headers.get(name)])),
    body: JSON.parse(text) as Body,
  };
}

describe('POST /evaluate answered before the app: the same answer as the app', () => {
  const app = createApp();
  // What Node's fetch sends unasked, sent to the app too.
  const byApp = (query: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
    app.request(`/evaluate${query}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-encoding': 'gzip, deflate',
        'accept-language': '*',
        ...headers,
      },
      body,
    });

  it.each<[string, string, string | Uint8Array, Record<string, string>?]>([
    ['a record', '', RECORD],
    ['its summary (too small to compress)', '?detail=summary', RECORD],
    ['compressed in brotli', '', RECORD, { 'accept-encoding': 'br, gzip' }],
    ['not compressed', '', RECORD, { 'accept-encoding': 'identity' }],
    ['compression refused', '', RECORD, { 'accept-encoding': 'gzip;q=0' }],
    ['in English, asked in the query', '?locale=en', RECORD],
    ['in English, asked by Accept-Language', '', RECORD, { 'accept-language': 'en-US,en;q=0.8' }],
    ['with its trace', '?explain=true&detail=full', RECORD],
    ['by a named rule set and rubric', '?ruleSet=perwali-batu-36-2022&rubric=iga-2023', RECORD],
    ['of a region', '', JSON.stringify({ nama: 'Sipadu', pemda: 'Kota Batu', tahun: 2023 })],
    ['with a byte order mark', '', `\uFEFF${RECORD}`],
    ['with a charset', '', RECORD, { 'content-type': 'application/json; charset=UTF-8' }],
    // Handed to the app with the body read: the app's problem, word for word.
    ['not a record', '', JSON.stringify({ nama: 5 })],
    ['an array', '', `[${RECORD}]`],
    ['not JSON', '', '{"nama": '],
    ['two byte order marks', '', `\uFEFF\uFEFF${RECORD}`],
    ['a number past the largest double', '', '{"nama": "A", "tahun": 1e999}'],
    ['a lone surrogate', '', '{"nama": "\\ud800"}'],
    ['bytes that are not UTF-8', '', new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d])],
    ['an unknown rule set', '?ruleSet=perwali-tidak-ada', RECORD],
    ['a plain body labelled compressed', '', RECORD, { 'content-encoding': 'gzip' }],
    ['a misspelt query name', '?explian=true', RECORD],
    ['a query name given twice', '?detail=summary&detail=full', RECORD],
    ['a problem in English', '?locale=en', JSON.stringify({ tahun: 'dua ribu' })],
    ['an empty body', '', ''],
  ])('%s', async (_, query, body, headers = {}) => {
    server = await startServer({ port: 0, workers: 0 });
    const fast = await seen(await post(`${server.url}/evaluate${query}`, body, headers));
    const slow = await seen(await byApp(query, body, headers), true);
    expect(fast).toEqual(slow);
  });

  it('on random records and queries, answers as the app does', async () => {
    server = await startServer({ port: 0, workers: 0 });
    const url = server.url;
    const query = fc
      .record(
        {
          detail: fc.constantFrom('full', 'summary'),
          locale: fc.constantFrom('id', 'en'),
          explain: fc.constantFrom('true', 'false'),
          ruleSet: fc.constantFrom('pp-38-2017', 'perwali-batu-36-2022', 'kipp-2023', 'tidak-ada'),
        },
        { requiredKeys: [] },
      )
      .map((q) => {
        const text = new URLSearchParams(q as Record<string, string>).toString();
        return text ? `?${text}` : '';
      });
    const record = fc.record(
      {
        nama: fc.oneof(fc.string({ maxLength: 20 }), fc.integer()),
        kebaruan: fc.constantFrom('seluruh', 'sebagian', 'tidak', 'ya'),
        tahun: fc.integer({ min: 2015, max: 2030 }),
        pemda: fc.constantFrom('Kota Batu', 'Kab. Malang'),
        untukKepentinganPribadi: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(query, record, async (q, r) => {
        const body = JSON.stringify(r);
        expect(await seen(await post(`${url}/evaluate${q}`, body))).toEqual(
          await seen(await byApp(q, body), true),
        );
      }),
      { numRuns: runs(30) },
    );
  });
});

describe('POST /evaluate answered before the app: any query', () => {
  it('answers every query, whatever its names and values (the process never ends)', async () => {
    server = await startServer({ port: 0, workers: 0 });
    const url = server.url;
    const word = fc.stringMatching(/^[A-Za-z_$.~-]{0,12}$/);
    const pair = fc.oneof(
      fc.tuple(fc.constantFrom('toString', '__proto__', 'constructor', 'valueOf', 'locale'), word),
      fc.tuple(word, word),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(pair, { maxLength: 4 }), async (pairs) => {
        const query = pairs.map(([name, value]) => `${name}=${value}`).join('&');
        const res = await post(`${url}/evaluate?${query}`, RECORD);
        expect([200, 400, 404]).toContain(res.status);
        await res.arrayBuffer();
      }),
      { numRuns: runs(60) },
    );
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });
});

describe('POST /evaluate answered before the app, with CORS on: the same answer as the app', () => {
  const origins = ['https://inovasi.example.go.id', 'https://sipadu.batukota.go.id'];
  const app = createApp({ cors: origins });
  it.each<[string, Record<string, string>]>([
    ['from an allowed origin', { origin: 'https://sipadu.batukota.go.id' }],
    ['from another origin', { origin: 'https://example.com' }],
    ['from no browser', {}],
  ])('%s', async (_, headers) => {
    server = await startServer({ port: 0, workers: 0, cors: origins });
    for (const body of [RECORD, JSON.stringify({ nama: 5 })]) {
      const fast = await seen(await post(`${server.url}/evaluate`, body, headers));
      const slow = await seen(
        await app.request('/evaluate', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip', ...headers },
          body,
        }),
        true,
      );
      expect(fast).toEqual(slow);
      expect(fast.headers.vary).toBe('Accept-Encoding, Origin');
      expect(fast.headers['access-control-allow-origin']).toBe(
        headers.origin === origins[1] ? origins[1] : null,
      );
    }
  });
});

describe('POST /evaluate answered before the app: which requests it takes', () => {
  it('takes a plain JSON record, and compresses its answer when asked', async () => {
    const url = await routeOnly();
    const summary = await post(`${url}/evaluate?detail=summary&locale=en`, RECORD);
    expect(summary.status).toBe(200);
    expect(((await summary.json()) as Body).verdict).toBeDefined();
    const full = await post(`${url}/evaluate`, RECORD, { 'accept-encoding': 'gzip' });
    expect(full.status).toBe(200);
    expect(full.headers.get('content-encoding')).toBe('gzip');
    expect(((await full.json()) as Body).score).toBeDefined();
  });

  it.each<[string, string, Record<string, string>, string?]>([
    ['a form', '/evaluate', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['text', '/evaluate', { 'content-type': 'text/plain' }],
    [
      'JSON in another charset',
      '/evaluate',
      { 'content-type': 'application/json; charset=latin1' },
    ],
    ['a form read as texts', '/evaluate?values=text', {}],
    ['an overlay', '/evaluate?overlay=%7B%7D', {}],
    ['an escaped query', '/evaluate?ruleSet=pp%2D38-2017', {}],
    ['a plus in the query', '/evaluate?ruleSet=a+b', {}],
    ['a name asked twice', '/evaluate?locale=en&locale=id', {}],
    ['a name without a value', '/evaluate?detail', {}],
    ['a value with an equals sign', '/evaluate?ruleSet=pp-38-2017=x', {}],
    ['an unknown name', '/evaluate?verbose=1', {}],
    ['a name every object has', '/evaluate?toString=1', {}],
    ['a prototype', '/evaluate?__proto__=x&constructor=y', {}],
    ['a choice the app refuses', '/evaluate?detail=everything', {}],
    ['a locale the app refuses', '/evaluate?locale=fr', {}],
    ['another path', '/evaluate/batch', {}],
    ['a trailing slash', '/evaluate/', {}],
    ['another method', '/evaluate', {}, 'PUT'],
  ])('leaves %s to the app', async (_, path, headers, method = 'POST') => {
    const url = await routeOnly();
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: RECORD,
    });
    expect(res.status).toBe(599);
  });

  it('leaves a body without its length (chunked) to the app', async () => {
    const url = await routeOnly();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(RECORD));
        controller.close();
      },
    });
    const res = await fetch(`${url}/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(599);
  });

  it('takes a body of the limit, and leaves one byte more to the app', async () => {
    const url = await routeOnly({ bodyLimit: Buffer.byteLength(RECORD) });
    expect((await post(`${url}/evaluate`, RECORD)).status).toBe(200);
    expect((await post(`${url}/evaluate`, `${RECORD} `)).status).toBe(599);
  });

  it('stamps its answer with what decided it', async () => {
    const url = await routeOnly();
    const res = await post(`${url}/evaluate?ruleSet=perwali-batu-36-2022&rubric=iga-2023`, RECORD);
    const body = (await res.json()) as Body;
    const { ruleSet, rubric, version } = body.basis;
    expect(ruleSet.id).toBe('perwali-batu-36-2022');
    expect(res.headers.get('x-inovasi-rule-set')).toBe(
      `perwali-batu-36-2022; edition=${ruleSet.edition}; ${ruleSet.hash}`,
    );
    expect(res.headers.get('x-inovasi-rubric')).toBe(
      `iga-2023; edition=${rubric.edition}; ${rubric.hash}`,
    );
    expect(res.headers.get('x-inovasi-version')).toBe(version);
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
  });
});

describe('POST /evaluate answered before the app: its bounds', () => {
  it('a refused record is answered by the app in the place the route held: a 422, never a 503', async () => {
    server = await startServer({ port: 0, workers: 0, maxInflight: 1 });
    // Each answer it gives gives its place back.
    for (let i = 0; i < 3; i++) {
      expect((await post(`${server.url}/evaluate`, RECORD)).status).toBe(200);
    }
    for (let i = 0; i < 3; i++) {
      const res = await post(`${server.url}/evaluate`, JSON.stringify({ nama: 5 }));
      expect(res.status).toBe(422);
      expect(((await res.json()) as Body).code).toBe('E_INVALID_RECORD');
    }
    // Every place was given back.
    expect((await post(`${server.url}/evaluate`, RECORD)).status).toBe(200);
  });

  it('logs what it answers as the app logs', async () => {
    const log: { method: string; path: string; status: number; ms: number }[] = [];
    server = await startServer({ port: 0, workers: 0, accessLog: (entry) => log.push(entry) });
    await post(`${server.url}/evaluate?detail=summary`, RECORD);
    await post(`${server.url}/evaluate`, '[]');
    expect(log.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
      { method: 'POST', path: '/evaluate', status: 200 },
      { method: 'POST', path: '/evaluate', status: 422 },
    ]);
    expect(log.every((entry) => entry.ms >= 0)).toBe(true);
  });

  it('a body that stops coming: 408, and its connection closed', async () => {
    const url = await routeOnly({ bodyIdleTimeout: 50 });
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    let answer = '';
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString();
    });
    const closed = new Promise((r) => socket.once('close', r));
    socket.write(
      'POST /evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"nama": ',
    );
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toMatch(/connection: close/i);
    expect(JSON.parse(answer.slice(answer.indexOf('{'))) as Body).toMatchObject({
      status: 408,
      code: 'E_BODY_TIMEOUT',
    });
  });
});
