import { createEvaluator, type Evaluator, parseRecord } from '../eligibility/_pipeline.js';
import { InvalidRecordError } from '../errors.js';
import {
  type Portfolio,
  type PortfolioInput,
  type PortfolioOptions,
  summarisePortfolio,
  type Tally,
} from './_portfolio.js';

export type {
  Change,
  Portfolio,
  PortfolioInput,
  PortfolioOptions,
  PortfolioUnit,
  UnitCount,
} from './_portfolio.js';

async function tally(inovasi: PortfolioInput['inovasi'], evaluator: Evaluator): Promise<Tally> {
  const result: Tally = { records: [], invalid: [] };
  let index = 0;
  for await (const input of inovasi) {
    try {
      const record = parseRecord(input);
      const { verdict } = evaluator.evaluateParsed(record);
      result.records.push({ opd: record.opd ?? '', unitKerja: record.unitKerja ?? '', verdict });
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
  const perAgency = options.minPerAgency ?? 1;
  const perUnit = options.minPerUnit ?? 1;
  const evaluator = createEvaluator(options);
  const current = await tally(input.inovasi, evaluator);

  const before = input.previous ? await tally(input.previous.inovasi, evaluator) : undefined;
  return summarisePortfolio(input, current, before, { perAgency, perUnit });
}
