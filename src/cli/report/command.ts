import { InvalidRecordError, type Issue } from '../../errors.js';
import { type Evaluation, safeEvaluate } from '../../eligibility/evaluate.js';
import type { Locale } from '../../messages.js';
import { evaluatePortfolio, type Portfolio, type PortfolioUnit } from '../../features/portfolio.js';
import { evaluateRegion, type RegionEvaluation } from '../../features/region.js';
import { readAll, readJson, type SourceRow, whereOf } from '../input.js';
import { renderHtml } from './html.js';
import { renderCsv, renderMarkdown } from './text.js';
import type { CliIo } from '../stream.js';

/**
 * The `report` command: a region's innovations in, a report out — a summary (verdicts,
 * kematangan, the IID when the input is a region record), a row per innovation, and the
 * portfolio of agencies and units against *Satu OPD Satu Inovasi*.
 */

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
  claimed: number;
  proven: number;
  /** Level (0-3) of each indicator, in the rubric's order. */
  levels: number[];
}

/** Everything a report shows, in one object (also the `--format json` output). */
export interface ReportData {
  pemda: string;
  tahun?: number;
  ruleSet: { id: string; edition: string };
  rubric: { id: string; edition: string };
  summary: {
    innovations: number;
    verdicts: Record<Evaluation['verdict'], number>;
    invalid: number;
    meanClaimed: number;
    meanProven: number;
    iid?: { value: number; band: string; bandTitle: string };
  };
  indicators: { id: string; number: number; title: string }[];
  rows: ReportRow[];
  portfolio: Portfolio;
  invalid: { where: string; issues: readonly Issue[] }[];
}

export interface ReportOptions {
  evaluate: { ruleSet: unknown; locale: Locale; rubric?: string };
  locale: Locale;
  format: string;
}

const mean = (xs: number[]) =>
  xs.length === 0 ? 0 : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;

async function loadUnits(file: string | undefined, rows: ReportRow[]): Promise<PortfolioUnit[]> {
  if (!file) {
    // No list of units: take the agencies and units the innovations name.
    const seen = new Set<string>();
    const units: PortfolioUnit[] = [];
    for (const r of rows) {
      if (!r.opd) continue;
      const k = `${r.opd}|${r.unitKerja}`;
      if (!seen.has(k))
        units.push(r.unitKerja ? { opd: r.opd, unitKerja: r.unitKerja } : { opd: r.opd });
      seen.add(k);
    }
    return units;
  }
  const { records } = await readAll(file);
  return records.flatMap((u) => {
    const unit = u as { opd?: unknown; unitKerja?: unknown };
    if (typeof unit.opd !== 'string' || unit.opd.trim() === '') return [];
    return [
      typeof unit.unitKerja === 'string' && unit.unitKerja.trim()
        ? { opd: unit.opd, unitKerja: unit.unitKerja }
        : { opd: unit.opd },
    ];
  });
}

/** Builds the data of a report from a records file or a region record. */
export async function buildReport(
  file: string,
  files: { units?: string; previous?: string },
  options: ReportOptions,
): Promise<ReportData> {
  const evaluateOptions = options.evaluate as Parameters<typeof safeEvaluate>[1];
  let rowsIn: SourceRow[];
  const invalid: ReportData['invalid'] = [];
  let region: RegionEvaluation | undefined;
  let pemda = '';
  let tahun: number | undefined;
  const json = /\.json$/i.test(file) ? await readJson(file) : undefined;
  if (
    json &&
    typeof json === 'object' &&
    !Array.isArray(json) &&
    Array.isArray((json as { inovasi?: unknown }).inovasi)
  ) {
    const input = json as { pemda?: unknown; tahun?: unknown; inovasi: unknown[] };
    try {
      region = await evaluateRegion(json, evaluateOptions);
    } catch (error) {
      // One bad innovation must not sink the report: the rows below name it, and the IID,
      // which would be wrong without it, is left out.
      if (!(error instanceof InvalidRecordError)) throw error;
    }
    rowsIn = input.inovasi.map((record, index) => ({ index, record }));
    pemda = typeof input.pemda === 'string' ? input.pemda : '';
    tahun = typeof input.tahun === 'number' ? input.tahun : undefined;
  } else {
    rowsIn = (await readAll(file)).rows;
  }

  const rows: ReportRow[] = [];
  const records: unknown[] = [];
  let first: Evaluation | undefined;
  for (const row of rowsIn) {
    const result = row.issues ? undefined : await safeEvaluate(row.record, evaluateOptions);
    if (!result?.success) {
      invalid.push({
        where: whereOf(row),
        issues: row.issues ?? (result && !result.success ? result.error.issues : []),
      });
      continue;
    }
    records.push(row.record);
    const e = result.data;
    first ??= e;
    const r = row.record as {
      opd?: unknown;
      unitKerja?: unknown;
      pemda?: unknown;
      tahun?: unknown;
    };
    if (!pemda && typeof r.pemda === 'string') pemda = r.pemda;
    if (tahun === undefined && typeof r.tahun === 'number') tahun = r.tahun;
    rows.push({
      index: row.index,
      ...(e.id !== undefined ? { id: e.id } : {}),
      nama: e.nama,
      opd: typeof r.opd === 'string' ? r.opd.trim() : '',
      unitKerja: typeof r.unitKerja === 'string' ? r.unitKerja.trim() : '',
      verdict: e.verdict,
      failing: e.criteria.filter((c) => c.status === 'fail').map((c) => c.ref ?? c.id),
      claimed: e.score.claimed,
      proven: e.score.proven,
      levels: e.score.indicators.map((i) => i.level),
    });
  }

  const verdicts = { eligible: 0, not_eligible: 0, incomplete: 0 };
  for (const r of rows) verdicts[r.verdict]++;
  const previous = files.previous ? (await readAll(files.previous)).records : undefined;
  const portfolio = await evaluatePortfolio(
    {
      pemda,
      tahun: tahun ?? 0,
      units: await loadUnits(files.units, rows),
      inovasi: records,
      ...(previous ? { previous: { tahun: (tahun ?? 1) - 1, inovasi: previous } } : {}),
    },
    evaluateOptions,
  );
  return {
    pemda,
    ...(tahun !== undefined ? { tahun } : {}),
    ruleSet: first?.ruleSet ?? { id: '', edition: '' },
    rubric: first?.score.rubric ?? { id: '', edition: '' },
    summary: {
      innovations: rows.length,
      verdicts,
      invalid: invalid.length,
      meanClaimed: mean(rows.map((r) => r.claimed)),
      meanProven: mean(rows.map((r) => r.proven)),
      ...(region
        ? { iid: { value: region.iid, band: region.band, bandTitle: region.bandTitle } }
        : {}),
    },
    indicators:
      first?.score.indicators.map((i) => ({ id: i.id, number: i.number, title: i.title })) ?? [],
    rows,
    portfolio,
    invalid,
  };
}

/** Runs the `report` command. */
export async function commandReport(
  file: string,
  values: { units?: string | undefined; previous?: string | undefined },
  options: ReportOptions,
  io: CliIo,
): Promise<number> {
  const data = await buildReport(
    file,
    {
      ...(values.units ? { units: values.units } : {}),
      ...(values.previous ? { previous: values.previous } : {}),
    },
    options,
  );
  const out =
    options.format === 'json'
      ? JSON.stringify(data, null, 2)
      : options.format === 'csv'
        ? renderCsv(data)
        : options.format === 'html'
          ? renderHtml(data, options.locale)
          : renderMarkdown(data, options.locale);
  io.stdout(out);
  for (const i of data.invalid)
    io.stderr(
      `${i.where} is invalid: ${i.issues.map((x) => `${x.path.join('.') || '(root)'}: ${x.message}`).join('; ')}`,
    );
  return data.invalid.length > 0 ? 2 : 0;
}
