import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/eligibility/basis.js';
import {
  createEngine,
  evaluate,
  evaluateRegion,
  getRuleSet,
  InvalidOptionError,
  InvalidRuleSetError,
  loadRuleSet,
  UnknownRuleSetError,
} from '../../src/index.js';

const json = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

/** A Perbup of Kabupaten Sleman (a region the project ships nothing for): PP 38/2017 plus one rule. */
const perbupSleman = () => ({
  ...json('examples/perbup-contoh.json'),
  id: 'perbup-sleman-uji',
  jurisdiction: { level: 'kabupaten', name: 'Kabupaten Sleman' },
});

/** A draft national rubric: IGA 2026 with a higher floor, for the years from 2027. */
const draftRubric = () => {
  const iga = json('rules/iga-2026.json') as { region: Record<string, unknown> };
  return {
    ...iga,
    id: 'iga-2027-draf',
    edition: '2027',
    effective: { from: '2027-01-01' },
    region: { ...iga.region, divisorFloor: 14 },
  };
};

const slemanRecord = {
  nama: 'Sleman Smart Service',
  pemda: 'Kab. Sleman',
  tahun: 2027,
  kebaruan: 'seluruh',
  dapatDireplikasi: true,
};

describe('createEngine: rule sets as a value', () => {
  it('judges a record by the region rule set it holds; another engine and the top level are unchanged', async () => {
    const plain = createEngine();
    const before = await evaluate(slemanRecord);
    const sleman = plain.with(perbupSleman());
    const own = await sleman.evaluate(slemanRecord);
    expect(own.ruleSet.id).toBe('perbup-sleman-uji');
    expect(own.basis.ruleSet.why.code).toBe('jurisdiction');
    // The baseline engine and the top-level function still judge by PP 38/2017.
    for (const result of [await plain.evaluate(slemanRecord), await evaluate(slemanRecord)]) {
      expect(result.ruleSet.id).toBe('pp-38-2017');
      expect(result.basis.ruleSet.why).toStrictEqual({
        code: 'national_no_region_rule',
        message: 'PP 38/2017 (aturan nasional): tidak ada aturan daerah untuk Kab. Sleman',
      });
    }
    expect(await evaluate(slemanRecord)).toStrictEqual(before);
    expect(plain.ruleSets.some((r) => r.id === 'perbup-sleman-uji')).toBe(false);
    expect(sleman.ruleSets.at(-1)?.id).toBe('perbup-sleman-uji');
    const listed = sleman.listRuleSets();
    expect(listed.at(-1)).toMatchObject({
      id: 'perbup-sleman-uji',
      builtIn: false,
      extends: 'pp-38-2017',
    });
    expect(listed.filter((r) => r.builtIn).map((r) => r.id)).toStrictEqual(
      plain.listRuleSets().map((r) => r.id),
    );
  });

  it('scores by a draft rubric only in the engine that holds it, even when loaded process-wide', async () => {
    const draft = createEngine({ ruleSets: [draftRubric()] });
    const region = { pemda: 'Kabupaten Sleman', tahun: 2027, inovasi: [slemanRecord] };
    expect((await draft.evaluate(slemanRecord)).score.rubric.id).toBe('iga-2027-draf');
    expect((await draft.evaluateRegion(region)).rubric.id).toBe('iga-2027-draf');
    loadRuleSet(draftRubric(), { replace: true });
    const top = await evaluate(slemanRecord);
    expect(top.score.rubric.id).toBe('iga-2026');
    expect(top.basis.rubric).toMatchObject({
      id: 'iga-2026',
      assumption: true,
      why: {
        code: 'edition_newest_assumed',
        message:
          'Indeks Inovasi Daerah (IGA) 2026 untuk tahun 2027: edisi 2027 belum ditetapkan; dinilai dengan edisi terbaru yang diketahui',
      },
    });
    expect((await evaluateRegion(region)).rubric.id).toBe('iga-2026');
    expect((await createEngine().evaluate(slemanRecord)).score.rubric.id).toBe('iga-2026');
  });

  it('replaces a shipped rule set in one engine only (a reform), and the hash tells them apart', async () => {
    const reformed = json('rules/iga-2026.json') as { region: Record<string, unknown> };
    const reform = createEngine({
      ruleSets: [{ ...reformed, region: { ...reformed.region, divisorFloor: 14 } }],
    });
    const region = {
      pemda: 'Kabupaten Sleman',
      tahun: 2026,
      inovasi: [{ ...slemanRecord, tahun: 2026 }],
    };
    const a = await createEngine().evaluateRegion(region);
    const b = await reform.evaluateRegion(region);
    expect(b.basis.rubric.id).toBe(a.basis.rubric.id);
    // One innovation under the floor: the divisor is the floor, 12 against 14.
    expect(b.sid.divisor).toBe(14);
    expect(a.sid.divisor).toBe(12);
    expect(b.basis.rubric.hash).not.toBe(a.basis.rubric.hash);
    expect(getRuleSet('iga-2026')).not.toBe(reform.getRuleSet('iga-2026'));
  });

  it('refuses a rule set taking the id of one of another kind: no score falls back to another edition', async () => {
    const named = { ...perbupSleman(), id: 'iga-2026' };
    const refused = (make: () => unknown) => {
      try {
        make();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidRuleSetError);
        return (error as InvalidRuleSetError).issues;
      }
      return [];
    };
    for (const make of [
      () => createEngine({ ruleSets: [named] }),
      () => createEngine().with(named),
      () =>
        createEngine({ ruleSets: [perbupSleman()] }).with({
          ...json('rules/iga-2026.json'),
          id: 'perbup-sleman-uji',
        }),
    ]) {
      expect(refused(make)).toStrictEqual([
        expect.objectContaining({
          path: ['id'],
          code: 'invalid_rule',
          params: expect.objectContaining({ rule: 'id_of_other_kind' }),
        }),
      ]);
    }
    // The same kind under the same id is a reform of it, in that engine only.
    const reform = createEngine({ ruleSets: [{ ...perbupSleman(), id: 'perwali-batu-36-2022' }] });
    expect(reform.getRuleSet('perwali-batu-36-2022').kind).toBe('eligibility');
    expect((await reform.evaluate({ nama: 'x', tahun: 2026 })).basis.rubric.id).toBe('iga-2026');
  });

  it('gives the same hashes to two engines of the same files, and the hash is SHA-256 of RFC 8785 JSON', async () => {
    const a = await createEngine({ ruleSets: [perbupSleman()] }).evaluate(slemanRecord);
    const b = await createEngine({ ruleSets: [perbupSleman()] }).evaluate(slemanRecord);
    expect(a.basis).toStrictEqual(b.basis);
    expect(a.basis.ruleSet.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    // Recomputed here another way: keys sorted by hand, Node's own SHA-256.
    const sorted = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sorted)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
                .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
            )
          : v;
    const iga = getRuleSet('iga-2026');
    const expected = createHash('sha256')
      .update(JSON.stringify(sorted(iga)))
      .digest('hex');
    expect((await evaluate({ nama: 'x', tahun: 2026 })).basis.rubric.hash).toBe(
      `sha256:${expected}`,
    );
    expect(a.basis.version).toBe(VERSION);
    expect(VERSION).toBe(json('package.json').version);
  });

  it('runs every function on its rule sets: the same record, the same rule set on every path', async () => {
    const engine = createEngine({ ruleSets: [perbupSleman()] });
    const record = { ...slemanRecord, tahun: 2026 };
    const one = await engine.evaluate(record);
    const safe = await engine.safeEvaluate(record);
    const many: string[] = [];
    for await (const item of engine.evaluateMany([record])) {
      if (item.ok) many.push(item.evaluation.ruleSet.id);
    }
    const region = await engine.evaluateRegion({
      pemda: 'Kab. Sleman',
      tahun: 2026,
      inovasi: [record],
    });
    const portfolio = await engine.evaluatePortfolio({
      pemda: 'Kab. Sleman',
      tahun: 2026,
      units: [{ opd: 'Dinas Kominfo' }],
      inovasi: [{ ...record, opd: 'Dinas Kominfo' }],
    });
    const check = await engine.checkSubmission(record);
    const plan = await engine.planRegion({ pemda: 'Kab. Sleman', tahun: 2026, inovasi: [record] });
    expect([
      one.ruleSet.id,
      safe.success && safe.data.ruleSet.id,
      ...many,
      region.ruleSet.id,
      region.innovations[0]?.evaluation.ruleSet.id,
      portfolio.ruleSet.id,
      portfolio.basis.ruleSet.id,
      plan.basis.ruleSet.id,
    ]).toStrictEqual(Array(8).fill('perbup-sleman-uji'));
    expect(check.basis.rubric.id).toBe('iga-2026');
    // The form puts the Perbup's own reason under its field; PP 38/2017 would not.
    const form = engine.createFormSchema();
    const parsed = await form.safeParseAsync({ ...record, dapatDireplikasi: false });
    expect(parsed.success).toBe(false);
    const perbup = engine.getRuleSet('perbup-sleman-uji');
    const pp38 = engine.getRuleSet('pp-38-2017');
    if (perbup.kind !== 'eligibility' || pp38.kind !== 'eligibility') throw new Error('kind');
    expect(perbup.criteria.length).not.toBe(pp38.criteria.length);
    expect(engine.draftProgress(record).criteria.total).toBe(perbup.criteria.length);
  });

  it('applies its defaults under each call’s own options', async () => {
    const engine = createEngine({ locale: 'en', rubric: 'iga-2023' });
    const result = await engine.evaluate(slemanRecord);
    expect([result.locale, result.score.rubric.id, result.basis.rubric.why.code]).toStrictEqual([
      'en',
      'iga-2023',
      'given',
    ]);
    const own = await engine.evaluate(slemanRecord, { locale: 'id', rubric: 'iga-2026' });
    expect([own.locale, own.score.rubric.id]).toStrictEqual(['id', 'iga-2026']);
    expect(engine.defaults).toStrictEqual({ locale: 'en', rubric: 'iga-2023' });
    expect(Object.isFrozen(engine)).toBe(true);
  });

  it('refuses bad options and rule sets with the library’s errors', async () => {
    expect(() => createEngine({ ruleset: [] } as never)).toThrow(InvalidOptionError);
    expect(() => createEngine(null as never)).toThrow(InvalidOptionError);
    expect(() => createEngine({ ruleSets: 'x' } as never)).toThrow(InvalidOptionError);
    expect(() => createEngine({ ruleSets: ['perbup-tidak-ada'] })).toThrow(UnknownRuleSetError);
    expect(() => createEngine({ ruleSets: [{ id: 'rusak' }] })).toThrow(InvalidRuleSetError);
    expect(() => createEngine().with({ ...perbupSleman(), extends: 'perbup-entah' })).toThrow(
      InvalidRuleSetError,
    );
    await expect(createEngine().evaluate(slemanRecord, null as never)).rejects.toThrow(
      InvalidOptionError,
    );
    await expect(createEngine({ locale: 'fr' as never }).evaluate(slemanRecord)).rejects.toThrow(
      InvalidOptionError,
    );
    expect(() => createEngine().getRuleSet('perbup-sleman-uji')).toThrow(UnknownRuleSetError);
  });

  it('never changes the caller’s rule-set JSON', () => {
    const given = perbupSleman();
    const copy = structuredClone(given);
    createEngine({ ruleSets: [given] });
    expect(given).toStrictEqual(copy);
    expect(Object.isFrozen(given)).toBe(false);
  });
});
