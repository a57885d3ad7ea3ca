/**
 * The long hostile cases (`npm run test:hostile`): a real server process under concurrent
 * maximum-size requests of every shape, and stopped under load. Each asserts an outcome (status,
 * code, bounded memory, nothing reset); the fast cases of the same classes run in `npm test`
 * (see README.md beside this file).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import region from '../../examples/kota-batu-2024.json' with { type: 'json' };
import { eligibleRecord } from '../helpers.js';

const root = new URL('../../', import.meta.url).pathname;
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

/** A server process from source; resolves with its URL. */
async function serve(...args: string[]): Promise<string> {
  child = spawn(
    process.execPath,
    ['--import', 'tsx', `${root}src/cli/main.ts`, 'serve', '--port', '0', '--quiet', ...args],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NODE_V8_COVERAGE: undefined },
    },
  );
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  return new Promise((resolve) => {
    child?.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
      const m = /HTTP API on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (m) resolve(m[1] as string);
    });
  });
}

/** The server process's peak resident memory, in MB (Linux). */
const peakMb = () =>
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child?.pid}/status`, 'utf8'))?.[1]) / 1024;

const texts = {
  ...eligibleRecord(),
  ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`teks${i}`, 'b'.repeat(99_000)])),
};
const shapes: [string, string, unknown][] = [
  ['long texts', '/evaluate', texts],
  [
    '19,000 unknown affairs',
    '/evaluate',
    {
      nama: 'x',
      urusan: Array.from({ length: 19_000 }, (_, i) => `urusan-${i}-${'z'.repeat(30)}`),
    },
  ],
  [
    'a 13,000-innovation region',
    '/region',
    {
      pemda: 'Kota X',
      tahun: 2024,
      inovasi: Array.from({ length: 13_000 }, (_, i) => ({ nama: `I${i}` })),
    },
  ],
  [
    'a 2,000-innovation region',
    '/region',
    {
      pemda: 'Kota X',
      tahun: 2024,
      inovasi: Array.from({ length: 2_000 }, (_, i) => ({
        nama: `I${i}`,
        kebaruan: 'sebagian',
        urusan: ['kesehatan'],
      })),
    },
  ],
  [
    'a 400-innovation plan',
    '/region/plan',
    {
      pemda: 'Kota X',
      tahun: 2024,
      inovasi: Array.from({ length: 400 }, (_, i) => ({
        nama: `I${i}`,
        kebaruan: 'sebagian',
        urusan: ['kesehatan'],
        indikator: { sdm: { jumlah: 5 } },
      })),
    },
  ],
];

describe('a server under sixteen concurrent maximum-size requests of every shape', () => {
  it('answers each (200, 413, 422 or 503 with Retry-After) and stays under 1 GB', async () => {
    const url = await serve();
    for (const [name, path, body] of shapes) {
      const text = JSON.stringify(body);
      const answers = await Promise.all(
        Array.from({ length: 16 }, () =>
          fetch(url + path, {
            method: 'POST',
            body: text,
            headers: { 'content-type': 'application/json' },
          }).then(async (res) => ({
            status: res.status,
            retry: res.headers.get('retry-after'),
            size: (await res.arrayBuffer()).byteLength,
          })),
        ),
      );
      for (const a of answers) {
        expect([200, 413, 422, 503], name).toContain(a.status);
        if (a.status === 503) expect(a.retry, name).toBe('1');
      }
      expect((await fetch(`${url}/health`)).status, name).toBe(200);
    }
    expect(peakMb()).toBeLessThan(1024);
  });
});

describe('a server stopped by SIGTERM under load', () => {
  it('answers every request already sent, resets none, and exits 0', async () => {
    const url = await serve('--max-inflight', '800');
    const body = JSON.stringify(region);
    const sent = Array.from({ length: 100 }, () =>
      fetch(`${url}/region`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      }).then(
        (res) => res.status,
        (error: Error) => String((error as { cause?: unknown }).cause ?? error),
      ),
    );
    await Promise.race(sent);
    child?.kill('SIGTERM');
    const statuses = await Promise.all(sent);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const [code] = await once(child as ChildProcess, 'exit');
    expect(code).toBe(0);
  });
});
