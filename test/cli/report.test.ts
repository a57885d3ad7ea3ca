import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRecord } from '../../bench/records.js';
import { canRunChromium, cli, launchChromium } from '../helpers.js';

const root = new URL('../../', import.meta.url).pathname;
const fixtures = join(root, 'test/fixtures');
const dir = mkdtempSync(join(tmpdir(), 'inovasi-report-'));

// A region of a few hundred innovations from 34 agencies, as a Bappeda would hand it over.
const AGENCIES = Array.from(
  { length: 34 },
  (_, i) => `Perangkat Daerah ${String(i + 1).padStart(2, '0')}`,
);
const regionFile = join(dir, 'region.json');
writeFileSync(
  regionFile,
  JSON.stringify({
    pemda: 'Kota Contoh',
    tahun: 2024,
    spd: { spd_visi_misi: 3, spd_opini_bpk: 3, spd_lakip: 2 },
    inovasi: Array.from({ length: 300 }, (_, i) => ({
      ...generateRecord(i),
      opd: AGENCIES[i % 31],
    })),
  }),
);
const unitsFile = join(dir, 'units.json');
writeFileSync(unitsFile, JSON.stringify(AGENCIES.map((opd) => ({ opd }))));

describe('inovasi-rules evaluate on CSV and NDJSON (spawned)', () => {
  it('evaluates a CSV file, naming every bad row by line and field, and exits 2', () => {
    const { code, stdout, stderr } = cli(
      'evaluate',
      join(fixtures, 'batu-2023.csv'),
      '--format',
      'ndjson',
    );
    expect(code).toBe(2);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(7);
    expect(lines.map((l) => l.verdict ?? 'invalid')).toStrictEqual([
      'eligible',
      'eligible',
      'not_eligible',
      'incomplete',
      'invalid',
      'invalid',
      'invalid',
    ]);
    expect(lines[4]).toMatchObject({
      line: 6,
      error: { issues: [{ path: ['indikator', 'sdm', 'jumlah'] }] },
    });
    expect(stderr).toContain('baris 6 tidak valid');
    expect(stderr).toContain('indikator.sdm.jumlah');
    expect(stderr).toContain('baris 7 tidak valid');
    expect(stderr).toMatch(
      /baris 8 tidak valid:\n {2}- urusan: kolom "urusan": "sihir" bukan urusan menurut UU 23\/2014/,
    );
    expect(stderr).toContain('kolom "catatan" tidak cocok dengan isian mana pun dan diabaikan');
  });

  it('streams 20,000 NDJSON records in bounded memory, in input order', () => {
    const file = join(dir, 'many.ndjson');
    const text = Array.from({ length: 20_000 }, (_, i) =>
      JSON.stringify({ nama: `Inovasi ${i}`, kebaruan: i % 7 === 0 ? 'tidak' : 'seluruh' }),
    ).join('\n');
    writeFileSync(file, text);
    const result = spawnSync(
      process.execPath,
      [
        // A heap of 96 MB: 20,000 full evaluations (about 300 MB of JSON) kept in memory would
        // not fit, so the run finishing is the proof that output is not held. The process's
        // RSS (code, tsx's compiler, the machine's load) is not a measure of that: not checked.
        '--max-old-space-size=96',
        '--import',
        'tsx',
        '-e',
        `import('${join(root, 'src/cli/run.ts')}').then(async (m) => { let n = 0, last = ''; const code = await m.run(['evaluate', '${file}', '--format', 'ndjson', '--detail', 'full'], { stdout: (t) => { n++; last = t; }, stderr: () => {} }); console.log(JSON.stringify({ code, n, last: JSON.parse(last).nama })); })`,
      ],
      // Memory as users run it: without the coverage counters npm test's c8 adds to children.
      { encoding: 'utf8', cwd: root, env: { ...process.env, NODE_V8_COVERAGE: undefined } },
    );
    const out = JSON.parse(result.stdout.trim().split('\n').at(-1) as string);
    expect(out.code).toBe(0);
    expect(out.n).toBe(20_000);
    expect(out.last).toBe('Inovasi 19999');
    expect(result.status).toBe(0);
  });
});

describe('inovasi-rules report (spawned)', () => {
  it('writes Markdown with the summary, rows and the portfolio against last year', () => {
    const { code, stdout } = cli(
      'report',
      join(fixtures, 'batu-2023.csv'),
      '--units',
      join(fixtures, 'batu-units.csv'),
      '--previous',
      join(fixtures, 'batu-2022.ndjson'),
      '--lang',
      'en',
    );
    expect(code).toBe(2);
    expect(stdout).toContain('# Innovation report: ');
    expect(stdout).toContain('| 4 | 2 | 1 | 1 | 3 |');
    expect(stdout).toContain('| Dinas Perhubungan | 1 | 0 | ✗ | +1 |');
    expect(stdout).toContain(
      '- line 6: indikator.sdm.jumlah: column "indikator.sdm.jumlah": "banyak" is not a number',
    );
    expect(stdout).toContain('| Dinas Pariwisata | 0 | 0 | ✗ | -1 |');
    expect(stdout).toContain('Against 2022: 3 → 4 innovations');
  });

  it('still reports a region with a bad innovation, naming it and leaving out the IID', () => {
    const file = join(dir, 'region-bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        pemda: 'Kota Contoh',
        tahun: 2024,
        inovasi: [generateRecord(1), { nama: '' }],
      }),
    );
    const json = JSON.parse(cli('report', file, '--format', 'json').stdout);
    expect(json.summary.innovations).toBe(1);
    expect(json.summary.iid).toBeUndefined();
    expect(json.invalid).toStrictEqual([
      { where: 'data ke-2', issues: [expect.objectContaining({ path: ['nama'] })] },
    ]);
  });

  it('writes CSV and JSON', () => {
    const csv = cli('report', regionFile, '--format', 'csv').stdout.trim().split('\n');
    expect(csv).toHaveLength(301);
    expect(csv[0]).toMatch(
      /^no,id,nama,opd,unitKerja,verdict,failing,kematanganProven,kematanganClaimed,level\.regulasi,/,
    );
    const json = JSON.parse(
      cli('report', regionFile, '--format', 'json', '--units', unitsFile).stdout,
    );
    expect(json.summary.innovations).toBe(300);
    expect(json.summary.iid.value).toBeGreaterThan(0);
    expect(json.portfolio.agenciesWithoutInnovation).toStrictEqual(AGENCIES.slice(31));
  });

  describe.skipIf(!canRunChromium)('HTML in a real browser', () => {
    it('renders every chart, with no console error, no text outside its chart, at 1280 and 400 px, and in print', async () => {
      const html = cli('report', regionFile, '--format', 'html', '--units', unitsFile).stdout;
      expect(html).not.toMatch(/<script|<link|src="http/);
      const file = join(dir, 'report.html');
      writeFileSync(file, html);
      const browser = await launchChromium();
      try {
        for (const width of [1280, 400]) {
          const page = await browser.newPage({ viewport: { width, height: 900 } });
          const errors: string[] = [];
          page.on('console', (m) => {
            if (m.type() === 'error') errors.push(m.text());
          });
          page.on('pageerror', (e) => errors.push(e.message));
          await page.goto(`file://${file}`);
          const histogram = page.locator('svg#chart-kematangan');
          expect((await histogram.boundingBox())?.width).toBeGreaterThan(100);
          expect(await histogram.locator('rect').count()).toBeGreaterThan(0);
          // The heat map: a level written in every cell, every innovation's name whole and in
          // view (a narrow screen scrolls the cells, never the names, which wrap).
          expect(await page.locator('#chart-heatmap tbody td').count()).toBe(300 * 20);
          const names = await page.evaluate<{
            cut: number;
            hidden: number;
            digits: boolean;
          }>(`(() => {
            const heads = [...document.querySelectorAll('#chart-heatmap tbody th')];
            const view = document.querySelector('#chart-heatmap').closest('.scroll').getBoundingClientRect();
            return {
              cut: heads.filter((h) => h.scrollWidth > h.clientWidth + 1 || h.textContent.includes('…')).length,
              hidden: heads.filter((h) => h.getBoundingClientRect().left < view.left - 1).length,
              digits: [...document.querySelectorAll('#chart-heatmap tbody td')].every((c) => /^[0-3]$/.test(c.textContent)),
            };
          })()`);
          expect(names, `at ${width} px`).toStrictEqual({ cut: 0, hidden: 0, digits: true });
          // Reasons whole, never cut with an ellipsis.
          expect(await page.locator('ul.why li', { hasText: '…' }).count()).toBe(0);
          for (const id of ['chart-verdicts', 'chart-targets']) {
            expect(await page.locator(`#${id} .bar`).count(), id).toBeGreaterThan(0);
          }
          // Every SVG text inside its SVG; every bar label inside its chart, none cut off.
          const outside = await page.evaluate<string[]>(`(() => {
            const out = [];
            for (const svg of document.querySelectorAll('svg')) {
              const box = svg.getBoundingClientRect();
              for (const t of svg.querySelectorAll('text')) {
                const r = t.getBoundingClientRect();
                if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) out.push(svg.id + ': ' + t.textContent);
              }
            }
            for (const label of document.querySelectorAll('.bar-label')) {
              const chart = label.closest('.bars').getBoundingClientRect();
              const r = label.getBoundingClientRect();
              if (r.left < chart.left - 1 || r.right > chart.right + 1 || label.scrollWidth > label.clientWidth + 1) out.push('label: ' + label.textContent);
            }
            return out;
          })()`);
          expect(outside, `at ${width} px`).toStrictEqual([]);
          // Long agency names are whole, not cut at the left.
          const longest = AGENCIES.reduce((a, b) => (a.length >= b.length ? a : b));
          expect(
            await page.locator('#chart-targets .bar-label', { hasText: longest }).count(),
          ).toBe(1);
          // Verdicts in the report's language, with the reasons of a failing row.
          expect(await page.locator('td.not_eligible').first().textContent()).toBe(
            'tidak memenuhi kriteria',
          );
          const overflow = await page.evaluate<number>(
            'document.documentElement.scrollWidth - window.innerWidth',
          );
          expect(overflow, `at ${width} px`).toBeLessThanOrEqual(0);
          const smallest = await page.evaluate<number>(
            `Math.min(...[...document.querySelectorAll('svg text')].map((t) => t.getBoundingClientRect().height))`,
          );
          expect(smallest, `smallest chart text at ${width} px`).toBeGreaterThanOrEqual(
            width < 600 ? 8 : 11,
          );
          expect(errors).toStrictEqual([]);
          mkdirSync(join(root, 'test-results'), { recursive: true });
          await page.screenshot({
            path: join(root, `test-results/report-${width}.png`),
            fullPage: true,
          });
          if (width === 400) {
            const pdf = await page.pdf({ format: 'A4' });
            expect(pdf.byteLength).toBeGreaterThan(10_000);
          }
          await page.close();
        }
      } finally {
        await browser.close();
      }
    });
  });
});
