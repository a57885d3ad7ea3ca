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
