import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createScope } from '../../src/eligibility/scope.js';
import { loadRuleSetAmong, shippedRuleSets } from '../../src/rule-sets/registry.js';
import type { RuleSet } from '../../src/rule-sets/types.js';

const json = (id: string) =>
  JSON.parse(readFileSync(new URL(`../../rules/${id}.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

/** A region's own rule set: PP 38/2017's criteria under another jurisdiction and dates. */
function own(id: string, level: string, name: string, from: string, until?: string): RuleSet {
  return loadRuleSetAmong(
    {
      ...json('pp-38-2017'),
      id,
      title: { id: `Aturan ${name}`, en: `Rules of ${name}` },
      jurisdiction: { level, name },
      edition: from.slice(0, 4),
      effective: until ? { from, until } : { from },
    },
    shippedRuleSets(),
  );
}

const shipped = createScope(shippedRuleSets());

describe('eligibilityFor: a region is judged by its own rule set, else the national one', () => {
  it.each([
    ['Kota Batu', 'perwali-batu-36-2022', 'jurisdiction'],
    ['kota batu', 'perwali-batu-36-2022', 'jurisdiction'],
    ['  KOTA   Batu ', 'perwali-batu-36-2022', 'jurisdiction'],
    ['Pemkot Batu', 'perwali-batu-36-2022', 'jurisdiction'],
    ['Pemerintah Kota Batu', 'perwali-batu-36-2022', 'jurisdiction'],
    ['PEMERINTAH   KOTA BATU', 'perwali-batu-36-2022', 'jurisdiction'],
    ['Kota Malang', 'pp-38-2017', 'national_no_region_rule'],
    ['Kabupaten Batu', 'pp-38-2017', 'national_no_region_rule'],
    ['Kabupaten Sleman', 'pp-38-2017', 'national_no_region_rule'],
    ['Batu', 'pp-38-2017', 'national_no_level'],
    ['Sleman', 'pp-38-2017', 'national_no_region_rule'],
    ['', 'pp-38-2017', 'national_no_pemda'],
    ['   ', 'pp-38-2017', 'national_no_pemda'],
  ])('%j → %s (%s)', (pemda, id, code) => {
    const chosen = shipped.eligibilityFor(pemda, undefined, undefined);
    expect([chosen.ruleSet.id, chosen.code]).toStrictEqual([id, code]);
  });

  it('reads the level from tingkatPemda when the name has none, never against the name', () => {
    expect(shipped.eligibilityFor('Batu', 'kota', undefined).ruleSet.id).toBe(
      'perwali-batu-36-2022',
    );
    expect(shipped.eligibilityFor('Batu', 'kabupaten', undefined).ruleSet.id).toBe('pp-38-2017');
    expect(shipped.eligibilityFor('Kabupaten Batu', 'kota', undefined).ruleSet.id).toBe(
      'pp-38-2017',
    );
  });

  it('the short forms of kabupaten and provinsi, and the newest rule set in force that year', () => {
    const scope = createScope([
      ...shippedRuleSets(),
      own('uji-kab-sleman-2020', 'kabupaten', 'Kabupaten Sleman', '2020-01-01'),
      own('uji-kab-sleman-2024', 'kabupaten', 'Kabupaten Sleman', '2024-01-01'),
      own('uji-prov-jatim', 'provinsi', 'Provinsi Jawa Timur', '2023-06-01'),
      own('uji-kota-akhir-tahun', 'kota', 'Kota Uji Akhir', '2020-12-31'),
      own('uji-kota-lama', 'kota', 'Kota Lama', '2018-01-01', '2020-12-31'),
    ]);
    const id = (pemda: string, year?: number) =>
      scope.eligibilityFor(pemda, undefined, year).ruleSet.id;
    for (const name of [
      'Kabupaten Sleman',
      'Kab. Sleman',
      'Kab.Sleman',
      'Kab Sleman',
      'kab  sleman',
      'Pemkab Sleman',
      'Pemerintah Kabupaten Sleman',
      'Pemerintah Daerah Kabupaten Sleman',
    ]) {
      expect(id(name), name).toBe('uji-kab-sleman-2024');
      expect(id(name, 2023), name).toBe('uji-kab-sleman-2020');
      expect(id(name, 2024), name).toBe('uji-kab-sleman-2024');
    }
    expect(scope.eligibilityFor('Kabupaten Sleman', undefined, 2019).code).toBe(
      'national_not_in_force',
    );
    for (const name of [
      'Provinsi Jawa Timur',
      'Prov. Jatim',
      'Prov Jatim',
      'Pemprov Jawa Timur',
      'Pemprov Jatim',
      'Pemerintah Provinsi Jawa Timur',
      'PROVINSI  JAWA TIMUR',
    ]) {
      expect(id(name, 2023), name).toBe('uji-prov-jatim');
    }
    expect(id('Provinsi Jawa Timur', 2022)).toBe('pp-38-2017');
    expect(id('Provinsi Jawa Tengah', 2024)).toBe('pp-38-2017');
    // In force from the year's last day: it applies to that year; until a year's first day too.
    expect(id('Kota Uji Akhir', 2020)).toBe('uji-kota-akhir-tahun');
    expect(id('Kota Uji Akhir', 2019)).toBe('pp-38-2017');
    expect(id('Kota Lama', 2020)).toBe('uji-kota-lama');
    expect(id('Kota Lama', 2021)).toBe('pp-38-2017');
    // `kota` is a word, not the start of a name: Kotabaru is a kabupaten's name.
    expect(id('Kotabaru')).toBe('pp-38-2017');
    // A national rule set is no region's own, whatever its jurisdiction's name.
    expect(id('Kementerian PANRB')).toBe('pp-38-2017');
    expect(id('Republik Indonesia')).toBe('pp-38-2017');
    // Before the Perwali took effect (2022), PP 38/2017 judges Kota Batu.
    expect(id('Kota Batu', 2021)).toBe('pp-38-2017');
  });

  it("a competition's entry rules are never a region's default, even in its own province", () => {
    // KOVABLIK is Jawa Timur's competition: a Jatim record is judged by the province's
    // regulation when there is one, else by PP 38/2017, never by the competition.
    for (const year of [2022, 2025]) {
      expect(shipped.eligibilityFor('Provinsi Jawa Timur', undefined, year)).toMatchObject({
        ruleSet: { id: 'pp-38-2017' },
        code: 'national_no_region_rule',
      });
    }
    const scope = createScope([
      ...shippedRuleSets(),
      own('uji-prov-jatim', 'provinsi', 'Provinsi Jawa Timur', '2020-01-01'),
    ]);
    expect(scope.eligibilityFor('Pemprov Jatim', undefined, 2022).ruleSet.id).toBe(
      'uji-prov-jatim',
    );
    // A region's own file that says it is a competition is left out the same way.
    const competition = loadRuleSetAmong(
      {
        ...json('pp-38-2017'),
        id: 'uji-lomba-sleman',
        purpose: 'competition',
        jurisdiction: { level: 'kabupaten', name: 'Kabupaten Sleman' },
      },
      shippedRuleSets(),
    );
    expect(competition).toMatchObject({ kind: 'eligibility', purpose: 'competition' });
    expect(
      createScope([...shippedRuleSets(), competition]).eligibilityFor(
        'Kabupaten Sleman',
        undefined,
        2024,
      ).ruleSet.id,
    ).toBe('pp-38-2017');
  });

  it('gives the same choice object for the same question (it keys the caches)', () => {
    expect(shipped.eligibilityFor('Kota Batu', undefined, 2024)).toBe(
      shipped.eligibilityFor('Kota Batu', undefined, 2024),
    );
  });
});

describe('editionFor: the IGA edition of a year, and when that is an assumption', () => {
  it.each([
    [2019, 'iga-2023', 'edition_oldest_assumed'],
    [2022, 'iga-2023', 'edition_oldest_assumed'],
    [2023, 'iga-2023', 'edition_in_force'],
    [2024, 'iga-2023', 'edition_in_force'],
    [2025, 'iga-2026', 'edition_next_assumed'],
    [2026, 'iga-2026', 'edition_in_force'],
    [2027, 'iga-2026', 'edition_newest_assumed'],
    [2040, 'iga-2026', 'edition_newest_assumed'],
    [undefined, 'iga-2026', 'edition_no_year'],
  ])('%s → %s (%s)', (year, id, code) => {
    const chosen = shipped.editionFor(year);
    expect([chosen.ruleSet.id, chosen.code]).toStrictEqual([id, code]);
  });

  it('chooses among its own rule sets only: a new edition in one scope is not in another', () => {
    const edition2030 = loadRuleSetAmong(
      { ...json('iga-2026'), id: 'iga-2030', edition: '2030', effective: { from: '2030-01-01' } },
      shippedRuleSets(),
    );
    const withDraft = createScope([...shippedRuleSets(), edition2030]);
    expect(withDraft.editionFor(2030).ruleSet.id).toBe('iga-2030');
    expect(withDraft.editionFor(2029).ruleSet.id).toBe('iga-2026');
    expect(withDraft.editionFor(undefined).ruleSet.id).toBe('iga-2030');
    expect(shipped.editionFor(2030).ruleSet.id).toBe('iga-2026');
    // A region's own rubric is no national edition.
    const regional = loadRuleSetAmong(
      {
        ...json('iga-2026'),
        id: 'iga-kota-uji',
        jurisdiction: { level: 'kota', name: 'Kota Uji' },
        effective: { from: '2030-01-01' },
      },
      shippedRuleSets(),
    );
    expect(createScope([...shippedRuleSets(), regional]).editionFor(2030).ruleSet.id).toBe(
      'iga-2026',
    );
  });

  it('finds an id it holds, and refuses one of another kind or none', () => {
    expect(shipped.get('kipp-2023').id).toBe('kipp-2023');
    expect(() => shipped.get('perbup-entah')).toThrow(/Unknown rule set "perbup-entah"/);
    expect(() => shipped.resolve('iga-2026', 'eligibility')).toThrow(
      /Unknown eligibility rule set "iga-2026"/,
    );
  });
});
