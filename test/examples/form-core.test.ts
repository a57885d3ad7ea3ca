import { describe, expect, it } from 'vitest';
import { canRunChromium, openExample } from '../helpers.js';

describe.skipIf(!canRunChromium)('examples/form-core in headless Chromium', () => {
  it('checks a draft with inovasi-rules/core under a policy without unsafe-eval', async () => {
    const { page, errors, screenshot, close } = await openExample('form-core', {
      width: 400,
      height: 800,
    });
    try {
      await page.waitForSelector('#status[data-ready]');
      // The page's policy is in force (an inline script is refused, as `eval` would be).
      await expect(page.addScriptTag({ content: 'window.inline = true' })).rejects.toThrow();
      expect(await page.evaluate(() => 'inline' in globalThis)).toBe(false);
      errors.length = 0; // the refusal itself is reported on the console
      expect(await page.textContent('#status')).toMatch(
        /^Putusan: belum lengkap \(\d+ isian belum diisi\); skor IGA terbukti 0 dari 111$/,
      );

      // A criterion fails: its reason shows under the field it names.
      await page.selectOption('#membatasiAkses', 'true');
      await expect
        .poll(() => page.textContent('[data-error-for="membatasiAkses"]'))
        .toMatch(/membatasi akses/);
      expect(await page.textContent('#status')).toMatch(/^Putusan: tidak memenuhi kriteria/);

      // An invalid value: the schema's issue, from the zod-free reader, under its field, in the
      // page's language (the core said it in English before).
      await page.fill('#nama', '   ');
      await expect.poll(() => page.textContent('[data-error-for="nama"]')).toBe('wajib diisi');
      await page.fill('#tahun', '1800');
      await expect
        .poll(() => page.textContent('[data-error-for="tahun"]'))
        .toBe('Terlalu kecil: diharapkan number menjadi >=1900');

      await page.fill('#nama', 'Layanan Antrean Daring');
      await page.fill('#tahun', '2025');
      await page.selectOption('#membatasiAkses', 'false');
      await expect.poll(() => page.textContent('#status')).toMatch(/^Putusan: belum lengkap/);
      expect(await page.textContent('[data-error-for="nama"]')).toBe('');
      expect(errors).toStrictEqual([]);
      await screenshot('form-core.png');
      await page.setViewportSize({ width: 1280, height: 800 });
      await screenshot('form-core-1280.png');
    } finally {
      await close();
    }
  });
});
