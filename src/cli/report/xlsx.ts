import type ExcelJS from 'exceljs';
import { TEXTS } from '../../features/texts.js';
import { type Locale, MESSAGES, pick, visible } from '../../messages.js';
import type { ReportData } from './data.js';

/**
 * The report as an Excel workbook, one sheet per table: summary, innovations (with each
 * indicator's level), the reasons (each failing criterion, and what an incomplete innovation
 * still needs), agencies, their ranking, Eselon III units, and the records that could not be read.
 * Text cells that start like a formula are written as text, never evaluated.
 */

type Row = (string | number | undefined)[];

function addSheet(workbook: ExcelJS.Workbook, name: string, header: string[], rows: Row[]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  // Text as text: direction controls shown as code points (exceljs writes strings as strings,
  // never as formulas).
  for (const row of rows)
    sheet.addRow(row.map((v) => (v === undefined ? null : typeof v === 'string' ? visible(v) : v)));
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(header[i]?.length ?? 0, ...rows.map((r) => String(r[i] ?? '').length));
    column.width = Math.min(60, Math.max(8, longest + 2));
  });
}

/** Renders the report's tables as an .xlsx workbook. */
export async function renderXlsx(data: ReportData, locale: Locale): Promise<Uint8Array> {
  const en = locale === 'en';
  const { summary: s, portfolio: p } = data;
  // Loaded for a workbook only (see io's reader).
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  addSheet(
    workbook,
    en ? 'Summary' : 'Ringkasan',
    [en ? 'item' : 'butir', en ? 'value' : 'nilai'],
    [
      [en ? 'region' : 'pemerintah daerah', data.pemda],
      [en ? 'year' : 'tahun', data.tahun],
      [en ? 'criteria' : 'kriteria', data.ruleSet.title || data.ruleSet.id],
      [en ? 'rule set id' : 'id rule set', data.ruleSet.id],
      [en ? 'rubric' : 'rubrik', data.rubric.title || data.rubric.id],
      [en ? 'rubric id' : 'id rubrik', data.rubric.id],
      [en ? 'innovations' : 'inovasi', s.innovations],
      [pick(MESSAGES.verdict.eligible, locale), s.verdicts.eligible],
      [pick(MESSAGES.verdict.not_eligible, locale), s.verdicts.not_eligible],
      [pick(MESSAGES.verdict.incomplete, locale), s.verdicts.incomplete],
      [en ? 'invalid records' : 'data tidak valid', s.invalid],
      [en ? 'mean kematangan, proven' : 'rata-rata kematangan terbukti', s.meanProven],
      [en ? 'mean kematangan, claimed' : 'rata-rata kematangan diklaim', s.meanClaimed],
      ...(s.iid
        ? ([
            ['IID', s.iid.value],
            [en ? 'band' : 'predikat', s.iid.bandTitle],
          ] as Row[])
        : []),
    ],
  );
  addSheet(
    workbook,
    en ? 'Innovations' : 'Inovasi',
    [
      'no',
      'id',
      en ? 'name' : 'nama',
      'OPD',
      en ? 'unit' : 'unit kerja',
      en ? 'verdict' : 'putusan',
      en ? 'failing criteria' : 'kriteria gagal',
      en ? 'kematangan proven' : 'kematangan terbukti',
      en ? 'kematangan claimed' : 'kematangan diklaim',
      ...data.indicators.map((i) => `${i.number}. ${i.title}`),
    ],
    data.rows.map((r) => [
      r.index + 1,
      r.id === undefined ? undefined : String(r.id),
      r.nama,
      r.opd,
      r.unitKerja,
      pick(MESSAGES.verdict[r.verdict], locale),
      r.failing.join(', '),
      r.proven,
      r.claimed,
      ...r.levels,
    ]),
  );
  const failed = en ? 'fails' : 'gagal';
  const toFill = en ? 'to fill in' : 'perlu diisi';
  addSheet(
    workbook,
    en ? 'Reasons' : 'Alasan',
    [
      'no',
      en ? 'name' : 'nama',
      'OPD',
      en ? 'criterion' : 'kriteria',
      en ? 'status' : 'status',
      en ? 'reason' : 'alasan',
    ],
    data.rows.flatMap((r) => [
      ...r.failing.map((ref, i): Row => [r.index + 1, r.nama, r.opd, ref, failed, r.reasons[i]]),
      ...r.pending.map((ref, i): Row => [r.index + 1, r.nama, r.opd, ref, toFill, r.toFill[i]]),
    ]),
  );
  addSheet(
    workbook,
    en ? 'Agencies' : 'Perangkat Daerah',
    [
      'OPD',
      en ? 'innovations' : 'inovasi',
      en ? 'eligible' : 'memenuhi',
      en ? 'target met' : 'target tercapai',
      ...(p.change ? [en ? 'change' : 'perubahan'] : []),
    ],
    p.agencies.map((a, i) => [
      a.opd,
      a.count,
      a.eligible,
      a.meetsTarget ? (en ? 'yes' : 'ya') : en ? 'no' : 'tidak',
      ...(p.change ? [p.change.agencies[i]?.delta] : []),
    ]),
  );
  if (p.ranking.agencies.length > 0) {
    const R = TEXTS.report;
    const prev = p.change !== undefined;
    addSheet(
      workbook,
      en ? 'Ranking' : 'Peringkat',
      [
        pick(R.rank, locale),
        en ? 'tied' : 'seri',
        'OPD',
        pick(R.sum, locale),
        pick(R.mean, locale),
        pick(R.eligible, locale),
        pick(R.target, locale),
        ...(prev ? [pick(R.previousRank, locale)] : []),
      ],
      p.ranking.agencies.map((a) => [
        a.rank,
        a.tied ? (en ? 'yes' : 'ya') : '',
        a.opd,
        a.kematangan,
        a.mean,
        a.eligible,
        a.meetsTarget ? (en ? 'yes' : 'ya') : en ? 'no' : 'tidak',
        ...(prev ? [a.previousRank] : []),
      ]),
    );
  }
  if (p.units.length > 0) {
    addSheet(
      workbook,
      en ? 'Units' : 'Unit Kerja',
      [
        'OPD',
        en ? 'unit' : 'unit kerja',
        en ? 'innovations' : 'inovasi',
        en ? 'eligible' : 'memenuhi',
        en ? 'target met' : 'target tercapai',
      ],
      p.units.map((u) => [
        u.opd,
        u.unitKerja,
        u.count,
        u.eligible,
        u.meetsTarget ? (en ? 'yes' : 'ya') : en ? 'no' : 'tidak',
      ]),
    );
  }
  if (data.invalid.length > 0) {
    addSheet(
      workbook,
      en ? 'Invalid' : 'Tidak Valid',
      [en ? 'where' : 'letak', en ? 'field' : 'isian', en ? 'problem' : 'masalah'],
      data.invalid.flatMap((i) =>
        i.issues.map((x): Row => [i.where, x.path.join('.') || '-', x.message]),
      ),
    );
  }
  // Fixed timestamps: the same report gives the same workbook.
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
