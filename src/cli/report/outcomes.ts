import texts from '../../../rules/messages-dossier.json' with { type: 'json' };
import type { OutcomeComparison } from '../../dossier/index.js';
import type { Locale } from '../../messages.js';
import { escapeHtml as esc, fill, visible } from '../../messages.js';

/**
 * The comparison of the verifiers' decisions with the prediction, as `outcomes` prints it and
 * as a report shows it: the agreement table, then each check code with how often what it
 * flagged was rejected or lost points.
 */

const t = texts.outcomes;
const cell = (s: string) =>
  visible(s)
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
const pct = (a: number, b: number) => (b === 0 ? '–' : `${Math.round((100 * a) / b)}%`);
const L = (
  text: { id: string; en: string },
  locale: Locale,
  values: Record<string, string | number> = {},
) => fill(text[locale], values);

/** The comparison as Markdown tables: the agreement table, then each check code. */
export function formatOutcomes(c: OutcomeComparison, locale: Locale): string {
  const tt = t.table;
  const cc = t.codeColumns;
  const lines = [
    `## ${L(t.heading, locale)}`,
    '',
    L(t.intro, locale, { matched: c.matched }),
    '',
    `| ${L(tt.predicted, locale)} | ${L(tt.accepted, locale)} | ${L(tt.rejected, locale)} |`,
    '|---|---:|---:|',
    `| ${L(tt.ready, locale)} | ${c.table.readyAccepted} | ${c.table.readyRejected} |`,
    `| ${L(tt.notReady, locale)} | ${c.table.notReadyAccepted} | ${c.table.notReadyRejected} |`,
    '',
    L(t.agreement, locale, { agree: c.agreement, matched: c.matched }),
    '',
    `### ${L(t.codesHeading, locale)}`,
    '',
    `| ${L(cc.code, locale)} | ${L(cc.flagged, locale)} | ${L(cc.rejected, locale)} | ${L(cc.lostPoints, locale)} | ${L(cc.unflaggedRejected, locale)} |`,
    '|---|---:|---:|---:|---:|',
    ...c.codes.map(
      (x) =>
        `| \`${x.code}\` | ${x.flagged} | ${x.rejected} (${pct(x.rejected, x.flagged)}) | ${x.scored ? `${x.lostPoints} / ${x.scored}` : '–'} | ${x.rejectedWithout} / ${x.notFlagged} (${pct(x.rejectedWithout, x.notFlagged)}) |`,
    ),
    '',
    L(t.lostPointsNote, locale),
    ...(c.unmatched.length
      ? [
          '',
          L(t.unmatched, locale, { names: c.unmatched.map((u) => `"${cell(u.nama)}"`).join(', ') }),
        ]
      : []),
    ...(c.undecided.length
      ? [
          '',
          L(t.noDecision, locale, {
            names: c.undecided.map((u) => `"${cell(u.nama)}"`).join(', '),
          }),
        ]
      : []),
    '',
    L(t.caveat, locale),
  ];
  return lines.join('\n');
}

/** The comparison as an HTML section of the report. */
export function outcomesHtml(c: OutcomeComparison, locale: Locale): string {
  const tt = t.table;
  const cc = t.codeColumns;
  const th = (text: { id: string; en: string }, num = false) =>
    `<th${num ? ' class="num"' : ''}>${esc(L(text, locale))}</th>`;
  const td = (label: { id: string; en: string }, html: string, num = true) =>
    `<td data-label="${esc(L(label, locale))}"${num ? ' class="num"' : ''}>${html}</td>`;
  const codes = c.codes
    .map(
      (x) =>
        `<tr>${td(cc.code, `<code>${esc(x.code)}</code>`, false)}${td(cc.flagged, String(x.flagged))}${td(cc.rejected, `${x.rejected} (${pct(x.rejected, x.flagged)})`)}${td(cc.lostPoints, x.scored ? `${x.lostPoints} / ${x.scored}` : '–')}${td(cc.unflaggedRejected, `${x.rejectedWithout} / ${x.notFlagged} (${pct(x.rejectedWithout, x.notFlagged)})`)}</tr>`,
    )
    .join('');
  const names = (list: { nama: string }[]) => list.map((u) => `"${u.nama}"`).join(', ');
  return `<section id="outcomes"><h2>${esc(L(t.heading, locale))}</h2>
<p>${esc(L(t.intro, locale, { matched: c.matched }))}</p>
<table id="outcomes-table"><thead><tr>${th(tt.predicted)}${th(tt.accepted, true)}${th(tt.rejected, true)}</tr></thead><tbody>
<tr><th scope="row">${esc(L(tt.ready, locale))}</th><td class="num">${c.table.readyAccepted}</td><td class="num">${c.table.readyRejected}</td></tr>
<tr><th scope="row">${esc(L(tt.notReady, locale))}</th><td class="num">${c.table.notReadyAccepted}</td><td class="num">${c.table.notReadyRejected}</td></tr></tbody></table>
<p>${esc(L(t.agreement, locale, { agree: c.agreement, matched: c.matched }))}</p>
<h3>${esc(L(t.codesHeading, locale))}</h3>
<table class="stack" id="outcomes-codes"><thead><tr>${th(cc.code)}${th(cc.flagged, true)}${th(cc.rejected, true)}${th(cc.lostPoints, true)}${th(cc.unflaggedRejected, true)}</tr></thead><tbody>${codes}</tbody></table>
<p class="note">${esc(L(t.lostPointsNote, locale))}</p>
${c.unmatched.length ? `<p class="note">${esc(L(t.unmatched, locale, { names: names(c.unmatched) }))}</p>` : ''}
${c.undecided.length ? `<p class="note">${esc(L(t.noDecision, locale, { names: names(c.undecided) }))}</p>` : ''}
<p class="note">${esc(L(t.caveat, locale))}</p></section>`;
}
