import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';

const root = new URL('../../', import.meta.url).pathname;

async function lastLine(argv: string[]): Promise<string> {
  const out: string[] = [];
  const code = await run(argv, { stdout: (t) => void out.push(t), stderr: () => {} });
  expect(code).toBe(0);
  return (out.at(-1) ?? '').trim();
}

describe('the CLI counts what it did', () => {
  const csv = `${root}examples/batu-2024.csv`;

  it('counts verdicts when each record has one', async () => {
    const line = await lastLine(['evaluate', csv]);
    const m =
      /^(\d+) data: (\d+) memenuhi kriteria, (\d+) tidak memenuhi kriteria, (\d+) belum lengkap, 0 tidak valid$/.exec(
        line,
      );
    expect(m).not.toBeNull();
    const [total, ...parts] = (m as RegExpExecArray).slice(1).map(Number);
    expect(parts.reduce((a, b) => a + (b as number), 0)).toBe(total);
    expect(total).toBe(11);
  });

  it.each([
    [['evaluate', csv, '--rule-set', 'perwali-batu-36-2022', '--rule-set', 'kipp-2023']],
    [['check', csv]],
  ])('says how many were read, not zero verdicts, for %j', async (argv) => {
    expect(await lastLine(argv)).toBe('11 data: 11 diperiksa, 0 tidak valid');
  });
});

describe('a region file given to evaluate', () => {
  it('names the commands that read it', async () => {
    const err: string[] = [];
    const code = await run(['evaluate', `${root}examples/kota-batu-2024.json`], {
      stdout: () => {},
      stderr: (t) => void err.push(t),
    });
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('pakai `inovasi-rules region` untuk indeksnya');
  });
});

describe('--format json when the run fails', () => {
  it('prints one JSON document with the error’s code and issues', async () => {
    const out: string[] = [];
    const code = await run(['evaluate', '/nonexistent/berkas.csv', '--format', 'json'], {
      stdout: (t) => void out.push(t),
      stderr: () => {},
    });
    expect(code).toBe(2);
    const doc = JSON.parse(out.join('\n')) as { error: { code: string; issues: unknown[] } };
    expect(doc.error.code).toBe('E_INPUT_FILE');
    expect(doc.error.issues).toHaveLength(1);
  });
});

describe('an invalid row is said once to a person', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inovasi-once-'));
  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, 'nama;tahun\nA;20x4\nB;2024\n');
  const runWith = async (argv: string[], isTTY: boolean) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(argv, {
      stdout: (t) => void out.push(t),
      stderr: (t) => void err.push(t),
      isTTY,
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('on the terminal the results go to, and on stderr when they go to a pipe or a file', async () => {
    const terminal = await runWith(['evaluate', bad], true);
    expect(terminal.code).toBe(2);
    expect(terminal.out.match(/baris 2 tidak valid/g)).toHaveLength(1);
    expect(terminal.err).not.toContain('baris 2 tidak valid');
    const piped = await runWith(['evaluate', bad], false);
    expect(piped.out.match(/baris 2 tidak valid/g)).toHaveLength(1);
    expect(piped.err.match(/baris 2 tidak valid/g)).toHaveLength(1);
    const toFile = await runWith(['evaluate', bad, '-o', join(dir, 'hasil.txt')], true);
    expect(toFile.out).toBe('');
    expect(toFile.err.match(/baris 2 tidak valid/g)).toHaveLength(1);
    expect(readFileSync(join(dir, 'hasil.txt'), 'utf8').match(/baris 2 tidak valid/g)).toHaveLength(
      1,
    );
  });
});
