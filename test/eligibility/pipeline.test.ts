import { readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createEvaluator,
  judgeEligibility,
  parseRecord,
  ruleSetForRegion,
  runnerFor,
} from '../../src/eligibility/_pipeline.js';
import { getRuleSet, InvalidOptionError, loadRuleSet } from '../../src/index.js';
import { factsOf } from '../../src/record/_facts.js';
import type { EligibilityRuleSet, RubricRuleSet } from '../../src/rule-sets/types.js';
import { rubricRunnerFor, scoreParsed } from '../../src/scoring/score.js';
import { recordArb } from '../arbitraries.js';
import { runs } from '../runs.js';

// The pipeline builds what does not depend on a record once (undecided reasons, indicators a
// record leaves out) and hands out copies: the result must be exactly what building it every
// time gives, and no caller may change what the next one gets.
describe('the pipeline’s memos are invisible', () => {
  const cases = [
    ['perwali-batu-36-2022', 'iga-2026', 'id'],
    ['pp-38-2017', 'iga-2023', 'en'],
    ['kipp-2023', 'iga-2026', 'id'],
  ] as const;

  it.each(cases)(
    '%s with %s in %s: memoised equals built fresh, on random records',
    (ruleSetId, rubricId, locale) => {
      const ruleSet = getRuleSet(ruleSetId) as EligibilityRuleSet;
      const rubric = getRuleSet(rubricId) as RubricRuleSet;
      fc.assert(
        fc.property(recordArb, (input) => {
          const record = parseRecord(input);
          const facts = factsOf(record);
          const outcomes = runnerFor(ruleSet)(facts);
          const levels = rubricRunnerFor(rubric)(facts);
          expect(judgeEligibility(record, ruleSet, outcomes, locale, true)).toStrictEqual(
            judgeEligibility(record, ruleSet, outcomes, locale, false),
          );
          expect(scoreParsed(record, levels, rubric, locale, true)).toStrictEqual(
            scoreParsed(record, levels, rubric, locale, false),
          );
        }),
        { numRuns: runs(400) },
      );
    },
  );

  it('hands out copies: changing one result leaves the next intact', () => {
    const evaluator = createEvaluator();
    const first = evaluator.evaluate({ nama: 'Draf' });
    const fresh = JSON.stringify(evaluator.evaluate({ nama: 'Draf' }));
    first.criteria[0]?.reasons[0]?.fields.push('diubah');
    first.score.indicators[0]?.reason.fields.push('diubah');
    (first.score.upgrades[0] as { message: string }).message = 'diubah';
    (first.score.indicators[1] as { points: number }).points = 99;
    expect(JSON.stringify(evaluator.evaluate({ nama: 'Draf' }))).toBe(fresh);
  });
});

describe('editionFor: the edition of a year, cached until a rule set is loaded', () => {
  it('sees a newly loaded edition for the years it covers', async () => {
    const { editionFor } = await import('../../src/eligibility/_pipeline.js');
    const { loadRuleSet } = await import('../../src/index.js');
    const iga2026 = (await import('../../rules/iga-2026.json', { with: { type: 'json' } })).default;
    expect(editionFor(2030).id).toBe('iga-2026');
    expect(editionFor(2030)).toBe(editionFor(2030));
    const edition2030 = {
      ...structuredClone(iga2026),
      id: 'iga-2030',
      edition: '2030',
      effective: { from: '2030-01-01' },
    };
    loadRuleSet(edition2030);
    expect(editionFor(2030).id).toBe('iga-2030');
    expect(editionFor(2027).id).toBe('iga-2026');
    // Replaced by a region's own rubric, it is no national edition: the cache sees that too
    // (and the other test files, sharing the registry in the mutation run, see iga-2026 again).
    loadRuleSet(
      { ...edition2030, jurisdiction: { level: 'kota', name: 'Kota Uji' } },
      { replace: true },
    );
    expect(editionFor(2030).id).toBe('iga-2026');
  });
});

describe('ruleSetForRegion: a region is judged by its own rule set, matched by name', () => {
  const pp38 = JSON.parse(
    readFileSync(new URL('../../rules/pp-38-2017.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  const own = (id: string, level: string, name: string, from: string) => {
    const ruleSet = {
      ...structuredClone(pp38),
      id,
      title: { id: `Aturan ${name}`, en: `Rules of ${name}` },
      jurisdiction: { level, name },
      edition: from.slice(0, 4),
      effective: { from },
    };
    return loadRuleSet(ruleSet, { replace: true });
  };

  it.each([
    ['Kota Batu', 'perwali-batu-36-2022'],
    ['kota batu', 'perwali-batu-36-2022'],
    ['  KOTA   Batu ', 'perwali-batu-36-2022'],
    ['Pemkot Batu', 'perwali-batu-36-2022'],
    ['Pemerintah Kota Batu', 'perwali-batu-36-2022'],
    ['Kota Malang', 'pp-38-2017'],
    ['Batu', 'pp-38-2017'],
  ])('%j → %s', (pemda, id) => {
    expect(ruleSetForRegion(pemda).id).toBe(id);
  });

  it('the short forms of kabupaten and provinsi, and the newest rule set in force that year', () => {
    own('uji-kab-sleman-2020', 'kabupaten', 'Kabupaten Uji Sleman', '2020-01-01');
    own('uji-kab-sleman-2024', 'kabupaten', 'Kabupaten Uji Sleman', '2024-01-01');
    own('uji-prov-jatim', 'provinsi', 'Provinsi Uji Jatim', '2023-06-01');
    for (const name of [
      'Kabupaten Uji Sleman',
      'Kab. Uji Sleman',
      'Kab Uji Sleman',
      'Pemkab Uji Sleman',
    ]) {
      expect(ruleSetForRegion(name).id).toBe('uji-kab-sleman-2024');
      expect(ruleSetForRegion(name, 2023).id).toBe('uji-kab-sleman-2020');
      expect(ruleSetForRegion(name, 2024).id).toBe('uji-kab-sleman-2024');
    }
    expect(ruleSetForRegion('Kabupaten Uji Sleman', 2019).id).toBe('pp-38-2017');
    expect(ruleSetForRegion('Pemprov Uji Jatim').id).toBe('uji-prov-jatim');
    expect(ruleSetForRegion('Pemerintah Provinsi Uji Jatim', 2023).id).toBe('uji-prov-jatim');
    expect(ruleSetForRegion('Provinsi Uji Jatim', 2022).id).toBe('pp-38-2017');
    // Before the Perwali took effect (2022), PP 38/2017 judges Kota Batu.
    expect(ruleSetForRegion('Kota Batu', 2021).id).toBe('pp-38-2017');
  });
});

describe('createEvaluator: options', () => {
  it.each([
    [{ asOf: '2024' }, 'iga-2023'],
    [{ asOf: '2025-03-01' }, 'iga-2026'],
    [{ rubric: 'iga-2023', asOf: '2026' }, 'iga-2023'],
  ])('%j scores with %s', (options, rubric) => {
    expect(createEvaluator(options).rubric.id).toBe(rubric);
  });

  it.each([
    [{ asOf: '24' }, 'asOf'],
    [{ asOf: '2024-5-1' }, 'asOf'],
    [{ asOf: 2024 }, 'asOf'],
    [{ locale: 'fr' }, 'locale'],
    [{ ruleSet: 5 }, 'ruleSet'],
    [{ rubric: null }, 'rubric'],
  ])('%j is refused at %s', (options, path) => {
    expect(() => createEvaluator(options as never)).toThrow(InvalidOptionError);
    try {
      createEvaluator(options as never);
    } catch (error) {
      expect((error as InvalidOptionError).issues.map((i) => i.path)).toStrictEqual([[path]]);
    }
  });

  it.each([null, 'id', [], 5])('options %j that are not an object are refused', (options) => {
    expect(() => createEvaluator(options as never)).toThrow(InvalidOptionError);
  });

  it('a region with a year and no rubric is scored by that year’s edition', () => {
    expect(createEvaluator({}, { pemda: 'Kota Batu', tahun: 2024 }).rubric.id).toBe('iga-2023');
    expect(createEvaluator({}, { pemda: 'Kota Batu', tahun: 2024 }).ruleSet.id).toBe(
      'perwali-batu-36-2022',
    );
    expect(createEvaluator({ ruleSet: 'pp-38-2017' }, { pemda: 'Kota Batu' }).ruleSet.id).toBe(
      'pp-38-2017',
    );
  });
});
