import * as z from 'zod';
import type { Evaluator } from '../eligibility/evaluator.js';
import { createEvaluator, EVALUATE_OPTIONS, parseRecord } from '../eligibility/pipeline.js';
import { defaultScope, type Scope } from '../eligibility/scope.js';
import type { EvaluateOptions } from '../eligibility/types.js';
import { InvalidOptionError, InvalidRecordError, type Issue, issuesFrom } from '../errors.js';
import { optionNames, optionsObject, thrownText } from '../messages.js';
import { labinovOf } from '../record/labinov.js';
import {
  type Portfolio,
  type PortfolioInput,
  type PortfolioOptions,
  summarisePortfolio,
  type Tally,
} from './portfolio-tally.js';

export type {
  Change,
  PipelineRow,
  Portfolio,
  PortfolioInput,
  PortfolioOptions,
  PortfolioUnit,
  RankRow,
  UnitCount,
} from './portfolio-tally.js';

const iterable = z.custom<Iterable<unknown> | AsyncIterable<unknown>>(
  (value) =>
    value !== null &&
    typeof value === 'object' &&
    (Symbol.iterator in value || Symbol.asyncIterator in value),
  { error: 'expected a list of innovation records' },
);
const Name = z.string().trim().min(1).max(500);

/** The portfolio's input, checked whole before anything is counted. */
const PortfolioInputSchema = z.object({
  pemda: z.string().max(500),
  tahun: z.number().int().min(0).max(2200),
  units: z.array(z.object({ opd: Name, unitKerja: Name.optional() })).max(100_000),
  inovasi: iterable,
  previous: z.object({ tahun: z.number().int().min(0).max(2200), inovasi: iterable }).optional(),
});

const PORTFOLIO_OPTIONS = [
  ...EVALUATE_OPTIONS,
  ...optionNames<Omit<PortfolioOptions, keyof EvaluateOptions>>({
    minPerAgency: true,
    minPerUnit: true,
  }),
];

const Target = z.number().int().min(0).max(1_000).optional();

function checkInput(input: unknown, options: unknown): void {
  let parsed: ReturnType<typeof PortfolioInputSchema.safeParse>;
  try {
    parsed = PortfolioInputSchema.safeParse(input);
  } catch (error) {
    throw new InvalidRecordError([{ path: [], code: 'unreadable', message: thrownText(error) }]);
  }
  if (!parsed.success) throw new InvalidRecordError(issuesFrom(parsed.error, 'invalid_value'));
  const given = (options ?? {}) as { minPerAgency?: unknown; minPerUnit?: unknown };
  const issues: Issue[] = [];
  for (const key of ['minPerAgency', 'minPerUnit'] as const) {
    if (!Target.safeParse(given[key]).success) {
      issues.push({
        path: [key],
        code: 'invalid_value',
        message: `${key} must be a whole number from 0 to 1000`,
      });
    }
  }
  if (issues.length > 0) throw new InvalidOptionError(issues);
}

/**
 * The year before given as its records alone (a list), written as `{ tahun: tahun - 1, inovasi }`;
 * any other input as it is, for the schema to check.
 */
function withPreviousYear(input: PortfolioInput): PortfolioInput {
  try {
    const previous = (input as { previous?: unknown } | null)?.previous;
    if (
      previous === null ||
      typeof previous !== 'object' ||
      !(Symbol.iterator in previous || Symbol.asyncIterator in previous)
    ) {
      return input;
    }
    const tahun = typeof input.tahun === 'number' ? input.tahun - 1 : input.tahun;
    return { ...input, previous: { tahun, inovasi: previous as PortfolioInput['inovasi'] } };
  } catch {
    return input; // a getter that throws: the schema reports the input unreadable
  }
}

async function tally(inovasi: PortfolioInput['inovasi'], evaluator: Evaluator): Promise<Tally> {
  const result: Tally = { records: [], invalid: [] };
  let index = 0;
  for await (const input of inovasi) {
    try {
      const record = parseRecord(input, evaluator.locale);
      const { verdict, score } = evaluator.evaluateParsed(record);
      result.records.push({
        index,
        opd: record.opd ?? '',
        unitKerja: record.unitKerja ?? '',
        verdict,
        nama: record.nama,
        kematangan: verdict === 'not_eligible' ? 0 : score.proven,
        ...labinovOf(record),
      });
    } catch (error) {
      if (!(error instanceof InvalidRecordError)) throw error;
      result.invalid.push({ index, issues: error.issues });
    }
    index++;
  }
  return result;
}

/**
 * Measures a region's innovations against *Satu OPD Satu Inovasi* and *Satu Eselon III Satu
 * Inovasi*: per agency and per Eselon III unit, how many innovations and how many eligible ones,
 * whether the target is met, who has none, and the change against the year before. Agency and
 * unit names match case-insensitively, ignoring extra spaces.
 *
 * @param input - the region, its units, the year's innovations and optionally the year before
 * @param options - eligibility rule set, locale and the targets
 * @returns the portfolio
 * @throws {@link InvalidRecordError} when the input is malformed (every problem, with its path)
 * @throws {@link InvalidOptionError} when a target or another option is wrong
 * @example
 * ```ts
 * const p = await evaluatePortfolio({ pemda: 'Kota Batu', tahun: 2023, units, inovasi });
 * p.agenciesWithoutInnovation; // agencies still to reach the target
 * ```
 */
export async function evaluatePortfolio(
  input: PortfolioInput,
  options: PortfolioOptions = {},
): Promise<Portfolio> {
  return evaluatePortfolioIn(defaultScope(), input, options);
}

/**
 * {@link evaluatePortfolio} with the rule sets of a scope (an engine's).
 *
 * @internal
 */
export async function evaluatePortfolioIn(
  scope: Scope,
  input: PortfolioInput,
  options: PortfolioOptions = {},
): Promise<Portfolio> {
  const { minPerAgency, minPerUnit, ...evaluateOptions } = optionsObject(
    options,
    PORTFOLIO_OPTIONS,
  ) as PortfolioOptions;
  input = withPreviousYear(input);
  checkInput(input, { minPerAgency, minPerUnit });
  const perAgency = minPerAgency ?? 1;
  const perUnit = minPerUnit ?? 1;
  const evaluator = createEvaluator(
    evaluateOptions,
    { pemda: input.pemda, tahun: input.tahun },
    scope,
  );
  const current = await tally(input.inovasi, evaluator);

  const previous = input.previous as
    | { tahun: number; inovasi: PortfolioInput['inovasi'] }
    | undefined;
  const before = previous ? await tally(previous.inovasi, evaluator) : undefined;
  return summarisePortfolio(
    { ...input, previous },
    current,
    before,
    { perAgency, perUnit },
    evaluator.ruleSet,
    evaluator.basis(),
    evaluator.locale,
  );
}
