import { readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { clearMemos } from '../../src/conditions/memo.js';
import { judgeEligibility, runnerFor } from '../../src/eligibility/evaluator.js';
import { createEvaluator, parseRecord, resolveAll } from '../../src/eligibility/pipeline.js';
import {
  getRuleSet,
  InvalidOptionError,
  InvalidRecordError,
  LIMITS,
  loadRuleSet,
} from '../../src/index.js';
import { factsOf } from '../../src/record/facts.js';
import { nullFreeInnovationSchema } from '../../src/record/innovation.js';
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

describe('createEvaluator() without options: resolved once per scope', () => {
  it('is the same evaluator call after call; loading a rule set changes none of its choices', () => {
    const first = createEvaluator();
    expect(createEvaluator()).toBe(first);
    expect(createEvaluator(undefined, undefined)).toBe(first);
    expect(createEvaluator({})).not.toBe(first);
    expect(first.rubric.id).toBe('iga-2026');
    const iga2026 = JSON.parse(
      readFileSync(new URL('../../rules/iga-2026.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    // A draft national edition, loaded by someone else: the default scope never chooses it.
    loadRuleSet(
      { ...iga2026, id: 'iga-2031', edition: '2031', effective: { from: '2031-01-01' } },
      { replace: true },
    );
    expect(createEvaluator()).toBe(first);
    const later = first.evaluate({ nama: 'Uji', tahun: 2032 });
    expect(later.score.rubric.id).toBe('iga-2026');
    expect(later.basis.rubric.why.code).toBe('edition_newest_assumed');
    // Named, it is found.
    expect(createEvaluator({ rubric: 'iga-2031' }).rubric.id).toBe('iga-2031');
  });
});

describe('createEvaluator: the same options, the same evaluator', () => {
  it('is kept by the values of its options, not by the object that carries them', () => {
    const first = createEvaluator({ locale: 'en', rubric: 'iga-2023' });
    expect(createEvaluator({ rubric: 'iga-2023', locale: 'en' })).toBe(first);
    expect(createEvaluator({ locale: 'en', rubric: 'iga-2026' })).not.toBe(first);
    expect(createEvaluator({ locale: 'id', rubric: 'iga-2023' })).not.toBe(first);
    expect(createEvaluator({ locale: 'en', rubric: 'iga-2023', explain: true })).not.toBe(first);
    expect(createEvaluator({ locale: 'en', rubric: 'iga-2026' }).rubric.id).toBe('iga-2026');
    // `asOf` as a year and as a date are two keys, each choosing its own edition.
    expect(createEvaluator({ asOf: '2024' }).rubric.id).toBe('iga-2023');
    expect(createEvaluator({ asOf: '2025-01-01' }).rubric.id).toBe('iga-2026');
  });

  it('a region still chooses its own rule set and year when the same options were kept', () => {
    const kept = createEvaluator({ locale: 'id' });
    expect(kept.ruleSet.id).toBe('pp-38-2017');
    const region = createEvaluator({ locale: 'id' }, { pemda: 'Kota Batu', tahun: 2024 });
    expect(region).not.toBe(kept);
    expect(region.ruleSet.id).toBe('perwali-batu-36-2022');
    expect(region.rubric.id).toBe('iga-2023');
  });

  it('refuses bad options every time (a refusal is never kept)', () => {
    for (let i = 0; i < 2; i++) {
      expect(() => createEvaluator({ ruleSet: 'tidak-ada' })).toThrow(/tidak-ada/);
      expect(() => createEvaluator({ explain: 'true' } as never)).toThrow(InvalidOptionError);
      expect(() => createEvaluator({ locale: 'fr' } as never)).toThrow(InvalidOptionError);
    }
  });

  it('a rule set loaded again under its id is the one the next evaluator uses', () => {
    const batu = JSON.parse(
      readFileSync(new URL('../../rules/perwali-batu-36-2022.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    const own = { ...batu, id: 'uji-kept-evaluator' };
    loadRuleSet({ ...own, title: { id: 'Sebelum', en: 'Before' } }, { replace: true });
    const first = createEvaluator({ ruleSet: own.id });
    expect(createEvaluator({ ruleSet: own.id })).toBe(first);
    expect(first.evaluate({ nama: 'Uji' }).basis.ruleSet.title).toBe('Sebelum');
    loadRuleSet({ ...own, title: { id: 'Sesudah', en: 'After' } }, { replace: true });
    const next = createEvaluator({ ruleSet: own.id });
    expect(next).not.toBe(first);
    expect(next.evaluate({ nama: 'Uji' }).basis.ruleSet.title).toBe('Sesudah');
    expect(createEvaluator({ ruleSet: own.id })).toBe(next);
  });

  it('keeps a bounded number: after many dates, each still chooses right', () => {
    for (let day = 1; day <= 100; day++) {
      const asOf = `2024-01-${String((day % 28) + 1).padStart(2, '0')}`;
      expect(createEvaluator({ asOf, locale: day % 2 ? 'en' : 'id' }).rubric.id).toBe('iga-2023');
    }
    const kept = createEvaluator({ asOf: '2026-06-30' });
    expect(kept.rubric.id).toBe('iga-2026');
    expect(createEvaluator({ asOf: '2026-06-30' })).toBe(kept);
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

  it('no options but a region: the region’s rule set and year, not the default evaluator', () => {
    const evaluator = createEvaluator(undefined, { pemda: 'Kabupaten Lain', tahun: 2024 });
    expect(evaluator.ruleSet.id).toBe('pp-38-2017');
    expect(evaluator.rubric.id).toBe('iga-2023');
    expect(evaluator).not.toBe(createEvaluator());
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

/** The issues of the error `run` throws. */
function issuesOf(run: () => unknown): { path: unknown[]; code: string; message: string }[] {
  try {
    run();
  } catch (error) {
    return (error as { issues: { path: unknown[]; code: string; message: string }[] }).issues;
  }
  throw new Error('nothing was thrown');
}

describe('parseRecord', () => {
  it('a record over a limit is refused by the scan, before the schema sees it', () => {
    const name = 'x'.repeat(LIMITS.maxStringLength + 1);
    expect(() => parseRecord({ nama: name })).toThrow(InvalidRecordError);
    expect(issuesOf(() => parseRecord({ nama: name }))).toStrictEqual([
      {
        path: ['nama'],
        code: 'too_long',
        message: `a text longer than ${LIMITS.maxStringLength} characters`,
      },
    ]);
  });

  it('where compiling code is forbidden, zod alone parses, with the same result', () => {
    const input = { nama: ' Uji ', tahun: 2024, urusan: ['1.01'], catatan: 1 };
    const compiled = parseRecord(input);
    // Zod compiles its own object parsers at their first use (it, too, asks whether it may):
    // first use here, before compiling is forbidden, as on a page that forbade it from the start.
    nullFreeInnovationSchema().safeParse(input);
    clearMemos();
    vi.stubGlobal('Function', function forbidden() {
      throw new EvalError('Content Security Policy');
    });
    try {
      expect(parseRecord(input)).toStrictEqual(compiled);
      expect(issuesOf(() => parseRecord({ nama: ' ' }))[0]?.path).toStrictEqual(['nama']);
    } finally {
      vi.unstubAllGlobals();
      clearMemos();
    }
  });

  it('a valid record is read once: a getter that would throw on a second read is never hit', () => {
    let reads = 0;
    const record = {
      get nama() {
        reads += 1;
        if (reads > 1) throw new Error('dibaca dua kali');
        return 'Uji';
      },
    };
    expect(parseRecord(record)).toStrictEqual({ nama: 'Uji' });
    expect(reads).toBe(1);
  });

  it('an invalid record takes the scan and zod: a getter that throws on the third read is an unreadable record', () => {
    let reads = 0;
    const record = {
      get nama() {
        reads += 1;
        if (reads > 2) throw new Error('dibaca tiga kali');
        return 'Uji';
      },
      tahun: 'dua ribu',
    };
    expect(issuesOf(() => parseRecord(record))).toStrictEqual([
      {
        path: [],
        code: 'unreadable',
        message: 'the record could not be read: Error: dibaca tiga kali',
      },
    ]);
    expect(reads).toBe(3);
  });
});

describe('createEvaluator: every refused option says what and where', () => {
  it.each([null, 'id', [], 5])('options %j: one issue at the root', (options) => {
    expect(issuesOf(() => createEvaluator(options as never))).toStrictEqual([
      { path: [], code: 'invalid_type', message: 'options must be an object' },
    ]);
  });

  it.each([
    ['ruleSet', {}],
    ['ruleSet', { id: 'pp-38-2017' }],
    ['rubric', { kind: 'rubric' }],
    ['rubric', 2026],
  ])('%s %j is neither an id nor a loaded rule set', (key, value) => {
    expect(issuesOf(() => createEvaluator({ [key]: value } as never))).toStrictEqual([
      {
        path: [key],
        code: 'invalid_type',
        message: `${key} must be a rule-set id or a loaded rule set`,
      },
    ]);
  });

  it.each(['x2024', '2024x', '2024-06', '2024-06-30T00:00', ' 2024'])(
    'asOf %j is refused',
    (asOf) => {
      expect(issuesOf(() => createEvaluator({ asOf }))).toStrictEqual([
        {
          path: ['asOf'],
          code: 'invalid_value',
          message: 'asOf must be a date (YYYY-MM-DD) or a year (YYYY)',
        },
      ]);
    },
  );

  it.each([
    ['2024-06-30', 'iga-2023'],
    ['2023-01-01', 'iga-2023'],
    ['2026-12-31', 'iga-2026'],
  ])('asOf %s reads its year: %s', (asOf, rubric) => {
    expect(createEvaluator({ asOf }).rubric.id).toBe(rubric);
  });

  it('a region’s own rule set is chosen by the year asOf names when the region gives none', () => {
    expect(createEvaluator({ asOf: '2021' }, { pemda: 'Kota Batu' }).ruleSet.id).toBe('pp-38-2017');
    expect(createEvaluator({ asOf: '2023' }, { pemda: 'Kota Batu' }).ruleSet.id).toBe(
      'perwali-batu-36-2022',
    );
  });

  it('a loaded rule set object is used as given', () => {
    const pp38 = getRuleSet('pp-38-2017');
    expect(createEvaluator({ ruleSet: pp38 }).ruleSet).toBe(pp38);
  });
});

describe('createEvaluator without a rubric or a year', () => {
  it('scores each record by the edition of its own year, the newest without one', () => {
    const evaluator = createEvaluator();
    expect(evaluator.rubric.id).toBe('iga-2026');
    expect(evaluator.evaluate({ nama: 'Uji', tahun: 2023 }).score.rubric.id).toBe('iga-2023');
    expect(evaluator.evaluate({ nama: 'Uji' }).score.rubric.id).toBe('iga-2026');
    const record = parseRecord({ nama: 'Uji', tahun: 2024 });
    expect(evaluator.forRecord(record).rubric.id).toBe('iga-2023');
    const facts = factsOf(record);
    const rubric = getRuleSet('iga-2023') as RubricRuleSet;
    const assembled = evaluator.assemble(
      record,
      runnerFor(evaluator.ruleSet)(facts),
      rubricRunnerFor(rubric)(facts),
    );
    expect(assembled).toStrictEqual(evaluator.evaluateParsed(record));
    expect(assembled.score.rubric.id).toBe('iga-2023');
  });
});

describe('resolveAll', () => {
  it.each([[[]], ['pp-38-2017'], [undefined]])('ruleSets %j is refused as a whole', (ruleSets) => {
    expect(issuesOf(() => resolveAll({ ruleSets } as never))).toStrictEqual([
      {
        path: ['ruleSets'],
        code: 'invalid_type',
        message: 'ruleSets must be a non-empty list of rule-set ids or loaded rule sets',
      },
    ]);
  });

  it('every item that is neither an id nor a rule set, at its index, in one error', () => {
    const error = (() => {
      try {
        resolveAll({ ruleSets: ['pp-38-2017', 5, {}, null] as never });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect((error as InvalidOptionError).issues).toStrictEqual(
      [1, 2, 3].map((i) => ({
        path: ['ruleSets', i],
        code: 'invalid_type',
        message: 'expected a rule-set id or a loaded rule set',
      })),
    );
  });

  it('ids and loaded rule sets resolve in the order given', () => {
    const rubric = getRuleSet('iga-2023');
    const { ruleSets, locale } = resolveAll({ ruleSets: ['pp-38-2017', rubric], locale: 'en' });
    expect(ruleSets.map((r) => r.id)).toStrictEqual(['pp-38-2017', 'iga-2023']);
    expect(ruleSets[1]).toBe(rubric);
    expect(locale).toBe('en');
  });
});
