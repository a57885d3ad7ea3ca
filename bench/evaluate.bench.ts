/**
 * `npm run bench`: evaluate() against plain json-rules-engine (one Engine reused, the same
 * rules) and a hand-written TypeScript function for the same rules, in one process on the
 * same generated records; then batch throughput and peak memory over 100,000 records.
 * Ratios, not absolute times, are what compare across machines.
 */

import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Engine } from 'json-rules-engine';
import { run } from '../src/cli/run.js';
import { EXTRA_OPERATORS } from '../src/conditions/operators.js';
import {
  type EligibilityRuleSet,
  evaluate,
  getRuleSet,
  type InnovationInput,
  InnovationSchema,
  type RubricRuleSet,
} from '../src/index.js';
import { factsOf } from '../src/record/facts.js';
import { rubricChecks } from '../src/scoring/indicator-plan.js';
import { handWritten } from './hand-written.js';
import { draftRecord, eligibilityRecord, evidencedRecord, generateRecord } from './records.js';

const N = Number(process.env.BENCH_RECORDS ?? 10_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 100_000);
const WARMUP = Math.min(1_000, N);

if (process.env.BENCH_PART === 'batch') {
  await batch();
  process.exit(0);
}
if (process.env.BENCH_PART === 'serve') {
  const { startServer } = await import('../src/server/index.js');
  const server = await startServer({ port: 0 });
  console.log(server.url);
  process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
  await new Promise(() => {});
}
if (process.env.BENCH_PART === 'floor') {
  // The floor of the HTTP layer: node:http doing the same parse, evaluate and stringify.
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const result = await evaluate(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      const body = JSON.stringify(result);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(body);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    console.log(`http://127.0.0.1:${port}`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
  await new Promise(() => {});
}
if (process.env.BENCH_PART === 'file') {
  // The CLI against an in-process loop doing the same work on the same file: read with the
  // library's reader, evaluate, the NDJSON summary stringified; both once to warm up first.
  const file = process.env.BENCH_FILE as string;
  await loopBatch(file);
  const loop = await loopBatch(file);
  const cli = await fileBatch(file);
  console.log(
    `  the same work in-process: ${Math.round(loop.rate).toLocaleString('en-US')} records/s (per record p50 ${loop.p50.toFixed(1)} µs, p99 ${loop.p99.toFixed(1)} µs); the CLI at ${(cli / loop.rate).toFixed(2)}× of it`,
  );
  await httpBatch(file);
  const http = await httpBatch(file);
  console.log(
    `  POST /evaluate/batch?detail=summary with the file as its body (the app in-process, no socket): ${Math.round(http).toLocaleString('en-US')} records/s, at ${(http / loop.rate).toFixed(2)}× of the same work in-process`,
  );
  process.exit(0);
}

const batu = getRuleSet('perwali-batu-36-2022') as EligibilityRuleSet;
const iga = getRuleSet('iga-2026') as RubricRuleSet;

// Plain json-rules-engine: the same conditions (6 criteria' checks + 60 indicator levels) as rules.
// The same path rule as the library's (plain dotted paths through own properties), written
// here rather than imported: sharing the library's path reader with json-rules-engine's almanac
// objects makes that reader's property lookups megamorphic, which slowed evaluate() itself by
// about 40 % on drafts when both ran in one process.
const resolvePath = (value: unknown, path: string): unknown => {
  let current = value;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
};
const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolvePath });
for (const [name, fn] of Object.entries(EXTRA_OPERATORS)) engine.addOperator(name, fn);
for (const check of [...batu.criteria.flatMap((c) => c.checks), ...rubricChecks(iga)]) {
  engine.addRule({
    name: check.id,
    conditions: structuredClone(check.conditions) as never,
    event: { type: check.id },
  });
}

interface Timing {
  name: string;
  perSecond: number;
  p50: number;
  p99: number;
}

async function time(
  name: string,
  run: (i: number) => unknown,
  warmUp: (i: number) => unknown = run,
): Promise<Timing> {
  // Each path starts on a collected heap: the garbage of the path timed before it (plain
  // json-rules-engine leaves a great deal) is not charged to the next one.
  (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < WARMUP; i++) await warmUp(i);
  const samples = new Float64Array(N);
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const t0 = process.hrtime.bigint();
    await run(i);
    samples[i] = Number(process.hrtime.bigint() - t0) / 1_000;
  }
  const total = Number(process.hrtime.bigint() - start) / 1e9;
  samples.sort();
  return {
    name,
    perSecond: N / total,
    p50: samples[Math.floor(N * 0.5)] ?? 0,
    p99: samples[Math.floor(N * 0.99)] ?? 0,
  };
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

// `BENCH_PART=http`: the HTTP table only.
if (process.env.BENCH_PART === 'http') {
  await loadRun();
  process.exit(0);
}

// Every workload users have: a draft a form validates at each keystroke, an export with the
// eligibility facts only, a fully evidenced record, and the generated mix.
const WORKLOADS: [string, (i: number) => InnovationInput][] = [
  ['drafts (nama and opd only)', draftRecord],
  ['eligibility only (no IGA indicators)', eligibilityRecord],
  ['fully evidenced (20 indicators, each with bukti)', evidencedRecord],
  ['generated mix (20 indicators, 80% with bukti)', (i) => generateRecord(i)],
];
console.log(
  `inovasi-rules benchmark: ${fmt(N)} records per workload, Node ${process.version}, ${process.arch}`,
);
for (const [workload, make] of WORKLOADS) {
  const records = Array.from({ length: N }, (_, i) => make(i));
  const parsed = records.map((r) => InnovationSchema.parse(r));
  const facts = parsed.map((r) => factsOf(r));
  // The hand-written floor must agree with evaluate() before anything is timed.
  for (const [i, record] of records.entries()) {
    const { verdict, score } = await evaluate(record);
    const hand = handWritten(parsed[i] as (typeof parsed)[number]);
    const levels = score.indicators.map((x) => x.level);
    if (
      hand.verdict !== verdict ||
      hand.claimed !== score.claimed ||
      hand.proven !== score.proven ||
      hand.levels.join() !== levels.join()
    ) {
      console.error(`${workload}, record ${i}: evaluate and the hand-written function disagree`);
      process.exit(1);
    }
  }
  const jre = await time('json-rules-engine, one Engine reused', (i) => engine.run(facts[i]));
  const ours = await time('evaluate(): eligibility + IGA score + reasons', (i) =>
    evaluate(records[i]),
  );
  const hand = await time('hand-written TypeScript (the floor)', (i) =>
    handWritten(parsed[i] as (typeof parsed)[number]),
  );
  // Cold: records the process has never seen (other generated records, fresh objects), each
  // evaluated once, the warm-up on yet others; json-rules-engine given their parsed facts.
  const fresh = Array.from({ length: N + WARMUP }, (_, i) => make(1_000_000 + i));
  const freshFacts = fresh.map((r) => factsOf(InnovationSchema.parse(r)));
  const jreCold = await time(
    'json-rules-engine, records never seen',
    (i) => engine.run(freshFacts[i]),
    (i) => engine.run(freshFacts[N + i]),
  );
  const oursCold = await time(
    'evaluate(), records never seen',
    (i) => evaluate(fresh[i] as InnovationInput),
    (i) => evaluate(fresh[N + i] as InnovationInput),
  );
  console.log(`\n**${workload}**\n`);
  console.log(
    '| path | records/s | p50 µs | p99 µs | speed-up on json-rules-engine (p50) | cost over the hand-written floor (p50) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const t of [jre, ours, hand]) {
    console.log(
      `| ${t.name} | ${fmt(t.perSecond)} | ${fmt(t.p50, 1)} | ${fmt(t.p99, 1)} | ${fmt(jre.p50 / t.p50, 1)}× | ${fmt(t.p50 / hand.p50, 1)}× |`,
    );
  }
  for (const t of [jreCold, oursCold]) {
    console.log(
      `| ${t.name} | ${fmt(t.perSecond)} | ${fmt(t.p50, 1)} | ${fmt(t.p99, 1)} | ${fmt(jreCold.p50 / t.p50, 1)}× (cold) | ${fmt(t.p50 / hand.p50, 1)}× |`,
    );
  }
}

// The planner on a region of 200 innovations (the generated mix, the affairs spread over the six
// basic-service ones), greedy beside the exact optimiser; the first optimal plan also loads
// HiGHS' WebAssembly, so it is timed apart.
{
  const { planRegion } = await import('../src/features/plan.js');
  const { getRuleSet } = await import('../src/index.js');
  const rubric = getRuleSet('iga-2026') as { region: { basicServiceRule?: { urusan: string[] } } };
  const affairs = rubric.region.basicServiceRule?.urusan ?? ['kesehatan'];
  const region = {
    pemda: 'Kabupaten Bench',
    tahun: 2026,
    spd: { spd_visi_misi: 2, spd_pad: 1 },
    inovasi: Array.from({ length: 200 }, (_, i) => ({
      ...generateRecord(i),
      tahun: 2026,
      urusan: [affairs[i % affairs.length] as string],
    })),
  };
  const seconds = async (run: () => Promise<unknown>) => {
    const t0 = process.hrtime.bigint();
    await run();
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  const first = await seconds(() => planRegion(region, { budget: 5 }));
  const greedy = await seconds(() => planRegion(region, { method: 'greedy' }));
  const optimal = await seconds(() => planRegion(region));
  const budgeted = await seconds(() => planRegion(region, { budget: 60 }));
  const plans = await Promise.all([planRegion(region, { method: 'greedy' }), planRegion(region)]);
  console.log('\n**planRegion, 200 innovations**\n');
  console.log('| path | seconds | plan cost (person-days) | ratio to greedy |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| greedy (method: 'greedy') | ${fmt(greedy, 2)} | ${fmt(plans[0].cost)} | 1.0× |`);
  console.log(
    `| optimal, cheapest to the next band (HiGHS) | ${fmt(optimal, 2)} | ${fmt(plans[1].cost)} | ${fmt(optimal / greedy, 1)}× |`,
  );
  console.log(
    `| optimal, highest IID within 60 days | ${fmt(budgeted, 2)} | ≤ 60 | ${fmt(budgeted / greedy, 1)}× |`,
  );
  console.log(
    `| first plan of the process (loads HiGHS) | ${fmt(first, 2)} | | ${fmt(first / greedy, 1)}× |`,
  );

  // Regions and plans by size: evaluateRegion per innovation against evaluate() per record (the
  // same kind of records, never seen before), and both plans; each size on records of its own.
  const { evaluateRegion } = await import('../src/index.js');
  const sized = (n: number, seed: number) => ({
    ...region,
    inovasi: Array.from({ length: n }, (_, i) => ({
      ...generateRecord(seed + i),
      tahun: 2026,
      urusan: [affairs[i % affairs.length] as string],
    })),
  });
  console.log(
    '\n**Regions and plans by size** (per innovation in µs: the median of several rounds, each on records never seen, evaluate() and evaluateRegion taking turns; plans in seconds)\n',
  );
  console.log(
    '| innovations | rounds | evaluate() per record µs | evaluateRegion per innovation µs | ratio | evaluateRegion p99 of rounds µs | greedy plan s | optimal plan s |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
  for (const n of [10, 100, 1_000, 5_000]) {
    // About 20,000 innovations of each per size (at least 3 rounds): one round of 10 innovations
    // is a few milliseconds, where a collection or a compile decides the figure.
    const rounds = Math.max(3, Math.min(2_000, Math.ceil(20_000 / n)));
    const single: number[] = [];
    const whole: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const seed = 10_000_000 + n * 10_000 + round * n * 2;
      const records = sized(n, seed).inovasi;
      const region = sized(n, seed + n);
      single.push(
        (await seconds(async () => {
          for (const r of records) await evaluate(r);
        })) / n,
      );
      whole.push((await seconds(() => evaluateRegion(region))) / n);
    }
    const one = median(single);
    const each = median(whole);
    const tail = [...whole].sort((a, b) => a - b)[Math.min(rounds - 1, Math.floor(rounds * 0.99))];
    const planned = [
      await seconds(() => planRegion(sized(n, 30_000_000 + n * 10), { method: 'greedy' })),
      await seconds(() => planRegion(sized(n, 40_000_000 + n * 10))),
    ];
    console.log(
      `| ${fmt(n)} | ${rounds} | ${fmt(one * 1e6, 1)} | ${fmt(each * 1e6, 1)} | ${fmt(each / one, 2)}× | ${fmt((tail ?? 0) * 1e6, 1)} | ${fmt(planned[0] as number, 2)} | ${fmt(planned[1] as number, 2)} |`,
    );
  }
}

// `BENCH_PART=workloads`: the tables above only.
if (process.env.BENCH_PART === 'workloads') process.exit(0);

// Batch throughput and peak memory, each in a fresh process so that the figures are its own.
function part(name: string, env: Record<string, string> = {}) {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
    env: { ...process.env, BENCH_PART: name, ...env },
    encoding: 'utf8',
  });
  process.stdout.write(child.stdout);
  process.stderr.write(child.stderr);
}
part('batch');

// The CLI's batch path: files of BATCH records read as a stream (NDJSON and CSV), evaluated and
// written out as NDJSON (to nowhere).
const dir = mkdtempSync(join(tmpdir(), 'inovasi-bench-'));
const ndjson = join(dir, 'records.ndjson');
const csv = join(dir, 'records.csv');
const flat = (r: InnovationInput) => ({
  nama: r.nama,
  tahun: r.tahun,
  kebaruan: r.kebaruan,
  manfaatBagi: (r.manfaatBagi ?? []).join(';'),
  untukKepentinganPribadi: r.untukKepentinganPribadi,
  pungutanBaru: r.pungutanBaru,
  membatasiAkses: r.membatasiAkses,
  urusan: (r.urusan ?? []).join(';'),
  dapatDireplikasi: r.dapatDireplikasi,
  prasyaratReplikasi: r.prasyaratReplikasi,
  'indikator.sdm.jumlah': r.indikator?.sdm?.jumlah,
  'indikator.video.substansi': r.indikator?.video?.substansi,
});
const columns = Object.keys(flat(generateRecord(0)));
const quote = (v: unknown) =>
  v === undefined || v === null ? '' : `"${String(v).replace(/"/g, '""')}"`;
const nd = createWriteStream(ndjson);
const cs = createWriteStream(csv);
cs.write(`${columns.join(',')}\n`);
for (let i = 0; i < BATCH; i++) {
  const r = generateRecord(i, 11);
  nd.write(`${JSON.stringify(r)}\n`);
  const f = flat(r) as Record<string, unknown>;
  cs.write(`${columns.map((c) => quote(f[c])).join(',')}\n`);
}
await Promise.all([new Promise((r) => nd.end(r)), new Promise((r) => cs.end(r))]);
part('file', { BENCH_FILE: ndjson });
part('file', { BENCH_FILE: csv });
filesAsProcesses(dir, [ndjson, csv]);
await slowPipe(ndjson, 'full');
await slowPipe(ndjson, 'summary');
rmSync(dir, { recursive: true, force: true });
await loadRun();
startUp();

/**
 * The CLI writing every evaluation into a reader slower than it (a pipe that drains 64 kB every
 * millisecond): with backpressure its memory stays flat. Peak RSS read from /proc while it runs.
 */
async function slowPipe(file: string, detail: 'full' | 'summary'): Promise<void> {
  const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
  const start = process.hrtime.bigint();
  const cli = spawn(
    process.execPath,
    ['--import', 'tsx', main, 'evaluate', file, '--format', 'ndjson', '--detail', detail],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let bytes = 0;
  cli.stdout.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    cli.stdout.pause();
    setTimeout(() => cli.stdout.resume(), 1);
  });
  let peak = 0;
  const poll = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${cli.pid}/status`, 'utf8');
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    } catch {}
  }, 50);
  await new Promise((r) => cli.once('exit', r));
  clearInterval(poll);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(
    `cli evaluate NDJSON --detail ${detail.padEnd(7)} into a slow reader: ${fmt(BATCH)} records, ${fmt(bytes / 2 ** 20, 1)} MB out in ${fmt(seconds, 1)} s, peak RSS ${fmt(peak)} MB`,
  );
}

/**
 * The HTTP API under load: the server in its own process on 127.0.0.1, autocannon posting one
 * generated record to /evaluate for a bounded time at 1, 10 and 50 connections, after a warm-up
 * of each server; the server's peak RSS read from /proc.
 */
async function loadRun(): Promise<void> {
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
  const start = async (which: 'serve' | 'floor') => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
      env: { ...process.env, BENCH_PART: which },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await new Promise<string>((resolve) =>
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
    );
    return { child, url };
  };
  const body = JSON.stringify(generateRecord(1));
  const load = (url: string, connections: number, path = '/evaluate') =>
    autocannon({
      url: `${url}${path}`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      connections,
      duration: seconds,
    });
  const api = await start('serve');
  const floor = await start('floor');
  // Both servers warmed up first (JIT, kept results, sockets), as every other workload is: the
  // rows are a running server's steady state, not its first seconds.
  await load(api.url, 10);
  await load(api.url, 10, '/evaluate?detail=summary');
  await load(floor.url, 10, '/');
  console.log(
    `\nHTTP API, POST /evaluate on 127.0.0.1, ${seconds} s per row (autocannon), against the floor: a bare node:http server doing the same parse, evaluate() and stringify:`,
  );
  console.log(
    '| connections | requests/s | p50 ms | p99 ms | errors | server peak RSS MB | floor requests/s | floor p99 ms | share of the floor | ?detail=summary requests/s |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const connections of [1, 10, 50]) {
    const result = await load(api.url, connections);
    const status = readFileSync(`/proc/${api.child.pid}/status`, 'utf8');
    const peak = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    const bare = await load(floor.url, connections, '/');
    const summary = await load(api.url, connections, '/evaluate?detail=summary');
    console.log(
      `| ${connections} | ${fmt(result.requests.average)} | ${fmt(result.latency.p50, 1)} | ${fmt(result.latency.p99, 1)} | ${result.errors + result.non2xx} | ${fmt(peak)} | ${fmt(bare.requests.average)} | ${fmt(bare.latency.p99, 1)} | ${fmt(result.requests.average / bare.requests.average, 2)}× | ${fmt(summary.requests.average)} |`,
    );
  }
  for (const { child } of [api, floor]) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/**
 * Start-up: a process that prints `inovasi-rules --help`, and one that imports the main entry
 * and evaluates one record, against a bare `node -e ''`; each started 15 times, wall time from
 * spawn to exit (the built files in dist/).
 */
function startUp(): void {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const runs = 15;
  const timeOf = (args: string[]) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const begun = process.hrtime.bigint();
      const done = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
      if (done.status !== 0) throw new Error(`${args.join(' ')} exited ${done.status}`);
      samples.push(Number(process.hrtime.bigint() - begun) / 1e6);
    }
    samples.sort((a, b) => a - b);
    return { p50: samples[Math.floor(runs / 2)] ?? 0, p99: samples[runs - 1] ?? 0 };
  };
  const bare = timeOf(['-e', '']);
  const rows = [
    ["node -e '' (the baseline)", bare],
    ['inovasi-rules --help', timeOf(['dist/cli.js', '--help'])],
    [
      'first evaluate() from the main entry',
      timeOf([
        '--input-type=module',
        '-e',
        "const { evaluate } = await import('./dist/index.js'); await evaluate({ nama: 'x' });",
      ]),
    ],
    [
      'first safeEvaluate() from inovasi-rules/core',
      timeOf([
        '--input-type=module',
        '-e',
        "const { safeEvaluate } = await import('./dist/core.js'); const { ruleSet } = await import('./dist/rule-sets/pp-38-2017.js'); const { ruleSet: rubric } = await import('./dist/rule-sets/iga-2026.js'); await safeEvaluate({ nama: 'x' }, { ruleSet, rubric });",
      ]),
    ],
  ] as const;
  console.log(`\nStart-up, ${runs} processes each (ms from spawn to exit):`);
  console.log('| process | p50 ms | max ms | over bare node (p50) |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name, t] of rows) {
    console.log(`| ${name} | ${fmt(t.p50)} | ${fmt(t.p99)} | ${fmt(t.p50 / bare.p50, 1)}× |`);
  }
}

/** Reads a file with `readRecords`, evaluates each record and stringifies its summary: records/s. */
async function loopBatch(file: string): Promise<{ rate: number; p50: number; p99: number }> {
  const { readRecords } = await import('../src/io/index.js');
  const { summarizeEvaluation } = await import('../src/index.js');
  let lines = 0;
  let bytes = 0;
  const took: number[] = [];
  const start = process.hrtime.bigint();
  for await (const row of readRecords(file)) {
    if (row.record === undefined) continue;
    const t0 = process.hrtime.bigint();
    bytes += JSON.stringify(summarizeEvaluation(await evaluate(row.record))).length;
    took.push(Number(process.hrtime.bigint() - t0) / 1e3);
    lines++;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  took.sort((a, b) => a - b);
  const at = (q: number) => took[Math.min(took.length - 1, Math.floor(q * took.length))] ?? 0;
  return { rate: bytes > 0 ? lines / seconds : 0, p50: at(0.5), p99: at(0.99) };
}

/**
 * The batch route given a whole file as its body, as a regional app uploads an officer's sheet:
 * the app's own `request` (no socket), its NDJSON answer read to the end; records/s.
 */
async function httpBatch(file: string): Promise<number> {
  const { createApp } = await import('../src/server/index.js');
  const app = createApp({ workers: 0 });
  const body = readFileSync(file);
  const type = file.endsWith('.csv') ? 'text/csv' : 'application/x-ndjson';
  const start = process.hrtime.bigint();
  const answer = await app.request('/evaluate/batch?detail=summary', {
    method: 'POST',
    body,
    headers: { 'content-type': type },
  });
  let lines = 0;
  for await (const chunk of answer.body as unknown as AsyncIterable<Uint8Array>) {
    for (const byte of chunk) if (byte === 10) lines++;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (answer.status !== 200 || lines !== BATCH) {
    throw new Error(`the batch route answered ${answer.status} with ${lines} lines for ${file}`);
  }
  return lines / seconds;
}

/** Runs the CLI's `evaluate` on a file, as a stream, and prints throughput and peak memory. */
async function fileBatch(file: string): Promise<number> {
  let lines = 0;
  const start = process.hrtime.bigint();
  // The time between two lines written: what one record costs the CLI, read, evaluated and
  // written (a stream has no other per-record clock).
  const gaps = new Float64Array(BATCH + 1);
  let last = start;
  const code = await run(['evaluate', file, '--format', 'ndjson'], {
    stdout: () => {
      const now = process.hrtime.bigint();
      if (lines < gaps.length) gaps[lines] = Number(now - last) / 1e3;
      last = now;
      lines++;
    },
    stderr: () => {},
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  // The first gap holds the start (the header, the first chunk): left out.
  const between = gaps.subarray(1, Math.min(lines, gaps.length)).sort();
  const at = (q: number) =>
    between[Math.min(between.length - 1, Math.floor(q * between.length))] ?? 0;
  const fmt = (n: number, digits = 0) =>
    n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(
    `cli evaluate ${file.endsWith('.csv') ? 'CSV   ' : 'NDJSON'}: ${fmt(lines)} records in ${fmt(seconds, 1)} s = ${fmt(lines / seconds)} records/s, per record p50 ${fmt(at(0.5), 1)} µs, p99 ${fmt(at(0.99), 1)} µs, peak RSS ${fmt(peak)} MB (exit ${code})`,
  );
  return lines / seconds;
}

/**
 * The CLI from a file into a file, as a user runs it (`evaluate FILE --format ndjson -o OUT`,
 * a fresh process), against the same work written as a script (`bench/loop-file.mjs`: the
 * library's reader, evaluate(), the summary into a file stream), also a fresh process: both
 * load `dist/` and start cold. Taking turns, the median of rounds; both outputs must agree.
 */
function filesAsProcesses(dir: string, files: readonly string[]): void {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const rounds = Number(process.env.BENCH_FILE_ROUNDS ?? 5);
  const seconds = (args: string[]) => {
    const begun = process.hrtime.bigint();
    const done = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    if (done.status !== 0) throw new Error(`${args.join(' ')} exited ${done.status}`);
    return Number(process.hrtime.bigint() - begun) / 1e9;
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  console.log(
    `\nThe CLI into a file against the same work as a script, each a fresh process, ${rounds} rounds taking turns (median wall time, start-up included; the ratio is the median of each round's, so that a slow spell of the machine weighs on both sides alike):`,
  );
  console.log('| input | records | CLI -o s | script s | CLI records/s | CLI at × the script |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const file of files) {
    const cliOut = join(dir, 'cli.ndjson');
    const loopOut = join(dir, 'loop.ndjson');
    const cli: number[] = [];
    const loop: number[] = [];
    for (let r = 0; r < rounds; r++) {
      cli.push(seconds(['dist/cli.js', 'evaluate', file, '--format', 'ndjson', '-o', cliOut]));
      loop.push(seconds(['bench/loop-file.mjs', file, loopOut]));
    }
    if (readFileSync(cliOut, 'utf8') !== readFileSync(loopOut, 'utf8')) {
      throw new Error(`the CLI and the script wrote different lines for ${file}`);
    }
    const kind = file.endsWith('.csv') ? 'CSV' : 'NDJSON';
    console.log(
      `| ${kind} | ${fmt(BATCH)} | ${fmt(median(cli), 1)} | ${fmt(median(loop), 1)} | ${fmt(BATCH / median(cli))} | ${fmt(median(loop.map((s, r) => s / (cli[r] as number))), 2)}× |`,
    );
  }
}

/** Streams generated records through evaluate(), keeping only counts. */
async function batch(): Promise<void> {
  let peak = process.memoryUsage().rss;
  const counts = { eligible: 0, not_eligible: 0, incomplete: 0 };
  // Each call's time too, for the tail: records generated outside the timed call.
  const took = new Float64Array(BATCH);
  const start = process.hrtime.bigint();
  for (let i = 0; i < BATCH; i++) {
    const record = generateRecord(i, 7);
    const t0 = process.hrtime.bigint();
    const { verdict } = await evaluate(record);
    took[i] = Number(process.hrtime.bigint() - t0) / 1e3;
    counts[verdict]++;
    if (i % 1_000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  took.sort();
  const at = (q: number) => took[Math.min(BATCH - 1, Math.floor(q * BATCH))] ?? 0;
  const fmt = (n: number, digits = 0) =>
    n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  console.log(
    `\nbatch: ${fmt(BATCH)} records through evaluate() in ${fmt(seconds, 1)} s = ${fmt(BATCH / seconds)} records/s, per record p50 ${fmt(at(0.5), 1)} µs, p99 ${fmt(at(0.99), 1)} µs, peak RSS ${fmt(peak / 2 ** 20)} MB (${counts.eligible} eligible, ${counts.not_eligible} not eligible, ${counts.incomplete} incomplete)`,
  );
}
