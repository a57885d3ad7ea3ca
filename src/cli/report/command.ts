import { InvalidRecordError, type Issue, UsageError } from '../../errors.js';
import { TEXTS } from '../../features/texts.js';
import type { EvaluateOptions, Evaluation, PortfolioUnit } from '../../index.js';
import {
  evaluatePortfolio,
  evaluateRegion,
  type RegionEvaluation,
  safeEvaluate,
} from '../../index.js';
import { pick } from '../../messages.js';
import { planRegion, type RegionPlan } from '../../plan.js';
import { outcomesOf } from '../dossier.js';
import { readAll, readJson, type SourceRow, whereOf } from '../input.js';
import { writeOutput } from '../output.js';
import type { CliIo } from '../stream.js';
import type { ReportData, ReportOptions, ReportRow } from './data.js';
import { renderHtml } from './html.js';
import { renderCsv, renderMarkdown } from './text.js';
import { renderXlsx } from './xlsx.js';

/**
 * The `report` command: a region's innovations in, a report out — a summary (verdicts,
 * kematangan, the IID when the input is a region record), a row per innovation, and the
 * portfolio of agencies and units against *Satu OPD Satu Inovasi*.
 */

const mean = (xs: number[]) =>
  xs.length === 0 ? 0 : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;

async function loadUnits(
  file: string | undefined,
  rows: ReportRow[],
  read: ReportOptions['read'],
  warn: (message: string) => void,
): Promise<PortfolioUnit[]> {
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
  const { rows: unitRows, warnings } = await readAll(file, {
    ...read,
    fields: 'unit',
    map: undefined,
  });
  for (const w of warnings) warn(`${file}: ${w.message}`);
  return unitRows.flatMap((row) => {
    const unit = (row.record ?? {}) as { opd?: unknown; unitKerja?: unknown };
    if (typeof unit.opd !== 'string' || unit.opd.trim() === '') {
      warn(`${file}, ${whereOf(row)}: no agency (opd) given; the row is left out`);
      return [];
    }
    return [
      typeof unit.unitKerja === 'string' && unit.unitKerja.trim()
        ? { opd: unit.opd, unitKerja: unit.unitKerja }
        : { opd: unit.opd },
    ];
  });
}

/** At most this many steps of the plan in a report. */
const PLAN_STEPS = 30;

/** Builds the data of a report from a records file or a region record. */
export async function buildReport(
  file: string,
  files: { units?: string; previous?: string },
  options: ReportOptions,
  warn: (message: string) => void = () => {},
): Promise<ReportData> {
  const evaluateOptions = options.evaluate as EvaluateOptions;
  let rowsIn: SourceRow[];
  const evaluated = new Map<number, Evaluation>();
  const invalid: ReportData['invalid'] = [];
  let region: RegionEvaluation | undefined;
  let plan: RegionPlan | undefined;
  let pemda = '';
  let tahun: number | undefined;
  const json = /\.json$/i.test(file) && !options.read.format ? await readJson(file) : undefined;
  if (
    json &&
    typeof json === 'object' &&
    !Array.isArray(json) &&
    Array.isArray((json as { inovasi?: unknown }).inovasi)
  ) {
    const input = json as { pemda?: unknown; tahun?: unknown; inovasi: unknown[] };
    try {
      region = await evaluateRegion(json, evaluateOptions);
      // What to do next: the cheapest steps to the next band (the first 30), and what next
      // year's edition changes.
      plan = await planRegion(json, { ...evaluateOptions, maxSteps: PLAN_STEPS, years: 2 });
    } catch (error) {
      // One bad innovation must not sink the report: the rows below name it, and the IID,
      // which would be wrong without it, is left out.
      if (!(error instanceof InvalidRecordError)) throw error;
    }
    rowsIn = input.inovasi.map((record, index) => ({ index, record }));
    if (region) {
      for (const innovation of region.innovations) {
        evaluated.set(innovation.index, innovation.evaluation);
      }
    }
    pemda = typeof input.pemda === 'string' ? input.pemda : '';
    tahun = typeof input.tahun === 'number' ? input.tahun : undefined;
  } else {
    const all = await readAll(file, options.read);
    for (const w of all.warnings) warn(`${file}: ${w.message}`);
    rowsIn = all.rows;
    for (const row of rowsIn) {
      const r = (row.record ?? {}) as { pemda?: unknown; tahun?: unknown };
      if (!pemda && typeof r.pemda === 'string') pemda = r.pemda;
      if (tahun === undefined && typeof r.tahun === 'number') tahun = r.tahun;
    }
  }
  // A row that does not say its region or year is the file's (as evaluateRegion fills the year):
  // the region's own rule set applies, else the national one, and the edition of that year.
  const ofFile = (record: unknown): unknown =>
    record !== null && typeof record === 'object' && !Array.isArray(record)
      ? {
          ...(pemda ? { pemda } : {}),
          ...(tahun !== undefined ? { tahun } : {}),
          ...Object.fromEntries(Object.entries(record).filter(([, v]) => v != null && v !== '')),
        }
      : record;
  const evaluateRow = (record: unknown) => evaluateOrIssues(ofFile(record), evaluateOptions);

  const rows: ReportRow[] = [];
  const valid: unknown[] = [];
  let first: Evaluation | undefined;
  for (const row of rowsIn) {
    const result = row.issues ?? evaluated.get(row.index) ?? (await evaluateRow(row.record));
    if (Array.isArray(result)) {
      invalid.push({ where: whereOf(row, options.locale), issues: result });
      continue;
    }
    const e = result as Evaluation;
    first ??= e;
    const r = row.record as { opd?: unknown; unitKerja?: unknown };
    rows.push({
      index: row.index,
      ...(e.id !== undefined ? { id: e.id } : {}),
      nama: e.nama,
      opd: typeof r.opd === 'string' ? r.opd.trim() : '',
      unitKerja: typeof r.unitKerja === 'string' ? r.unitKerja.trim() : '',
      verdict: e.verdict,
      failing: e.criteria.filter((c) => c.status === 'fail').map((c) => c.ref ?? c.id),
      reasons: e.criteria
        .filter((c) => c.status === 'fail')
        .map((c) => c.reasons.find((r) => r.status === 'fail')?.message ?? c.title),
      pending: e.criteria.filter((c) => c.status === 'unknown').map((c) => c.ref ?? c.id),
      toFill: e.criteria
        .filter((c) => c.status === 'unknown')
        .map((c) => c.reasons.find((r) => r.status === 'unknown')?.message ?? c.title),
      claimed: e.score.claimed,
      proven: e.score.proven,
      levels: e.score.indicators.map((i) => i.level),
    });
    valid.push(ofFile(row.record));
  }

  const verdicts = { eligible: 0, not_eligible: 0, incomplete: 0 };
  for (const r of rows) verdicts[r.verdict]++;
  // The portfolio reads the same records through the library (its evaluations are kept, so
  // nothing is computed twice); last year's are evaluated as this year's region would judge them.
  const previous = files.previous
    ? (await readAll(files.previous, options.read)).records.map(ofFile)
    : undefined;
  const portfolio = await evaluatePortfolio(
    {
      pemda,
      tahun: tahun ?? 0,
      units: await loadUnits(files.units, rows, options.read, warn),
      inovasi: valid,
      ...(previous ? { previous: { tahun: (tahun ?? 1) - 1, inovasi: previous } } : {}),
    },
    { ...evaluateOptions, minPerAgency: 1, minPerUnit: 1 },
  );
  return {
    pemda,
    ...(tahun !== undefined ? { tahun } : {}),
    ruleSet: first
      ? { ...first.ruleSet, title: first.basis.ruleSet.title }
      : { id: '', edition: '', title: '' },
    rubric: first
      ? { ...first.score.rubric, title: first.basis.rubric.title }
      : { id: '', edition: '', title: '' },
    summary: {
      innovations: rows.length,
      verdicts,
      invalid: invalid.length,
      meanClaimed: mean(rows.map((r) => r.claimed)),
      meanProven: mean(rows.map((r) => r.proven)),
      maxKematangan: first?.score.max ?? 111,
      ...(region
        ? {
            iid: {
              value: region.iid,
              band: region.band,
              bandTitle: region.bandTitle,
              notes: [
                ...(region.notAssessed ? [region.notAssessed.message] : []),
                ...(region.rejected ? [region.rejected.message] : []),
                ...(region.warnings ?? []).map((w) => w.message),
              ],
            },
          }
        : {}),
    },
    indicators:
      first?.score.indicators.map((i) => ({ id: i.id, number: i.number, title: i.title })) ?? [],
    rows,
    portfolio,
    invalid,
    duplicates: region
      ? duplicateRows(
          region.duplicates,
          (i) => rows.find((r) => r.index === i),
          rowsIn,
          options.locale,
        )
      : duplicateRows(portfolio.duplicates, (i) => rows[i], rowsIn, options.locale),
    ...(plan ? { plan } : {}),
  };
}

async function evaluateOrIssues(
  record: unknown,
  options: EvaluateOptions,
): Promise<Evaluation | readonly Issue[]> {
  const result = await safeEvaluate(record, options);
  if (result.success) return result.data;
  if (result.error instanceof InvalidRecordError) return result.error.issues;
  throw result.error;
}

/**
 * Rows that share a name (the library's own grouping: the region's, else the portfolio's, whose
 * positions are those of the report's rows), each named where it stands in the file.
 */
function duplicateRows(
  groups: readonly { indices: number[] }[],
  rowAt: (position: number) => ReportRow | undefined,
  rowsIn: SourceRow[],
  locale: ReportOptions['locale'],
): ReportData['duplicates'] {
  const byIndex = new Map(rowsIn.map((r) => [r.index, r]));
  return groups.map((group) => {
    // A region's positions are its innovations'; a portfolio's, the valid rows' in order.
    const members = group.indices.map(rowAt).filter((r): r is ReportRow => r !== undefined);
    return {
      nama: members[0]?.nama ?? '',
      where: members.map((r) => whereOf(byIndex.get(r.index) ?? { index: r.index }, locale)),
    };
  });
}

/** Runs the `report` command. */
export async function commandReport(
  file: string,
  values: {
    units?: string | undefined;
    previous?: string | undefined;
    output?: string | undefined;
    outcomes?: string | undefined;
  },
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
    io.stderr,
  );
  if (values.outcomes) {
    data.outcomes = await outcomesOf(
      values.outcomes,
      file,
      {
        locale: options.locale,
        format: options.format,
        read: options.read,
        ...(typeof options.evaluate.ruleSet === 'string'
          ? { ruleSet: options.evaluate.ruleSet }
          : options.evaluate.ruleSet
            ? { ruleSet: (options.evaluate.ruleSet as { id: string }).id }
            : {}),
        ...(options.evaluate.rubric ? { rubric: options.evaluate.rubric } : {}),
      },
      io.stderr,
    );
  }
  if (options.format === 'xlsx') {
    if (!values.output) {
      throw new UsageError('--format xlsx writes a workbook: give the file with -o laporan.xlsx');
    }
    const bytes = await renderXlsx(data, options.locale);
    // Through the same checked, all-or-nothing writer as every other output.
    await writeOutput(values.output, async (write) => write(bytes));
  } else {
    io.stdout(renderText(data, options));
  }
  for (const d of data.duplicates) {
    io.stderr(
      options.locale === 'en'
        ? `"${d.nama}" is entered ${d.where.length} times: ${d.where.join(', ')}`
        : `"${d.nama}" tercatat ${d.where.length} kali: ${d.where.join(', ')}`,
    );
  }
  for (const i of data.invalid)
    io.stderr(
      `${pick(TEXTS.cli.invalidRow, options.locale).replace('{where}', i.where)} ${i.issues.map((x) => `${x.path.join('.') || '(root)'}: ${x.message}`).join('; ')}`,
    );
  return data.invalid.length > 0 ? 2 : 0;
}

function renderText(data: ReportData, options: ReportOptions): string {
  return options.format === 'json'
    ? JSON.stringify(data, null, 2)
    : options.format === 'csv'
      ? renderCsv(data)
      : options.format === 'html'
        ? renderHtml(data, options.locale)
        : renderMarkdown(data, options.locale);
}
