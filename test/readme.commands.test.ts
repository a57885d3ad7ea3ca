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

/** What a command printed on its error stream, and how it ended. */
interface Ran {
  status: number | null;
  stderr: string;
}

/** A command run in the copy, without blocking the others. */
const run = (command: string) =>
  new Promise<Ran>((resolve) => {
    const child = spawn('bash', ['-o', 'pipefail', '-c', command], {
      cwd: copy,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('close', (status) => resolve({ status, stderr }));
  });

/**
 * Whether a command reads a file under `reports/` (a file an earlier command wrote): such a
 * command waits for every command before it; the others run side by side.
 */
const readsReports = (command: string) =>
  command.split(/\s+/).some((word, i, words) => /^reports\//.test(word) && words[i - 1] !== '-o');

/**
 * Runs the commands, at most `width` at once, each reader of `reports/` after all that come
 * before it in the README. Most of a command's time is npx and node starting, so side by side
 * is what keeps this file short on a slow machine.
 */
async function runAll(all: readonly string[], width: number): Promise<Map<string, Ran>> {
  const results = new Map<string, Ran>();
  const running = new Set<Promise<void>>();
  for (const command of all) {
    if (readsReports(command)) await Promise.all(running);
    while (running.size >= width) await Promise.race(running);
    const done: Promise<void> = run(command).then((result) => {
      results.set(command, result);
      running.delete(done);
    });
    running.add(done);
  }
  await Promise.all(running);
  return results;
}

// Hang guards only (a build on a loaded machine takes what it takes): nothing here is timed.
const GUARD = 600_000;

describe('the README commands run as written', () => {
  let results = new Map<string, Ran>();
  beforeAll(async () => {
    expect(existsSync(join(copy, 'dist'))).toBe(false);
    const result = shell(first as string);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Kota Batu');
    results = await runAll(commands, 3);
  }, GUARD);

  it('knows which commands read what another wrote', () => {
    expect(readsReports('npx inovasi-rules verify reports/berkas-daerah.html')).toBe(true);
    expect(readsReports('npx inovasi-rules evaluate x.csv -o reports/hasil.ndjson')).toBe(false);
    expect(readsReports('npx inovasi-rules rules new x --dir reports')).toBe(false);
  });

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
      const result = results.get(command) as Ran;
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
        // A batch answers a line per row of the workbook sent, each with its verdict.
        if (curl.includes('/evaluate/batch')) {
          const lines = result.stdout
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line));
          expect(lines.length).toBeGreaterThan(1);
          for (const line of lines) expect(line.evaluation.verdict).toMatch(/eligible|incomplete/);
          continue;
        }
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
