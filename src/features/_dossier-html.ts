import texts from '../../rules/messages-dossier.json' with { type: 'json' };
import type { TraceNode } from '../eligibility/trace.js';
import { escapeHtml as esc, formatValue, type Locale, type LocalizedText } from '../messages.js';
import { findUrusan } from '../record/urusan.js';
import { getRuleSet } from '../rule-sets/registry.js';
import type { RubricRuleSet } from '../rule-sets/types.js';
import type {
  Dossier,
  DossierSource,
  InnovationDossier,
  InnovationPart,
  RegionDossier,
  Stamp,
} from './_dossier-types.js';

/**
 * The dossier as one self-contained HTML file for A4: print CSS (page numbers and the stamp in
 * every page's margin, table headers repeated, no row cut across pages), readable on a screen
 * and a phone too. Every figure is written as `<span data-f="key">`, so that `verify` can read
 * each one back from the page and recompute it; the input is embedded as JSON.
 *
 * @internal
 */

/** The id of the `<script type="application/json">` that holds a dossier's input. */
export const EMBED_ID = 'inovasi-rules-dossier';
/** The version of the embedded JSON's shape. */
export const EMBED_FORMAT = 'inovasi-rules-dossier.v1';

/** `{name}` in a text, each value written as the locale writes it. */
const fill = (text: string, values: Record<string, unknown>, L: Locale) =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = values[k];
    return v === undefined ? m : typeof v === 'number' ? number(v, L) : String(v);
  });
const say = (text: LocalizedText, L: Locale, values?: Record<string, unknown>) =>
  values ? fill(text[L], values, L) : text[L];

/** A figure as a page shows it: its key and its text. */
export type Figures = Map<string, string>;

/** Numbers as the locale writes them (`64,25`), at most two decimals. */
const number = (n: number, locale: Locale) =>
  n.toLocaleString(locale === 'en' ? 'en-US' : 'id-ID', { maximumFractionDigits: 2 });

/** The figures of a dossier, keyed as the page marks them; what `verify` compares. */
export function figuresOf(dossier: Dossier): Figures {
  const f: Figures = new Map();
  const L = dossier.locale;
  if (dossier.kind === 'innovation') {
    for (const [i, part] of dossier.innovations.entries()) {
      innovationFigures(f, `i${i + 1}`, part, L);
    }
  } else {
    const r = dossier.region;
    f.set('iid', number(r.iid, L));
    f.set('band', r.bandTitle);
    f.set('spd', number(r.spd.points, L));
    f.set('sid', number(r.sid.points, L));
    f.set('sid.sum', number(r.sid.sumKematangan, L));
    f.set('sid.n', String(r.sid.n));
    f.set('sid.divisor', String(r.sid.divisor));
    f.set('count', number(r.innovationCount.points, L));
    f.set('total', number(r.totalScore, L));
    r.innovations.forEach((inn, i) => {
      const s = dossier.submissions[i];
      f.set(`n${i + 1}.verdict`, say(texts.verdicts[inn.verdict], L));
      f.set(`n${i + 1}.proven`, number(inn.kematangan, L));
      f.set(`n${i + 1}.atRisk`, number(s?.points.atRisk ?? 0, L));
      f.set(`n${i + 1}.ready`, say(s?.ready ? texts.yes : texts.no, L));
    });
    dossier.portfolio.agencies.forEach((a, i) => {
      f.set(`opd${i + 1}.count`, String(a.count));
      f.set(`opd${i + 1}.eligible`, String(a.eligible));
    });
    if (dossier.plan) f.set('plan.iid', number(dossier.plan.after.iid, L));
  }
  return f;
}

function innovationFigures(f: Figures, key: string, part: InnovationPart, L: Locale) {
  const e = part.evaluation;
  f.set(`${key}.verdict`, say(texts.verdicts[e.verdict], L));
  for (const c of e.criteria) f.set(`${key}.c.${c.id}`, say(texts.statuses[c.status], L));
  f.set(`${key}.claimed`, number(e.score.claimed, L));
  f.set(`${key}.proven`, number(e.score.proven, L));
  f.set(`${key}.atRisk`, number(part.submission.points.atRisk, L));
  for (const ind of e.score.indicators) {
    f.set(`${key}.${ind.id}.level`, String(ind.level));
    f.set(`${key}.${ind.id}.points`, String(ind.points));
  }
  f.set(`${key}.ready`, say(part.submission.ready ? texts.yes : texts.no, L));
}

/** Reads every `data-f` figure a page shows. */
export function figuresOfPage(html: string): Figures {
  const out: Figures = new Map();
  for (const m of html.matchAll(/<span data-f="([^"]+)">([^<]*)<\/span>/g)) {
    out.set(unescapeHtml(m[1] as string), unescapeHtml(m[2] as string));
  }
  return out;
}

const unescapeHtml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : "'",
  );

/** The JSON a page embeds: the input, the options that change a figure, the stamp and figures. */
export function embedOf(dossier: Dossier): unknown {
  return {
    format: EMBED_FORMAT,
    kind: dossier.kind,
    locale: dossier.locale,
    options: dossier.options,
    sign: dossier.sign,
    input:
      dossier.kind === 'innovation' ? dossier.innovations.map((p) => p.record) : dossier.record,
    stamp: dossier.stamp,
    figures: Object.fromEntries(figuresOf(dossier)),
  };
}

/** One line per rule set, then the version, date and data fingerprint: copyable as text. */
function stampLines(stamp: Stamp, L: Locale): string[] {
  const t = texts.stampLabels;
  return [
    ...stamp.ruleSets.map((r) => `${r.id} (${r.edition}) ${r.hash}`),
    `${say(t.version, L)}: ${stamp.version}`,
    `${say(t.date, L)}: ${stamp.date}`,
    `${say(t.record, L)}: ${stamp.record}`,
  ];
}

/** What every page's margin says: the rule sets with short hashes, the version and the date. */
function marginStamp(stamp: Stamp): string {
  const text = `${stamp.ruleSets.map((r) => `${r.id} ${r.hash.slice(7, 19)}`).join(' · ')} · inovasi-rules ${stamp.version} · ${stamp.date}`;
  // A CSS string: nothing that could end it.
  return text.replace(/[^\w .:·()/-]/g, '');
}

function css(dossier: Dossier): string {
  const L = dossier.locale;
  return `*{box-sizing:border-box}
body{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;font-size:10.5pt;line-height:1.4;color:#111;margin:0 auto;max-width:210mm;padding:12px}
h1{font-size:16pt;margin:0 0 4px}h2{font-size:12.5pt;margin:16px 0 6px;border-bottom:1px solid #999;padding-bottom:2px}h3{font-size:11pt;margin:12px 0 4px}
p{margin:4px 0}.note{color:#444;font-size:9pt}
table{width:100%;border-collapse:collapse;table-layout:fixed;margin:4px 0}
th,td{border:1px solid #bbb;padding:3px 5px;text-align:left;vertical-align:top;overflow-wrap:anywhere;word-break:break-word}
th{background:#eee;overflow-wrap:normal;word-break:normal}.num{text-align:right}
ul{margin:2px 0;padding-left:1.2em}
.pass{color:#1b5e20}.fail{color:#b71c1c;font-weight:600}.unknown,.warning{color:#7a5b00}
.eligible{color:#1b5e20}.not_eligible{color:#b71c1c}.incomplete{color:#7a5b00}
.identity th{width:32%}
.stamp{font-family:"DejaVu Sans Mono",monospace;font-size:8pt;background:#f6f6f6;border:1px solid #ccc;padding:6px;white-space:pre-wrap;overflow-wrap:anywhere;user-select:all}
.signs{display:flex;flex-wrap:wrap;gap:12px;justify-content:flex-end;margin-top:14px}
.sign{width:78mm;max-width:100%;break-inside:avoid}.sign .space{height:22mm}
.sign p{margin:2px 0}
.innovation+.innovation{break-before:page}
a{color:#0b4f9c;overflow-wrap:anywhere}code{overflow-wrap:anywhere}
@page{size:A4;margin:16mm 14mm 18mm 16mm;
@bottom-left{content:"${marginStamp(dossier.stamp)}";font-size:6.5pt;color:#555;font-family:"DejaVu Sans Mono",monospace}
@bottom-right{content:"${say(texts.page, L)} " counter(page) " ${say(texts.of, L)} " counter(pages);font-size:8pt;color:#333;font-family:"DejaVu Sans",Arial,sans-serif}}
@media print{body{max-width:none;padding:0}thead{display:table-header-group}tr,li,.keep{break-inside:avoid}h2,h3{break-after:avoid}a{color:inherit;text-decoration:none}}
@media screen and (max-width:640px){
body{font-size:11pt}
table.stack thead{display:none}table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
table.stack tr{border:1px solid #bbb;margin-bottom:6px}table.stack td{border:0;border-bottom:1px solid #eee}
table.stack td::before{content:attr(data-label);display:block;font-weight:600;color:#555;font-size:9pt}
.sign{width:100%}.identity th{width:42%}
}`;
}

/** A figure, marked for `verify`. */
const fig = (f: Figures, key: string): string => {
  const text = f.get(key);
  return text === undefined ? '' : `<span data-f="${esc(key)}">${esc(text)}</span>`;
};

/** A cell with its column's label, for the phone layout. */
const td = (label: string, html: string, cls = '') =>
  `<td data-label="${esc(label)}"${cls ? ` class="${cls}"` : ''}>${html}</td>`;

/** The sources whose citation a text names, linked where a URL is known. */
function linked(citation: string, sources: readonly DossierSource[]): string {
  const links = sources.filter((s) => s.url && citation.includes(s.citation));
  return `${esc(citation)}${links.map((s) => ` <a href="${esc(s.url)}">[${esc(s.citation)}]</a>`).join('')}`;
}

/** Every field a condition tree read, with the value read (or "not filled in"), each once. */
function factsRead(node: TraceNode, out: Map<string, unknown>): void {
  if ('all' in node) for (const n of node.all) factsRead(n, out);
  else if ('any' in node) for (const n of node.any) factsRead(n, out);
  else if ('not' in node) factsRead(node.not, out);
  else {
    const field = node.fields[0] ?? (node.path ? `${node.fact}.${node.path}` : node.fact);
    if (!out.has(field)) out.set(field, node.given ? node.value : undefined);
  }
}

const label = (value: string) => findUrusan(value)?.name;

function factList(values: Map<string, unknown>, L: Locale): string {
  if (values.size === 0) return '';
  return `<ul>${[...values]
    .map(
      ([field, value]) =>
        `<li><code>${esc(field)}</code>: ${value === undefined ? `<i>${esc(say(texts.notGiven, L))}</i>` : esc(formatValue(value, L, label))}</li>`,
    )
    .join('')}</ul>`;
}

interface Bukti {
  jenis?: string;
  nama?: string;
  nomor?: string;
  tanggal?: string;
  tentang?: string;
}

function evidenceOf(record: Record<string, unknown>, indicator: string): Bukti[] {
  const ind = (record.indikator as Record<string, { bukti?: Bukti[] } | undefined> | undefined)?.[
    indicator
  ];
  return Array.isArray(ind?.bukti) ? ind.bukti : [];
}

function innovationSection(
  dossier: InnovationDossier,
  part: InnovationPart,
  n: number,
  f: Figures,
): string {
  const L = dossier.locale;
  const key = `i${n}`;
  const e = part.evaluation;
  const r = part.record;
  const t = texts;
  const lab = t.labels;
  const identity = (
    [
      'nama',
      'id',
      'pemda',
      'opd',
      'unitKerja',
      'tahun',
      'tahapan',
      'waktuUjiCoba',
      'waktuPenerapan',
      'inisiator',
      'bentuk',
      'urusan',
    ] as const
  )
    .filter((k) => r[k] !== undefined && r[k] !== null && r[k] !== '')
    .map(
      (k) =>
        `<tr><th scope="row">${esc(say(lab[k], L))}</th><td>${esc(k === 'tahun' || k === 'id' ? String(r[k]) : formatValue(r[k], L, label))}</td></tr>`,
    )
    .join('');
  const traces = new Map((e.trace?.criteria ?? []).map((c) => [c.id, c]));
  const cc = t.criterionColumns;
  const criteria = e.criteria
    .map((c) => {
      const facts = new Map<string, unknown>();
      for (const check of traces.get(c.id)?.checks ?? []) factsRead(check.condition, facts);
      const rule = `<ul>${c.reasons.map((x) => `<li>${esc(x.message)}</li>`).join('')}</ul><p class="note">${linked(c.citation, dossier.sources)}</p>`;
      return `<tr>${td(say(cc.criterion, L), `${c.ref ? `${esc(c.ref)}. ` : ''}${esc(c.title)}`)}${td(say(cc.verdict, L), fig(f, `${key}.c.${c.id}`), c.status)}${td(say(cc.rule, L), rule)}${td(say(cc.facts, L), factList(facts, L))}</tr>`;
    })
    .join('');
  const rubric = safeRubric(e.score.rubric.id);
  const problems = part.submission.problems;
  const ic = t.indicatorColumns;
  const indicators = e.score.indicators
    .map((ind) => {
      const levels = rubric?.indicators.find((x) => x.id === ind.id)?.levels ?? [];
      const needs =
        ind.level > 0
          ? (levels.find((l) => l.level === ind.level)?.description[L] ?? '')
          : say(t.levelNone, L);
      const docs = evidenceOf(r, ind.id)
        .map(
          (b) =>
            `<li>${esc([b.jenis, b.nama, b.nomor, b.tanggal, b.tentang].filter(Boolean).join(' · '))}</li>`,
        )
        .join('');
      const found = problems.filter((p) => p.indicator === ind.id);
      const checks = found.length
        ? `<ul>${found.map((p) => `<li class="${p.status}">${esc(p.message)}</li>`).join('')}</ul>`
        : docs
          ? `<p class="pass">${esc(say(t.evidenceOk, L))}</p>`
          : '';
      const risk = part.submission.atRisk.includes(ind.id)
        ? ` <span class="warning">(${esc(say(t.atRiskShort, L))})</span>`
        : '';
      return `<tr>${td(say(ic.indicator, L), `${ind.number}. ${esc(ind.title)}${ind.mandatory ? ' *' : ''}`)}${td(say(ic.level, L), fig(f, `${key}.${ind.id}.level`), 'num')}${td(say(ic.needs, L), esc(needs))}${td(say(ic.evidence, L), `${docs ? `<ul>${docs}</ul>` : `<i>${esc(say(t.noEvidence, L))}</i>`}${checks}`)}${td(say(ic.points, L), `${fig(f, `${key}.${ind.id}.points`)} / ${ind.maxPoints}${risk}`, 'num')}</tr>`;
    })
    .join('');
  const general = problems.filter((p) => p.indicator === undefined);
  const fails = problems.filter((p) => p.status === 'fail').length;
  const unknown = problems.filter((p) => p.status === 'unknown').length;
  const pc = t.problemColumns;
  const problemRows = general
    .map(
      (p) =>
        `<tr>${td(say(pc.status, L), esc(say(t.statuses[p.status], L)), p.status)}${td(say(pc.what, L), esc(p.message))}${td(say(pc.source, L), `<span class="note">${linked(p.citation, dossier.sources)}</span>`)}</tr>`,
    )
    .join('');
  return `<section class="innovation" id="${key}">
<h1>${esc(say(t.innovationTitle, L))}</h1>
<p class="note">${esc(say(t.subtitle, L))}</p>
<h2>${esc(say(t.identity, L))}</h2>
<table class="identity">${identity}</table>
<h2 class="${e.verdict}">${interpolateHtml(say(t.verdictHeading, L), { verdict: fig(f, `${key}.verdict`) })}</h2>
<p class="note">${esc(fill(t.criteriaHeading[L], { ruleSet: e.basis.ruleSet.title }, L))} · ${esc(e.basis.ruleSet.why.message)}</p>
<table class="stack"><colgroup><col style="width:24%"><col style="width:13%"><col style="width:35%"><col style="width:28%"></colgroup>
<thead><tr><th>${esc(say(cc.criterion, L))}</th><th>${esc(say(cc.verdict, L))}</th><th>${esc(say(cc.rule, L))}</th><th>${esc(say(cc.facts, L))}</th></tr></thead><tbody>${criteria}</tbody></table>
<h2>${esc(fill(t.scoreHeading[L], { rubric: e.basis.rubric.title }, L))}</h2>
<p>${interpolateHtml(say(t.scoreSummary, L), { claimed: fig(f, `${key}.claimed`), proven: fig(f, `${key}.proven`), max: String(e.score.max), atRisk: fig(f, `${key}.atRisk`) })}</p>
<table class="stack"><colgroup><col style="width:23%"><col style="width:10%"><col style="width:21%"><col style="width:34%"><col style="width:12%"></colgroup>
<thead><tr><th>${esc(say(ic.indicator, L))}</th><th class="num">${esc(say(ic.level, L))}</th><th>${esc(say(ic.needs, L))}</th><th>${esc(say(ic.evidence, L))}</th><th class="num">${esc(say(ic.points, L))}</th></tr></thead><tbody>${indicators}</tbody></table>
<h2>${esc(say(t.submissionHeading, L))}</h2>
<p class="${part.submission.ready ? 'pass' : 'fail'}">${esc(part.submission.ready ? say(t.ready, L) : fill(t.notReady[L], { fails, unknown }, L))} <span class="note">(${esc(say(t.innovationColumns.ready, L))}: ${fig(f, `${key}.ready`)})</span></p>
${problemRows ? `<table class="stack"><colgroup><col style="width:16%"><col style="width:52%"><col style="width:32%"></colgroup><thead><tr><th>${esc(say(pc.status, L))}</th><th>${esc(say(pc.what, L))}</th><th>${esc(say(pc.source, L))}</th></tr></thead><tbody>${problemRows}</tbody></table>` : `<p>${esc(say(t.noProblems, L))}</p>`}
${signBlock(dossier, ['kepalaPerangkatDaerah'], typeof r.opd === 'string' ? r.opd : '')}
</section>`;
}

/** `{name}` in a text already escaped, with HTML values (figures). */
function interpolateHtml(text: string, values: Record<string, string>): string {
  return esc(text).replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

function safeRubric(id: string): RubricRuleSet | undefined {
  try {
    const r = getRuleSet(id);
    return r.kind === 'rubric' ? r : undefined;
  } catch {
    return undefined;
  }
}

function signBlock(
  dossier: Dossier,
  roles: readonly ('kepalaPerangkatDaerah' | 'kepalaBappeda')[],
  office: string,
): string {
  const L = dossier.locale;
  const when = new Date(`${dossier.stamp.date}T00:00:00Z`).toLocaleDateString(
    L === 'en' ? 'en-GB' : 'id-ID',
    { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  );
  const blanks = '.'.repeat(36);
  const blocks = roles
    .map((role) => {
      const who = dossier.sign.signatories[role] ?? {};
      return `<div class="sign"><p>${esc(fill(texts.signPlace[L], { place: dossier.sign.place || blanks, date: when }, L))}</p><p><b>${esc(say(texts.signRoles[role], L))}</b>${office && role === 'kepalaPerangkatDaerah' ? `<br>${esc(office)}` : ''}</p><div class="space"></div><p>${esc(say(texts.signName, L))}: ${who.nama ? `<b>${esc(who.nama)}</b>` : blanks}</p><p>${esc(say(texts.signNip, L))}: ${who.nip ? esc(who.nip) : blanks}</p></div>`;
    })
    .join('');
  return `<h2>${esc(say(texts.signHeading, L))}</h2><div class="signs keep">${blocks}</div>`;
}

function closing(dossier: Dossier): string {
  const L = dossier.locale;
  const sources = dossier.sources
    .map(
      (s) =>
        `<li><b>${esc(s.citation)}</b>: ${esc(s.title)}${s.status === 'secondary' ? ` ${esc(say(texts.secondary, L))}` : ''}${s.url ? ` <a href="${esc(s.url)}">${esc(s.url)}</a>` : ''}</li>`,
    )
    .join('');
  const assumptions = dossier.assumptions.map((a) => `<li>${esc(a)}</li>`).join('');
  return `<section class="closing">
<h2>${esc(say(texts.stampHeading, L))}</h2>
<p class="note">${esc(say(texts.stampIntro, L))}</p>
<pre class="stamp" id="stamp">${esc(stampLines(dossier.stamp, L).join('\n'))}</pre>
<h2>${esc(say(texts.sourcesHeading, L))}</h2><ul class="note">${sources}</ul>
${assumptions ? `<h2>${esc(say(texts.assumptionsHeading, L))}</h2><ul class="note">${assumptions}</ul>` : ''}
</section>`;
}

function regionSection(dossier: RegionDossier, f: Figures): string {
  const L = dossier.locale;
  const t = texts;
  const r = dossier.region;
  const pc = t.partColumns;
  const part = (name: LocalizedText, points: string, max: number, how: string) =>
    `<tr>${td(say(pc.part, L), esc(say(name, L)))}${td(say(pc.points, L), points, 'num')}${td(say(pc.max, L), number(max, L), 'num')}${td(say(pc.how, L), how)}</tr>`;
  const parts = [
    part(
      t.parts.spd,
      fig(f, 'spd'),
      r.spd.max,
      esc(fill(t.spdHow[L], { count: r.spd.indicators.length }, L)),
    ),
    part(
      t.parts.sid,
      fig(f, 'sid'),
      r.sid.max,
      interpolateHtml(say(t.sidHow, L), {
        sum: fig(f, 'sid.sum'),
        floor: String(r.sid.floor),
        n: fig(f, 'sid.n'),
        divisor: fig(f, 'sid.divisor'),
      }),
    ),
    part(t.parts.count, fig(f, 'count'), r.innovationCount.max, esc(r.innovationCount.reason)),
    part(t.parts.total, fig(f, 'total'), r.maxScore, ''),
  ].join('');
  const notes = [
    r.notAssessed?.message,
    r.rejected?.message,
    ...(r.warnings ?? []).map((w) => w.message),
    r.nextBand?.message,
    ...r.duplicates.map((d) => d.message),
  ].filter((x): x is string => Boolean(x));
  const ic = t.innovationColumns;
  const rows = r.innovations
    .map((inn, i) => {
      const rec = dossier.record.inovasi as Record<string, unknown>[];
      const opd = typeof rec[i]?.opd === 'string' ? (rec[i]?.opd as string) : '';
      return `<tr>${td(say(ic.no, L), String(i + 1), 'num')}${td(say(ic.nama, L), esc(inn.nama))}${td(say(ic.opd, L), esc(opd))}${td(say(ic.verdict, L), fig(f, `n${i + 1}.verdict`), inn.verdict)}${td(say(ic.proven, L), fig(f, `n${i + 1}.proven`), 'num')}${td(say(ic.atRisk, L), fig(f, `n${i + 1}.atRisk`), 'num')}${td(say(ic.ready, L), fig(f, `n${i + 1}.ready`))}</tr>`;
    })
    .join('');
  const ac = t.agencyColumns;
  const p = dossier.portfolio;
  const agencies = p.agencies
    .map(
      (a, i) =>
        `<tr>${td(say(ac.opd, L), esc(a.opd))}${td(say(ac.count, L), fig(f, `opd${i + 1}.count`), 'num')}${td(say(ac.eligible, L), fig(f, `opd${i + 1}.eligible`), 'num')}${td(say(ac.met, L), esc(say(a.meetsTarget ? t.yes : t.no, L)), a.meetsTarget ? 'pass' : 'fail')}</tr>`,
    )
    .join('');
  const plan = dossier.plan;
  const planHtml = plan
    ? `<h2>${esc(fill(t.planHeading[L], { band: formatValue(plan.target.band, L) }, L))}</h2>${
        plan.steps.length
          ? `<table class="stack"><colgroup><col style="width:8%"><col style="width:74%"><col style="width:18%"></colgroup><thead><tr><th class="num">#</th><th>${esc(say(t.planColumns.step, L))}</th><th class="num">${esc(say(t.planColumns.gain, L))}</th></tr></thead><tbody>${plan.steps
              .map(
                (s, i) =>
                  `<tr>${td('#', String(i + 1), 'num')}${td(say(t.planColumns.step, L), `${esc(s.message)}<br><span class="note">${esc(s.why)}</span>`)}${td(say(t.planColumns.gain, L), `+${number(s.gain, L)}`, 'num')}</tr>`,
              )
              .join('')}</tbody></table><p>IID → ${fig(f, 'plan.iid')}</p>`
          : `<p>${esc(fill(t.planNone[L], { why: plan.status }, L))}</p>`
      }`
    : '';
  return `<section class="region">
<h1>${esc(say(t.regionTitle, L))}: ${esc(r.pemda)}</h1>
<p class="note">${esc(say(t.subtitle, L))}</p>
<h2>${esc(fill(t.regionIndex[L], { tahun: String(r.tahun) }, L))}</h2>
<p style="font-size:13pt">${interpolateHtml(say(t.iidLine, L), { iid: `<b>${fig(f, 'iid')}</b>`, band: `<b>${fig(f, 'band')}</b>` })}</p>
<p class="note">${esc(r.basis.rubric.why.message)} · ${esc(r.basis.ruleSet.why.message)}</p>
<table class="stack"><colgroup><col style="width:30%"><col style="width:14%"><col style="width:16%"><col style="width:40%"></colgroup><thead><tr><th>${esc(say(pc.part, L))}</th><th class="num">${esc(say(pc.points, L))}</th><th class="num">${esc(say(pc.max, L))}</th><th>${esc(say(pc.how, L))}</th></tr></thead><tbody>${parts}</tbody></table>
${notes.length ? `<h3>${esc(say(t.notesHeading, L))}</h3><ul>${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''}
<h2>${esc(say(t.innovationsHeading, L))}</h2>
<table class="stack"><colgroup><col style="width:6%"><col style="width:29%"><col style="width:21%"><col style="width:13%"><col style="width:11%"><col style="width:11%"><col style="width:9%"></colgroup><thead><tr><th class="num">${esc(say(ic.no, L))}</th><th>${esc(say(ic.nama, L))}</th><th>${esc(say(ic.opd, L))}</th><th>${esc(say(ic.verdict, L))}</th><th class="num">${esc(say(ic.proven, L))}</th><th class="num">${esc(say(ic.atRisk, L))}</th><th>${esc(say(ic.ready, L))}</th></tr></thead><tbody>${rows}</tbody></table>
<h2>${esc(say(t.agenciesHeading, L))}</h2>
<p>${esc(fill(t.agenciesSummary[L], { met: p.totals.agenciesMeetingTarget, agencies: p.totals.agencies }, L))}</p>
<table class="stack"><colgroup><col style="width:52%"><col style="width:16%"><col style="width:16%"><col style="width:16%"></colgroup><thead><tr><th>${esc(say(ac.opd, L))}</th><th class="num">${esc(say(ac.count, L))}</th><th class="num">${esc(say(ac.eligible, L))}</th><th>${esc(say(ac.met, L))}</th></tr></thead><tbody>${agencies}</tbody></table>
${planHtml}
${signBlock(dossier, ['kepalaBappeda'], '')}
</section>`;
}

/**
 * The dossier as one HTML file: printable on A4, every figure marked, the input embedded.
 *
 * @internal
 */
export function renderDossierHtml(dossier: Dossier): string {
  const L = dossier.locale;
  const f = figuresOf(dossier);
  const body =
    dossier.kind === 'innovation'
      ? dossier.innovations.map((part, i) => innovationSection(dossier, part, i + 1, f)).join('\n')
      : regionSection(dossier, f);
  const title =
    dossier.kind === 'innovation'
      ? `${say(texts.innovationTitle, L)}: ${dossier.innovations.map((p) => p.evaluation.nama).join(', ')}`
      : `${say(texts.regionTitle, L)}: ${dossier.region.pemda} ${dossier.region.tahun}`;
  // JSON in a script element: `<` written as \u003c so that no text in it can close the element.
  const embedded = JSON.stringify(embedOf(dossier)).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${L}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title.length > 200 ? `${title.slice(0, 199)}…` : title)}</title>
<meta name="generator" content="inovasi-rules ${esc(dossier.stamp.version)}">
<style>${css(dossier)}</style></head><body>
${body}
${closing(dossier)}
<script type="application/json" id="${EMBED_ID}">${embedded}</script>
</body></html>
`;
}
