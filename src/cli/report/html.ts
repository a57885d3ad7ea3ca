import { TEXTS } from '../../features/texts.js';
import { escapeHtml, type Locale, MESSAGES, pick } from '../../messages.js';
import { nextYearLines } from '../format-text.js';
import { hasStages, type ReportData } from './data.js';
import { outcomesHtml } from './outcomes.js';

/**
 * The HTML report: one self-contained file (no scripts, no external assets) that a Bappeda
 * officer can show the Sekda on a laptop, a phone or on paper. Bar charts are HTML, so long
 * agency names wrap instead of being cut; the histogram and the heat map are SVG with axis
 * titles and a legend; the innovation table becomes one card per innovation on a phone.
 */

const esc = escapeHtml;

const COLORS = { eligible: '#2e7d32', not_eligible: '#c62828', incomplete: '#f9a825' } as const;
const LEVEL_COLORS = ['#eeeeee', '#c6dbef', '#6baed6', '#08519c'];

/** A horizontal bar chart in HTML: labels wrap, values stay readable at any width. */
function barChart(
  id: string,
  title: string,
  bars: { label: string; value: number; color: string }[],
): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rows = bars
    .map(
      (b) =>
        `<div class="bar-row"><span class="bar-label">${esc(b.label)}</span><span class="bar-track"><span class="bar" style="width:${((100 * b.value) / max).toFixed(1)}%;background:${b.color}" title="${esc(b.label)}: ${b.value}"></span><span class="bar-value">${b.value}</span></span></div>`,
    )
    .join('');
  return `<figure><figcaption>${esc(title)}</figcaption><div class="bars" id="${id}" role="img" aria-label="${esc(title)}">${rows}</div></figure>`;
}

/** Proven kematangan in bins of 10, with axis titles; the scale ends at the rubric's maximum. */
function histogram(
  title: string,
  values: number[],
  max: number,
  axes: { x: string; y: string },
): string {
  const bins = Array.from({ length: Math.ceil((max + 1) / 10) }, () => 0);
  for (const v of values) {
    const bin = Math.min(bins.length - 1, Math.floor(v / 10));
    bins[bin] = (bins[bin] ?? 0) + 1;
  }
  const top = Math.max(1, ...bins);
  const width = 600;
  const height = 260;
  const left = 48;
  const bottom = 62;
  const bw = (width - left - 10) / bins.length;
  const bars = bins
    .map((n, i) => {
      const h = Math.round(((height - bottom - 30) * n) / top);
      const x = left + i * bw;
      return `<rect x="${x + 2}" y="${height - bottom - h}" width="${bw - 4}" height="${Math.max(h, n > 0 ? 1 : 0)}" fill="#08519c"><title>${i * 10}–${i * 10 + 9}: ${n}</title></rect>${n > 0 ? `<text x="${x + bw / 2}" y="${height - bottom - h - 5}" text-anchor="middle">${n}</text>` : ''}${i % 2 === 0 ? `<text x="${x + bw / 2}" y="${height - bottom + 20}" text-anchor="middle" class="small">${i * 10}</text>` : ''}`;
    })
    .join('');
  return `<figure class="svg-figure"><figcaption>${esc(title)}</figcaption><svg id="chart-kematangan" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}">${bars}<line x1="${left}" y1="${height - bottom}" x2="${width - 10}" y2="${height - bottom}" stroke="#555"/><text x="${(left + width) / 2}" y="${height - 8}" text-anchor="middle" class="axis">${esc(axes.x)}</text><text x="24" y="${(height - bottom) / 2}" text-anchor="middle" class="axis" transform="rotate(-90 24 ${(height - bottom) / 2})">${esc(axes.y)}</text></svg></figure>`;
}

/**
 * Levels of the 20 indicators per innovation: an HTML table, so that an innovation's name is
 * whole (it wraps) and stays in view beside its cells when a phone scrolls the table sideways;
 * each cell writes its level as well as colouring it.
 */
function heatMap(
  title: string,
  data: ReportData,
  limit: number,
  words: { level: string; name: string; more: (n: number) => string },
): string {
  const rows = data.rows.slice(0, limit);
  const head = data.indicators
    .map((ind) => `<th scope="col" title="${esc(ind.title)}">${ind.number}</th>`)
    .join('');
  const body = rows
    .map((r) => {
      const cells = r.levels
        .map(
          (level, j) =>
            `<td class="l${level}" title="${esc(r.nama)}, ${esc(data.indicators[j]?.title)}: ${esc(words.level)} ${level}">${level}</td>`,
        )
        .join('');
      return `<tr><th scope="row">${esc(r.nama)}</th>${cells}</tr>`;
    })
    .join('');
  const more =
    data.rows.length > limit
      ? `<p class="note">${esc(words.more(data.rows.length - limit))}</p>`
      : '';
  const legend = `<p class="legend">${LEVEL_COLORS.map((c, level) => `<span><i style="background:${c}"></i>${esc(words.level)} ${level}</span>`).join('')}</p>`;
  const names = `<ol class="indicator-names">${data.indicators.map((ind) => `<li value="${ind.number}">${esc(ind.title)}</li>`).join('')}</ol>`;
  return `<figure><figcaption>${esc(title)}</figcaption><div class="scroll"><table id="chart-heatmap" class="heat" aria-label="${esc(title)}"><thead><tr><th scope="col">${esc(words.name)}</th>${head}</tr></thead><tbody>${body}</tbody></table></div>${more}${legend}${names}</figure>`;
}

/** Renders the report as one self-contained HTML page. */
export function renderHtml(data: ReportData, locale: Locale): string {
  const en = locale === 'en';
  const t = (id: string, english: string) => (en ? english : id);
  const verdict = (v: keyof typeof COLORS) => pick(MESSAGES.verdict[v], locale);
  const { summary: s, portfolio: p } = data;
  const num = (x: number) =>
    x.toLocaleString(en ? 'en-US' : 'id-ID', {
      minimumFractionDigits: 0,
      maximumFractionDigits: 2,
    });
  const place = [data.pemda, data.tahun].filter(Boolean).join(' ');
  const title = `${t('Laporan inovasi daerah', 'Innovation report')}${place ? `: ${place}` : ''}`;
  const verdictChart = barChart(
    'chart-verdicts',
    t('Putusan kelayakan', 'Eligibility verdicts'),
    (['eligible', 'not_eligible', 'incomplete'] as const).map((v) => ({
      label: verdict(v),
      value: s.verdicts[v],
      color: COLORS[v],
    })),
  );
  const targetChart = barChart(
    'chart-targets',
    `${t('Inovasi memenuhi kriteria per perangkat daerah (target', 'Eligible innovations per agency (target')} ${p.target.perAgency})`,
    p.agencies.map((a) => ({
      label: a.opd,
      value: a.eligible,
      color: a.meetsTarget ? COLORS.eligible : COLORS.not_eligible,
    })),
  );
  const head = {
    nama: t('nama', 'name'),
    verdict: t('putusan', 'verdict'),
    failing: t(
      'kriteria gagal dan alasannya; yang perlu diisi',
      'failing criteria and why; what to fill in',
    ),
    score: t('kematangan terbukti / diklaim', 'kematangan proven / claimed'),
  };
  const rows = data.rows
    .map((r) => {
      const why = r.failing
        .map((ref, i) => `<li><b>${esc(ref)}</b> ${esc(r.reasons[i] ?? '')}</li>`)
        .join('');
      // An incomplete innovation: what is still to be filled in, criterion by criterion.
      const fill =
        r.toFill.length > 0 && r.failing.length === 0
          ? `<p class="to-fill">${t('Perlu diisi:', 'To fill in:')}</p><ul class="why to-fill">${r.toFill.map((m) => `<li>${esc(m)}</li>`).join('')}</ul>`
          : '';
      return `<tr><td data-label="#">${r.index + 1}</td><td data-label="${esc(head.nama)}">${esc(r.nama)}</td><td data-label="OPD">${esc(r.opd)}</td><td data-label="${esc(head.verdict)}" class="${r.verdict}">${esc(verdict(r.verdict))}</td><td data-label="${esc(head.failing)}">${why ? `<ul class="why">${why}</ul>` : ''}${fill}</td><td data-label="${esc(head.score)}" class="num">${r.proven} / ${r.claimed}</td></tr>`;
    })
    .join('');
  const yes = t('ya', 'yes');
  const no = t('belum', 'not yet');
  const change = (n: number | undefined) => (n === undefined ? '' : n > 0 ? `+${n}` : String(n));
  const agencies = p.agencies
    .map(
      (a, i) =>
        `<tr><td data-label="OPD">${esc(a.opd)}</td><td data-label="${t('inovasi', 'innovations')}" class="num">${a.count}</td><td data-label="${t('memenuhi', 'eligible')}" class="num">${a.eligible}</td><td data-label="${t('target', 'target met')}">${a.meetsTarget ? `✓ ${yes}` : `✗ ${no}`}</td>${p.change ? `<td data-label="${t('perubahan', 'change')}" class="num">${change(p.change.agencies[i]?.delta)}</td>` : ''}</tr>`,
    )
    .join('');
  const units = p.units.length
    ? `<h2>${t('Satu Eselon III Satu Inovasi', 'One Eselon III unit, one innovation')}</h2><p>${p.totals.unitsMeetingTarget} / ${p.totals.units} ${t('unit kerja memenuhi target', 'units meet the target')} (${t('target', 'target')} ${p.target.perUnit}).</p><table class="stack"><thead><tr><th>OPD</th><th>${t('unit kerja', 'unit')}</th><th class="num">${t('inovasi', 'innovations')}</th><th class="num">${t('memenuhi', 'eligible')}</th><th>${t('target', 'target met')}</th></tr></thead><tbody>${p.units
        .map(
          (u) =>
            `<tr><td data-label="OPD">${esc(u.opd)}</td><td data-label="${t('unit kerja', 'unit')}">${esc(u.unitKerja)}</td><td data-label="${t('inovasi', 'innovations')}" class="num">${u.count}</td><td data-label="${t('memenuhi', 'eligible')}" class="num">${u.eligible}</td><td data-label="${t('target', 'target met')}">${u.meetsTarget ? `✓ ${yes}` : `✗ ${no}`}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  const yoy = p.change
    ? `<p>${t('Dibanding', 'Against')} ${p.change.previousTahun}: ${p.change.innovations.previous} → ${p.change.innovations.current} ${t('inovasi', 'innovations')}, ${p.change.eligible.previous} → ${p.change.eligible.current} ${t('memenuhi kriteria', 'eligible')}, ${p.change.agenciesWithInnovation.previous} → ${p.change.agenciesWithInnovation.current} ${t('perangkat daerah berinovasi', 'agencies with an innovation')}.</p>`
    : '';
  const duplicates = data.duplicates.length
    ? `<h2>${t('Tercatat lebih dari sekali', 'Entered more than once')}</h2><ul>${data.duplicates.map((d) => `<li>${esc(d.nama)}: ${esc(d.where.join(', '))}</li>`).join('')}</ul>`
    : '';
  const invalid = data.invalid.length
    ? `<h2>${t('Data tidak valid', 'Invalid records')}</h2><ul>${data.invalid.map((i) => `<li>${esc(i.where)}: ${esc(i.issues.map((x) => `${x.path.join('.') || '(root)'}: ${x.message}`).join('; '))}</li>`).join('')}</ul>`
    : '';
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;color:#222;max-width:960px;margin:0 auto;padding:12px}
h1{font-size:1.4em;overflow-wrap:anywhere}h2{font-size:1.15em;margin-top:1.6em}
.cards{display:flex;flex-wrap:wrap;gap:8px}.card{border:1px solid #ccc;border-radius:6px;padding:8px 12px;min-width:120px}.card b{display:block;font-size:1.4em}
figure{margin:1em 0;break-inside:avoid}figcaption{font-weight:600;margin-bottom:6px}
.bars{display:grid;gap:6px}.bar-row{display:grid;grid-template-columns:minmax(8em,16em) 1fr;gap:8px;align-items:center}
.bar-label{overflow-wrap:anywhere;text-align:right;font-size:.9em}.bar-track{display:flex;align-items:center;gap:6px;min-width:0}
.bar{display:inline-block;height:16px;min-width:2px;border-radius:2px}.bar-value{font-variant-numeric:tabular-nums}
.svg-figure svg{max-width:640px}svg{width:100%;height:auto;font-size:18px}svg .small{font-size:16px}svg .axis{font-size:17px;fill:#444}
.heat{width:auto;border-collapse:separate;border-spacing:2px;font-size:.8em}.heat th,.heat td{border:0;padding:0 2px}
.heat thead th{text-align:center;font-weight:600;color:#444}.heat tbody th{position:sticky;left:0;z-index:1;background:#fff;min-width:9em;max-width:16em;padding-right:6px;text-align:right;font-weight:normal;overflow-wrap:anywhere}
.heat td{min-width:1.7em;height:1.7em;text-align:center;vertical-align:middle;font-variant-numeric:tabular-nums}
.l0{background:${LEVEL_COLORS[0]};color:#888}.l1{background:${LEVEL_COLORS[1]}}.l2{background:${LEVEL_COLORS[2]}}.l3{background:${LEVEL_COLORS[3]};color:#fff}
p.to-fill{margin:.2em 0 0;font-weight:600;color:#8a6d00}
.legend span{display:inline-flex;align-items:center;gap:4px;margin-right:12px;font-size:.85em}.legend i{display:inline-block;width:14px;height:14px;border:1px solid #bbb}
.indicator-names{columns:2 16em;font-size:.85em;color:#444;padding-left:2.2em}
table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:break-word}.num{text-align:right}
ul.why{margin:0;padding-left:1em}
.eligible{color:${COLORS.eligible}}.not_eligible{color:${COLORS.not_eligible}}.incomplete{color:#8a6d00}.note{color:#666;font-size:.85em}
.scroll{overflow-x:auto}
@media (max-width:640px){
.bar-row{grid-template-columns:1fr}.bar-label{text-align:left}
.heat tbody th{min-width:8.5em;max-width:10em}table.stack td:empty{display:none}
table.stack thead{display:none}table.stack tr{display:block;border-bottom:2px solid #ccc;padding:4px 0}
table.stack td{display:grid;grid-template-columns:9em 1fr;gap:6px;border:0;padding:2px 0;text-align:left}
table.stack td::before{content:attr(data-label);font-weight:600;color:#555}
}
@media print{body{max-width:none;font-size:11pt}.scroll{overflow:visible}h2{break-after:avoid}tr{break-inside:avoid}}
</style></head><body>
<h1>${esc(title)}</h1>
<p class="note" id="basis">${t('Kriteria', 'Criteria')}: ${esc(data.ruleSet.title || data.ruleSet.id)} · ${t('Rubrik', 'Rubric')}: ${esc(data.rubric.title || data.rubric.id)}</p>
<div class="cards">
<div class="card"><b>${s.innovations}</b>${t('inovasi', 'innovations')}</div>
<div class="card"><b>${s.verdicts.eligible}</b>${esc(verdict('eligible'))}</div>
<div class="card"><b>${num(s.meanProven)}</b>${t('rata-rata kematangan terbukti', 'mean proven kematangan')}</div>
${s.iid ? `<div class="card"><b>${s.iid.value.toLocaleString(en ? 'en-US' : 'id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}</b>IID · ${esc(s.iid.bandTitle)}</div>` : ''}
<div class="card"><b>${p.totals.agenciesMeetingTarget} / ${p.totals.agencies}</b>${t('OPD memenuhi target', 'agencies meet the target')}</div>
</div>
${s.iid?.notes.length ? `<ul class="notes" id="iid-notes">${s.iid.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}
${verdictChart}
${histogram(
  t('Sebaran skor kematangan terbukti', 'Distribution of proven kematangan'),
  data.rows.map((r) => r.proven),
  s.maxKematangan,
  {
    x: t('skor kematangan terbukti (kelompok 10 poin)', 'proven kematangan (bins of 10 points)'),
    y: t('jumlah inovasi', 'innovations'),
  },
)}
${targetChart}
${heatMap(t('Level indikator IGA per inovasi', 'IGA indicator levels per innovation'), data, 300, {
  level: t('level', 'level'),
  name: t('inovasi', 'innovation'),
  more: (n) => t(`${n} inovasi lagi tidak ditampilkan.`, `${n} more not shown.`),
})}
<h2>${t('Inovasi', 'Innovations')}</h2>
<table class="stack"><thead><tr><th>#</th><th>${esc(head.nama)}</th><th>OPD</th><th>${esc(head.verdict)}</th><th>${esc(head.failing)}</th><th class="num">${esc(head.score)}</th></tr></thead><tbody>${rows}</tbody></table>
<h2>${t('Satu OPD Satu Inovasi', 'One agency, one innovation')}</h2>
${yoy}
<table class="stack"><thead><tr><th>OPD</th><th class="num">${t('inovasi', 'innovations')}</th><th class="num">${t('memenuhi', 'eligible')}</th><th>${t('target', 'target met')}</th>${p.change ? `<th class="num">${t('perubahan', 'change')}</th>` : ''}</tr></thead><tbody>${agencies}</tbody></table>
${units}
${rankingHtml(data, locale)}
${pipelineHtml(data, locale)}
${planHtml(data, locale)}
${data.outcomes ? outcomesHtml(data.outcomes, locale) : ''}
${duplicates}
${invalid}
</body></html>`;
}

const R = TEXTS.report;

function rankingHtml(data: ReportData, locale: Locale): string {
  const p = data.portfolio;
  if (p.ranking.agencies.length === 0) return '';
  const label = (k: keyof typeof R) => esc(pick(R[k], locale));
  const prev = p.change !== undefined;
  const rows = p.ranking.agencies
    .map(
      (r) =>
        `<tr><td data-label="${label('rank')}" class="num">${r.tied ? '=' : ''}${r.rank}</td><td data-label="OPD">${esc(r.opd)}</td><td data-label="${label('sum')}" class="num">${r.kematangan}</td><td data-label="${label('mean')}" class="num">${r.mean}</td><td data-label="${label('eligible')}" class="num">${r.eligible}</td><td data-label="${label('target')}">${r.meetsTarget ? '✓' : '✗'}</td>${prev ? `<td data-label="${label('previousRank')}" class="num">${r.previousRank ?? ''}</td>` : ''}</tr>`,
    )
    .join('');
  return `<h2>${label('ranking')}</h2><p class="note">${label('rankingNote')}</p><table class="stack" id="ranking"><thead><tr><th class="num">${label('rank')}</th><th>OPD</th><th class="num">${label('sum')}</th><th class="num">${label('mean')}</th><th class="num">${label('eligible')}</th><th>${label('target')}</th>${prev ? `<th class="num">${label('previousRank')}</th>` : ''}</tr></thead><tbody>${rows}</tbody></table>`;
}

function pipelineHtml(data: ReportData, locale: Locale): string {
  const p = data.portfolio;
  if (!hasStages(data)) return '';
  const names = pick(R.stages, locale).split('|');
  const ids = Object.keys(p.pipeline[0]?.stages ?? {});
  const rows = p.pipeline
    .map(
      (row) =>
        `<tr><td data-label="OPD">${esc(row.opd)}</td>${ids.map((id, i) => `<td data-label="${esc(names[i] ?? id)}" class="num">${row.stages[id] ?? 0}</td>`).join('')}<td data-label="${esc(pick(R.unstaged, locale))}" class="num">${row.unstaged}</td></tr>`,
    )
    .join('');
  const missing = p.stagesWithoutEvidence.length
    ? `<p><b>${esc(pick(R.noEvidence, locale))}</b></p><ul>${p.stagesWithoutEvidence.map((x) => `<li>${esc(x.nama)} (${esc(x.opd)}): ${esc(x.stages.join(', '))}</li>`).join('')}</ul>`
    : '';
  return `<h2>${esc(pick(R.pipeline, locale))}</h2><table class="stack" id="pipeline"><thead><tr><th>OPD</th>${names.map((n) => `<th class="num">${esc(n)}</th>`).join('')}<th class="num">${esc(pick(R.unstaged, locale))}</th></tr></thead><tbody>${rows}</tbody></table>${missing}`;
}

function planHtml(data: ReportData, locale: Locale): string {
  const plan = data.plan;
  if (!plan) return '';
  const n = (x: number) => x.toLocaleString(locale === 'id' ? 'id-ID' : 'en-US');
  const steps = plan.steps
    .map(
      (step) =>
        `<li>${esc(step.message)} <span class="note">IID ${n(step.iidAfter)}: ${esc(step.why)}</span></li>`,
    )
    .join('');
  // What the budget could not pay for, when a budget was given.
  const leftOut =
    plan.leftOut.length > 0
      ? `<p>${esc(pick(TEXTS.cli.plan.leftOutHeading, locale))}</p><ul id="plan-left-out">${plan.leftOut.map((l) => `<li>${esc(l.message)}</li>`).join('')}</ul>`
      : '';
  const sensitivity = plan.sensitivity
    ? `<p id="plan-sensitivity" class="note">${esc(plan.sensitivity)}</p>`
    : '';
  return `<h2>${esc(pick(R.plan, locale))}</h2><p id="plan-summary">${esc(plan.summary)}</p><ol id="plan">${steps}</ol>${leftOut}${sensitivity}${nextYearHtml(plan, locale)}`;
}

/** Next year's edition: the innovations that leave the window, the documents that stop counting. */
function nextYearHtml(plan: NonNullable<ReportData['plan']>, locale: Locale): string {
  const next = nextYearLines(plan, locale);
  if (!next) return '';
  const list =
    next.items.length > 0
      ? `<ul id="plan-next-year">${next.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`
      : `<p id="plan-next-year">${esc(next.none)}</p>`;
  return `<h3>${esc(next.heading)}</h3>${list}`;
}
