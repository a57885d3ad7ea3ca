import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

describe('inovasi-rules serve (spawned)', () => {
  it('serves on 127.0.0.1, logs JSON lines, and on SIGTERM finishes the request in flight', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        `${root}src/cli/main.ts`,
        'serve',
        '--port',
        '0',
        '--rule-set',
        `${root}examples/perbup-contoh.json`,
      ],
      // No coverage from the child: c8 merges a tsx-compiled copy of a file badly with the
      // workers' own (see test/helpers.ts).
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NODE_V8_COVERAGE: undefined },
      },
    );
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
