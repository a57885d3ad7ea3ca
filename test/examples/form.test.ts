import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canRunChromium, launchChromium, serveExample } from '../helpers.js';

const root = new URL('../../', import.meta.url).pathname;
describe.skipIf(!canRunChromium)('examples/form in headless Chromium', () => {
  it("shows a broken criterion's message under its field, live, and clears it when fixed", async () => {
    const server = await serveExample('form');
    const browser = await launchChromium();
    try {
      const url = server.url;
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(url);
      await page.waitForSelector('#status[data-ready]');
      expect(await page.textContent('#status')).toContain('5 dari 5');
      expect(await page.textContent('[data-error-for="membatasiAkses"]')).toBe('');

      await page.selectOption('#membatasiAkses', 'true');
      const message = page.locator('[data-error-for="membatasiAkses"]');
      await expect
        .poll(() => message.textContent())
        .toMatch(/^Kriteria 4b: inovasi membatasi akses/);
      expect(await page.textContent('[data-error-for="kebaruan"]')).toBe('');

      await page.selectOption('#urusan', 'agama');
      await expect
        .poll(() => page.textContent('[data-error-for="urusan"]'))
        .toMatch(/urusan absolut/);

      await page.selectOption('#membatasiAkses', 'false');
      await expect.poll(() => message.textContent()).toBe('');
      expect(errors).toStrictEqual([]);
      mkdirSync(join(root, 'test-results'), { recursive: true });
      await page.screenshot({ path: join(root, 'test-results/form.png'), fullPage: true });
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
