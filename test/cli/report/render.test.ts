import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/cli/report/command.js';
import { renderHtml } from '../../../src/cli/report/html.js';
import { renderCsv, renderMarkdown } from '../../../src/cli/report/text.js';
import { renderXlsx } from '../../../src/cli/report/xlsx.js';
import { canRunChromium, eligibleRecord, launchChromium } from '../../helpers.js';

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

describe('hostile names in a region report', () => {
  // A region whose name closes the page's style and opens a script, and an innovation whose name
  // turns right-to-left halfway ("Dinas" then U+202E, so "exe.gnp" displays as "png.exe").
  const spoof = 'Laporan\u202Eexe.gnp';
  const regionFile = join(dir, 'hostile-region.json');
  writeFileSync(
    regionFile,
    JSON.stringify({
      pemda: '</style><script>alert(1)</script> Kota\u2066Palsu\u2069',
      tahun: 2024,
      inovasi: [eligibleRecord({ nama: spoof, opd: 'Dinas\u202DX' }), eligibleRecord()],
    }),
  );
  const report = () => buildReport(regionFile, {}, options);

  it('Markdown: the heading is text and direction controls show as code points', async () => {
    const md = renderMarkdown(await report(), 'id');
    const heading = md.split('\n')[0] as string;
    expect(heading).toBe(
      '# Laporan inovasi daerah: &lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt; Kota[U+2066]Palsu[U+2069] 2024',
    );
    expect(md).not.toMatch(/<script|<\/style/);
    expect(md).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(md).toContain('Laporan[U+202E]exe.gnp');
  });

  it('CSV and xlsx: the override is written as its code point, read back as such', async () => {
    const data = await report();
    const csv = renderCsv(data);
    expect(csv).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(csv).toContain('Laporan[U+202E]exe.gnp');
    expect(csv).toContain('Dinas[U+202D]X');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await renderXlsx(data, 'id')) as never);
    const cells: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value)))),
    );
    expect(cells.some((c) => /[\u202A-\u202E\u2066-\u2069]/.test(c))).toBe(false);
    expect(cells).toContain('Laporan[U+202E]exe.gnp');
    expect(
      cells.some((c) => c.includes('</style><script>alert(1)</script> Kota[U+2066]Palsu')),
    ).toBe(true);
  });

  it.skipIf(!canRunChromium)(
    'HTML in Chromium: no script runs, the names are the text shown',
    async () => {
      const html = renderHtml(await report(), 'id');
      expect(html).not.toMatch(/<script/);
      const file = join(dir, 'hostile.html');
      writeFileSync(file, html);
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        const dialogs: string[] = [];
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        await page.goto(`file://${file}`);
        expect(await page.locator('script').count()).toBe(0);
        const text = await page.evaluate('document.body.innerText');
        expect(text).toContain('</style><script>alert(1)</script> Kota[U+2066]Palsu[U+2069]');
        expect(text).toContain('Laporan[U+202E]exe.gnp');
        expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
        expect(dialogs).toEqual([]);
      } finally {
        await browser.close();
      }
    },
  );
});
