import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/cli/report/command.js';
import { renderCsv, renderMarkdown } from '../../../src/cli/report/text.js';
import { renderXlsx } from '../../../src/cli/report/xlsx.js';

const dir = mkdtempSync(join(tmpdir(), 'inovasi-report-'));
const hostile = [
  { nama: '=HYPERLINK("http://x","klik")', opd: '+Dinas A', kebaruan: 'tidak' },
  { nama: 'Baris\rSisipan', opd: '@Dinas B', kebaruan: 'seluruh' },
  { nama: '<img src=x onerror=alert(1)> | pipa', opd: '-Dinas C\nbaru', kebaruan: 'seluruh' },
];
const file = join(dir, 'hostile.json');
writeFileSync(file, JSON.stringify(hostile));
const options = {
  evaluate: { ruleSet: 'pp-38-2017', locale: 'id' as const },
  locale: 'id' as const,
  format: 'csv',
  read: {},
};

describe('reports that are safe to open', () => {
  it('CSV: formula-leading cells are escaped and CR or LF are always quoted', async () => {
    const csv = renderCsv(await buildReport(file, {}, options));
    const lines = csv.split('\n');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`);
    expect(lines[1]).toContain(",'+Dinas A,");
    expect(csv).toContain('"Baris\rSisipan"');
    expect(csv).toContain(",'@Dinas B,");
    expect(csv).toContain('"\'-Dinas C\nbaru"');
  });

  it('Markdown: HTML becomes text, pipes are escaped, CR and LF never break a row', async () => {
    const md = renderMarkdown(await buildReport(file, {}, options), 'id');
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt; \\| pipa');
    expect(md).not.toContain('\r');
    expect(md).toContain('| Baris Sisipan |');
    expect(md).toContain('-Dinas C baru');
  });

  it('xlsx: one sheet per table; formula-like names are text, verdicts in the chosen language', async () => {
    const bytes = await renderXlsx(await buildReport(file, {}, options), 'id');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    expect(workbook.worksheets.map((w) => w.name)).toStrictEqual([
      'Ringkasan',
      'Inovasi',
      'Alasan',
      'Perangkat Daerah',
      'Peringkat',
    ]);
    const rows = workbook.getWorksheet('Inovasi');
    const first = rows?.getRow(2);
    expect(first?.getCell(3).value).toBe('=HYPERLINK("http://x","klik")');
    expect(first?.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(first?.getCell(6).value).toBe('tidak memenuhi kriteria');
  });
});

describe('the workbook of a real export: reasons and ranking', () => {
  it('has a sheet of every failing reason and of what incomplete rows lack, and the ranking', async () => {
    const root = new URL('../../../', import.meta.url).pathname;
    const data = await buildReport(
      `${root}examples/batu-2024.xlsx`,
      {},
      {
        evaluate: { locale: 'id' as const },
        locale: 'id' as const,
        format: 'xlsx',
        read: {},
      },
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await renderXlsx(data, 'id')) as never);
    const values = (name: string) =>
      (workbook.getWorksheet(name)?.getSheetValues() ?? [])
        .filter(Boolean)
        .map((row) => (row as unknown[]).slice(1));
    const reasons = values('Alasan');
    expect(reasons[0]).toStrictEqual(['no', 'nama', 'OPD', 'kriteria', 'status', 'alasan']);
    // Row by row: each failing criterion with its reason, then what is still to fill in.
    const expected = data.rows.flatMap((r) => [
      ...r.failing.map((ref, i) => [r.index + 1, r.nama, ref, 'gagal', r.reasons[i]]),
      ...r.pending.map((ref, i) => [r.index + 1, r.nama, ref, 'perlu diisi', r.toFill[i]]),
    ]);
    expect(expected.some((r) => r[3] === 'gagal')).toBe(true);
    expect(expected.some((r) => r[3] === 'perlu diisi')).toBe(true);
    expect(reasons.slice(1).map((r) => [r[0], r[1], r[3], r[4], r[5]])).toStrictEqual(expected);
    expect(new Set(reasons.slice(1).map((r) => r[4]))).toStrictEqual(
      new Set(['gagal', 'perlu diisi']),
    );
    const ranking = values('Peringkat');
    expect(ranking.slice(1).map((r) => r[2])).toStrictEqual(
      data.portfolio.ranking.agencies.map((a) => a.opd),
    );
    expect(ranking.slice(1).map((r) => r[0])).toStrictEqual(
      data.portfolio.ranking.agencies.map((a) => a.rank),
    );
    const summary = values('Ringkasan');
    expect(summary).toContainEqual(['kriteria', data.ruleSet.title]);
  });
});

describe('a report names innovations entered twice', () => {
  it('lists both rows in Markdown', async () => {
    const twice = join(dir, 'twice.json');
    writeFileSync(
      twice,
      JSON.stringify([{ nama: 'Si Cantik' }, { nama: 'SI CANTIK' }, { nama: 'Lain' }]),
    );
    const data = await buildReport(twice, {}, options);
    expect(data.duplicates).toStrictEqual([
      { nama: 'Si Cantik', where: ['data ke-1', 'data ke-2'] },
    ]);
    expect(renderMarkdown(data, 'id')).toContain('- Si Cantik: data ke-1, data ke-2');
  });
});
