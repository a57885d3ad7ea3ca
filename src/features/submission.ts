import data from '../../rules/submission-iga.json' with { type: 'json' };
import type { Basis } from '../eligibility/basis.js';
import { createEvaluator, parseRecord } from '../eligibility/pipeline.js';
import { defaultScope, type Scope } from '../eligibility/scope.js';
import { InvalidOptionError } from '../errors.js';
import {
  interpolate,
  type Locale,
  type LocalizedText,
  optionNames,
  optionsObject,
  pick,
} from '../messages.js';
import type { Bukti, Innovation } from '../record/innovation.js';
import { levelOfPemda } from '../record/kewenangan.js';
import { opensAsLink } from '../record/link.js';
import type { IndicatorScore, InnovationScore } from '../scoring/score.js';
import { authorityHints } from './_authority-hints.js';
import { TEXTS } from './texts.js';

/**
 * What BSKDN's verifiers would reject or mark down before an innovation's IGA points count: the
 * edition's implementation window, the stage and the order of dates, earlier entries, the design
 * text, and every document behind a claimed indicator. The facts and their sources are data, in
 * `rules/submission-iga.json`; the texts are in `rules/messages.json`.
 */

/** Options of {@link checkSubmission}. */
export interface SubmissionOptions {
  /** IGA rubric id; by default the edition in force for the record's `tahun`. */
  rubric?: string;
  /**
   * The day the check is made for (`YYYY-MM-DD`): no date may fall after it, and its year is
   * the IGA edition checked and scored (as `evaluate`'s `asOf`), whatever the record's `tahun`.
   * By default the record's `tahun`, up to its edition's close of reporting where it is known,
   * else the end of that year.
   */
  asOf?: string;
  /** Language of messages: `id` (default) or `en`. */
  locale?: Locale;
}

const SUBMISSION_OPTIONS = optionNames<SubmissionOptions>({
  rubric: true,
  asOf: true,
  locale: true,
});

/**
 * One thing a verifier would reject (`fail`), might mark down (`warning`: the rule rests on an
 * inference or an unofficial source), or cannot judge until a field is filled in (`unknown`).
 */
export interface SubmissionProblem {
  /** Stable code, e.g. `penerapan_di_luar_jendela`, `bukti_di_luar_periode`. */
  code: string;
  /** `fail`, `warning` or `unknown`. */
  status: 'fail' | 'warning' | 'unknown';
  /** The indicator the problem is about (`regulasi`, `sdm`, …), when it is about one. */
  indicator?: string;
  /** What is wrong and what to do, in the requested locale. */
  message: string;
  /** Record paths to change or fill in, e.g. `["indikator.sdm.bukti.0.tanggal"]`. */
  fields: string[];
  /** The rule's source: the letter, guideline or account it comes from. */
  citation: string;
}

/** The result of {@link checkSubmission}. */
export interface SubmissionCheck {
  /** The caller's id of the record, when it has one. */
  id?: string | number;
  /** Name of the innovation. */
  nama: string;
  /** The IGA edition (reporting year, T-0) checked against; absent when the record has no `tahun`. */
  tahun?: number;
  /** The edition's implementation window, `YYYY-MM-DD` to `YYYY-MM-DD`. */
  window?: {
    /** The first day, `YYYY-MM-DD`. */
    from: string;
    /** The last day, `YYYY-MM-DD`. */
    to: string;
  };
  /** The day no date may fall after (see {@link SubmissionOptions.asOf}). */
  asOf?: string;
  /** `true` when nothing would be rejected and nothing is left to fill in (warnings allowed). */
  ready: boolean;
  /** Every problem: failures first, then fields to fill in, then warnings. */
  problems: SubmissionProblem[];
  /** Kematangan points: claimed, proven by evidence, and proven but at risk of rejection. */
  points: {
    /** Points of the indicators whose facts are given. */
    claimed: number;
    /** Points of the indicators with evidence attached. */
    proven: number;
    /** Proven points whose evidence a verifier would reject ("terbukti, tetapi bukti berisiko ditolak"). */
    atRisk: number;
    /** Proven points with no problem found in their evidence. */
    safe: number;
  };
  /** Indicators whose proven points are at risk. */
  atRisk: string[];
  /** Which rules decided: the rubric edition checked against and the package version. */
  basis: Basis;
}

type Source = 'V' | 'S' | '3P' | 'I';
interface Window {
  from: string;
  to: string;
  sumber: Source;
}
/** What verifiers ask of one indicator's documents. */
interface EvidenceRule {
  /** Each document must carry its number. */
  nomor: boolean;
  /** The years a document may be dated in (see the data file), or none. */
  tanggal: 't2_t0' | 't1_t0' | 'sampai_t0' | 'regulasi' | null;
  /** One document per unit claimed (training, channel, year), up to the top level's count. */
  hitung?: { field: string; maks: number; satuan: LocalizedText };
}

/** A fact with its source label and citation. */
interface Sourced {
  sumber: Source;
  citation: string;
}
interface Edition {
  tahun: number;
  window: Window;
  close?: string;
  citation: string;
  /** Whether a development inside the window keeps an older innovation in (absent: unknown). */
  pengembangan?: Sourced;
  /** Set when the edition took only innovations never entered before (2021). */
  belumPernahDiikutkan?: Sourced;
}

const RULES = data as unknown as {
  editions: {
    tahun: number;
    penerapan: Window;
    tutup?: { tanggal: string; sumber: Source };
    citation: string;
    pengembangan?: Sourced;
    belumPernahDiikutkan?: Sourced;
  }[];
  default: {
    penerapan: { fromOffset: number; toOffset: number; sumber: Source };
    citation: string;
    pengembangan?: Sourced;
  };
  rancangBangun: { minimumKata: number; sumber: Source; citation: string };
  keikutsertaan: {
    maksimum: number;
    sejak: number;
    sumber: Source;
    citation: string;
    /** Set when the source is too thin for a fail (one regional official). */
    status?: 'warning';
  };
  tahapan: { sumber: Source; citation: string };
  bukti: {
    citation: string;
    sumber: Source;
    /** The edition these evidence rules are known for: elsewhere they give warnings. */
    tahun: number;
    indikator: Record<string, EvidenceRule>;
    regulasi: Record<string, string[]>;
  };
  video: { bagian: string[]; sumber: Source; citation: string };
};

/** The texts, read when used (never at import: a bundle that does not use them drops them). */
const texts = () => TEXTS.submission;
const severity = (source: Source): 'fail' | 'warning' => (source === 'I' ? 'warning' : 'fail');

/**
 * The implementation window of an IGA edition, as the verification facts give it (a listed
 * edition's own, else the pattern T-2..T-1).
 *
 * @internal
 */
export function implementationWindow(tahun: number): { from: string; to: string } {
  const { from, to } = editionOf(tahun).window;
  return { from, to };
}

/**
 * What is known of an edition's window: its days, whether the edition is listed (else the
 * pattern T-2..T-1, an inference), its citation, and whether a development inside the window
 * keeps an older innovation in (with that rule's citation; absent when unknown).
 *
 * @internal
 */
export function editionWindow(tahun: number): {
  from: string;
  to: string;
  listed: boolean;
  citation: string;
  development?: string;
} {
  const edition = editionOf(tahun);
  return {
    from: edition.window.from,
    to: edition.window.to,
    listed: RULES.editions.some((e) => e.tahun === tahun),
    citation: edition.citation,
    ...(edition.pengembangan ? { development: edition.pengembangan.citation } : {}),
  };
}

function editionOf(tahun: number): Edition {
  const listed = RULES.editions.find((e) => e.tahun === tahun);
  if (listed) {
    return {
      tahun,
      window: listed.penerapan,
      ...(listed.tutup ? { close: listed.tutup.tanggal } : {}),
      citation: listed.citation,
      ...(listed.pengembangan ? { pengembangan: listed.pengembangan } : {}),
      ...(listed.belumPernahDiikutkan ? { belumPernahDiikutkan: listed.belumPernahDiikutkan } : {}),
    };
  }
  const d = RULES.default.penerapan;
  return {
    tahun,
    window: {
      from: `${tahun + d.fromOffset}-01-01`,
      to: `${tahun + d.toOffset}-12-31`,
      sumber: d.sumber,
    },
    citation: RULES.default.citation,
    ...(RULES.default.pengembangan ? { pengembangan: RULES.default.pengembangan } : {}),
  };
}

const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_|_$/g, '');

/** Collects problems, formatting each message from the catalogue. */
class Problems {
  readonly list: SubmissionProblem[] = [];
  constructor(readonly locale: Locale) {}
  add(
    code: string,
    status: SubmissionProblem['status'],
    text: keyof ReturnType<typeof texts>,
    values: Record<string, unknown>,
    fields: string[],
    citation: string,
    indicator?: string,
  ): void {
    const message = interpolate(pick(texts()[text], this.locale), (k) => values[k], this.locale);
    this.list.push(
      indicator === undefined
        ? { code, status, message, fields, citation }
        : { code, status, indicator, message, fields, citation },
    );
  }
}

/**
 * Checks an innovation as BSKDN's verifiers would before its IGA points count: the edition's
 * implementation window, the stage and the order of its dates, no date after the reporting date,
 * earlier entries, the design text's length, the region's authority by the name's keywords, and
 * for every claimed indicator a document of the right kind, numbered, dated within the period
 * the indicator counts, with a file or link. Points proven by documents a verifier would reject
 * are reported apart (`points.atRisk`).
 *
 * @param record - an innovation record in the shape of `InnovationSchema`
 * @param options - rubric, reference date and locale
 * @returns whether the record is ready, every problem, and the points at risk
 * @throws {@link index!InvalidRecordError} when the record is not valid
 * @throws {@link index!InvalidOptionError} for an option of the wrong type
 * @example
 * ```ts
 * import { checkSubmission } from 'inovasi-rules/submission';
 * const check = await checkSubmission({ nama: 'Si Cantik', tahun: 2023, tahapan: 'penerapan', waktuPenerapan: '2020-03-01' });
 * check.problems[0].code; // 'penerapan_di_luar_jendela'
 * ```
 */
export async function checkSubmission(
  record: unknown,
  options?: SubmissionOptions,
): Promise<SubmissionCheck> {
  return checkSubmissionIn(defaultScope(), record, options);
}

/**
 * {@link checkSubmission} with the rule sets of a scope (an engine's).
 *
 * @internal
 */
export function checkSubmissionIn(
  scope: Scope,
  record: unknown,
  options?: SubmissionOptions,
): SubmissionCheck {
  options = optionsObject(options, SUBMISSION_OPTIONS) as SubmissionOptions;
  const asOf = asOfDate(options?.asOf);
  const evaluator = createEvaluator(
    {
      ...(options?.rubric !== undefined ? { rubric: options.rubric } : {}),
      ...(options?.locale !== undefined ? { locale: options.locale } : {}),
      ...(asOf !== undefined ? { asOf } : {}),
    },
    undefined,
    scope,
  );
  const parsed = parseRecord(record, evaluator.locale);
  const { score, basis } = evaluator.evaluateParsed(parsed);
  return judge(parsed, score, basis, evaluator.locale, asOf);
}

function asOfDate(asOf: unknown): string | undefined {
  if (asOf === undefined) return undefined;
  if (typeof asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(asOf)) return asOf;
  throw new InvalidOptionError([
    { path: ['asOf'], code: 'invalid_value', message: 'asOf must be a date (YYYY-MM-DD)' },
  ]);
}

function judge(
  record: Innovation,
  score: InnovationScore,
  basis: Basis,
  locale: Locale,
  asOf: string | undefined,
): SubmissionCheck {
  const p = new Problems(locale);
  // One asOf moves both: the edition that scores (evaluate's asOf) is the one whose window,
  // close and entry rules are checked here.
  const tahun = asOf ? Number(asOf.slice(0, 4)) : (record.tahun ?? undefined);
  const edition = tahun === undefined ? undefined : editionOf(tahun);
  const atRisk = new Set<string>();

  if (!edition) {
    p.add('tahun_kosong', 'unknown', 'tahunKosong', {}, ['tahun'], RULES.tahapan.citation);
  } else {
    if (typeof record.tahun === 'number' && record.tahun !== edition.tahun) {
      p.add(
        'tahun_berbeda_dengan_asof',
        'warning',
        'tahunBerbedaAsOf',
        { tahunRekaman: record.tahun, tahun: edition.tahun, asOf },
        ['tahun'],
        edition.citation,
      );
    }
    checkDates(record, edition, asOf, p, locale);
    checkEntries(record, edition, score, p);
  }
  checkDesign(record, p);
  checkAuthority(record, p, locale);
  for (const indicator of score.indicators) {
    if (!indicator.given || indicator.level === 0) continue;
    if (checkEvidence(record, indicator, edition, p)) atRisk.add(indicator.id);
  }

  const order = { fail: 0, unknown: 1, warning: 2 } as const;
  const problems = p.list
    .map((problem, i) => ({ problem, i }))
    .sort((a, b) => order[a.problem.status] - order[b.problem.status] || a.i - b.i)
    .map(({ problem }) => problem);
  const atRiskPoints = score.indicators
    .filter((i) => i.proven && atRisk.has(i.id))
    .reduce((sum, i) => sum + i.points, 0);
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  const result: SubmissionCheck = {
    nama: record.nama,
    ...(tahun !== undefined ? { tahun } : {}),
    ...(edition ? { window: { from: edition.window.from, to: edition.window.to } } : {}),
    ...(edition ? { asOf: limitOf(edition, asOf) } : {}),
    ready: !problems.some((x) => x.status === 'fail' || x.status === 'unknown'),
    problems,
    points: {
      claimed: score.claimed,
      proven: score.proven,
      atRisk: round(atRiskPoints),
      safe: round(score.proven - atRiskPoints),
    },
    atRisk: score.indicators.filter((i) => i.proven && atRisk.has(i.id)).map((i) => i.id),
    basis,
  };
  const id = record.id;
  return id === undefined || id === null ? result : { id, ...result };
}

const limitOf = (edition: Edition, asOf: string | undefined) =>
  asOf ?? edition.close ?? `${edition.tahun}-12-31`;

function checkDates(
  record: Innovation,
  edition: Edition,
  asOf: string | undefined,
  p: Problems,
  locale: Locale,
): void {
  const { from, to } = edition.window;
  const window = { tahun: edition.tahun, dari: from, sampai: to };
  const stage = RULES.tahapan;
  if (!record.tahapan) {
    p.add('tahapan_kosong', 'unknown', 'tahapanKosong', {}, ['tahapan'], stage.citation);
  } else if (record.tahapan !== 'penerapan') {
    p.add(
      'tahapan_belum_penerapan',
      // Whether verifiers reject or only mark down an entry not yet implemented is unknown.
      'warning',
      'tahapanBelumPenerapan',
      { tahapan: record.tahapan },
      ['tahapan', 'waktuPenerapan'],
      stage.citation,
    );
  }
  const penerapan = record.waktuPenerapan;
  if (!penerapan) {
    if (record.tahapan !== 'inisiatif' && record.tahapan !== 'uji_coba') {
      p.add(
        'penerapan_kosong',
        'unknown',
        'penerapanKosong',
        window,
        ['waktuPenerapan'],
        edition.citation,
      );
    }
  } else if (penerapan < from || penerapan > to) {
    checkOutsideWindow(record, penerapan, edition, window, p);
  }
  if (record.waktuPengembangan && penerapan && record.waktuPengembangan < penerapan) {
    p.add(
      'urutan_tanggal',
      'fail',
      'pengembanganSebelumPenerapan',
      { waktuPengembangan: record.waktuPengembangan, waktuPenerapan: penerapan },
      ['waktuPengembangan', 'waktuPenerapan'],
      stage.citation,
    );
  }
  if (record.waktuUjiCoba && penerapan && record.waktuUjiCoba > penerapan) {
    p.add(
      'urutan_tanggal',
      'fail',
      'urutanTanggal',
      { waktuUjiCoba: record.waktuUjiCoba, waktuPenerapan: penerapan },
      ['waktuUjiCoba', 'waktuPenerapan'],
      stage.citation,
    );
  }
  // A date after the day of the check is a mistake; after the close of reporting it proves
  // nothing for the edition (an inference: a warning).
  const limit = limitOf(edition, asOf);
  const status = asOf ? 'fail' : 'warning';
  const batas = interpolate(
    pick(
      asOf ? texts().batasAsOf : edition.close ? texts().batasTutup : texts().batasTahun,
      locale,
    ),
    (k) => ({ tanggal: limit, tahun: edition.tahun })[k],
    locale,
  );
  const late = (field: string, tanggal: string | null | undefined, label: string) => {
    if (tanggal && tanggal > limit) {
      p.add(
        'tanggal_sesudah_pelaporan',
        status,
        'tanggalMasaDepan',
        { label, tanggal, batas, tahun: edition.tahun },
        [field],
        edition.citation,
      );
    }
  };
  late('waktuUjiCoba', record.waktuUjiCoba, pick(texts().tanggalUjiCoba, locale));
  late('waktuPenerapan', penerapan, pick(texts().tanggalPenerapan, locale));
  late('waktuPengembangan', record.waktuPengembangan, pick(texts().tanggalPengembangan, locale));
  for (const [id, entry] of Object.entries(record.indikator ?? {})) {
    const bukti = (entry as { bukti?: Bukti[] | null } | null)?.bukti ?? [];
    bukti.forEach((b, i) => {
      const label = interpolate(
        pick(texts().tanggalBukti, locale),
        () => documentName(b, i),
        locale,
      );
      late(`indikator.${id}.bukti.${i}.tanggal`, b.tanggal, label);
    });
  }
}

/**
 * An implementation date outside the window. Implemented before it, the innovation still counts
 * in an edition whose rule is known to take its latest development inside the window; the
 * message never asks to re-date the implementation (that would misstate the record).
 */
function checkOutsideWindow(
  record: Innovation,
  penerapan: string,
  edition: Edition,
  window: Record<string, unknown>,
  p: Problems,
): void {
  const { from, to } = edition.window;
  const rule = edition.pengembangan;
  const development = record.waktuPengembangan;
  const values = { ...window, waktuPenerapan: penerapan, waktuPengembangan: development };
  const status = severity(edition.window.sumber);
  if (penerapan > to) {
    p.add(
      'penerapan_di_luar_jendela',
      status,
      'penerapanSesudahJendela',
      values,
      ['waktuPenerapan'],
      edition.citation,
    );
    return;
  }
  if (!rule) {
    // 2023 and before: whether a development inside the window counted is not known.
    p.add(
      'penerapan_di_luar_jendela',
      status,
      'penerapanSebelumJendelaTanpaAturan',
      values,
      ['waktuPenerapan'],
      edition.citation,
    );
    return;
  }
  if (development && development >= from && development <= to) {
    // Counts by its development; where that rests on an inference, say so.
    if (rule.sumber === 'I') {
      p.add(
        'pengembangan_dalam_jendela',
        'warning',
        'pengembanganDalamJendela',
        values,
        ['waktuPenerapan', 'waktuPengembangan'],
        rule.citation,
      );
    }
    return;
  }
  p.add(
    'penerapan_di_luar_jendela',
    status,
    development ? 'pengembanganDiLuarJendela' : 'penerapanSebelumJendela',
    values,
    ['waktuPenerapan', 'waktuPengembangan'],
    rule.citation,
  );
}

function checkEntries(
  record: Innovation,
  edition: Edition,
  score: InnovationScore,
  p: Problems,
): void {
  const rule = RULES.keikutsertaan;
  const earlier = (record.riwayatIga ?? []).filter((e) => e.tahun < edition.tahun);
  const newOnly = edition.belumPernahDiikutkan;
  if (newOnly && earlier.length > 0) {
    // One regional official's word (2021): a warning, as for the 2024 limit.
    p.add(
      'pernah_diikutkan',
      'warning',
      'pernahDiikutkan',
      { tahun: edition.tahun, tahunList: earlier.map((e) => String(e.tahun)) },
      ['riwayatIga'],
      newOnly.citation,
    );
  }
  if (earlier.length === 0 || edition.tahun < rule.sejak) return;
  if (earlier.length >= rule.maksimum) {
    p.add(
      'keikutsertaan_melebihi_batas',
      rule.status ?? severity(rule.sumber),
      'keikutsertaanBatas',
      {
        kali: earlier.length,
        tahunList: earlier.map((e) => String(e.tahun)),
        maks: rule.maksimum,
      },
      ['riwayatIga'],
      rule.citation,
    );
  }
  const last = [...earlier].sort((a, b) => b.tahun - a.tahun)[0];
  // Entered before: it is assessed again only when it has been developed since (2024 on).
  const development = record.waktuPengembangan;
  if (
    last &&
    edition.pengembangan &&
    (!development || Number(development.slice(0, 4)) < last.tahun)
  ) {
    p.add(
      'tanpa_pengembangan_sejak_keikutsertaan',
      'warning',
      'tanpaPengembangan',
      { tahunLalu: last.tahun, waktuPengembangan: development },
      ['waktuPengembangan', 'pengembangan', 'riwayatIga'],
      edition.pengembangan.citation,
    );
  }
  if (last && typeof last.skor === 'number' && score.proven <= last.skor) {
    p.add(
      'tanpa_peningkatan_kematangan',
      'warning',
      'tanpaPeningkatan',
      { skor: score.proven, tahunLalu: last.tahun, skorLalu: last.skor },
      ['riwayatIga', 'indikator'],
      rule.citation,
    );
  }
}

function checkDesign(record: Innovation, p: Problems): void {
  const rule = RULES.rancangBangun;
  const text = record.rancangBangun?.trim();
  if (!text) {
    p.add(
      'rancang_bangun_kosong',
      'unknown',
      'rancangBangunKosong',
      { minimum: rule.minimumKata },
      ['rancangBangun'],
      rule.citation,
    );
    return;
  }
  const count = words(text);
  if (count < rule.minimumKata) {
    p.add(
      'rancang_bangun_pendek',
      severity(rule.sumber),
      'rancangBangunPendek',
      { kata: count, minimum: rule.minimumKata },
      ['rancangBangun'],
      rule.citation,
    );
  }
}

function checkAuthority(record: Innovation, p: Problems, locale: Locale): void {
  // A named sub-affair is judged by criterion (d); the name's words are only a hint.
  if (record.subUrusan && record.subUrusan.length > 0) return;
  const level = record.tingkatPemda ?? levelOfPemda(record.pemda);
  if (!level) return;
  const levels = pick(texts().tingkat, locale).split('|');
  const names = { pusat: levels[0], provinsi: levels[1], kabupaten_kota: levels[2] };
  for (const hint of authorityHints(record.nama, level)) {
    p.add(
      'kewenangan_kata_kunci',
      'warning',
      'kewenanganKataKunci',
      {
        kataKunci: hint.kataKunci,
        subUrusan: hint.subUrusan.nama,
        tingkat: hint.subUrusan.tingkat.map((t) => names[t]),
        pemda: record.pemda ?? level,
      },
      ['nama', 'subUrusan'],
      'PP 38/2017, kriteria inovasi daerah (d); UU 23/2014, Lampiran',
    );
  }
}

function documentName(b: Bukti, i: number): string {
  return b.nama?.trim() || b.nomor?.trim() || `${b.jenis} #${i + 1}`;
}

/** Checks the documents behind one claimed indicator; `true` when its proof is at risk. */
function checkEvidence(
  record: Innovation,
  indicator: IndicatorScore,
  edition: Edition | undefined,
  p: Problems,
): boolean {
  const rules = RULES.bukti;
  const id = indicator.id;
  const rule = rules.indikator[id];
  const entry = (record.indikator as Record<string, Record<string, unknown> | null> | undefined)?.[
    id
  ];
  const bukti = ((entry?.bukti as Bukti[] | null | undefined) ?? []).filter(Boolean);
  const base = `indikator.${id}`;
  const title = indicator.title;
  if (bukti.length === 0) {
    p.add(
      'bukti_kosong',
      'fail',
      'buktiKosong',
      { indikator: title, poin: indicator.points },
      [`${base}.bukti`],
      rules.citation,
      id,
    );
    return false;
  }
  let atRisk = false;
  const fail = evidenceSeverity(edition);
  const period = edition && rule ? periodOf(rule.tanggal, edition.tahun) : undefined;
  atRisk = checkCount(entry, rule, bukti, indicator, fail, p) || atRisk;
  bukti.forEach((b, i) => {
    const at = `${base}.bukti.${i}`;
    const dokumen = documentName(b, i);
    if (rule?.nomor && !b.nomor?.trim()) {
      p.add(
        'bukti_tanpa_nomor',
        'warning',
        'buktiTanpaNomor',
        { indikator: title, dokumen },
        [`${at}.nomor`],
        rules.citation,
        id,
      );
    }
    // A video without a link is checked on its own, as a failure.
    if (!(b.url && opensAsLink(b.url)) && id !== 'video') {
      p.add(
        'bukti_tanpa_berkas',
        'warning',
        'buktiTanpaBerkas',
        { indikator: title, dokumen },
        [`${at}.url`],
        rules.citation,
        id,
      );
    }
    if (period) {
      const periode = interpolate(
        pick(texts()[period.text], p.locale),
        (k) => period[k as 'dari'],
        p.locale,
      );
      if (!b.tanggal) {
        p.add(
          'bukti_tanpa_tanggal',
          'warning',
          'buktiTanpaTanggal',
          { indikator: title, dokumen, periode },
          [`${at}.tanggal`],
          rules.citation,
          id,
        );
      } else {
        const year = b.tanggal.slice(0, 4);
        if ((period.dari !== undefined && year < period.dari) || year > period.sampai) {
          atRisk = true;
          p.add(
            'bukti_di_luar_periode',
            fail,
            'buktiDiLuarPeriode',
            { indikator: title, dokumen, tanggal: b.tanggal, periode },
            [`${at}.tanggal`],
            rules.citation,
            id,
          );
        }
      }
    }
  });
  if (id === 'regulasi') atRisk = checkRegulation(record, entry, bukti, edition, p) || atRisk;
  if (id === 'video') atRisk = checkVideo(entry, bukti, p) || atRisk;
  return atRisk;
}

function checkRegulation(
  record: Innovation,
  entry: Record<string, unknown> | null | undefined,
  bukti: Bukti[],
  edition: Edition | undefined,
  p: Problems,
): boolean {
  const rules = RULES.bukti;
  const claimed = entry?.jenis as string | undefined;
  if (!claimed) return false;
  const kinds = rules.regulasi;
  // The document's kind as people write it: "SK Bupati", "Peraturan Wali Kota Batu 12/2023",
  // "Perda No. 3": its words start with one of the kind's names. The longest name decides
  // ("SK Kepala Dinas" is the agency head's, a bare "SK" may be either decree).
  const matchOf = (b: Bukti, kind: string) => {
    const words = norm(b.jenis);
    const names = (kinds[kind] ?? []).filter((n) => words === n || words.startsWith(`${n}_`));
    return Math.max(0, ...names.map((n) => n.length));
  };
  const isOfClaimedKind = (b: Bukti) => {
    const mine = matchOf(b, claimed);
    return mine > 0 && Object.keys(kinds).every((k) => matchOf(b, k) <= mine);
  };
  const matching = bukti.filter(isOfClaimedKind);
  let atRisk = false;
  if (matching.length === 0) {
    p.add(
      'regulasi_jenis_tidak_sesuai',
      // A document of another kind proves no level, in any edition.
      severity(rules.sumber),
      'regulasiJenisTidakSesuai',
      { jenis: claimed, dokumenJenis: bukti.map((b) => b.jenis) },
      ['indikator.regulasi.jenis', 'indikator.regulasi.bukti'],
      rules.citation,
      'regulasi',
    );
    return true;
  }
  for (const b of matching) {
    if (!b.tanggal) continue;
    const i = bukti.indexOf(b);
    const at = [`indikator.regulasi.bukti.${i}.tanggal`];
    const dokumen = documentName(b, i);
    const year = Number(b.tanggal.slice(0, 4));
    if (claimed === 'sk_kepala_daerah') {
      const applied = record.waktuPenerapan ? Number(record.waktuPenerapan.slice(0, 4)) : undefined;
      if (applied !== undefined && year !== applied) {
        atRisk = true;
        p.add(
          'regulasi_sk_bukan_tahun_penerapan',
          evidenceSeverity(edition),
          'regulasiSkTahun',
          { dokumen, tanggal: b.tanggal, tahunPenerapan: String(applied) },
          at,
          rules.citation,
          'regulasi',
        );
      }
    } else if (edition && year >= edition.tahun) {
      atRisk = true;
      p.add(
        'regulasi_sesudah_edisi',
        evidenceSeverity(edition),
        'regulasiPerdaTahun',
        { dokumen, tanggal: b.tanggal, tahun: String(edition.tahun) },
        at,
        rules.citation,
        'regulasi',
      );
    }
  }
  return atRisk;
}

function checkVideo(
  entry: Record<string, unknown> | null | undefined,
  bukti: Bukti[],
  p: Problems,
): boolean {
  const rule = RULES.video;
  const parts = entry?.substansi;
  if (typeof parts === 'number' && parts < rule.bagian.length) {
    p.add(
      'video_bagian_kurang',
      'warning',
      'videoBagian',
      { substansi: parts, bagian: rule.bagian },
      ['indikator.video.substansi'],
      rule.citation,
      'video',
    );
  }
  if (!bukti.some((b) => b.url && opensAsLink(b.url))) {
    p.add(
      'video_tanpa_tautan',
      severity(rule.sumber),
      'videoTautan',
      {},
      ['indikator.video.bukti'],
      rule.citation,
      'video',
    );
    return true;
  }
  return false;
}

/**
 * How a document against the evidence rules is reported: a failure in the edition the rules are
 * known for (the 2026 app), a warning in any other, whose rules differ in detail.
 */
function evidenceSeverity(edition: Edition | undefined): 'fail' | 'warning' {
  const rules = RULES.bukti;
  return edition?.tahun === rules.tahun ? severity(rules.sumber) : 'warning';
}

/** The years a document may be dated in, as the edition's T-0 gives them. */
function periodOf(
  kind: EvidenceRule['tanggal'],
  tahun: number,
):
  | { dari?: string; sampai: string; text: 'periodeT2T0' | 'periodeT1T0' | 'periodeSampaiT0' }
  | undefined {
  if (kind === 't2_t0')
    return { dari: String(tahun - 2), sampai: String(tahun), text: 'periodeT2T0' };
  if (kind === 't1_t0')
    return { dari: String(tahun - 1), sampai: String(tahun), text: 'periodeT1T0' };
  if (kind === 'sampai_t0') return { sampai: String(tahun), text: 'periodeSampaiT0' };
  return undefined;
}

/**
 * Verifiers count one document per unit claimed (per training, per channel, per year): fewer
 * documents than the claim needs put its points at risk, naming how many are missing.
 */
function checkCount(
  entry: Record<string, unknown> | null | undefined,
  rule: EvidenceRule | undefined,
  bukti: readonly Bukti[],
  indicator: IndicatorScore,
  status: 'fail' | 'warning',
  p: Problems,
): boolean {
  const count = rule?.hitung;
  if (!count || !entry) return false;
  const value = entry[count.field];
  const claimed = Array.isArray(value)
    ? new Set(value).size
    : typeof value === 'number'
      ? value
      : 0;
  const needed = Math.min(claimed, count.maks);
  if (bukti.length >= needed) return false;
  p.add(
    'bukti_kurang',
    status,
    'buktiKurang',
    {
      indikator: indicator.title,
      klaim: claimed,
      satuan: pick(count.satuan, p.locale),
      ada: bukti.length,
      kurang: needed - bukti.length,
    },
    [`indikator.${indicator.id}.bukti`, `indikator.${indicator.id}.${count.field}`],
    RULES.bukti.citation,
    indicator.id,
  );
  return true;
}
