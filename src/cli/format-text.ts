import type { Issue } from '../errors.js';
import { TEXTS } from '../features/texts.js';
import type {
  Evaluation,
  MultiEvaluation,
  RegionEvaluation,
  RuleSetResult,
  Status,
} from '../index.js';
import { type Locale, MESSAGES } from '../messages.js';
import type { EditionsComparison, RegionPlan } from '../plan.js';
import type { SubmissionCheck } from '../submission.js';
import { paint } from './colour.js';

const cli = TEXTS.cli;
const fill = (
  template: { id: string; en: string },
  locale: Locale,
  values: Record<string, unknown>,
) => template[locale].replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
/** A number as the locale writes it, to two decimals at most: `24,91` in Indonesian. */
const decimal = (value: number, locale: Locale) =>
  value.toLocaleString(locale === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: 2 });
const pad = (text: string, width: number) =>
  text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length);

const MARK: Record<Status, string> = { pass: '✓', fail: '✗', unknown: '?' };
const mark = (status: Status) => paint(status, MARK[status]);
const VERDICT_STATUS = { eligible: 'pass', not_eligible: 'fail', incomplete: 'unknown' } as const;

/** Breaks a text into lines of at most `width` characters, at spaces (a longer word stays whole). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** Renders one evaluation as indented text: each criterion with ✓ / ✗ / ? and its reasons. */
export function formatEvaluation(evaluation: Evaluation, locale: Locale): string {
  const lines: string[] = [];
  const label = MESSAGES.verdict[evaluation.verdict][locale];
  const id = evaluation.id !== undefined ? ` (${evaluation.id})` : '';
  const tone = VERDICT_STATUS[evaluation.verdict];
  lines.push(
    `${mark(tone)} ${paint('bold', evaluation.nama)}${id}: ${paint(tone, label)} ${paint('dim', `[${evaluation.ruleSet.id}]`)}`,
  );
  const { score } = evaluation;
  const values = {
    rubric: score.rubric.id,
    claimed: score.claimed,
    proven: score.proven,
    max: score.max,
  };
  lines.push(`  ${fill(cli.kematangan, locale, values)}`);
  for (const criterion of evaluation.criteria) {
    const ref = criterion.ref ? `${criterion.ref}. ` : '';
    lines.push(`  ${mark(criterion.status)} ${ref}${criterion.title}`);
    if (criterion.status === 'pass') continue;
    for (const reason of criterion.reasons) {
      lines.push(`      ${mark(reason.status)} ${reason.message} [${reason.fields.join(', ')}]`);
    }
    lines.push(`      ${paint('dim', criterion.citation)}`);
  }
  return lines.join('\n');
}

/** Renders the problems of an invalid input, one per line, with their paths. */
export function formatIssues(title: string, issues: readonly Issue[], locale: Locale): string {
  const lines = [title];
  // The readers' places (`line 3`, `column 2`, `row 5`) in the output's language.
  const place = (part: string | number) =>
    locale === 'id'
      ? String(part).replace(
          /^(line|column|row) (\d+)$/,
          (_, w: string, n: string) =>
            `${{ line: 'baris', column: 'kolom', row: 'baris' }[w]} ${n}`,
        )
      : String(part);
  for (const issue of issues) {
    const path = issue.path.length > 0 ? issue.path.map(place).join('.') : '(root)';
    lines.push(`  - ${path}: ${issue.message} [${issue.code}]`);
  }
  return lines.join('\n');
}

/** Renders an innovation's IGA score: a table of indicators, totals and the upgrade path. */
export function formatScore(evaluation: Evaluation, locale: Locale): string {
  const { score } = evaluation;
  const lines = [
    fill(cli.scoreHeader, locale, {
      nama: evaluation.nama,
      rubric: score.rubric.id,
      claimed: score.claimed,
      proven: score.proven,
      max: score.max,
    }),
    `  ${cli.columns[locale]}`,
  ];
  for (const i of score.indicators) {
    const evidence = i.points === 0 ? '' : i.proven ? mark('pass') : mark('fail');
    const star = i.mandatory ? '*' : ' ';
    // A long indicator name wraps under itself; words are never cut.
    const [first = '', ...rest] = wrap(`${i.title}${star}`, 43);
    lines.push(
      `  ${pad(String(i.number), 3)} ${pad(first, 43)} ${pad(`${i.level}/3`, 6)} ${pad(`${i.points}/${i.maxPoints}`, 8)} ${evidence}`,
    );
    for (const more of rest) lines.push(`      ${more}`);
  }
  if (score.missingMandatory.length > 0) {
    lines.push(
      `  ${fill(cli.missingMandatory, locale, { list: score.missingMandatory.join(', ') })}`,
    );
  }
  if (score.upgrades.length > 0) {
    lines.push(`  ${cli.upgrades[locale]}`);
    for (const u of score.upgrades.slice(0, 8))
      lines.push(`    +${pad(String(u.gain), 3)} ${u.message}`);
  }
  return lines.join('\n');
}

/** Renders a region's index: IID, band, its parts, the next band and each innovation. */
export function formatRegion(region: RegionEvaluation, locale: Locale): string {
  const none = cli.none[locale];
  const n = (value: number) => decimal(value, locale);
  const lines = [
    fill(cli.regionHeader, locale, {
      pemda: region.pemda,
      tahun: region.tahun,
      rubric: region.rubric.id,
      iid: n(region.iid),
      band: region.bandTitle,
    }),
    `  ${fill(cli.spd, locale, { points: n(region.spd.points), max: region.spd.max, missing: region.spd.missing.join(', ') || none })}`,
    `  ${fill(cli.sid, locale, { sum: region.sid.sumKematangan, floor: region.sid.floor, n: region.sid.n, points: n(region.sid.points), max: region.sid.max })}`,
    `  ${fill(cli.count, locale, { points: n(region.innovationCount.points), max: region.innovationCount.max, reason: region.innovationCount.reason })}`,
    `  ${fill(cli.total, locale, { total: n(region.totalScore), max: region.maxScore })}`,
  ];
  if (region.notAssessed) lines.push(`  ${region.notAssessed.message}`);
  if (region.rejected) lines.push(`  ${region.rejected.message}`);
  if (region.nextBand) lines.push(`  ${region.nextBand.message}`);
  lines.push(`  ${cli.innovations[locale]}`);
  for (const i of region.innovations) {
    const mark = i.verdict === 'eligible' ? '✓' : i.verdict === 'not_eligible' ? '✗' : '?';
    const note = i.rejected ? ` (${cli.rejected[locale]})` : '';
    lines.push(`    ${mark} ${pad(i.nama, 48)} ${i.kematangan}${note}`);
  }
  return lines.join('\n');
}

/** One record under several rule sets: a summary row per rule set, then each one's details. */
export function formatSideBySide(multi: MultiEvaluation, locale: Locale): string {
  const en = locale === 'en';
  const summary = (r: RuleSetResult): string => {
    if (r.kind === 'eligibility') {
      const failing = r.criteria.filter((c) => c.status === 'fail').map((c) => c.ref ?? c.id);
      const label = MESSAGES.verdict[r.verdict][locale];
      return `${mark(VERDICT_STATUS[r.verdict])} ${label}${failing.length ? ` (${en ? 'failing' : 'gagal'}: ${failing.join(', ')})` : ''}${r.missingFields.length ? ` (${en ? 'missing' : 'belum diisi'}: ${r.missingFields.length})` : ''}`;
    }
    if (r.kind === 'rubric')
      return `kematangan ${r.score.proven} / ${r.score.claimed} / ${r.score.max}`;
    return r.stages
      .map(
        (s) =>
          `${s.title}: ${s.total}${s.missing.length ? ` (${s.missing.length} ${en ? 'unscored' : 'belum dinilai'})` : ''}`,
      )
      .join('; ');
  };
  const width = Math.max(...multi.results.map((r) => r.ruleSet.id.length));
  const lines = [`${multi.nama}${multi.id !== undefined ? ` (${multi.id})` : ''}`];
  for (const r of multi.results) lines.push(`  ${pad(r.ruleSet.id, width)}  ${summary(r)}`);
  for (const r of multi.results) {
    if (r.kind !== 'eligibility' || r.verdict === 'eligible') continue;
    lines.push(`  ${r.ruleSet.id}: ${r.ruleSet.title}`);
    for (const c of r.criteria) {
      if (c.status === 'pass') continue;
      for (const reason of c.reasons) {
        lines.push(
          `    ${mark(reason.status)} ${c.ref ? `${c.ref}. ` : ''}${reason.message} [${reason.fields.join(', ')}]`,
        );
      }
      lines.push(`      ${c.citation}`);
    }
  }
  return lines.join('\n');
}

const CHECK_MARK = { fail: 'fail', unknown: 'unknown', warning: 'unknown' } as const;

/** Renders a submission check: ready or not, the points at risk, then every problem. */
export function formatSubmission(check: SubmissionCheck, locale: Locale): string {
  const t = cli.check;
  const values = {
    nama: check.nama,
    status: check.ready ? t.ready[locale] : t.notReady[locale],
    tahun: check.tahun,
    dari: check.window?.from,
    sampai: check.window?.to,
    proven: check.points.proven,
    atRisk: check.points.atRisk,
  };
  const lines = [
    `${mark(check.ready ? 'pass' : 'fail')} ${fill(check.window ? t.header : t.headerNoYear, locale, values)}`,
  ];
  for (const p of check.problems) {
    const [first = '', ...rest] = wrap(p.message, 88);
    const sign = p.status === 'warning' ? '!' : MARK[CHECK_MARK[p.status]];
    lines.push(`  ${paint(CHECK_MARK[p.status], sign)} ${first}`);
    for (const more of rest) lines.push(`    ${more}`);
    lines.push(`    → ${p.fields.join(', ')} · ${p.citation}`);
  }
  return lines.join('\n');
}

/** Renders a region's plan: the summary, then each step with the IID after it. */
export function formatPlan(plan: RegionPlan, locale: Locale): string {
  const signed = (n: number) =>
    `${n >= 0 ? '+' : ''}${n.toLocaleString(locale === 'id' ? 'id-ID' : 'en-US')}`;
  const lines = [`${mark(plan.reaches ? 'pass' : 'unknown')} ${plan.summary}`];
  plan.steps.forEach((step, i) => {
    const text = fill(cli.plan.step, locale, {
      n: i + 1,
      message: step.message,
      iidAfter: step.iidAfter.toLocaleString(locale === 'id' ? 'id-ID' : 'en-US'),
      gain: signed(step.gain),
      cost: step.cost.toLocaleString(locale === 'id' ? 'id-ID' : 'en-US'),
    });
    const [first = '', ...rest] = wrap(text, 96);
    lines.push(`  ${first}`);
    for (const more of rest) lines.push(`     ${more}`);
  });
  const list = (heading: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push('', heading);
    for (const item of items) {
      const [first = '', ...rest] = wrap(item, 96);
      lines.push(`  - ${first}`);
      for (const more of rest) lines.push(`    ${more}`);
    }
  };
  list(
    cli.plan.leftOutHeading[locale],
    plan.leftOut.map((l) => l.message),
  );
  if (plan.sensitivity) lines.push(...wrap(plan.sensitivity, 96).map((l) => `  ${l}`));
  const next = nextYearLines(plan, locale);
  if (next) {
    list(next.heading, next.items);
    if (next.items.length === 0) lines.push('', next.heading, `  ${next.none}`);
  }
  list(cli.plan.assumptionsHeading[locale], [
    ...plan.assumptions,
    ...(plan.nextYear?.assumptions ?? []),
  ]);
  return lines.join('\n');
}

/**
 * Next year's part of a plan, for the text and the reports: its heading, the innovations that
 * leave the window and the documents that stop counting, and what to say when there are none.
 */
export function nextYearLines(
  plan: RegionPlan,
  locale: Locale,
): { heading: string; items: string[]; none: string } | undefined {
  const next = plan.nextYear;
  if (!next) return undefined;
  return {
    heading: fill(cli.plan.nextYearHeading, locale, {
      tahun: next.tahun,
      dari: next.window.from,
      sampai: next.window.to,
    }),
    items: [
      ...next.leaving.map((l) => l.message),
      ...next.problems.map((p) => `${p.nama}: ${p.message}`),
    ],
    none: cli.plan.nextYearNone[locale],
  };
}

/** Renders two editions side by side: each edition's parts, the reasons, the innovations that move. */
export function formatComparison(c: EditionsComparison, locale: Locale): string {
  const t = TEXTS.compare;
  const n = (x: number) => decimal(x, locale);
  const side = (r: EditionsComparison['a']) =>
    fill(t.line, locale, {
      rubric: r.rubric.id,
      iid: n(r.iid),
      band: r.bandTitle,
      spd: n(r.spd),
      sid: n(r.sid),
      divisor: r.divisor,
      count: n(r.count),
    });
  const lines = [side(c.a), side(c.b), ...c.reasons.map((r) => `  - ${r}`)];
  for (const i of c.innovations) {
    lines.push(`  ${fill(t.innovation, locale, { nama: i.nama, a: n(i.a), b: n(i.b) })}`);
  }
  return lines.join('\n');
}
