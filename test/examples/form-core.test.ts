import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canRunChromium, launchChromium, serveExample } from '../helpers.js';

const root = new URL('../../', import.meta.url).pathname;
describe.skipIf(!canRunChromium)('examples/form-core in headless Chromium', () => {
  it('checks a draft with inovasi-rules/core under a policy without unsafe-eval', async () => {
    const server = await serveExample('form-core');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 400, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(server.url);
      await page.waitForSelector('#status[data-ready]');
      // The page's policy is in force (an inline script is refused, as `eval` would be).
      await expect(page.addScriptTag({ content: 'window.inline = true' })).rejects.toThrow();
      expect(await page.evaluate(() => 'inline' in globalThis)).toBe(false);
      errors.length = 0; // the refusal itself is reported on the console
      expect(await page.textContent('#status')).toMatch(
        /^Putusan: incomplete; skor IGA terbukti 0 dari 111$/,
      );

      // A criterion fails: its reason shows under the field it names.
      await page.selectOption('#membatasiAkses', 'true');
      await expect
        .poll(() => page.textContent('[data-error-for="membatasiAkses"]'))
        .toMatch(/membatasi akses/);
      expect(await page.textContent('#status')).toMatch(/^Putusan: not_eligible/);

      // An invalid value: zod's issue, from the zod-free reader, under its field.
      await page.fill('#nama', '   ');
      await expect
        .poll(() => page.textContent('[data-error-for="nama"]'))
        .toBe('must not be blank');
      await page.fill('#tahun', '1800');
      await expect
        .poll(() => page.textContent('[data-error-for="tahun"]'))
        .toBe('Too small: expected number to be >=1900');

      await page.fill('#nama', 'Layanan Antrean Daring');
      await page.fill('#tahun', '2025');
      await page.selectOption('#membatasiAkses', 'false');
      await expect.poll(() => page.textContent('#status')).toMatch(/^Putusan: incomplete/);
      expect(await page.textContent('[data-error-for="nama"]')).toBe('');
      expect(errors).toStrictEqual([]);
      mkdirSync(join(root, 'test-results'), { recursive: true });
      await page.screenshot({ path: join(root, 'test-results/form-core.png'), fullPage: true });
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
