import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/cli/report/command.js';
import { renderHtml } from '../../src/cli/report/html.js';
import { renderMarkdown } from '../../src/cli/report/text.js';

const root = new URL('../../', import.meta.url).pathname;

describe('the report of a region: what its index does not show', () => {
  it('says what the rejected innovations cost, in the summary, the HTML and the Markdown', async () => {
    const data = await buildReport(`${root}examples/kota-batu-2024.json`, {}, {
      evaluate: {},
      read: {},
      locale: 'id',
      format: 'html',
    } as never);
    const notes = data.summary.iid?.notes ?? [];
    expect(data.summary.iid?.value).toBeGreaterThan(0);
    expect(notes.some((n) => /inovasi tidak memenuhi kriteria: nilainya 0/.test(n))).toBe(true);
    const html = renderHtml(data, 'id');
    expect(html).toContain('<ul class="notes" id="iid-notes">');
    expect(renderMarkdown(data, 'id')).toContain('- 3 inovasi tidak memenuhi kriteria');
  });
});

describe('the report of a spreadsheet: titles, reasons whole, what to fill in', () => {
  it('names the rules by title, gives each reason whole and lists what an incomplete row lacks', async () => {
    const data = await buildReport(`${root}examples/batu-2024.xlsx`, {}, {
      evaluate: {},
      read: {},
      locale: 'id',
      format: 'html',
    } as never);
    expect(data.ruleSet).toMatchObject({
      id: 'perwali-batu-36-2022',
      title: 'Kriteria inovasi daerah Kota Batu (Perwali 36/2022)',
    });
    expect(data.rubric.title).toMatch(/^Indeks Inovasi Daerah \(IGA\) 20\d\d$/);
    const incomplete = data.rows.filter((r) => r.verdict === 'incomplete');
    expect(incomplete.length).toBeGreaterThan(0);
    for (const row of incomplete) {
      expect(row.failing).toStrictEqual([]);
      expect(row.toFill.length).toBeGreaterThan(0);
    }
    for (const row of data.rows.filter((r) => r.verdict !== 'incomplete')) {
      expect(row.toFill, row.nama).toStrictEqual(row.verdict === 'eligible' ? [] : row.toFill);
    }
    const html = renderHtml(data, 'id');
    expect(html).toContain(`Kriteria: ${data.ruleSet.title}`);
    expect(html).toContain('<p class="to-fill">Perlu diisi:</p>');
    for (const row of data.rows) for (const reason of row.reasons) expect(html).toContain(reason);
    expect(html).not.toContain('…');
    expect(html).toMatch(/<b>\d+,\d{1,2}<\/b>rata-rata kematangan terbukti/);
    expect(renderHtml(data, 'en')).toMatch(/<b>\d+\.\d{1,2}<\/b>mean proven kematangan/);
  });
});
