import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { eligibleRecord } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'plan-cli-'));
const regionFile = join(dir, 'daerah.json');
writeFileSync(
  regionFile,
  JSON.stringify({
    pemda: 'Kabupaten Uji',
    tahun: 2026,
    spd: {},
    inovasi: [
      eligibleRecord({ nama: 'Lama', tahun: 2026, waktuPenerapan: '2024-03-01' }),
      eligibleRecord({ nama: 'Baru', tahun: 2026, waktuPenerapan: '2025-02-01' }),
    ],
  }),
);

async function plan(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(['plan', regionFile, ...argv], {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('inovasi-rules plan', () => {
  it('plans within --budget for the --objective, and says what next year changes with --years 2', async () => {
    const { code, stdout } = await plan('--budget', '10', '--objective', 'highest', '--years', '2');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Biaya \d+ hari kerja dari anggaran 10; terbukti optimal \(HiGHS\)\./);
    expect(stdout).toContain('Tahun depan (IGA 2027, jendela 2025-01-01 sampai 2026-12-31):');
    expect(stdout).toMatch(/- Lama: diterapkan 2024-03-01, keluar dari jendela IGA 2027/);
    expect(stdout).not.toMatch(/- Baru: diterapkan/);
    expect(stdout).toContain('IGA 2027 belum ditetapkan');
  });

  it('keeps to the budget in JSON, greedy on request', async () => {
    const { code, stdout } = await plan(
      '--budget',
      '4,5',
      '--method',
      'greedy',
      '--format',
      'json',
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { budget: number; cost: number; status: string };
    expect(result.budget).toBe(4.5);
    expect(result.cost).toBeLessThanOrEqual(4.5);
    expect(result.status).toBe('greedy');
    expect(result).not.toHaveProperty('nextYear');
  });

  it.each([
    ['--years', '3'],
    ['--budget', 'banyak'],
    ['--objective', 'fastest'],
    ['--method', 'magic'],
  ])('refuses %s %s as a usage error naming the option', async (option, value) => {
    const { code, stderr } = await plan(option, value);
    expect(code).toBe(1);
    expect(stderr).toContain(option);
    expect(stderr).toContain(value);
  });
});
