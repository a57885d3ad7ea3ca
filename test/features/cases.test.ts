import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runTestCases } from '../../src/features/cases.js';
import { InvalidRuleSetError, listRuleSets, loadRuleSet } from '../../src/index.js';

/** Every `*.cases.json` beside a rule set, shipped or in the examples. */
const folders = [
  new URL('../../rules/', import.meta.url),
  new URL('../../examples/', import.meta.url),
];
const files = folders.flatMap((folder) =>
  readdirSync(folder)
    .filter((f) => f.endsWith('.cases.json'))
    .map((f) => new URL(f, folder)),
);

describe('rule-set test cases as data', () => {
  it('finds the case files', () => {
    expect(files.map((f) => f.pathname.split('/').at(-1))).toStrictEqual(
      expect.arrayContaining([
        'perwali-batu-36-2022.cases.json',
        'iga-2026.cases.json',
        'perbup-contoh.cases.json',
      ]),
    );
  });

  it.each(files.map((f) => [f.pathname.split('/').at(-1), f] as const))('%s', async (_, file) => {
    const cases = JSON.parse(readFileSync(file, 'utf8'));
    // A region's own rule set sits beside its cases: load it first.
    const ruleSetFile = new URL(file.pathname.replace(/\.cases\.json$/, '.json'), file);
    if (!listRuleSets().some((r) => r.id === cases.ruleSet) && existsSync(ruleSetFile)) {
      loadRuleSet(JSON.parse(readFileSync(ruleSetFile, 'utf8')));
    }
    const results = await runTestCases(cases);
    expect(results.filter((r) => !r.passed)).toStrictEqual([]);
  });

  it('reports what differs, and refuses a malformed case file with paths', async () => {
    const [result] = await runTestCases({
      ruleSet: 'perwali-batu-36-2022',
      cases: [
        {
          name: 'wrong on purpose',
          record: { nama: 'x', kebaruan: 'tidak' },
          expect: {
            verdict: 'eligible',
            criteria: { '1': 'pass' },
            reasons: { kebaruan_ada_fail: ['urusan'] },
          },
        },
      ],
    });
    expect(result?.problems).toStrictEqual([
      'verdict is not_eligible, expected eligible',
      'criterion 1 is fail, expected pass',
      'reason kebaruan_ada_fail names [kebaruan], expected [urusan]',
    ]);
  });

  it('says every difference, and an invalid case record, in the language asked for', async () => {
    const file = {
      ruleSet: 'perwali-batu-36-2022',
      cases: [
        {
          name: 'wrong on purpose',
          record: { nama: 'x', kebaruan: 'tidak', indikator: { sdm: { jumlah: 5 } } },
          expect: {
            verdict: 'eligible',
            criteria: { '1': 'pass', tidak_ada: 'pass' },
            reasons: { kebaruan_ada_fail: ['urusan'], tidak_ada: [] },
            score: { claimed: 99, proven: 98, levels: { sdm: 3, tidak_ada: 1 } },
          },
        },
        { name: 'invalid', record: { nama: 'y', kebaruan: 'baru' }, expect: {} },
      ],
    };
    const [wrong, invalid] = await runTestCases(file, { locale: 'id' });
    expect(wrong?.problems).toStrictEqual([
      'verdict not_eligible, seharusnya eligible',
      'kriteria 1 fail, seharusnya pass',
      'tidak ada kriteria "tidak_ada"',
      'alasan kebaruan_ada_fail menunjuk [kebaruan], seharusnya [urusan]',
      expect.stringMatching(/^tidak ada alasan "tidak_ada" \(alasan yang ada: kebaruan_ada_fail, /),
      expect.stringMatching(/^kematangan klaim \d+, seharusnya 99$/),
      expect.stringMatching(/^kematangan terbukti \d+, seharusnya 98$/),
      expect.stringMatching(/^indikator sdm pada level [0-2], seharusnya 3$/),
      'tidak ada indikator "tidak_ada"',
    ]);
    expect(invalid?.problems).toStrictEqual([
      'data kasus tidak valid: kebaruan: Pilihan tidak valid: diharapkan salah satu dari "seluruh"|"sebagian"|"tidak"',
    ]);
    const [english] = await runTestCases(file);
    expect(english?.problems[0]).toBe('verdict is not_eligible, expected eligible');
    expect(english?.problems.at(-1)).toBe('no indicator "tidak_ada"');
    // A malformed file's problems are in that language too; a wrong option is refused.
    const malformed = await runTestCases({ ruleSet: 5, cases: [] }, { locale: 'id' }).catch(
      (e: unknown) => e,
    );
    expect((malformed as InvalidRuleSetError).issues[0]?.message).toMatch(/^Input tidak valid/);
    await expect(runTestCases(file, { locale: 'fr' } as never)).rejects.toMatchObject({
      code: 'E_INVALID_OPTION',
    });
    await expect(runTestCases(file, { lokal: 'id' } as never)).rejects.toMatchObject({
      code: 'E_INVALID_OPTION',
    });
    const error = await runTestCases({
      ruleSet: 'x',
      cases: [{ name: '', record: {}, expect: { verdict: 'ok' } }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRuleSetError);
    expect((error as InvalidRuleSetError).issues.map((i) => i.path.join('.'))).toStrictEqual([
      'cases.0.name',
      'cases.0.expect.verdict',
    ]);
  });
});
