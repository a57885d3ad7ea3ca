import * as z from 'zod';
import type { Status } from '../conditions/outcome.js';
import { evaluate } from '../eligibility/evaluate.js';
import { zodIndonesian } from '../eligibility/pipeline.js';
import { InvalidRecordError, InvalidRuleSetError, issuesFrom } from '../errors.js';
import { fill, type Locale, localeOption, pick } from '../messages.js';
import { TEXTS } from './texts.js';

/**
 * Rule-set test cases as data (in the spirit of OpenFisca's YAML tests): a JSON file of records
 * and their expected outcomes, beside the rule set it tests, so a rule author tests a new
 * region's Perbup without writing TypeScript. Run by `inovasi-rules rules test <file>` and by
 * one generic vitest test over every shipped case file.
 */

const StatusSchema = z.enum(['pass', 'fail', 'unknown']);

/** What a case expects; every part is optional and only what is given is checked. */
export const CaseExpectSchema = z.strictObject({
  /** The verdict. */
  verdict: z.enum(['eligible', 'not_eligible', 'incomplete']).optional(),
  /** Status by criterion id (or regulation number). */
  criteria: z.record(z.string(), StatusSchema).optional(),
  /** Fields by reason code: the reason must be present and name exactly these fields. */
  reasons: z.record(z.string(), z.array(z.string())).optional(),
  /** The IGA score. */
  score: z
    .strictObject({
      /** Claimed points. */
      claimed: z.number().optional(),
      /** Proven points. */
      proven: z.number().optional(),
      /** Level by indicator id. */
      levels: z.record(z.string(), z.number().int().min(0).max(3)).optional(),
    })
    .optional(),
});

/** A file of test cases for one rule set. */
export const TestCasesSchema = z.strictObject({
  /** Editor hint: path to `cases.schema.json`. Ignored. */
  $schema: z.string().optional(),
  /** The eligibility rule set under test (an id). */
  ruleSet: z.string(),
  /** The IGA rubric for `score` expectations; default the newest. */
  rubric: z.string().optional(),
  /** Fields every case starts from; a case's `record` is laid over it. */
  base: z.record(z.string(), z.unknown()).optional(),
  /** The cases, each run on its own. */
  cases: z
    .array(
      z.strictObject({
        /** What the case shows, e.g. "a levy without a regulation fails 4a". */
        name: z.string().min(1),
        /** The record's fields, laid over `base`. */
        record: z.record(z.string(), z.unknown()),
        /** What the evaluation must show. */
        expect: CaseExpectSchema,
      }),
    )
    .min(1),
});

/** A file of test cases, as written. */
export type TestCases = z.output<typeof TestCasesSchema>;

/** The result of one case: passed, or the differences found. */
export interface CaseResult {
  /** The case's name. */
  name: string;
  /** Whether the evaluation showed everything expected. */
  passed: boolean;
  /** What differed from the expectation, one sentence each. */
  problems: string[];
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Runs a file of rule-set test cases.
 *
 * @param json - the parsed content of a `.cases.json` file
 * @param options - `locale`: the language of the differences and of the case file's problems
 *   (default `en`)
 * @returns one result per case, in order
 * @throws `InvalidRuleSetError` when the case file itself is malformed (every problem, with its path)
 * @throws `UnknownRuleSetError` when it names a rule set that is not loaded
 * @throws `InvalidOptionError` when `options` is not `{ locale?: 'id' | 'en' }`
 * @example
 * ```ts
 * const results = await runTestCases(JSON.parse(readFileSync('perbup-contoh.cases.json', 'utf8')));
 * results.filter((r) => !r.passed); // [] when the rule set behaves as its author expects
 * ```
 */
export async function runTestCases(
  json: unknown,
  options?: { locale?: Locale },
): Promise<CaseResult[]> {
  const locale = localeOption(options).locale ?? 'en';
  const parsed = TestCasesSchema.safeParse(json, locale === 'id' ? zodIndonesian : undefined);
  if (!parsed.success) throw new InvalidRuleSetError(issuesFrom(parsed.error, 'invalid_case'));
  const file = parsed.data;
  const say = (key: keyof typeof TEXTS.cases, values: Record<string, string | number>) =>
    fill(pick(TEXTS.cases[key], locale), values);
  const results: CaseResult[] = [];
  for (const testCase of file.cases) {
    const problems: string[] = [];
    const record = { ...file.base, ...testCase.record };
    try {
      const result = await evaluate(record, {
        ruleSet: file.ruleSet,
        ...(file.rubric ? { rubric: file.rubric } : {}),
        locale,
      });
      const { expect } = testCase;
      if (expect.verdict && result.verdict !== expect.verdict) {
        problems.push(say('verdict', { actual: result.verdict, expected: expect.verdict }));
      }
      for (const [id, status] of Object.entries(expect.criteria ?? {})) {
        const criterion = result.criteria.find((c) => c.id === id || c.ref === id);
        if (!criterion) problems.push(say('noCriterion', { id }));
        else if (criterion.status !== (status as Status))
          problems.push(say('criterion', { id, actual: criterion.status, expected: status }));
      }
      const reasons = result.criteria.flatMap((c) => c.reasons);
      for (const [code, fields] of Object.entries(expect.reasons ?? {})) {
        const reason = reasons.find((r) => r.code === code);
        if (!reason)
          problems.push(say('noReason', { code, codes: reasons.map((r) => r.code).join(', ') }));
        else if (!same(reason.fields, fields))
          problems.push(
            say('reasonFields', {
              code,
              actual: reason.fields.join(', '),
              expected: fields.join(', '),
            }),
          );
      }
      const score = expect.score;
      if (score?.claimed !== undefined && result.score.claimed !== score.claimed) {
        problems.push(say('claimed', { actual: result.score.claimed, expected: score.claimed }));
      }
      if (score?.proven !== undefined && result.score.proven !== score.proven) {
        problems.push(say('proven', { actual: result.score.proven, expected: score.proven }));
      }
      for (const [id, level] of Object.entries(score?.levels ?? {})) {
        const indicator = result.score.indicators.find((i) => i.id === id);
        if (!indicator) problems.push(say('noIndicator', { id }));
        else if (indicator.level !== level)
          problems.push(say('level', { id, actual: indicator.level, expected: level }));
      }
    } catch (error) {
      if (!(error instanceof InvalidRecordError)) throw error;
      const listed = error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      problems.push(say('invalidRecord', { problems: listed.join('; ') }));
    }
    results.push({ name: testCase.name, passed: problems.length === 0, problems });
  }
  return results;
}
