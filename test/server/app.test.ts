import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import region from '../../examples/kota-batu-2024.json' with { type: 'json' };
import perbup from '../../examples/perbup-contoh.json' with { type: 'json' };
import { evaluate, evaluateRegion } from '../../src/index.js';
import { readRecords } from '../../src/io/index.js';
import { planRegion } from '../../src/plan.js';
import {
  type AccessLogEntry,
  createApp,
  type RunningServer,
  startServer,
} from '../../src/server/index.js';
import { checkSubmission } from '../../src/submission.js';
import { eligibleRecord } from '../helpers.js';

// biome-ignore lint/suspicious/noExplicitAny: test bodies are read field by field.
type Body = Record<string, any>;
const read = async (res: Response | Promise<Response>): Promise<Body> =>
  (await res).json() as Promise<Body>;

// The real server on 127.0.0.1, called over HTTP as clients call it. Every loop is bounded.
let server: RunningServer;
const log: AccessLogEntry[] = [];
beforeAll(async () => {
  server = await startServer({
    port: 0,
    bodyLimit: 200_000,
    ruleSets: [perbup],
    accessLog: (entry) => log.push(entry),
  });
});
afterAll(() => server.close());

const post = (
  path: string,
  body: string | object,
  headers: Record<string, string> = {},
): Promise<Response> =>
  fetch(server.url + path, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('HTTP API: the same answers as the library', () => {
  it('POST /evaluate gives evaluate()’s result, options from the query', async () => {
    const res = await post(
      '/evaluate?ruleSet=pp-38-2017&rubric=iga-2023&locale=en',
      eligibleRecord(),
    );
    expect(res.status).toBe(200);
    expect(await read(res)).toStrictEqual(
      await evaluate(eligibleRecord(), { ruleSet: 'pp-38-2017', rubric: 'iga-2023', locale: 'en' }),
    );
  });

  it('takes the locale from Accept-Language when the query has none', async () => {
    const en = await post(
      '/evaluate',
      { nama: 'A' },
      { 'accept-language': 'fr-FR, en;q=0.8, id;q=0.5' },
    );
    expect((await read(en)).locale).toBe('en');
    const id = await post('/evaluate', { nama: 'A' }, { 'accept-language': 'id-ID,id;q=0.9' });
    expect((await read(id)).locale).toBe('id');
  });

  it('uses a rule set loaded at start-up', async () => {
    const res = await post('/evaluate?ruleSet=perbup-contoh-2024', eligibleRecord());
    expect((await read(res)).ruleSet.id).toBe('perbup-contoh-2024');
  });

  it('POST /region gives evaluateRegion()’s result', async () => {
    const res = await post('/region', region);
    expect(await read(res)).toStrictEqual(JSON.parse(JSON.stringify(await evaluateRegion(region))));
  });

  it('POST /region/plan gives planRegion()’s plan; a bad target is a 400 problem', async () => {
    const res = await post('/region/plan?maxSteps=5&locale=en', region);
    expect(res.status).toBe(200);
    expect(await read(res)).toStrictEqual(
      JSON.parse(JSON.stringify(await planRegion(region, { maxSteps: 5, locale: 'en' }))),
    );
    const bad = await post('/region/plan?target=juara', region);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await read(bad)).code).toBe('E_INVALID_OPTION');
  });

  it('POST /region/plan takes the budget, the objective, the method and next year from the query', async () => {
    const query = '/region/plan?budget=12&objective=highest&method=optimal&years=2';
    const res = await post(query, region);
    expect(res.status).toBe(200);
    const options = { budget: 12, objective: 'highest', method: 'optimal', years: 2 } as const;
    const body = await read(res);
    expect(body).toStrictEqual(JSON.parse(JSON.stringify(await planRegion(region, options))));
    expect(body.nextYear.tahun).toBe(region.tahun + 1);
    expect(body.cost).toBeLessThanOrEqual(12);
    for (const wrong of [
      'years=3',
      'budget=-1',
      'budget=12abc',
      'maxSteps=2.5',
      'maxSteps=10001',
      'objective=fastest',
      'method=magic',
    ]) {
      const bad = await post(`/region/plan?${wrong}&locale=en`, region);
      expect(bad.status, wrong).toBe(400);
      const problem = await read(bad);
      expect(problem.code, wrong).toBe('E_INVALID_OPTION');
      expect(problem.issues[0].path, wrong).toStrictEqual([wrong.split('=')[0]]);
    }
    const steps = await read(await post('/region/plan?maxSteps=2.5&locale=en', region));
    expect(steps.issues[0].message).toBe('maxSteps must be a whole number from 0 to 10000');
    const budget = await read(await post('/region/plan?budget=1e3&locale=en', region));
    expect(budget.issues[0].message).toBe('budget must be a number from 0 to 1000000');
    // Past a bound by one is said by the query's reader, at both ends.
    for (const [query, message] of [
      ['maxSteps=10001', 'maxSteps must be a whole number from 0 to 10000'],
      ['budget=1000000.5', 'budget must be a number from 0 to 1000000'],
    ]) {
      const past = await read(await post(`/region/plan?${query}&locale=en`, region));
      expect(past.issues[0].message, query).toBe(message);
    }
    // Many digits, a fraction of many digits and the bounds themselves are read.
    for (const query of ['maxSteps=12', 'maxSteps=0', 'budget=12.25', 'budget=0']) {
      expect((await post(`/region/plan?${query}`, region)).status, query).toBe(200);
    }
  });

  it('POST /submission gives checkSubmission()’s result', async () => {
    const record = { ...eligibleRecord(), waktuPenerapan: '2019-01-01' };
    const res = await post('/submission?asOf=2024-06-30', record);
    expect(res.status).toBe(200);
    const body = await read(res);
    expect(body).toStrictEqual(
      JSON.parse(JSON.stringify(await checkSubmission(record, { asOf: '2024-06-30' }))),
    );
    expect(body.problems.map((p: Body) => p.code)).toContain('penerapan_di_luar_jendela');
  });

  it('says where many records go when an array is posted to a one-record route', async () => {
    for (const path of ['/evaluate', '/submission']) {
      const res = await post(`${path}?locale=en`, [{ nama: 'A' }, { nama: 'B' }]);
      expect(res.status, path).toBe(422);
      const body = await read(res);
      expect(body.code, path).toBe('E_INVALID_RECORD');
      expect(body.issues, path).toStrictEqual([
        {
          path: [],
          code: 'invalid_type',
          message:
            'this route takes one innovation record (a JSON object), not an array; for many, send an array or NDJSON to /evaluate/batch',
        },
      ]);
    }
    const id = await read(await post('/evaluate', [{ nama: 'A' }]));
    expect(id.detail).toContain('kirim larik atau NDJSON ke /evaluate/batch');
    // A form's check keeps its answer: not valid, at the root.
    const form = await read(await post('/form/validate?locale=en', [{ nama: 'A' }]));
    expect(form.valid).toBe(false);
    expect(form.issues[0].path).toStrictEqual([]);
  });

  it('POST /evaluate/batch streams NDJSON for a JSON array and for NDJSON, bad rows in place', async () => {
    const records = [{ nama: 'A' }, { nama: 5 }, eligibleRecord()];
    for (const [body, type] of [
      [JSON.stringify(records), 'application/json'],
      [`${records.map((r) => JSON.stringify(r)).join('\n')}\n`, 'application/x-ndjson'],
    ] as const) {
      const res = await post('/evaluate/batch', body, { 'content-type': type });
      expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
      const lines = (await res.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => [l.index, l.ok])).toStrictEqual([
        [0, true],
        [1, false],
        [2, true],
      ]);
      expect(lines[1].error).toMatchObject({
        code: 'E_INVALID_RECORD',
        issues: [{ path: ['nama'] }],
      });
      expect(lines[2].evaluation).toStrictEqual(await evaluate(eligibleRecord()));
    }
  });

  it('POST /form/validate gives the form schema’s issues by field', async () => {
    const res = await post('/form/validate?locale=en', {
      nama: 'A',
      kebaruan: 'tidak',
      membatasiAkses: true,
    });
    const body = await read(res);
    expect(body.valid).toBe(false);
    expect(Object.keys(body.fields)).toStrictEqual(['kebaruan', 'membatasiAkses']);
    expect(body.issues[0]).toMatchObject({ path: ['kebaruan'], code: 'kebaruan_ada_fail' });
  });

  it('GET /rule-sets, /rule-sets/{id}, /schema/innovation and /health', async () => {
    const list = await read(fetch(`${server.url}/rule-sets`));
    expect(list.map((r: { id: string }) => r.id)).toContain('perbup-contoh-2024');
    const one = await read(fetch(`${server.url}/rule-sets/pp-38-2017`));
    expect(one.criteria).toHaveLength(5);
    const schema = await read(fetch(`${server.url}/schema/innovation`));
    expect(schema.properties.nama).toBeDefined();
    expect(await read(fetch(`${server.url}/health`))).toMatchObject({ status: 'ok' });
  });
});

describe('HTTP API: JSON that no record can hold, refused alike on every route', () => {
  const bodies: [string, string, string][] = [
    ['an escaped lone surrogate', '{"nama": "A\\ud800B"}', 'nama: teks dengan surrogate'],
    [
      'a number past the largest double',
      '{"nama": "A", "tahun": 1e999999}',
      'tahun: angka di luar',
    ],
    [
      'a number past the largest double, written long with a short exponent',
      `{"nama": "A", "indikator": {"sdm": {"jumlah": ${'9'.repeat(250)}e99}}}`,
      'indikator.sdm.jumlah: angka di luar',
    ],
    ['a doubled byte order mark', '\uFEFF\uFEFF{"nama": "A"}', 'tanda urutan byte'],
    ['a lone surrogate in a key', '{"indikator": {"\\udc00": 1}}', 'indikator.\udc00'],
  ];
  const routes = [
    '/evaluate',
    '/region',
    '/region/plan',
    '/submission',
    '/form/validate',
    '/evaluate/batch',
  ];
  it('bytes that are not UTF-8: 400, never read as U+FFFD', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"nama": "A'),
      Buffer.from([0xff]),
      Buffer.from('"}'),
    ]);
    for (const route of routes) {
      const res = await fetch(server.url + route, {
        method: 'POST',
        body: bytes,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status, route).toBe(400);
      const problem = await read(res);
      expect(problem.code, route).toBe('E_INVALID_JSON');
      expect(problem.detail, route).toContain('bukan UTF-8');
    }
  });

  it.each(bodies)('%s: 400 E_INVALID_JSON from every route', async (_, body, detail) => {
    for (const route of routes) {
      const res = await post(route, body);
      expect(res.status, route).toBe(400);
      expect(res.headers.get('content-type'), route).toMatch(/^application\/problem\+json/);
      const problem = await read(res);
      expect(problem.code, route).toBe('E_INVALID_JSON');
      expect(problem.detail, route).toContain(detail);
    }
  });
});

describe('HTTP API: errors as problem+json, never a stack trace', () => {
  /** Every error path, each sent with the headers given (the request's language). */
  const errorPaths: [string, (h: Record<string, string>) => Promise<Response>, number, string][] = [
    ['invalid JSON', (h) => post('/evaluate', '{"nama": ', h), 400, 'E_INVALID_JSON'],
    ['an invalid record', (h) => post('/evaluate', { nama: '' }, h), 422, 'E_INVALID_RECORD'],
    [
      'a record that is not an object',
      (h) => post('/evaluate', '[1,2]', h),
      422,
      'E_INVALID_RECORD',
    ],
    [
      'an unknown locale',
      (h) => post('/evaluate?locale=fr', { nama: 'A' }, h),
      400,
      'E_INVALID_OPTION',
    ],
    [
      'an unknown rule set',
      (h) => post('/evaluate?ruleSet=perbup-atlantis', { nama: 'A' }, h),
      404,
      'E_UNKNOWN_RULE_SET',
    ],
    [
      'an unknown rule set by id',
      (h) => fetch(`${server.url}/rule-sets/nope`, { headers: h }),
      404,
      'E_UNKNOWN_RULE_SET',
    ],
    [
      'an oversize body',
      (h) => post('/evaluate', { nama: 'x'.repeat(300_000) }, h),
      413,
      'E_TOO_LARGE',
    ],
    [
      'a form post to a route that takes a region',
      (h) =>
        post('/region', 'nama=A', {
          'content-type': 'application/x-www-form-urlencoded',
          ...h,
        }),
      415,
      'E_UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a compressed body (Content-Encoding gzip)',
      (h) =>
        fetch(`${server.url}/evaluate`, {
          method: 'POST',
          body: new Uint8Array(gzipSync('{"nama":"A"}')),
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', ...h },
        }),
      415,
      'E_UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a plain body labelled compressed, to a batch',
      (h) => post('/evaluate/batch', '[{"nama":"A"}]', { 'content-encoding': 'br', ...h }),
      415,
      'E_UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a deep record',
      (h) => post('/evaluate', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`, h),
      422,
      'E_INVALID_RECORD',
    ],
    ['an unknown route', (h) => fetch(`${server.url}/admin`, { headers: h }), 404, 'E_NOT_FOUND'],
    [
      'a batch that is not a list',
      (h) => post('/evaluate/batch', { nama: 'A' }, h),
      422,
      'E_INVALID_RECORD',
    ],
    [
      'a JSON-array batch over the body limit (NDJSON is for that)',
      (h) =>
        post(
          '/evaluate/batch',
          Array.from({ length: 20_000 }, () => ({ nama: 'Inovasi A' })),
          h,
        ),
      413,
      'E_TOO_LARGE',
    ],
    [
      'a known path with another method',
      (h) => fetch(`${server.url}/evaluate`, { method: 'PUT', body: '{}', headers: h }),
      405,
      'E_METHOD_NOT_ALLOWED',
    ],
    [
      'a known path with a parameter and another method',
      (h) => fetch(`${server.url}/rule-sets/pp-38-2017`, { method: 'DELETE', headers: h }),
      405,
      'E_METHOD_NOT_ALLOWED',
    ],
  ];
  it.each(errorPaths)('%s', async (_, send, status, code) => {
    const res = await send({});
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = await read(res);
    expect(body).toMatchObject({
      status,
      code,
      type: expect.stringMatching(/^urn:inovasi-rules:/),
    });
    expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  /** Words only the English messages have. */
  const ENGLISH =
    /\b(the|is|not|must|cannot|takes|no route|body|larger|expected|unknown|known|error|request)\b/i;

  it.each(errorPaths)('%s: in Indonesian by default, in English when asked', async (_, send) => {
    const id = await read(send({ 'accept-language': 'id-ID,id;q=0.9' }));
    const text = (body: Body) =>
      [body.title, body.detail, ...body.issues.map((i: Body) => i.message)].join(' | ');
    // An unknown locale (`fr`) cannot be answered in it: the problem is in Indonesian.
    expect(text(id)).not.toMatch(ENGLISH);
    expect(text(await read(send({})))).toBe(text(id));
    const en = await read(send({ 'accept-language': 'en' }));
    expect(en.code).toBe(id.code);
    expect(`${en.title} ${en.detail}`).toMatch(ENGLISH);
  });

  it('says which methods a path takes (Allow), and that a large array goes as NDJSON', async () => {
    expect((await fetch(`${server.url}/evaluate`, { method: 'GET' })).headers.get('allow')).toBe(
      'POST',
    );
    const res = await fetch(`${server.url}/health`, { method: 'POST' });
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    const big = await post(
      '/evaluate/batch',
      Array.from({ length: 20_000 }, () => ({ nama: 'A' })),
    );
    expect((await read(big)).detail).toContain('NDJSON (Content-Type: application/x-ndjson');
  });

  it.each([
    ['a header line without a colon', 'GET /health HTTP/1.1\r\nHost: x\r\nrusak\r\n\r\n', 400],
    [
      'headers over the limit',
      `GET /health HTTP/1.1\r\nHost: x\r\nX-Besar: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
    ],
  ])('answers %s in problem+json, not a bare status line', async (_, raw, status) => {
    const { port, hostname } = new URL(server.url);
    const socket = connect(Number(port), hostname);
    socket.setEncoding('utf8');
    socket.end(raw);
    let answer = '';
    for await (const chunk of socket) answer += chunk;
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(head).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(body)).toMatchObject({ status, code: 'E_HTTP' });
  });

  it('lets the event loop turn while a batch runs, so other requests are answered', async () => {
    // In process, a JSON array's batch is all promises: without turns of its own, no timer or
    // other request would run until it ended. Count the loop's turns while the lines arrive.
    const app = createApp();
    const records = Array.from({ length: 20_000 }, (_, i) => ({ id: `b${i}`, nama: `I ${i}` }));
    const res = await app.request('/evaluate/batch', {
      method: 'POST',
      body: JSON.stringify(records),
      headers: { 'content-type': 'application/json' },
    });
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let lines = 0;
    let turnsAtFirst = -1;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      lines += decoder.decode(value).split('\n').length - 1;
      if (turnsAtFirst < 0) turnsAtFirst = turns;
    }
    const turnsAtEnd = turns;
    ticking = false;
    expect(lines).toBe(20_000);
    expect(turnsAtEnd).toBeGreaterThan(turnsAtFirst);
  });

  it('keeps serving after hostile requests', async () => {
    for (let i = 0; i < 20; i++) await post('/evaluate', '{"__proto__":{"x":1},"nama":"A"}');
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('logs one JSON line per request', () => {
    expect(log.length).toBeGreaterThan(10);
    expect(log[0]).toStrictEqual({
      time: expect.any(String),
      method: expect.any(String),
      path: expect.any(String),
      status: expect.any(Number),
      ms: expect.any(Number),
    });
  });
});

describe('HTTP API: OpenAPI 3.1 and CORS', () => {
  it('serves a valid OpenAPI 3.1 document that names every route, and a docs page', async () => {
    const doc = (await read(fetch(`${server.url}/openapi.json`))) as {
      paths: Record<string, object>;
    };
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toStrictEqual([]);
    expect(result.valid).toBe(true);
    const app = createApp();
    const routes = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(
      Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m} ${path}`),
      ),
    );
    expect([...routes].sort()).toStrictEqual([...documented].sort());
    const page = await (await fetch(`${server.url}/docs`)).text();
    for (const path of Object.keys(doc.paths)) expect(page).toContain(path);
    expect(page).not.toMatch(/<script/);
  });

  it('states its server, no security on every operation, and defaults as they are decided (per record)', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the document is read field by field.
    const doc = (await read(fetch(`${server.url}/openapi.json`))) as any;
    expect(doc.servers).toStrictEqual([{ url: '/', description: 'this server' }]);
    const operations = Object.values(doc.paths).flatMap((ops) => Object.values(ops as object));
    expect(operations.length).toBeGreaterThan(10);
    for (const op of operations) expect(op.security).toStrictEqual([]);
    const parameters = doc.paths['/evaluate'].post.parameters as {
      name: string;
      description: string;
    }[];
    const said = (name: string) => parameters.find((p) => p.name === name)?.description ?? '';
    expect(said('rubric')).toContain('decided per record');
    expect(said('rubric')).toContain('a 2024 record: iga-2023');
    expect(said('ruleSet')).toContain('else pp-38-2017');
    // A 2024 record is indeed judged by iga-2023, as said.
    const res = await read(post('/evaluate', { ...eligibleRecord(), tahun: 2024 }));
    expect(res.score.rubric.id).toBe('iga-2023');
  });

  it('has CORS off by default, and on for the origins given', async () => {
    const off = await fetch(`${server.url}/health`, { headers: { origin: 'https://x.example' } });
    expect(off.headers.get('access-control-allow-origin')).toBeNull();
    const app = createApp({ cors: 'https://inovasi.example.go.id' });
    const on = await app.request('/health', {
      headers: { origin: 'https://inovasi.example.go.id' },
    });
    expect(on.headers.get('access-control-allow-origin')).toBe('https://inovasi.example.go.id');
  });
});

describe('HTTP API from PHP, as a Laravel app calls it', () => {
  const root = new URL('../../', import.meta.url).pathname;
  const php = existsSync('/usr/bin/php') || Boolean(process.env.CI);
  it.runIf(php)('posts a record with plain PHP streams and reads the verdict', async () => {
    const script = `
      $record = ['nama' => 'Retribusi Parkir', 'kebaruan' => 'tidak'];
      $context = stream_context_create(['http' => [
        'method' => 'POST', 'header' => "Content-Type: application/json\\r\\nAccept-Language: id\\r\\n",
        'content' => json_encode($record), 'ignore_errors' => true, 'timeout' => 10,
      ]]);
      $body = file_get_contents(getenv('API') . '/evaluate?ruleSet=pp-38-2017', false, $context);
      $result = json_decode($body, true);
      echo $result['verdict'], "\\n", $result['criteria'][0]['status'], "\\n";
      $bad = file_get_contents(getenv('API') . '/evaluate', false, stream_context_create(['http' => [
        'method' => 'POST', 'header' => "Content-Type: application/json\\r\\n", 'content' => '{"nama":""}', 'ignore_errors' => true,
      ]]));
      echo json_decode($bad, true)['code'], "\\n";
    `;
    // Asynchronously: the server answers from this same process.
    const result = await promisify(execFile)('php', ['-r', script], {
      env: { ...process.env, API: server.url },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toStrictEqual([
      'not_eligible',
      'fail',
      'E_INVALID_RECORD',
      '',
    ]);
  });

  it.runIf(php)(
    'uploads an officer’s workbook as a form’s file and reads a line per row',
    async () => {
      // As Laravel's Http::attach('file', …) sends it: a multipart form with one file part.
      const script = `
      $file = getenv('FILE');
      $boundary = 'inovasi' . bin2hex(random_bytes(8));
      $body = "--$boundary\\r\\n"
        . 'Content-Disposition: form-data; name="file"; filename="' . basename($file) . '"' . "\\r\\n"
        . "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\\r\\n\\r\\n"
        . file_get_contents($file) . "\\r\\n--$boundary--\\r\\n";
      $context = stream_context_create(['http' => [
        'method' => 'POST', 'header' => "Content-Type: multipart/form-data; boundary=$boundary\\r\\n",
        'content' => $body, 'ignore_errors' => true, 'timeout' => 20,
      ]]);
      $lines = file(getenv('API') . '/evaluate/batch?detail=summary', FILE_IGNORE_NEW_LINES, $context);
      foreach ($lines as $line) {
        $row = json_decode($line, true);
        echo $row['line'], ' ', $row['ok'] ? $row['evaluation']['verdict'] : 'error', "\n";
      }
    `;
      const result = await promisify(execFile)('php', ['-r', script], {
        env: { ...process.env, API: server.url, FILE: `${root}examples/batu-2024.xlsx` },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(result.stderr).toBe('');
      const expected: string[] = [];
      for await (const row of readRecords(`${root}examples/batu-2024.xlsx`)) {
        expected.push(`${row.line} ${(await evaluate(row.record)).verdict}`);
      }
      expect(result.stdout.trim().split('\n')).toStrictEqual(expected);
    },
  );
});
