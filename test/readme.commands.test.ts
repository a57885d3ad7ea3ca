import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every `npx inovasi-rules …` line of the README's shell blocks, run as written (through the
// source, in a folder holding the repository's examples), must run: exit 0, or 2 when the
// command's input holds an invalid record on purpose; never a usage error or a stack trace.
const root = new URL('../', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const commands = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
  .flatMap((m) => (m[1] as string).split('\n'))
  .map((line) => line.replace(/\s+#.*$/, '').trim())
  .filter((line) => line.includes('npx inovasi-rules'));

const cwd = mkdtempSync(join(tmpdir(), 'inovasi-readme-'));
symlinkSync(join(root, 'examples'), join(cwd, 'examples'));
const cli = `${process.execPath} --import ${join(root, 'node_modules/tsx/dist/esm/index.mjs')} ${join(root, 'src/cli/main.ts')}`;

describe('the README commands run as written', () => {
  it('finds them', () => {
    expect(commands.length).toBeGreaterThanOrEqual(15);
  });

  it.each(commands)('%s', (command) => {
    const result = spawnSync(
      'bash',
      ['-o', 'pipefail', '-c', command.replaceAll('npx inovasi-rules', cli)],
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: 64 * 2 ** 20,
      },
    );
    expect(result.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
    expect(result.status, result.stderr).toBe(0);
  });
});
