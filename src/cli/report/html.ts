import type { Locale } from '../../messages.js';
import type { ReportData } from './data.js';

/**
 * The HTML report: one self-contained file (no scripts, no external assets) with inline SVG
 * charts that scale to a phone and print on A4.
 */

const esc = (v: unknown) =>
  String(v ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const COLORS = { eligible: '#2e7d32', not_eligible: '#c62828', incomplete: '#f9a825' } as const;
const LEVEL_COLORS = ['#eeeeee', '#c6dbef', '#6baed6', '#08519c'];

function barChart(
  id: string,
  title: string,
  bars: { label: string; value: number; color: string }[],
): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 28;
  const width = 600;
  const labelWidth = 190;
  const height = bars.length * row + 10;
  const rects = bars
    .map((b, i) => {
      const w = Math.round(((width - labelWidth - 50) * b.value) / max);
      const y = 5 + i * row;
      return `<text x="${labelWidth - 6}" y="${y + 17}" text-anchor="end">${esc(b.label)}</text><rect x="${labelWidth}" y="${y + 4}" width="${Math.max(w, 1)}" height="18" fill="${b.color}"><title>${esc(b.label)}: ${b.value}</title></rect><text x="${labelWidth + w + 6}" y="${y + 17}">${b.value}</text>`;
    })
    .join('');
  return `<figure><figcaption>${esc(title)}</figcaption><svg id="${id}" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" preserveAspectRatio="xMinYMin meet">${rects}</svg></figure>`;
}

function histogram(title: string, values: number[], max: number): string {
  const bins = Array.from({ length: Math.ceil((max + 1) / 10) }, () => 0);
  for (const v of values) {
    const bin = Math.min(bins.length - 1, Math.floor(v / 10));
    bins[bin] = (bins[bin] ?? 0) + 1;
  }
  const top = Math.max(1, ...bins);
  const width = 600;
  const height = 220;
  const bw = (width - 40) / bins.length;
  const bars = bins
    .map((n, i) => {
      const h = Math.round(((height - 50) * n) / top);
      const x = 30 + i * bw;
      return `<rect x="${x + 2}" y="${height - 30 - h}" width="${bw - 4}" height="${Math.max(h, n > 0 ? 1 : 0)}" fill="#08519c"><title>${i * 10}-${i * 10 + 9}: ${n}</title></rect>${n > 0 ? `<text x="${x + bw / 2}" y="${height - 34 - h}" text-anchor="middle">${n}</text>` : ''}<text x="${x + bw / 2}" y="${height - 14}" text-anchor="middle" class="small">${i * 10}</text>`;
    })
    .join('');
  return `<figure><figcaption>${esc(title)}</figcaption><svg id="chart-kematangan" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}">${bars}<line x1="30" y1="${height - 30}" x2="${width - 10}" y2="${height - 30}" stroke="#555"/></svg></figure>`;
}

function heatMap(title: string, data: ReportData, limit: number): string {
  const rows = data.rows.slice(0, limit);
  const cell = 18;
  const labelWidth = 220;
  const width = labelWidth + data.indicators.length * cell + 10;
  const height = 40 + rows.length * cell;
  const head = data.indicators
    .map(
      (ind, j) =>
        `<text x="${labelWidth + j * cell + cell / 2}" y="30" text-anchor="middle" class="small"><title>${esc(ind.title)}</title>${ind.number}</text>`,
    )
    .join('');
  const body = rows
    .map((r, i) => {
      const y = 36 + i * cell;
      const name = r.nama.length > 32 ? `${r.nama.slice(0, 31)}…` : r.nama;
      const cells = r.levels
        .map(
          (level, j) =>
            `<rect x="${labelWidth + j * cell}" y="${y}" width="${cell - 2}" height="${cell - 2}" fill="${LEVEL_COLORS[level] ?? LEVEL_COLORS[0]}"><title>${esc(r.nama)}, ${esc(data.indicators[j]?.title)}: level ${level}</title></rect>`,
        )
        .join('');
      return `<text x="${labelWidth - 6}" y="${y + 12}" text-anchor="end" class="small">${esc(name)}</text>${cells}`;
    })
    .join('');
  const more =
    data.rows.length > limit
      ? `<p class="note">${data.rows.length - limit} more not shown.</p>`
      : '';
  return `<figure><figcaption>${esc(title)}</figcaption><svg id="chart-heatmap" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}">${head}${body}</svg>${more}</figure>`;
}

/** Renders the report as one self-contained HTML page. */
export function renderHtml(data: ReportData, locale: Locale): string {
  const en = locale === 'en';
  const t = (id: string, english: string) => (en ? english : id);
  const { summary: s, portfolio: p } = data;
  const place = [data.pemda, data.tahun].filter(Boolean).join(' ');
  const title = `${t('Laporan inovasi daerah', 'Innovation report')}${place ? `: ${place}` : ''}`;
  const verdictChart = barChart('chart-verdicts', t('Putusan kelayakan', 'Eligibility verdicts'), [
    {
      label: t('memenuhi kriteria', 'eligible'),
      value: s.verdicts.eligible,
      color: COLORS.eligible,
    },
    {
      label: t('tidak memenuhi', 'not eligible'),
      value: s.verdicts.not_eligible,
      color: COLORS.not_eligible,
    },
    {
      label: t('belum lengkap', 'incomplete'),
      value: s.verdicts.incomplete,
      color: COLORS.incomplete,
    },
  ]);
  const targetChart = barChart(
    'chart-targets',
    `${t('Inovasi memenuhi kriteria per perangkat daerah (target', 'Eligible innovations per agency (target')} ${p.target.perAgency})`,
    p.agencies.map((a) => ({
      label: a.opd,
      value: a.eligible,
      color: a.meetsTarget ? COLORS.eligible : COLORS.not_eligible,
    })),
  );
  const rows = data.rows
    .map(
      (r) =>
        `<tr><td>${r.index + 1}</td><td>${esc(r.nama)}</td><td>${esc(r.opd)}</td><td class="${r.verdict}">${esc(r.verdict)}</td><td>${esc(r.failing.join(', '))}</td><td class="num">${r.proven} / ${r.claimed}</td></tr>`,
    )
    .join('');
  const agencies = p.agencies
    .map(
      (a, i) =>
        `<tr><td>${esc(a.opd)}</td><td class="num">${a.count}</td><td class="num">${a.eligible}</td><td>${a.meetsTarget ? '✓' : '✗'}</td>${p.change ? `<td class="num">${p.change.agencies[i]?.delta ?? ''}</td>` : ''}</tr>`,
    )
    .join('');
  const invalid = data.invalid.length
    ? `<h2>${t('Data tidak valid', 'Invalid records')}</h2><ul>${data.invalid.map((i) => `<li>${esc(i.where)}: ${esc(i.issues.map((x) => `${x.path.join('.') || '(root)'}: ${x.message}`).join('; '))}</li>`).join('')}</ul>`
    : '';
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;color:#222;max-width:960px;margin:0 auto;padding:12px}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}
.cards{display:flex;flex-wrap:wrap;gap:8px}.card{border:1px solid #ccc;border-radius:6px;padding:8px 12px;min-width:120px}.card b{display:block;font-size:1.4em}
figure{margin:1em 0;break-inside:avoid}figcaption{font-weight:600;margin-bottom:4px}svg{width:100%;height:auto;font-size:12px}svg .small{font-size:10px}
table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}.num{text-align:right}
.eligible{color:${COLORS.eligible}}.not_eligible{color:${COLORS.not_eligible}}.incomplete{color:#8a6d00}.note{color:#666;font-size:.85em}
.scroll{overflow-x:auto}
@media print{body{max-width:none;font-size:11pt}.scroll{overflow:visible}h2{break-after:avoid}tr{break-inside:avoid}}
</style></head><body>
<h1>${esc(title)}</h1>
<p class="note">${t('Rule set', 'Rule set')} ${esc(data.ruleSet.id)} · ${t('rubrik', 'rubric')} ${esc(data.rubric.id)}</p>
<div class="cards">
<div class="card"><b>${s.innovations}</b>${t('inovasi', 'innovations')}</div>
<div class="card"><b>${s.verdicts.eligible}</b>${t('memenuhi kriteria', 'eligible')}</div>
<div class="card"><b>${s.meanProven}</b>${t('rata-rata kematangan terbukti', 'mean proven kematangan')}</div>
${s.iid ? `<div class="card"><b>${s.iid.value.toFixed(2)}</b>IID · ${esc(s.iid.bandTitle)}</div>` : ''}
<div class="card"><b>${p.totals.agenciesMeetingTarget} / ${p.totals.agencies}</b>${t('OPD memenuhi target', 'agencies meet the target')}</div>
</div>
${verdictChart}
${histogram(
  t('Sebaran skor kematangan terbukti', 'Distribution of proven kematangan'),
  data.rows.map((r) => r.proven),
  111,
)}
${targetChart}
<div class="scroll">${heatMap(t('Level indikator IGA per inovasi', 'IGA indicator levels per innovation'), data, 300)}</div>
<h2>${t('Inovasi', 'Innovations')}</h2>
<div class="scroll"><table><thead><tr><th>#</th><th>${t('nama', 'name')}</th><th>OPD</th><th>${t('putusan', 'verdict')}</th><th>${t('kriteria gagal', 'failing criteria')}</th><th class="num">${t('kematangan terbukti / diklaim', 'kematangan proven / claimed')}</th></tr></thead><tbody>${rows}</tbody></table></div>
<h2>${t('Satu OPD Satu Inovasi', 'One agency, one innovation')}</h2>
<div class="scroll"><table><thead><tr><th>OPD</th><th class="num">${t('inovasi', 'innovations')}</th><th class="num">${t('memenuhi', 'eligible')}</th><th>${t('target', 'target met')}</th>${p.change ? `<th class="num">${t('perubahan', 'change')}</th>` : ''}</tr></thead><tbody>${agencies}</tbody></table></div>
${invalid}
</body></html>`;
}
