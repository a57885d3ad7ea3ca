import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeScaffold } from '../../src/cli/scaffold.js';
import { InputFileError, UsageError } from '../../src/errors.js';
import { loadRuleSet } from '../../src/index.js';
import { lintRuleSet } from '../../src/schemas.js';
import { runTestCases } from '../../src/vitest.js';
import { cli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'inovasi-rules-new-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('rules new: a start that passes at once', () => {
  it('writes a rule set and cases that check and test green, with $schema paths that resolve', async () => {
    const [ruleSetFile, casesFile] = await writeScaffold('perbup-uji-2024', {
      level: 'kabupaten',
      name: 'Kabupaten Uji',
      dir,
    });
    const ruleSet = read(ruleSetFile as string);
    expect(ruleSet).toMatchObject({
      id: 'perbup-uji-2024',
      extends: 'pp-38-2017',
      jurisdiction: { level: 'kabupaten', name: 'Kabupaten Uji' },
      legalBasis: [
        {
          title: 'Peraturan Bupati Uji tentang Inovasi Daerah',
          citation: 'Perbup Uji',
          status: 'secondary',
        },
      ],
    });
    expect(ruleSet.assumptions[0].text.id).toContain('Peraturan Bupati Uji');
    expect(lintRuleSet(ruleSet)).toStrictEqual([]);
    for (const file of [ruleSetFile, casesFile] as string[]) {
      const schema = resolve(dirname(file), read(file).$schema);
      expect(existsSync(schema), schema).toBe(true);
    }
    loadRuleSet(ruleSet);
    const results = await runTestCases(read(casesFile as string));
    expect(results.map((r) => r.passed)).toStrictEqual([true, true, true]);
  });

  it('refuses a bad id, an id in use, a bad level, and never overwrites a file', async () => {
    await expect(writeScaffold('Perbup Uji', { dir })).rejects.toBeInstanceOf(UsageError);
    await expect(writeScaffold('pp-38-2017', { dir })).rejects.toBeInstanceOf(UsageError);
    await expect(writeScaffold('perbup-lain', { dir, level: 'desa' })).rejects.toBeInstanceOf(
      UsageError,
    );
    await writeScaffold('perbup-lain-2024', { dir });
    await expect(writeScaffold('perbup-lain-2024', { dir })).rejects.toBeInstanceOf(InputFileError);
  });

  it('dates the regulation by the year that ends its id, or by --year', async () => {
    const dated = async (id: string, year?: string) => {
      const [file] = await writeScaffold(id, { dir, ...(year ? { year } : {}) });
      const { edition, effective } = read(file as string);
      return [edition, effective.from];
    };
    expect(await dated('perwali-surakarta-9-2025')).toStrictEqual(['2025', '2025-01-01']);
    expect(await dated('perbup_sleman_2019')).toStrictEqual(['2019', '2019-01-01']);
    expect(await dated('perwali-solo-2025-b', '2023')).toStrictEqual(['2023', '2023-01-01']);
    const thisYear = String(new Date().getFullYear());
    expect(await dated('perwali-tanpa-tahun')).toStrictEqual([thisYear, `${thisYear}-01-01`]);
    await expect(writeScaffold('perwali-x', { dir, year: '25' })).rejects.toBeInstanceOf(
      UsageError,
    );
  });

  it('runs from the command line: new, check, test', () => {
    const sub = join(dir, 'cli');
    const made = cli(
      'rules',
      'new',
      'perwali-uji-2025',
      '--level',
      'kota',
      '--name',
      'Kota Uji',
      '--dir',
      sub,
    );
    expect(made.code).toBe(0);
    expect(cli('rules', 'check', join(sub, 'perwali-uji-2025.json')).code).toBe(0);
    const tested = cli('rules', 'test', join(sub, 'perwali-uji-2025.cases.json'));
    expect(tested.stdout).toContain('3 lulus, 0 gagal');
    expect(tested.code).toBe(0);
  });
});
