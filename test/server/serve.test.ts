import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

/** `inovasi-rules serve --port 0 ...args` in a child process, its standard error piped. */
const spawnServe = (...args: string[]) =>
  spawn(
    process.execPath,
    ['--import', 'tsx', `${root}src/cli/main.ts`, 'serve', '--port', '0', ...args],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      // No coverage from the child: c8 merges a tsx-compiled copy of a file badly with the
      // workers' own (see test/helpers.ts).
      env: { ...process.env, NODE_V8_COVERAGE: undefined },
    },
  );

describe('inovasi-rules serve (spawned)', () => {
  it('serves on 127.0.0.1, logs JSON lines, and on SIGTERM finishes the request in flight', async () => {
    const child = spawnServe('--rule-set', `${root}examples/perbup-contoh.json`);
    let stderr = '';
    child.stderr.setEncoding('utf8');
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL: ${stderr}`)), 120_000);
      child.stderr.on('data', (chunk: string) => {
        stderr += chunk;
        const m = /HTTP API on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
        if (m) {
          clearTimeout(timer);
          resolve(m[1] as string);
        }
      });
    });
    const list = (await (await fetch(`${url}/rule-sets`)).json()) as { id: string }[];
    expect(list.map((r) => r.id)).toContain('perbup-contoh-2024');

    // A batch whose body is still arriving when SIGTERM comes: it must still be answered whole.
    let push: (line: string | null) => void = () => {};
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (line) =>
          line === null ? controller.close() : controller.enqueue(new TextEncoder().encode(line));
      },
    });
    const answer = fetch(`${url}/evaluate/batch`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-ndjson' },
      duplex: 'half',
    } as RequestInit);
    push('{"nama":"A"}\n');
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    push('{"nama":"B"}\n');
    push(null);
    const lines = (await (await answer).text()).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).evaluation.nama)).toStrictEqual(['A', 'B']);
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(stderr).toContain('finishing requests in flight');
    const logLines = stderr.split('\n').filter((l) => l.startsWith('{'));
    expect(JSON.parse(logLines[0] as string)).toMatchObject({
      method: 'GET',
      path: '/rule-sets',
      status: 200,
    });
  });
});

describe('inovasi-rules serve --rule-set-dir --watch (spawned)', () => {
  it('judges the next request with a Perbup dropped into the folder, and a broken one changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aturan-'));
    const perbup = readFileSync(`${root}examples/perbup-contoh.json`, 'utf8');
    writeFileSync(join(dir, 'perbup-contoh.json'), perbup);
    const child = spawnServe('--quiet', '--rule-set-dir', dir, '--watch');
    let stderr = '';
    const waiters: { test: RegExp; done: () => void }[] = [];
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      for (const w of waiters.filter((w) => w.test.test(stderr))) w.done();
    });
    /** Resolves once standard error has shown `test` (or already has). */
    const logged = (test: RegExp) =>
      new Promise<void>((done) => {
        if (test.test(stderr)) done();
        else waiters.push({ test, done });
      });
    try {
      await logged(/HTTP API on http:\/\/127\.0\.0\.1:\d+/);
      const url = /HTTP API on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1] as string;
      const ids = async () =>
        ((await (await fetch(`${url}/rule-sets`)).json()) as { id: string }[]).map((r) => r.id);
      expect(await ids()).toContain('perbup-contoh-2024');

      const dua = JSON.parse(perbup) as Record<string, unknown>;
      writeFileSync(
        join(dir, 'perbup-dua.json'),
        JSON.stringify({ ...dua, $schema: undefined, id: 'perbup-dua-2025' }),
      );
      await logged(/"event":"rule-set-loaded","file":"[^"]*perbup-dua\.json"/);
      expect(await ids()).toContain('perbup-dua-2025');
      const judged = await fetch(`${url}/evaluate?ruleSet=perbup-dua-2025`, {
        method: 'POST',
        body: JSON.stringify({ nama: 'Inovasi' }),
        headers: { 'content-type': 'application/json' },
      });
      expect(
        ((await judged.json()) as { basis: { ruleSet: { id: string } } }).basis.ruleSet.id,
      ).toBe('perbup-dua-2025');

      writeFileSync(join(dir, 'perbup-dua.json'), '{ "id": "perbup-dua-2025", ');
      await logged(/"event":"rule-set-refused","file":"[^"]*perbup-dua\.json".*"kept":true/);
      expect(await ids()).toContain('perbup-dua-2025');
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
