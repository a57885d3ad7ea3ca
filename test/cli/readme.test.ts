import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';

// The README's commands once more, in this process and through the sources: quick, and counted
// by the coverage. test/readme.commands.test.ts runs them as a newcomer does (a fresh copy, the
// built bin through npx); this file holds the same commands to the code they exercise.
const root = new URL('../../', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const lines = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
  .flatMap((m) => (m[1] as string).replace(/\\\n\s*/g, '').split('\n'))
  .map((line) => line.replace(/\s+#.*$/, '').trim());
// Commands whose input is a file (a pipe needs a shell; serve is tested with the HTTP server).
const commands = lines.filter(
  (l) => l.startsWith('npx inovasi-rules ') && !l.includes('|') && !l.includes(' serve'),
);

const scratch = mkdtempSync(join(tmpdir(), 'inovasi-readme-src-'));

/** Splits a command line as a shell does for these commands: spaces, and double quotes. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => (m[1] ?? m[2]) as string);
}

describe('the README commands, through the sources', () => {
  it('finds them', () => {
    expect(commands.length).toBeGreaterThanOrEqual(15);
  });

  it.each(commands)('%s', async (line) => {
    const out: string[] = [];
    const err: string[] = [];
    // What the README writes under reports/ goes to a folder of this run's own.
    const argv = words(line)
      .slice(2)
      .map((w) => (w === 'reports' ? scratch : w.replace(/^reports\//, `${scratch}/`)));
    const code = await run(argv, {
      stdout: (t) => void out.push(t),
      stderr: (t) => void err.push(t),
    });
    expect(code, err.join('\n')).toBe(0);
    // It printed its result, or wrote the file it was given.
    const file = argv[argv.indexOf('-o') + 1];
    if (argv.includes('-o') && file) expect(existsSync(file)).toBe(true);
    else expect(out.length + err.length).toBeGreaterThan(0);
  });
});
