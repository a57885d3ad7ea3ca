import { stringify } from 'csv-stringify/sync';
import { TEXTS } from '../../features/texts.js';
import type { Locale } from '../../messages.js';
import { MESSAGES, pick, visible } from '../../messages.js';
import { nextYearLines } from '../format-text.js';
import { hasStages, type ReportData } from './data.js';
import { formatOutcomes } from './outcomes.js';

/** The report as Markdown and as CSV. */

/**
 * A Markdown text (a table cell, a heading, a list item): pipes escaped, line breaks (CR, LF,
 * CRLF) folded into spaces, the characters of HTML written as entities and direction controls
 * shown as code points, so a name cannot inject markup, break the table or display as another.
 */
const cell = (v: unknown) =>
  visible(String(v ?? ''))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, ' ');

/** An id as Markdown code: backticks cannot close it, the rest as {@link cell}. */
const code = (v: string) => `\`${cell(v).replace(/`/g, "'")}\``;

/** The report as Markdown. */
export function renderMarkdown(data: ReportData, locale: Locale): string {
  const en = locale === 'en';
  const { summary: s, portfolio: p } = data;
  const num = (x: number, digits = 0) =>
    x.toLocaleString(en ? 'en-US' : 'id-ID', {
      minimumFractionDigits: digits,
      maximumFractionDigits: 2,
    });
  const why = data.rows.flatMap((r) => [
    ...r.failing.map(
      (ref, i) => `- ${r.index + 1}. ${cell(r.nama)}, ${cell(ref)}: ${cell(r.reasons[i] ?? '')}`,
    ),
    ...r.pending.map(
      (ref, i) =>
        `- ${r.index + 1}. ${cell(r.nama)}, ${cell(ref)} (${en ? 'to fill in' : 'perlu diisi'}): ${cell(r.toFill[i] ?? '')}`,
    ),
  ]);
  const lines = [
    `# ${en ? 'Innovation report' : 'Laporan inovasi daerah'}${[data.pemda, data.tahun].filter(Boolean).length ? `: ${cell([data.pemda, data.tahun].filter(Boolean).join(' '))}` : ''}`,
    '',
    `${en ? 'Criteria' : 'Kriteria'}: ${cell(data.ruleSet.title || data.ruleSet.id)} (${code(data.ruleSet.id)}); ${en ? 'rubric' : 'rubrik'}: ${cell(data.rubric.title || data.rubric.id)} (${code(data.rubric.id)})`,
    '',
    `| ${en ? 'innovations' : 'inovasi'} | ${en ? 'eligible' : 'memenuhi'} | ${en ? 'not eligible' : 'tidak memenuhi'} | ${en ? 'incomplete' : 'belum lengkap'} | ${en ? 'invalid' : 'tidak valid'} | ${en ? 'mean kematangan (proven / claimed)' : 'rata-rata kematangan (terbukti / diklaim)'} |${s.iid ? ' IID |' : ''}`,
    `| ---: | ---: | ---: | ---: | ---: | ---: |${s.iid ? ' ---: |' : ''}`,
    `| ${s.innovations} | ${s.verdicts.eligible} | ${s.verdicts.not_eligible} | ${s.verdicts.incomplete} | ${s.invalid} | ${num(s.meanProven)} / ${num(s.meanClaimed)} |${s.iid ? ` ${num(s.iid.value, 2)} (${s.iid.bandTitle}) |` : ''}`,
    ...(s.iid?.notes.length ? ['', ...s.iid.notes.map((n) => `- ${cell(n)}`)] : []),
    '',
    `## ${en ? 'Innovations' : 'Inovasi'}`,
    '',
    `| # | ${en ? 'name' : 'nama'} | OPD | ${en ? 'verdict' : 'putusan'} | ${en ? 'failing criteria' : 'kriteria gagal'} | ${en ? 'kematangan proven / claimed' : 'kematangan terbukti / diklaim'} |`,
    '| ---: | --- | --- | --- | --- | ---: |',
    ...data.rows.map(
      (r) =>
        `| ${r.index + 1} | ${cell(r.nama)} | ${cell(r.opd)} | ${pick(MESSAGES.verdict[r.verdict], locale)} | ${cell(r.failing.join(', '))} | ${r.proven} / ${r.claimed} |`,
    ),
    ...(why.length > 0
      ? ['', `### ${en ? 'Why, and what to fill in' : 'Alasan, dan yang perlu diisi'}`, '', ...why]
      : []),
    '',
    `## ${en ? 'Agencies (target: at least' : 'Perangkat daerah (target: minimal'} ${p.target.perAgency} ${en ? 'eligible innovation)' : 'inovasi yang memenuhi kriteria)'}`,
    '',
    `${p.totals.agenciesMeetingTarget} / ${p.totals.agencies} ${en ? 'agencies meet the target' : 'perangkat daerah memenuhi target'}; ${p.totals.unitsMeetingTarget} / ${p.totals.units} ${en ? 'Eselon III units' : 'unit Eselon III'}.`,
    '',
    `| OPD | ${en ? 'innovations' : 'inovasi'} | ${en ? 'eligible' : 'memenuhi'} | ${en ? 'target met' : 'target'} |${p.change ? ` ${en ? 'change' : 'perubahan'} |` : ''}`,
    `| --- | ---: | ---: | --- |${p.change ? ' ---: |' : ''}`,
    ...p.agencies.map((a, i) => {
      const delta = p.change?.agencies[i]?.delta;
      return `| ${cell(a.opd)} | ${a.count} | ${a.eligible} | ${a.meetsTarget ? '✓' : '✗'} |${p.change ? ` ${delta !== undefined && delta > 0 ? '+' : ''}${delta ?? ''} |` : ''}`;
    }),
  ];
  if (p.units.length > 0) {
    lines.push(
      '',
      `| OPD | ${en ? 'unit' : 'unit kerja'} | ${en ? 'innovations' : 'inovasi'} | ${en ? 'eligible' : 'memenuhi'} | ${en ? 'target met' : 'target'} |`,
      '| --- | --- | ---: | ---: | --- |',
    );
    for (const u of p.units)
      lines.push(
        `| ${cell(u.opd)} | ${cell(u.unitKerja)} | ${u.count} | ${u.eligible} | ${u.meetsTarget ? '✓' : '✗'} |`,
      );
  }
  if (p.change) {
    lines.push(
      '',
      `${en ? 'Against' : 'Dibanding'} ${p.change.previousTahun}: ${p.change.innovations.previous} → ${p.change.innovations.current} ${en ? 'innovations' : 'inovasi'}, ${p.change.agenciesWithInnovation.previous} → ${p.change.agenciesWithInnovation.current} ${en ? 'agencies with an innovation' : 'perangkat daerah berinovasi'}.`,
    );
  }
  lines.push(
    ...rankingMarkdown(data, locale),
    ...pipelineMarkdown(data, locale),
    ...planMarkdown(data, locale),
  );
  if (data.outcomes) lines.push('', formatOutcomes(data.outcomes, locale));
  if (data.duplicates.length > 0) {
    lines.push('', `## ${en ? 'Entered more than once' : 'Tercatat lebih dari sekali'}`, '');
    for (const d of data.duplicates) lines.push(`- ${cell(d.nama)}: ${cell(d.where.join(', '))}`);
  }
  if (data.invalid.length > 0) {
    lines.push('', `## ${en ? 'Invalid records' : 'Data tidak valid'}`, '');
    for (const i of data.invalid)
      lines.push(
        `- ${cell(i.where)}: ${cell(i.issues.map((x) => `${x.path.join('.') || '(root)'}: ${x.message}`).join('; '))}`,
      );
  }
  return lines.join('\n');
}

/** The report's rows as CSV, one innovation per line, indicator levels as columns. */
export function renderCsv(data: ReportData): string {
  const header = [
    'no',
    'id',
    'nama',
    'opd',
    'unitKerja',
    'verdict',
    'failing',
    'kematanganProven',
    'kematanganClaimed',
    ...data.indicators.map((i) => `level.${i.id}`),
  ];
  const rows = data.rows.map((r) => [
    r.index + 1,
    r.id,
    r.nama,
    r.opd,
    r.unitKerja,
    r.verdict,
    r.failing.join(';'),
    r.proven,
    r.claimed,
    ...r.levels,
  ]);
  // csv-stringify quotes every cell holding a quote, delimiter, CR or LF, and prefixes a cell
  // that starts like a formula (= + - @ tab CR) with a quote, so a spreadsheet shows it as text.
  return stringify([header, ...rows], {
    escape_formulas: true,
    cast: { string: visible },
    quoted_match: /[\r\n]/,
    record_delimiter: 'unix',
  }).trimEnd();
}

const R = TEXTS.report;

function rankingMarkdown(data: ReportData, locale: Locale): string[] {
  const p = data.portfolio;
  if (p.ranking.agencies.length === 0) return [];
  const prev = p.change !== undefined;
  return [
    '',
    `## ${pick(R.ranking, locale)}`,
    '',
    pick(R.rankingNote, locale),
    '',
    `| ${pick(R.rank, locale)} | OPD | ${pick(R.sum, locale)} | ${pick(R.mean, locale)} | ${pick(R.eligible, locale)} | ${pick(R.target, locale)} |${prev ? ` ${pick(R.previousRank, locale)} |` : ''}`,
    `| ---: | --- | ---: | ---: | ---: | --- |${prev ? ' ---: |' : ''}`,
    ...p.ranking.agencies.map(
      (r) =>
        `| ${r.tied ? '=' : ''}${r.rank} | ${cell(r.opd)} | ${r.kematangan} | ${r.mean} | ${r.eligible} | ${r.meetsTarget ? '✓' : '✗'} |${prev ? ` ${r.previousRank ?? ''} |` : ''}`,
    ),
  ];
}

function pipelineMarkdown(data: ReportData, locale: Locale): string[] {
  const p = data.portfolio;
  if (!hasStages(data)) return [];
  const names = pick(R.stages, locale).split('|');
  const ids = Object.keys(p.pipeline[0]?.stages ?? {});
  const lines = [
    '',
    `## ${pick(R.pipeline, locale)}`,
    '',
    `| OPD | ${names.join(' | ')} | ${pick(R.unstaged, locale)} |`,
    `| --- |${ids.map(() => ' ---: |').join('')} ---: |`,
    ...p.pipeline.map(
      (row) =>
        `| ${cell(row.opd)} | ${ids.map((id) => row.stages[id] ?? 0).join(' | ')} | ${row.unstaged} |`,
    ),
  ];
  if (p.stagesWithoutEvidence.length > 0) {
    lines.push('', `**${pick(R.noEvidence, locale)}**`, '');
    for (const x of p.stagesWithoutEvidence)
      lines.push(`- ${cell(x.nama)} (${cell(x.opd)}): ${x.stages.join(', ')}`);
  }
  return lines;
}

function planMarkdown(data: ReportData, locale: Locale): string[] {
  const plan = data.plan;
  if (!plan) return [];
  const num = (n: number) => n.toLocaleString(locale === 'id' ? 'id-ID' : 'en-US');
  return [
    '',
    `## ${pick(R.plan, locale)}`,
    '',
    cell(plan.summary),
    '',
    ...plan.steps.map(
      (step, i) => `${i + 1}. ${cell(step.message)} → IID ${num(step.iidAfter)}: ${cell(step.why)}`,
    ),
    ...nextYearMarkdown(plan, locale),
  ];
}

/** Next year's edition: the innovations that leave the window, the documents that stop counting. */
function nextYearMarkdown(plan: NonNullable<ReportData['plan']>, locale: Locale): string[] {
  const next = nextYearLines(plan, locale);
  if (!next) return [];
  const items = next.items.length > 0 ? next.items.map((i) => `- ${cell(i)}`) : [cell(next.none)];
  return ['', `### ${cell(next.heading)}`, '', ...items];
}
