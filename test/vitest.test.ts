import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/index.js';
import { inovasiMatchers } from '../src/vitest.js';
import { eligibleRecord, fixture } from './helpers.js';

expect.extend(inovasiMatchers);

describe('inovasi-rules/vitest matchers', () => {
  it('pass on the right records and evaluations', async () => {
    await expect(eligibleRecord()).toBeEligible();
    await expect(eligibleRecord({ membatasiAkses: true })).not.toBeEligible();
    await expect(eligibleRecord({ membatasiAkses: true })).toFailCriterion('3');
    await expect(await evaluate(eligibleRecord({ kebaruan: 'tidak' }))).toFailCriterion(
      'pembaharuan',
    );
    await expect(fixture('scored.json')).toScoreAtLeast(80);
    await expect(eligibleRecord({ untukKepentinganPribadi: true })).toBeEligible({
      ruleSet: 'pp-38-2017',
    });
  });

  it('fail with the reasons in the message', async () => {
    await expect(expect(eligibleRecord({ membatasiAkses: true })).toBeEligible()).rejects.toThrow(
      /verdict not_eligible:\n {2}✗ 3 akses_tidak_dibatasi_fail \[membatasiAkses\]: Kriteria 4b/,
    );
    await expect(expect(eligibleRecord()).toFailCriterion('9')).rejects.toThrow(
      /has no criterion "9"/,
    );
    await expect(
      expect(fixture('scored.json')).toScoreAtLeast(100, { rubric: 'iga-2026' }),
    ).rejects.toThrow(/it is 80 \(claimed 86\)\. Ways up:\n {2}\+4 /);
  });
});
