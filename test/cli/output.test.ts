import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openOutput } from '../../src/cli/output.js';
import { OutputError } from '../../src/errors.js';
import { runInProcess } from '../helpers.js';

const root = new URL('../../', import.meta.url).pathname;
const csv = `${root}examples/batu-2024.csv`;
const hasDevFull = existsSync('/dev/full');

const cli = runInProcess;

describe('openOutput', () => {
  it('puts the file in place only when it is whole, leaving no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inovasi-out-'));
    const path = join(dir, 'hasil.txt');
    const out = await openOutput(path);
    await out.write('satu');
    expect(existsSync(path)).toBe(false);
    await out.write(new Uint8Array([100, 117, 97]));
    await out.close();
    expect(readFileSync(path, 'utf8')).toBe('satu\ndua');
    expect(readdirSync(dir)).toStrictEqual(['hasil.txt']);
  });

  it('leaves an existing file as it was when the run is abandoned', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inovasi-out-'));
    const path = join(dir, 'hasil.txt');
    writeFileSync(path, 'laporan lama');
    const out = await openOutput(path);
    await out.write('setengah');
    await out.abort();
    expect(readFileSync(path, 'utf8')).toBe('laporan lama');
    expect(readdirSync(dir)).toStrictEqual(['hasil.txt']);
  });

  it.runIf(hasDevFull)(
    'fails a write to a full disk with ENOSPC, at the latest on close',
    async () => {
      const out = await openOutput('/dev/full');
      const failed = (async () => {
        for (let i = 0; i < 1000; i++) await out.write('x'.repeat(1024));
        await out.close();
      })();
      await expect(failed).rejects.toBeInstanceOf(OutputError);
      await expect(failed).rejects.toMatchObject({
        code: 'E_OUTPUT',
        reason: 'ENOSPC',
        file: '/dev/full',
      });
    },
  );

  it('refuses a folder, and a path under a file, without creating anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inovasi-out-'));
    await expect(openOutput(dir)).rejects.toMatchObject({ reason: 'EISDIR' });
    writeFileSync(join(dir, 'berkas'), '');
    await expect(openOutput(join(dir, 'berkas', 'hasil.json'))).rejects.toMatchObject({
      reason: 'ENOTDIR',
    });
    expect(readdirSync(dir)).toStrictEqual(['berkas']);
  });

  it('makes the missing folders of the path, as mkdir -p', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inovasi-out-'));
    const out = await openOutput(join(dir, 'a', 'b', 'hasil.txt'));
    await out.write('ok');
    await out.close();
    expect(readFileSync(join(dir, 'a', 'b', 'hasil.txt'), 'utf8')).toBe('ok\n');
  });

  it.runIf(existsSync('/proc/version'))(
    'fails a folder that cannot be made under /proc instead of waiting forever',
    async () => {
      await expect(openOutput('/proc/tidak-ada/hasil.json')).rejects.toBeInstanceOf(OutputError);
    },
  );
});

describe('the command line when the output cannot be written', () => {
  it.runIf(hasDevFull)('says so in one line and exits 3 (evaluate -o /dev/full)', async () => {
    const { code, stderr } = await cli(['evaluate', csv, '-o', '/dev/full']);
    expect(code).toBe(3);
    expect(stderr).toBe('inovasi-rules: tidak dapat menulis /dev/full: disk penuh (ENOSPC)');
  });

  it.runIf(hasDevFull)('does the same for a workbook, in English on request', async () => {
    const argv = ['report', csv, '--format', 'xlsx', '-o', '/dev/full', '--lang', 'en'];
    const { code, stderr } = await cli(argv);
    expect(code).toBe(3);
    expect(stderr).toContain('cannot write /dev/full: no space left on the device (ENOSPC)');
  });

  it('keeps the earlier file when the input cannot be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inovasi-out-'));
    const path = join(dir, 'hasil.json');
    writeFileSync(path, '[]');
    const { code } = await cli(['evaluate', join(dir, 'tidak-ada.csv'), '-o', path]);
    expect(code).toBe(2);
    expect(readFileSync(path, 'utf8')).toBe('[]');
    expect(readdirSync(dir)).toStrictEqual(['hasil.json']);
  });

  it('names a folder given as the output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inovasi-out-'));
    const { code, stderr } = await cli(['evaluate', csv, '-o', dir]);
    expect(code).toBe(3);
    expect(stderr).toBe(
      `inovasi-rules: tidak dapat menulis ${dir}: itu folder, bukan berkas (EISDIR)`,
    );
  });

  it.runIf(hasDevFull)('standard output to a full disk: one line, exit 3, no stack trace', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', `${root}src/cli/main.ts`, 'report', csv],
      {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'],
        env: { ...process.env, NODE_V8_COVERAGE: undefined },
      },
    );
    expect(result.status).toBe(3);
    expect(result.stderr).toBe(
      'inovasi-rules: tidak dapat menulis keluaran standar: disk penuh (ENOSPC)\n',
    );
  });
});
