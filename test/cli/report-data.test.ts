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
