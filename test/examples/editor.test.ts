import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canRunChromium, launchChromium, serveExample } from '../helpers.js';

const root = new URL('../../', import.meta.url).pathname;
const example = join(root, 'examples/editor');

describe.skipIf(!canRunChromium)('examples/editor, the rule editor, in headless Chromium', () => {
  it('shows a broken rule set’s problems at their place, takes the fix, runs the cases green and evaluates a record', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'inovasi-editor-'));
    const server = await serveExample('editor');
    // The broken example, corrected as its author would: the fact, the value, the operator,
    // the placeholder, the English text and extends.
    const fixed = readFileSync(join(example, 'contoh-rusak.json'), 'utf8')
      .replace('"tahapn"', '"tahapan"')
      .replace('"Penerapan"', '"penerapan"')
      .replace('"greaterThen"', '"greaterThan"')
      .replace('gagal {tahapn}', 'gagal {tahapan}')
      .replace(
        '"fail": { "id": "gagal {tahapan}" }',
        '"fail": { "id": "gagal {tahapan}", "en": "failed" }',
      )
      .replace('"pp-38-2071"', '"pp-38-2017"')
      .replace('"dapat_di_replikasi"', '"syarat_tambahan"');
    const fixedFile = join(tmp, 'perbup-uji-2024.json');
    writeFileSync(fixedFile, fixed);
    const browser = await launchChromium();
    try {
      const url = server.url;
      mkdirSync(join(root, 'test-results'), { recursive: true });
      for (const width of [1280, 400]) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(url);
        await page.waitForSelector('body[data-ready]');
        await expect.poll(() => page.textContent('#summary')).toBe('✓ Rule set sah');

        await page.click('#load-broken');
        const codes = () =>
          page.$$eval('#problems li', (items) => items.map((li) => li.getAttribute('data-code')));
        await expect.poll(codes).toHaveLength(6);
        expect((await codes()).sort()).toStrictEqual([
          'invalid_type',
          'invalid_value',
          'unknown_fact',
          'unknown_operator',
          'unknown_placeholder',
          'unknown_rule_set',
        ]);
        expect(await page.textContent('#summary')).toBe('6 galat, 0 peringatan');
        const first = (await page.textContent('#problems li')) as string;
        expect(first).toMatch(/^baris \d+, kolom \d+ · kriteria 1 \(dapat_di_replikasi\)/);
        expect(first).toContain('maksudnya "tahapan"');
        // The editor marks the places too.
        await expect.poll(() => page.locator('.cm-lintRange-error').count()).toBeGreaterThan(4);
        await page.screenshot({
          path: join(root, `test-results/editor-${width}.png`),
          fullPage: true,
        });

        await page.setInputFiles('#open', fixedFile);
        await expect.poll(() => page.textContent('#summary')).toBe('✓ Rule set sah');
        expect(await codes()).toStrictEqual([]);

        await page.click('#load-example');
        await page.click('#run-cases');
        await expect.poll(() => page.textContent('#case-results')).toContain('2 lulus, 0 gagal');

        await page.click('#evaluate');
        await expect.poll(() => page.getAttribute('#verdict', 'data-verdict')).toBe('not_eligible');
        expect(await page.textContent('#verdict')).toBe('Putusan: tidak memenuhi kriteria');
        expect(await page.textContent('#reasons')).toMatch(/pungutan/);
        // Nothing is wider than the page, on a phone too.
        const overflow = await page.evaluate(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        );
        expect(overflow).toBeLessThanOrEqual(0);
        expect(errors).toStrictEqual([]);
        await page.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
