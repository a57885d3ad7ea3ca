import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { innovationDossier, regionDossier, renderDossier } from '../../src/dossier/index.js';
import { canRunChromium, eligibleRecord, launchChromium } from '../helpers.js';

/**
 * The dossier as a region prints it: Debian's Chromium prints each page set to PDF (A4, the
 * page's own CSS), poppler turns the pages into images and text, and the tests check the page
 * count, the stamp and page number on every page, and that nothing runs past the margins.
 */

const canRunPoppler = existsSync('/usr/bin/pdftoppm') || Boolean(process.env.CI);
const region = JSON.parse(
  readFileSync(new URL('../../examples/kota-batu-2024.json', import.meta.url), 'utf8'),
) as { pemda: string; tahun: number; inovasi: Record<string, unknown>[] };
const results = new URL('../../test-results/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'inovasi-dossier-'));

/** A4 at 96 px per inch, less the page's margins (16 mm left, 14 mm right). */
const CONTENT_WIDTH = Math.floor(((210 - 30) / 25.4) * 96);

interface Printed {
  pages: number;
  /** Each page's text, as pdftotext reads it. */
  text: string[];
  /** Each page as a grey image: width, height, pixels. */
  images: { width: number; height: number; pixels: Buffer }[];
}

/** Reads a binary PGM (P5) as poppler writes it. */
function readPgm(file: string) {
  const bytes = readFileSync(file);
  const header = bytes.subarray(0, 64).toString('latin1');
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!m) throw new Error(`${file} is not a binary PGM`);
  const width = Number(m[1]);
  const height = Number(m[2]);
  return { width, height, pixels: bytes.subarray(m[0].length, m[0].length + width * height) };
}

async function print(browser: Browser, name: string, html: string): Promise<Printed> {
  const htmlFile = join(dir, `${name}.html`);
  const pdfFile = join(dir, `${name}.pdf`);
  writeFileSync(htmlFile, html);
  const page = await browser.newPage();
  await page.goto(`file://${htmlFile}`);
  await page.pdf({ path: pdfFile, preferCSSPageSize: true, printBackground: true });
  await page.close();
  const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, pages);
  execFileSync('pdftoppm', ['-r', '40', '-gray', pdfFile, join(dir, name)]);
  const images = readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.pgm'))
    .sort()
    .map((f) => readPgm(join(dir, f)));
  // The pages as images for a person to look at, beside the other screenshots.
  mkdirSync(results, { recursive: true });
  execFileSync('pdftoppm', [
    '-r',
    '60',
    '-png',
    '-f',
    '1',
    '-l',
    '2',
    pdfFile,
    join(results, `dossier-${name}`),
  ]);
  return { pages, text, images };
}

/** Whether a strip of columns (from x0 to x1) is blank on every row of an image. */
function blankColumns(image: Printed['images'][number], x0: number, x1: number): boolean {
  for (let y = 0; y < image.height; y++) {
    for (let x = x0; x < x1; x++) {
      if ((image.pixels[y * image.width + x] as number) < 235) return false;
    }
  }
  return true;
}

describe.skipIf(!canRunChromium || !canRunPoppler)('the dossier in print (A4, Chromium)', () => {
  let browser: Browser;
  let innovation: Printed;
  let regional: Printed;
  let html: { innovation: string; region: string };

  beforeAll(async () => {
    browser = await launchChromium();
    // A name with no space to break at, and long evidence: what would run past a margin.
    const long = eligibleRecord({
      nama: `Sistem${'Informasi'.repeat(14)}Terpadu`,
      opd: 'Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah',
      indikator: {
        regulasi: {
          jenis: 'perkada',
          bukti: [
            {
              jenis: 'perwali',
              nama: `Peraturan Wali Kota tentang ${'Penyelenggaraan '.repeat(12)}`,
              nomor: '188.45/123/KEP/422.012/2023/'.repeat(3),
              tanggal: '2023-01-10',
              url: `https://jdih.batukota.go.id/${'dokumen/'.repeat(20)}perwali.pdf`,
            },
          ],
        },
      },
    });
    const first = { pemda: region.pemda, tahun: region.tahun, ...region.inovasi[0] };
    html = {
      innovation: renderDossier(await innovationDossier([first, long], { date: '2026-12-06' })),
      region: renderDossier(await regionDossier(region, { date: '2026-12-06', plan: true })),
    };
    innovation = await print(browser, 'inovasi', html.innovation);
    regional = await print(browser, 'daerah', html.region);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('prints every page with its number, of the total, and the stamp', () => {
    for (const printed of [innovation, regional]) {
      expect(printed.pages).toBeGreaterThan(1);
      expect(printed.images).toHaveLength(printed.pages);
      printed.text.forEach((text, i) => {
        expect(text).toContain(`Halaman ${i + 1} dari ${printed.pages}`);
        expect(text).toMatch(/perwali-batu-36-2022 [0-9a-f]{12}/);
        expect(text).toContain('inovasi-rules 0.1.0 · 2026-12-06');
      });
    }
    // Each innovation starts on a page of its own.
    const starts = innovation.text.filter((t) => t.includes('Berkas Verifikasi Inovasi Daerah'));
    expect(starts).toHaveLength(2);
  });

  it('runs nothing past the right margin: the page’s last 12 mm are blank', () => {
    for (const printed of [innovation, regional]) {
      for (const image of printed.images) {
        // 40 dpi: 12 mm is 19 px, inside the 14 mm margin (the footer sits lower, not wider).
        expect(blankColumns(image, image.width - 19, image.width)).toBe(true);
      }
    }
  });

  it('fits the content width in print and a phone’s width on screen, and never cuts a row', async () => {
    for (const page of [html.innovation, html.region]) {
      const tab = await browser.newPage({ viewport: { width: CONTENT_WIDTH, height: 1000 } });
      await tab.setContent(page);
      await tab.emulateMedia({ media: 'print' });
      // A string, evaluated in the page (the tests are compiled without the DOM's types).
      const print = await tab.evaluate<{
        scroll: number;
        client: number;
        rowBreak: string;
        headGroup: string;
      }>(`({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        rowBreak: getComputedStyle(document.querySelector('tr')).breakInside,
        headGroup: getComputedStyle(document.querySelector('thead')).display,
      })`);
      expect(print.scroll).toBeLessThanOrEqual(print.client);
      expect(print.rowBreak).toBe('avoid');
      expect(print.headGroup).toBe('table-header-group');
      await tab.emulateMedia({ media: 'screen' });
      await tab.setViewportSize({ width: 400, height: 800 });
      const phone = await tab.evaluate<number>('document.documentElement.scrollWidth');
      expect(phone).toBeLessThanOrEqual(400);
      await tab.screenshot({
        path: join(results, `dossier-phone-${page === html.region ? 'daerah' : 'inovasi'}.png`),
      });
      await tab.close();
    }
  });
});
