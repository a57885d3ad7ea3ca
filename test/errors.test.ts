import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate as coreEvaluate } from '../src/core/index.js';
import {
  createEngine,
  createFormSchema,
  draftProgress,
  evaluate,
  evaluateAll,
  evaluateMany,
  evaluatePortfolio,
  evaluateRegion,
  getRuleSet,
  InvalidOptionError,
  InvalidRuleSetError,
  loadRuleSet,
  safeEvaluate,
  safeEvaluateAll,
} from '../src/index.js';
import { readRecords } from '../src/io/index.js';
import { unknownOptionIssues } from '../src/messages.js';
import { compareEditions, compareInnovationEditions, planRegion } from '../src/plan.js';
import { lintRuleSet } from '../src/schemas.js';
import { createApp, startServer } from '../src/server/index.js';
import { checkSubmission } from '../src/submission.js';
import { eligibleRecord } from './helpers.js';

const region = JSON.parse(
  readFileSync(new URL('../examples/kota-batu-2024.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const record = eligibleRecord();
const portfolio = { pemda: 'Kota Batu', tahun: 2024, units: [{ opd: 'Bappeda' }], inovasi: [] };

/** The error a call ends in, thrown or rejected; `undefined` when it succeeds. */
async function failureOf(call: () => unknown): Promise<unknown> {
  try {
    const result = call();
    if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
      for await (const _ of result as AsyncIterable<unknown>) break;
    } else {
      await result;
    }
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('InvalidRuleSetError', () => {
  it('names the rule set it could read, for a program as well as in its message', async () => {
    const perbup = JSON.parse(
      readFileSync(new URL('../examples/perbup-contoh.json', import.meta.url), 'utf8'),
    );
    const error = await failureOf(() =>
      loadRuleSet({ ...perbup, id: 'perbup-uji-2025', title: 5 }),
    );
    expect(error).toBeInstanceOf(InvalidRuleSetError);
    expect((error as InvalidRuleSetError).ruleSetId).toBe('perbup-uji-2025');
    expect((error as Error).message).toMatch(/^Invalid rule set "perbup-uji-2025" \(1 problem\)/);
    const anonymous = new InvalidRuleSetError([{ path: [], code: 'x', message: 'm' }]);
    expect(anonymous.ruleSetId).toBeUndefined();
  });
});

describe('unknownOptionIssues', () => {
  it('names each unknown option with its did-you-mean and the options there are', () => {
    expect(unknownOptionIssues({ ruleset: 'x', locale: 'id' }, ['ruleSet', 'locale'])).toEqual([
      {
        path: ['ruleset'],
        code: 'unrecognized_keys',
        message:
          'unknown option "ruleset" (did you mean "ruleSet"?); the options are ruleSet, locale',
        suggestion: 'ruleSet',
      },
    ]);
    expect(unknownOptionIssues({ warna: 1 }, ['ruleSet'])).toEqual([
      {
        path: ['warna'],
        code: 'unrecognized_keys',
        message: 'unknown option "warna"; the options are ruleSet',
      },
    ]);
    expect(unknownOptionIssues({ ruleSet: 1 }, ['ruleSet'])).toEqual([]);
  });

  it('stays short whatever it is given: long names cut, ten named and the rest counted', () => {
    const many = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`x${i}`, i]));
    const issues = unknownOptionIssues(many, ['ruleSet']);
    expect(issues).toHaveLength(11);
    expect(issues[10]).toEqual({
      path: [],
      code: 'unrecognized_keys',
      message: 'and 15 more unknown options',
    });
    const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`x${i}`, i]));
    expect(unknownOptionIssues(ten, ['ruleSet'])).toHaveLength(10);
    const [long] = unknownOptionIssues({ ['a'.repeat(10_000)]: 1 }, ['ruleSet']);
    expect(long?.message).toBe(`unknown option "${'a'.repeat(77)}…"; the options are ruleSet`);
    expect(long?.path[0]).toHaveLength(10_000);
    const [eighty] = unknownOptionIssues({ ['b'.repeat(80)]: 1 }, ['ruleSet']);
    expect(eighty?.message).toBe(`unknown option "${'b'.repeat(80)}"; the options are ruleSet`);
  });
});

/** Every function that takes options, called with a misspelt one; `right` is the spelling. */
const CALLS: [name: string, right: string, call: (wrong: Record<string, unknown>) => unknown][] = [
  ['evaluate', 'ruleSet', (o) => evaluate(record, o)],
  ['safeEvaluate', 'ruleSet', (o) => safeEvaluate(record, o)],
  ['evaluateAll', 'locale', (o) => evaluateAll(record, { ruleSets: ['pp-38-2017'], ...o })],
  ['safeEvaluateAll', 'locale', (o) => safeEvaluateAll(record, { ruleSets: ['pp-38-2017'], ...o })],
  ['evaluateMany', 'onProgress', (o) => evaluateMany([record], o)],
  ['evaluateRegion', 'rubric', (o) => evaluateRegion(region as never, o)],
  ['evaluatePortfolio', 'minPerAgency', (o) => evaluatePortfolio(portfolio, o)],
  ['createFormSchema', 'requireComplete', (o) => createFormSchema(o)],
  ['draftProgress', 'asOf', (o) => draftProgress(record, o)],
  ['planRegion', 'maxSteps', (o) => planRegion(region, o)],
  ['compareEditions', 'locale', (o) => compareEditions(region, 'iga-2023', 'iga-2026', o)],
  [
    'compareInnovationEditions',
    'ruleSet',
    (o) => compareInnovationEditions(record, 'iga-2023', 'iga-2026', o),
  ],
  ['checkSubmission', 'asOf', (o) => checkSubmission(record, o)],
  ['lintRuleSet', 'strict', (o) => lintRuleSet({}, o)],
  ['loadRuleSet', 'replace', (o) => loadRuleSet({}, o)],
  ['readRecords', 'delimiter', (o) => readRecords('examples/batu-2024.csv', o)],
  ['createEngine', 'shipped', (o) => createEngine(o)],
  ['engine.evaluate', 'ruleSet', (o) => createEngine().evaluate(record, o)],
  ['engine.planRegion', 'target', (o) => createEngine().planRegion(region as never, o)],
  ['engine.checkSubmission', 'rubric', (o) => createEngine().checkSubmission(record, o)],
  ['createApp', 'bodyLimit', (o) => createApp(o)],
  [
    'startServer',
    'host',
    async (o) => {
      const server = await startServer({ port: 0, ...o });
      await server.close();
    },
  ],
  [
    'core evaluate',
    'locale',
    (o) =>
      coreEvaluate(record, {
        ruleSet: getRuleSet('pp-38-2017') as never,
        rubric: getRuleSet('iga-2026') as never,
        ...o,
      }),
  ],
];

/** `ruleSet` → `ruleset`, `onProgress` → `onprogress`: the slip a caller makes. */
const misspelt = (name: string) => name.toLowerCase().replace(/^(.)(.)/, '$2$1');

describe('every function that takes options refuses a misspelt name, with its did-you-mean', () => {
  it.each(CALLS)('%s', async (_, right, call) => {
    const wrong = right === right.toLowerCase() ? misspelt(right) : right.toLowerCase();
    const error = await failureOf(() => call({ [wrong]: true }));
    expect(error).toBeInstanceOf(InvalidOptionError);
    const issue = (error as InvalidOptionError).issues.find((i) => i.path[0] === wrong);
    expect(issue).toMatchObject({ code: 'unrecognized_keys', suggestion: right });
    expect(issue?.message).toContain(`did you mean "${right}"?`);
  });

  it('the spelling it suggests is an option there: the same call with it is not refused for its name', async () => {
    // The right name may still carry a wrong value (`true` for a rule set): no name is refused.
    for (const [, right, call] of CALLS) {
      const error = await failureOf(() => call({ [right]: undefined }));
      expect(error === undefined || !(error instanceof InvalidOptionError)).toBe(true);
    }
  });
});
