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
    // A cases file of one case that expects the wrong verdict: it must fail.
    const cases = JSON.parse(
      readFileSync(join(root, 'examples/perbup-contoh.cases.json'), 'utf8'),
    ) as { cases: { expect: { verdict?: string } }[] };
    const wrong = cases.cases.slice(0, 1).map((c) => ({
      ...c,
      expect: {
        ...c.expect,
        verdict: c.expect.verdict === 'eligible' ? 'not_eligible' : 'eligible',
      },
    }));
    const completionFile = join(tmp, 'lengkapi.json');
    writeFileSync(
      completionFile,
      `${JSON.stringify(
        {
          questions: [
            { id: 'ketua_tim', type: 'text' },
            { id: 'jenis_tim', type: 'choice', values: ['inti', 'lintas_opd'] },
          ],
          when: {
            all: [
              { fact: 'urusan', operator: 'contains', value: 'pen' },
              { fact: 'indikator', path: 'sd', operator: 'greaterThan', value: 1 },
              { fact: 'daerah', path: 'ke', operator: 'notEqual', value: '' },
              { fact: 'daerah', path: 'jenis_tim', operator: 'equal', value: 'lin' },
            ],
          },
        },
        null,
        2,
      )}\n`,
    );
    const casesFile = join(tmp, 'perbup-uji-2024.cases.json');
    writeFileSync(casesFile, JSON.stringify({ ...cases, cases: wrong }));
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

        // A key's hover explains it in Indonesian.
        // A key is a bare text node of its line: the point over it, from a range of its letters.
        const key = (await page.evaluate(`(() => {
          const line = [...document.querySelectorAll('#editor .cm-line')].find((l) =>
            (l.textContent || '').trim().startsWith('"extends"'));
          const node = line.firstChild;
          const at = node.textContent.indexOf('extends');
          const range = document.createRange();
          range.setStart(node, at + 1);
          range.setEnd(node, at + 3);
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        })()`)) as { x: number; y: number };
        await page.mouse.move(key.x, key.y);
        await expect
          .poll(() => page.textContent('.cm-tooltip-hover').catch(() => ''))
          .toContain('Id rule set yang menjadi dasarnya');
        await page.mouse.move(0, 0);

        // The values of a catalogued field, and the paths under a fact, are completed.
        await page.setInputFiles('#open', completionFile);
        await expect.poll(() => page.textContent('#editor .cm-content')).toContain('"pen"');
        const offered = async (text: string) => {
          const at = (await page.evaluate(`(() => {
            const span = [...document.querySelectorAll('#editor .cm-line span')].find(
              (s) => s.textContent === ${JSON.stringify(`"${text}"`)});
            span.scrollIntoView({ block: 'center' });
            const node = span.firstChild;
            const range = document.createRange();
            range.setStart(node, ${text.length + 1});
            range.setEnd(node, ${text.length + 1});
            const r = range.getBoundingClientRect();
            return { x: r.left, y: r.top + r.height / 2 };
          })()`)) as { x: number; y: number };
          await page.mouse.click(at.x, at.y);
          await page.keyboard.press('Control+Space');
          await page.waitForSelector('.cm-tooltip-autocomplete');
          const labels = await page.$$eval('.cm-tooltip-autocomplete li', (items) =>
            items.map((li) => li.textContent ?? ''),
          );
          await page.keyboard.press('Escape');
          return labels;
        };
        expect(await offered('pen')).toContain('"pendidikan"');
        expect(await offered('sd')).toContain('"sdm.jumlah"');
        // A region's own questions, from the document itself.
        expect(await offered('ke')).toContain('"ketua_tim"');
        expect(await offered('lin')).toContain('"lintas_opd"');

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
        // Every criterion, with its mark and its citation.
        const criteria = await page.$$eval('#reasons > li', (items) =>
          items.map((li) => ({
            status: li.getAttribute('data-status'),
            mark: (li.textContent ?? '').slice(0, 1),
            cite: li.querySelector('cite')?.textContent ?? '',
          })),
        );
        expect(criteria.length).toBeGreaterThanOrEqual(6);
        expect(criteria.map((c) => c.mark)).toStrictEqual(
          criteria.map((c) => ({ pass: '✓', fail: '✗', unknown: '?' })[c.status as 'pass']),
        );
        expect(criteria.map((c) => c.status)).toContain('fail');
        expect(criteria.every((c) => /PP 38\/2017|Perbup Contoh/.test(c.cite))).toBe(true);

        // A cases file opened from disk replaces the cases, and clears the earlier results.
        await page.setInputFiles('#open-cases', casesFile);
        await expect.poll(() => page.textContent('#case-results')).toBe('');
        expect(await page.textContent('#verdict')).toBe('');
        expect(await page.$$eval('#reasons > li', (items) => items.length)).toBe(0);
        await page.click('#run-cases');
        await expect.poll(() => page.textContent('#case-results')).toContain('0 lulus, 1 gagal');
        await page.click('#load-example');
        expect(await page.textContent('#case-results')).toBe('');

        // Line numbers stay beside their lines where long lines wrap.
        // The tops of each shown line number and of its line (the page's own DOM, as a string:
        // this file is type-checked without the DOM's types).
        const tops = (await page.evaluate(`(() => {
          const numbers = [...document.querySelectorAll('#editor .cm-lineNumbers .cm-gutterElement')]
            .filter((e) => /^\\d+$/.test(e.textContent || '') && e.style.visibility !== 'hidden')
            .map((e) => [Number(e.textContent), e.getBoundingClientRect().top]);
          const lines = [...document.querySelectorAll('#editor .cm-line')].map(
            (e) => e.getBoundingClientRect().top,
          );
          return { numbers, lines };
        })()`)) as { numbers: [number, number][]; lines: number[] };
        const firstShown = tops.numbers[0]?.[0] ?? 1;
        expect(tops.numbers.length).toBeGreaterThan(5);
        const drift = Math.max(
          ...tops.numbers.map(([n, top]) =>
            Math.abs(top - (tops.lines[n - firstShown] ?? Number.NaN)),
          ),
        );
        expect(drift).toBeLessThan(2);
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
