import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Every command of the README's shell blocks, run as written (through the source, in a folder
// holding the repository's examples): exit 0, never a usage error or a stack trace. `serve` is
// started on a free port instead of 8080, and the README's curl call is sent to it.
const root = new URL('../', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const lines = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
  .flatMap((m) => (m[1] as string).replace(/\\\n\s*/g, '').split('\n'))
  .map((line) => line.replace(/\s+#.*$/, '').trim());
const commands = lines.filter((l) => l.includes('npx inovasi-rules') && !l.includes(' serve'));
const serve = lines.find((l) => l.startsWith('npx inovasi-rules serve'));
const curls = lines.filter((l) => l.startsWith('curl '));

const cwd = mkdtempSync(join(tmpdir(), 'inovasi-readme-'));
symlinkSync(join(root, 'examples'), join(cwd, 'examples'));
const cli = `${process.execPath} --import ${join(root, 'node_modules/tsx/dist/esm/index.mjs')} ${join(root, 'src/cli/main.ts')}`;
const shell = (command: string) =>
  spawnSync('bash', ['-o', 'pipefail', '-c', command.replaceAll('npx inovasi-rules', cli)], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });

describe('the README commands run as written', () => {
  it('finds them', () => {
    expect(commands.length).toBeGreaterThanOrEqual(15);
    expect(serve).toBeDefined();
    expect(curls.length).toBeGreaterThanOrEqual(1);
  });

  it.each(commands)('%s', (command) => {
    const result = shell(command);
    expect(result.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
    expect(result.status, result.stderr).toBe(0);
  });

  let server: ReturnType<typeof spawn> | undefined;
  afterAll(() => {
    server?.kill('SIGTERM');
  });

  it('serve, then the curl call', async () => {
    const command = (serve as string)
      .replace('--port 8080', '--port 0')
      .replaceAll('npx inovasi-rules', cli);
    server = spawn('bash', ['-c', `exec ${command}`], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let stderr = '';
      const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 20_000);
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
        const child = spawn('bash', ['-c', curl.replaceAll('http://127.0.0.1:8080', url)], { cwd });
        let stdout = '';
        child.stdout.on('data', (c: Buffer) => {
          stdout += c.toString();
        });
        child.on('exit', (code) => resolve({ code, stdout }));
      });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ verdict: 'not_eligible' });
    }
  });
});
