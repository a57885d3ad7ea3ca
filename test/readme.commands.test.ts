import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Every command of the README's shell blocks, run as written, as a newcomer runs them: in a fresh
// copy of the repository (the files a clone has, no dist/; node_modules shared), after the
// README's first command. So `npx inovasi-rules` is the built bin, and a missing build step
// fails here. `serve` is started on a free port instead of 8080, and the README's curl call is
// sent to it.
const root = new URL('../', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] as string);
const lines = blocks
  .flatMap((block) => block.replace(/\\\n\s*/g, '').split('\n'))
  .map((line) => line.replace(/\s+#.*$/, '').trim());
const commands = lines.filter((l) => l.includes('npx inovasi-rules') && !l.includes(' serve'));
const serve = lines.find((l) => l.startsWith('npx inovasi-rules serve'));
const curls = lines.filter((l) => l.startsWith('curl '));
// The first screen's first command, without the install (node_modules is shared).
const first = (blocks[0] ?? '')
  .split('\n')[0]
  ?.replace(/\s+#.*$/, '')
  .replace(/^npm install && /, '');

const copy = mkdtempSync(join(tmpdir(), 'inovasi-readme-'));
const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
  cwd: root,
  encoding: 'utf8',
});
for (const file of listed.stdout.split('\0').filter(Boolean)) {
  if (!existsSync(join(root, file))) continue;
  mkdirSync(dirname(join(copy, file)), { recursive: true });
  copyFileSync(join(root, file), join(copy, file));
}
symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
const shell = (command: string) =>
  spawnSync('bash', ['-o', 'pipefail', '-c', command], {
    cwd: copy,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });

// Hang guards only (a build on a loaded machine takes what it takes): nothing here is timed.
const GUARD = 600_000;

describe('the README commands run as written', () => {
  beforeAll(() => {
    expect(existsSync(join(copy, 'dist'))).toBe(false);
    const result = shell(first as string);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Kota Batu');
  }, GUARD);

  it('finds them, and the first command leaves a built command line', () => {
    expect(first).toBe('npm run demo');
    expect(commands.length).toBeGreaterThanOrEqual(15);
    expect(serve).toBeDefined();
    expect(curls.length).toBeGreaterThanOrEqual(1);
    expect(existsSync(join(copy, 'dist/cli.js'))).toBe(true);
  });

  it.each(commands)(
    '%s',
    (command) => {
      const result = shell(command);
      expect(result.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
      expect(result.status, result.stderr).toBe(0);
    },
    GUARD,
  );

  let server: ChildProcess | undefined;
  afterAll(() => {
    // npx runs the server as its child: end the whole process group.
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  });

  it(
    'serve, then the curl call',
    async () => {
      const command = (serve as string).replace('--port 8080', '--port 0');
      server = spawn('bash', ['-c', `exec ${command}`], {
        cwd: copy,
        stdio: ['ignore', 'ignore', 'pipe'],
        detached: true,
      });
      const url = await new Promise<string>((resolve, reject) => {
        let stderr = '';
        const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), GUARD);
        server?.on('exit', (code) => reject(new Error(`serve ended (${code}): ${stderr}`)));
        server?.stderr?.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const m = /HTTP API on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
          if (m) {
            clearTimeout(timer);
            resolve(m[1] as string);
          }
        });
      });
      for (const curl of curls) {
        const result = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
          const child = spawn('bash', ['-c', curl.replaceAll('http://127.0.0.1:8080', url)], {
            cwd: copy,
          });
          let stdout = '';
          child.stdout.on('data', (c: Buffer) => {
            stdout += c.toString();
          });
          child.on('exit', (code) => resolve({ code, stdout }));
        });
        expect(result.code).toBe(0);
        const body = JSON.parse(result.stdout);
        // The what-if call answers with the comparison; the others with an evaluation.
        if (curl.includes('/region/compare')) {
          expect(body.whatIf).toMatchObject({ overlay: { divisorFloor: 14 }, stored: false });
          expect(body.b.divisor).toBe(14);
        } else expect(body).toMatchObject({ verdict: 'not_eligible' });
      }
    },
    GUARD,
  );
});
