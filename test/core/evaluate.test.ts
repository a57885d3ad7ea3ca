import { readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evidencedRecord } from '../../bench/records.js';
import {
  evaluate,
  InvalidOptionError,
  InvalidRecordError,
  safeEvaluate,
} from '../../src/core/index.js';
import * as main from '../../src/index.js';
import { ruleSet as iga2023 } from '../../src/rule-sets/shipped/iga-2023.js';
import { ruleSet as iga2026 } from '../../src/rule-sets/shipped/iga-2026.js';
import { ruleSet as kipp2023 } from '../../src/rule-sets/shipped/kipp-2023.js';
import { ruleSet as batu } from '../../src/rule-sets/shipped/perwali-batu-36-2022.js';
import { ruleSet as pp38 } from '../../src/rule-sets/shipped/pp-38-2017.js';
import { applyEdits, recordArb, recordEditsArb } from '../arbitraries.js';
import { eligibleRecord } from '../helpers.js';
import { runs } from '../runs.js';

const options = { ruleSet: batu, rubric: iga2026 };

/** The option problems of a call, as `[path, code]` pairs. */
async function optionIssues(record: unknown, given: unknown) {
  const error = await evaluate(record, given as typeof options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidOptionError);
  return (error as InvalidOptionError).issues.map((i) => [i.path.join('.'), i.code]);
}

describe('inovasi-rules/core: evaluate with the rule sets handed in', () => {
  it('gives the main entry’s evaluation, byte for byte, for random records, locales and rule sets', async () => {
    await fc.assert(
      fc.asyncProperty(
        recordArb,
        fc.constantFrom('id', 'en') as fc.Arbitrary<'id' | 'en'>,
        fc.constantFrom(batu, pp38, kipp2023),
        fc.constantFrom(iga2023, iga2026),
        async (record, locale, ruleSet, rubric) => {
          const core = await evaluate(record, { ruleSet, rubric, locale });
          const full = await main.evaluate(record, {
            ruleSet: ruleSet.id,
            rubric: rubric.id,
            locale,
          });
          expect(JSON.stringify(core)).toBe(JSON.stringify(full));
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it('uses the very rule sets the main entry ships (the same objects)', () => {
    expect(main.getRuleSet('perwali-batu-36-2022')).toBe(batu);
    expect(main.getRuleSet('iga-2026')).toBe(iga2026);
  });

  it('judges a complete record eligible and a fully evidenced one with its score', async () => {
    expect((await evaluate(eligibleRecord(), options)).verdict).toBe('eligible');
    const evidenced = evidencedRecord(3);
    expect(await evaluate(evidenced, options)).toStrictEqual(
      await main.evaluate(evidenced, { ruleSet: batu, rubric: iga2026 }),
    );
  });

  it('refuses an invalid record with the main entry’s issues (zod’s), in either language, edited records at random', async () => {
    await fc.assert(
      fc.asyncProperty(
        recordArb,
        recordEditsArb,
        fc.constantFrom('id', 'en') as fc.Arbitrary<'id' | 'en'>,
        async (record, edits, locale) => {
          const input = applyEdits(record, edits);
          const core = await safeEvaluate(input, { ...options, locale });
          const full = await main.safeEvaluate(input, { ...options, locale });
          expect(core.success).toBe(full.success);
          if (!core.success && !full.success) {
            expect(core.error).toBeInstanceOf(InvalidRecordError);
            // The core carries no zod: its reader writes zod's English texts, said in
            // Indonesian as the main entry's zod says them (record/issue-locale.ts).
            expect(core.error.issues).toStrictEqual(full.error.issues);
          } else {
            expect(JSON.stringify(core)).toBe(JSON.stringify(full));
          }
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('rejects from evaluate, and resolves from safeEvaluate, on an invalid record', async () => {
    await expect(evaluate({ nama: 42 }, options)).rejects.toThrow(InvalidRecordError);
    const result = await safeEvaluate({ nama: '' }, options);
    expect(result.success ? [] : result.error.issues).toStrictEqual([
      { path: ['nama'], code: 'too_small', message: 'wajib diisi' },
    ]);
    const english = await safeEvaluate({ nama: '' }, { ...options, locale: 'en' });
    expect(english.success ? [] : english.error.issues).toStrictEqual([
      { path: ['nama'], code: 'too_small', message: 'must not be blank' },
    ]);
  });

  it('never changes the caller’s record', async () => {
    const record = { nama: ' Si Cantik ', urusan: ['1.01'], indikator: { sdm: { jumlah: 4 } } };
    const copy = structuredClone(record);
    await evaluate(record, options);
    expect(record).toStrictEqual(copy);
  });

  it.each([
    ['a record too deep', JSON.parse(`${'{"a":'.repeat(100)}1${'}'.repeat(100)}`), 'too_deep'],
    [
      'a getter that throws',
      Object.defineProperty({ nama: 'x' }, 'tahun', {
        enumerable: true,
        get() {
          throw new Error('tidak terbaca');
        },
      }),
      'unreadable',
    ],
    [
      'a Proxy whose traps throw',
      new Proxy(
        { nama: 'x' },
        {
          ownKeys() {
            throw new Error('perangkap');
          },
        },
      ),
      'unreadable',
    ],
  ])('refuses %s with a structured error, never an escape', async (_, record, code) => {
    const result = await safeEvaluate(record, options);
    expect(result.success ? [] : result.error.issues.map((i) => i.code)).toStrictEqual([code]);
  });

  it('says what a getter threw when it throws only on the second read', async () => {
    let reads = 0;
    const record = Object.defineProperty({ nama: 'x' }, 'tahun', {
      enumerable: true,
      get() {
        reads += 1;
        if (reads > 1) throw new Error('kedua kali');
        return 2024;
      },
    });
    const result = await safeEvaluate(record, options);
    expect(result.success ? [] : result.error.issues).toStrictEqual([
      { path: [], code: 'unreadable', message: 'the record could not be read: Error: kedua kali' },
    ]);
  });

  it('names every option problem in one error: missing, an id, the wrong kind, hand-made, unknown', async () => {
    expect(await optionIssues({ nama: 'x' }, undefined)).toStrictEqual([
      ['ruleSet', 'required'],
      ['rubric', 'required'],
    ]);
    expect(
      await optionIssues(
        { nama: 'x' },
        { ruleSet: 'perwali-batu-36-2022', rubric: batu, asOf: '2024' },
      ),
    ).toStrictEqual([
      ['asOf', 'unrecognized_keys'],
      ['ruleSet', 'invalid_type'],
      ['rubric', 'invalid_type'],
    ]);
    expect(
      await optionIssues(
        { nama: 'x' },
        {
          ruleSet: { kind: 'eligibility', id: 'buatan', criteria: [] },
          rubric: iga2026,
          locale: 'fr',
        },
      ),
    ).toStrictEqual([
      ['ruleSet', 'invalid_type'],
      ['locale', 'invalid_value'],
    ]);
    await expect(evaluate({ nama: 'x' }, null as never)).rejects.toThrow(
      /options must be an object/,
    );
  });

  it('refuses null, an id that is no text, a copy that is not frozen, each with its message', async () => {
    const error = (await evaluate({ nama: 'x' }, {
      ruleSet: null,
      rubric: Object.freeze({ kind: 'rubric', id: 2026 }),
      tahun: 2024,
    } as never).catch((e: unknown) => e)) as InvalidOptionError;
    expect(error.issues).toStrictEqual([
      {
        path: ['tahun'],
        code: 'unrecognized_keys',
        message: 'unknown option "tahun"; the options are ruleSet, rubric, locale',
      },
      {
        path: ['ruleSet'],
        code: 'invalid_type',
        message:
          "ruleSet must be a loaded eligibility rule set, e.g. import { ruleSet } from 'inovasi-rules/rule-sets/<id>'",
      },
      {
        path: ['rubric'],
        code: 'invalid_type',
        message:
          "rubric must be a loaded rubric, e.g. import { ruleSet } from 'inovasi-rules/rule-sets/<id>'",
      },
    ]);
    expect(
      await optionIssues({ nama: 'x' }, { ruleSet: { ...batu }, rubric: iga2026 }),
    ).toStrictEqual([['ruleSet', 'invalid_type']]);
  });

  it('refuses options that cannot be read (a Proxy or getter that throws) as an option error', async () => {
    const trap = new Proxy(options, {
      ownKeys() {
        throw new Error('jebakan');
      },
    });
    const error = (await evaluate({ nama: 'x' }, trap).catch(
      (e: unknown) => e,
    )) as InvalidOptionError;
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error.issues).toStrictEqual([
      { path: [], code: 'unreadable', message: 'the options could not be read: Error: jebakan' },
    ]);
  });

  it('tells a caller who passes an id where to import the rule set from', async () => {
    const error = (await evaluate(
      { nama: 'x' },
      { ...options, ruleSet: 'pp-38-2017' as never },
    ).catch((e: unknown) => e)) as InvalidOptionError;
    expect(error.issues[0]?.message).toContain(
      "import { ruleSet } from 'inovasi-rules/rule-sets/pp-38-2017'",
    );
  });
});

describe('the README’s example of inovasi-rules/core', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = readme.slice(readme.indexOf("import { safeEvaluate } from 'inovasi-rules/core';"));
  const code = block.slice(0, block.indexOf('```'));

  it('imports only what the entries export, and runs as written on a draft', async () => {
    const imports = [...code.matchAll(/import \{ (\w+)(?: as (\w+))? \} from '([^']+)';/g)];
    expect(imports.map((m) => m[3])).toStrictEqual([
      'inovasi-rules/core',
      'inovasi-rules/rule-sets/perwali-batu-36-2022',
      'inovasi-rules/rule-sets/iga-2026',
    ]);
    const scope: Record<string, unknown> = {};
    for (const [, name, alias, from] of imports) {
      const path = (from as string).startsWith('inovasi-rules/rule-sets/')
        ? `../../src/rule-sets/shipped/${(from as string).split('/').pop()}.ts`
        : '../../src/core/index.ts';
      const module = (await import(path)) as Record<string, unknown>;
      expect(module[name as string]).toBeDefined();
      scope[alias ?? (name as string)] = module[name as string];
    }
    const call = code.slice(code.indexOf('const result = ') + 'const result = '.length);
    const run = new Function(
      ...Object.keys(scope),
      'draft',
      `return (async () => ${call.slice(0, call.indexOf(';'))})();`,
    );
    const result = await run(...Object.values(scope), {
      nama: 'Si Cantik',
      opd: 'Dinas Kesehatan',
    });
    expect(result.success && result.data.verdict).toBe('incomplete');
  });
});
