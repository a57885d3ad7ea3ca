import { describe, expect, it } from 'vitest';
import { canRunChromium, openExample } from '../helpers.js';

describe.skipIf(!canRunChromium)('examples/form in headless Chromium', () => {
  it("shows a broken criterion's message under its field, live, and clears it when fixed", async () => {
    const { page, errors, screenshot, close } = await openExample('form');
    try {
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
      await screenshot('form.png');
    } finally {
      await close();
    }
  });
});
