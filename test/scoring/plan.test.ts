import { describe, expect, it } from 'vitest';
import { getRuleSet, type RubricRuleSet } from '../../src/index.js';
import { formatValue } from '../../src/messages.js';
import { levelId, planFor, rubricChecks } from '../../src/scoring/indicator-plan.js';

// The texts and paths each indicator's score is written from, built once per rubric and locale:
// every indicator of both shipped editions, in both locales, read back against the rubric.
const cases = (['iga-2023', 'iga-2026'] as const).flatMap((id) =>
  (['id', 'en'] as const).map((locale) => [id, locale] as const),
);

describe.each(cases)('planFor(%s, %s)', (rubricId, locale) => {
  const rubric = getRuleSet(rubricId) as RubricRuleSet;
  // Built in each test, not while the tests are collected: a mutant is active only in a test.
  const plansNow = () => planFor(rubric, locale);
  const checks = rubricChecks(rubric);
  const num = (n: number) => formatValue(Math.round(n * 10_000) / 10_000, locale);

  it('one plan per indicator, in the rubric order, built once', () => {
    const plans = plansNow();
    expect(plans.map((p) => p.indicator)).toStrictEqual(rubric.indicators);
    expect(planFor(rubric, locale)).toBe(plans);
  });

  it.each(rubric.indicators.map((indicator, i) => [indicator.id, i] as const))(
    '%s: ids, paths, codes and points',
    (_, i) => {
      const plan = plansNow()[i];
      const indicator = rubric.indicators[i];
      if (!plan || !indicator) throw new Error('no plan');
      expect(plan.ids.map((n) => checks[n]?.id)).toStrictEqual(
        indicator.levels.map((l) => levelId(indicator, l.level)),
      );
      expect(plan.title).toBe(indicator.title[locale]);
      expect(plan.maxPoints).toBe(Math.round(3 * indicator.weight * 10_000) / 10_000);
      expect(plan.bukti).toStrictEqual([...indicator.field.split('.'), 'bukti']);
      expect(plan.buktiField).toBe(`${indicator.field}.bukti`);
      expect(plan.codes).toStrictEqual([0, 1, 2, 3].map((n) => `${indicator.id}_level_${n}`));
      expect(plan.missingCode).toBe(`${indicator.id}_missing`);
      for (const [l, level] of indicator.levels.entries()) {
        const w = indicator.weight;
        const reached =
          locale === 'id'
            ? `Level ${level.level} dari 3 (${level.description.id}): ${num(level.level * w)} dari ${num(3 * w)} poin.`
            : `Level ${level.level} of 3 (${level.description.en}): ${num(level.level * w)} of ${num(3 * w)} points.`;
        expect(plan.reached[l]).toBe(reached);
        expect(plan.action[l]).toBe(level.next[locale]);
        expect(plan.levelHasGap[l]).toBe(level.next[locale].includes('{kurang}'));
        expect(plan.nextSentence[l]).toStrictEqual(
          locale === 'id'
            ? [`Untuk level ${level.level}: `, ` (+${num(w)} poin).`]
            : [`For level ${level.level}: `, ` (+${num(w)} points).`],
        );
        expect(plan.upgradeLevel[l]).toStrictEqual(
          locale === 'id'
            ? [`${plan.title}: `, ` untuk level ${level.level} (+${num(w)} poin).`]
            : [`${plan.title}: `, ` for level ${level.level} (+${num(w)} points).`],
        );
        expect(plan.upgradeEvidence[l]).toBe(
          locale === 'id'
            ? `${plan.title}: unggah bukti dukung (+${num(level.level * w)} poin terbukti).`
            : `${plan.title}: attach evidence (+${num(level.level * w)} proven points).`,
        );
        expect(plan.fillIn[l]).toBe(
          locale === 'id'
            ? `isi datanya (level ini: ${level.description.id})`
            : `fill it in (this level: ${level.description.en})`,
        );
        // The level's own fields sit in the indicator's entry; the others (the year) do not.
        const own = plan.levelFields[l] ?? [];
        const other = plan.levelOtherFields[l] ?? [];
        expect(own.length).toBeGreaterThan(0);
        for (const f of own) expect(f.startsWith(`${indicator.field}.`)).toBe(true);
        for (const f of other) expect(f.startsWith(`${indicator.field}.`)).toBe(false);
      }
      // What the score depends on: every field any level reads, its entry's keys apart.
      expect(plan.entry).toStrictEqual(indicator.field.split('.'));
      expect(
        [
          ...plan.readOwn.map((k) => `${indicator.field}.${k}`),
          ...plan.readOther.map((f) => f.join('.')),
        ].sort(),
      ).toStrictEqual(
        [...new Set([...plan.levelFields.flat(), ...plan.levelOtherFields.flat()])].sort(),
      );
      expect(plan.readOwn.length).toBeGreaterThan(0);
      for (const f of plan.readOther)
        expect(f.join('.').startsWith(`${indicator.field}.`)).toBe(false);
    },
  );

  it('the year-relative indicators read the record’s year, and only they', () => {
    const withYear = plansNow().filter((p) => p.levelOtherFields.flat().length > 0);
    expect(withYear.length).toBeGreaterThan(0);
    for (const p of withYear)
      expect([...new Set(p.levelOtherFields.flat())]).toStrictEqual(['tahun']);
  });
});
