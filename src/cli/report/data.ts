import type { OutcomeComparison } from '../../dossier/index.js';
import type { Issue } from '../../errors.js';
import type { Evaluation, Portfolio, RuleSetRef } from '../../index.js';
import type { Locale } from '../../messages.js';
import type { RegionPlan } from '../../plan.js';
import type { CliReadOptions } from '../input.js';

/** One innovation's row in a report. */
export interface ReportRow {
  index: number;
  id?: string | number;
  nama: string;
  opd: string;
  unitKerja: string;
  verdict: Evaluation['verdict'];
  /** Failing criteria, as the regulation numbers them (or their ids). */
  failing: string[];
  /** For each failing criterion, its first failing reason, in the report's language. */
  reasons: string[];
  /** Criteria not yet decided (missing data), as the regulation numbers them (or their ids). */
  pending: string[];
  /** For each criterion not yet decided, what to fill in (its first undecided reason). */
  toFill: string[];
  claimed: number;
  proven: number;
  /** Level (0-3) of each indicator, in the rubric's order. */
  levels: number[];
}

/** Everything a report shows, in one object (also the `--format json` output). */
export interface ReportData {
  pemda: string;
  tahun?: number;
  /** The eligibility rule set, with its title in the report's language. */
  ruleSet: RuleSetRef & { title: string };
  /** The IGA rubric, with its title in the report's language. */
  rubric: RuleSetRef & { title: string };
  summary: {
    innovations: number;
    verdicts: Record<Evaluation['verdict'], number>;
    invalid: number;
    meanClaimed: number;
    meanProven: number;
    /** The rubric's highest kematangan (111 in both shipped editions). */
    maxKematangan: number;
    iid?: {
      value: number;
      band: string;
      bandTitle: string;
      /** What the index does not show: not assessed, what rejected innovations cost, the year's warnings. */
      notes: string[];
    };
  };
  indicators: { id: string; number: number; title: string }[];
  rows: ReportRow[];
  portfolio: Portfolio;
  invalid: { where: string; issues: readonly Issue[] }[];
  /** Innovations entered more than once under the same name, with where each copy is. */
  duplicates: { nama: string; where: string[] }[];
  /** For a region record: the cheapest steps to the next band. */
  plan?: RegionPlan;
  /** With `--outcomes`: the verifiers' decisions against the prediction. */
  outcomes?: OutcomeComparison;
}

export interface ReportOptions {
  read: CliReadOptions;
  evaluate: { ruleSet?: unknown; locale: Locale; rubric?: string };
  locale: Locale;
  format: string;
}

/** Whether any innovation gives a LAN 5D stage: the pipeline is shown only then. */
export const hasStages = (data: ReportData): boolean =>
  data.portfolio.pipeline.some((row) => Object.values(row.stages).some((n) => n > 0)) ||
  data.portfolio.stagesWithoutEvidence.length > 0;
