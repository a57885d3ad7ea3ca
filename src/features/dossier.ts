import * as z from 'zod';
import dossierTexts from '../../rules/messages-dossier.json' with { type: 'json' };
import { VERSION } from '../eligibility/basis.js';
import { evaluate } from '../eligibility/evaluate.js';
import type { EvaluateOptions, Evaluation } from '../eligibility/types.js';
import { InvalidOptionError, InvalidRecordError } from '../errors.js';
import type { Locale } from '../messages.js';
import { fill, localeOption, optionNames, unknownOptionIssues } from '../messages.js';
import { contentHash } from '../rule-sets/hash.js';
import { getRuleSet } from '../rule-sets/registry.js';
import type { RuleSet } from '../rule-sets/types.js';
import {
  EMBED_FORMAT,
  EMBED_ID,
  figuresOf,
  figuresOfPage,
  renderDossierHtml,
} from './_dossier-html.js';
import type {
  Dossier,
  DossierOptions,
  DossierSource,
  InnovationDossier,
  InnovationPart,
  RegionDossier,
  Signatory,
  StampedRuleSet,
} from './_dossier-types.js';
import { type PlanOptions, planRegion } from './plan.js';
import { evaluatePortfolio } from './portfolio.js';
import { evaluateRegion } from './region.js';
import { checkSubmission, type SubmissionCheck } from './submission.js';

/**
 * The verification dossier: what a region prints, signs and files for one innovation or for the
 * whole region. {@link innovationDossier} and {@link regionDossier} compute everything a page
 * shows (eligibility with the trace of the facts read, the IGA score, the verifier-style
 * checks, the IID, the agencies' targets, the plan); `renderDossier` turns it into one printable
 * HTML file that embeds its input, so that {@link verifyDossier} can recompute every figure later.
 */

const OPTIONS = optionNames<DossierOptions>({
  locale: true,
  ruleSet: true,
  rubric: true,
  asOf: true,
  date: true,
  place: true,
  signatories: true,
  plan: true,
  units: true,
});

/** The shapes of a dossier, exported beside the functions that make them. */
export type * from './_dossier-types.js';

/** SHA-256 of a value's canonical JSON (RFC 8785), `sha256:<hex>`. @internal */
export const fingerprint = contentHash;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const NIP = /^\d{18}$/;

/** The options checked: a structured error naming the option, never a silent default. */
function checked(options: DossierOptions | undefined): DossierOptions {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new InvalidOptionError([
      { path: ['options'], code: 'invalid_type', message: 'options must be an object' },
    ]);
  }
  const issues = unknownOptionIssues(options, OPTIONS);
  const bad = (path: string[], message: string) =>
    issues.push({ path, code: 'invalid_value', message });
  if (options.date !== undefined && (typeof options.date !== 'string' || !DAY.test(options.date)))
    bad(['date'], 'date must be a day written YYYY-MM-DD');
  if (options.place !== undefined && typeof options.place !== 'string')
    bad(['place'], 'place must be text');
  if (options.plan !== undefined && typeof options.plan !== 'boolean')
    bad(['plan'], 'plan must be true or false');
  if (options.units !== undefined && !Array.isArray(options.units))
    bad(['units'], 'units must be a list of { opd, unitKerja? }');
  for (const [role, person] of Object.entries(options.signatories ?? {})) {
    if (role !== 'kepalaPerangkatDaerah' && role !== 'kepalaBappeda') {
      bad(['signatories', role], 'the roles are kepalaPerangkatDaerah and kepalaBappeda');
      continue;
    }
    const p = person as Signatory | undefined;
    if (p === undefined) continue;
    if (typeof p !== 'object' || p === null) {
      bad(['signatories', role], 'a signatory is { nama?, nip? }');
      continue;
    }
    if (p.nama !== undefined && typeof p.nama !== 'string')
      bad(['signatories', role, 'nama'], 'nama must be text');
    if (p.nip !== undefined && (typeof p.nip !== 'string' || !NIP.test(p.nip.replace(/\s/g, ''))))
      bad(['signatories', role, 'nip'], 'a NIP is 18 digits');
  }
  if (issues.length > 0) throw new InvalidOptionError(issues);
  return options;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Evaluate's options from a dossier's: the trace always, the rule set and rubric when given. */
function evaluateOptions(options: DossierOptions, locale: Locale): EvaluateOptions {
  return {
    locale,
    explain: true,
    ...(options.ruleSet !== undefined ? { ruleSet: options.ruleSet } : {}),
    ...(options.rubric !== undefined ? { rubric: options.rubric } : {}),
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
  };
}

/** The verifier-style check's options from a dossier's: the rubric and the day, when given. */
const submissionOptions = (options: DossierOptions, locale: Locale) => ({
  locale,
  ...(options.rubric !== undefined ? { rubric: options.rubric } : {}),
  ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
});

/** The rule sets named by evaluations' bases, each once, eligibility first. */
function stamped(evaluations: readonly Evaluation[]): StampedRuleSet[] {
  const out = new Map<string, StampedRuleSet>();
  for (const key of ['ruleSet', 'rubric'] as const) {
    for (const e of evaluations) {
      const b = e.basis[key];
      if (!out.has(b.id))
        out.set(b.id, { id: b.id, edition: b.edition, title: b.title, hash: b.hash });
    }
  }
  return [...out.values()];
}

/** The legal sources and assumptions of the rule sets used (and those they extend). */
function sourcesOf(
  ids: readonly string[],
  locale: Locale,
): { sources: DossierSource[]; assumptions: string[] } {
  const sources = new Map<string, DossierSource>();
  const assumptions = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    let ruleSet: RuleSet;
    try {
      ruleSet = getRuleSet(id);
    } catch {
      return; // a rule set given as a file: its sources are in the file
    }
    for (const s of ruleSet.legalBasis) {
      if (!sources.has(s.id))
        sources.set(s.id, {
          citation: s.citation,
          title: s.title,
          ...(s.url !== undefined ? { url: s.url } : {}),
          status: s.status,
        });
    }
    for (const a of ruleSet.assumptions) assumptions.set(`${id}:${a.id}`, a.text[locale]);
  };
  for (const id of ids) visit(id);
  return { sources: [...sources.values()], assumptions: [...assumptions.values()] };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The dossier of one innovation, or of several printed one after another: each record's
 * eligibility with the facts every criterion read, its IGA score per indicator with the
 * evidence and what the verifier-style checks found, the stamp and the signature block.
 *
 * @param records - one innovation record, or a list of them
 * @param options - language, rule set, rubric, dates, place and signatories
 * @returns the dossier, to render with `renderDossier`
 * @throws {@link index!InvalidRecordError} when a record is not valid (its position in `path`)
 * @throws {@link index!InvalidOptionError} for an unknown or ill-typed option
 * @example
 * ```ts
 * import { innovationDossier, renderDossier } from 'inovasi-rules/dossier';
 * const html = renderDossier(await innovationDossier(record, { date: '2026-07-01' }));
 * ```
 */
export async function innovationDossier(
  records: unknown,
  options?: DossierOptions,
): Promise<InnovationDossier> {
  const o = checked(options);
  const locale = o.locale ?? 'id';
  const list = Array.isArray(records) ? records : [records];
  if (list.length === 0) {
    throw new InvalidRecordError([
      { path: [], code: 'too_small', message: 'no innovation record given' },
    ]);
  }
  const innovations: InnovationPart[] = [];
  for (const [i, record] of list.entries()) {
    try {
      const evaluation = await evaluate(record, evaluateOptions(o, locale));
      const submission = await checkSubmission(record, submissionOptions(o, locale));
      innovations.push({
        record: structuredClone(record as object) as Record<string, unknown>,
        evaluation,
        submission,
      });
    } catch (error) {
      if (error instanceof InvalidRecordError && Array.isArray(records)) {
        throw new InvalidRecordError(error.issues.map((x) => ({ ...x, path: [i, ...x.path] })));
      }
      throw error;
    }
  }
  const ruleSets = stamped(innovations.map((p) => p.evaluation));
  const first = innovations[0]?.record;
  const place = o.place ?? (typeof first?.pemda === 'string' ? first.pemda : '');
  return {
    kind: 'innovation',
    locale,
    options: pickDefined(o, ['ruleSet', 'rubric', 'asOf']),
    sign: { place, signatories: o.signatories ?? {} },
    innovations,
    ...sourcesOf(
      ruleSets.map((r) => r.id),
      locale,
    ),
    stamp: {
      ruleSets,
      version: VERSION,
      date: o.date ?? today(),
      record: fingerprint(innovations.map((p) => p.record)),
    },
  };
}

/**
 * The dossier of a region: its IID with the parts and the band, each innovation's verdict,
 * proven points and points at risk, the agencies against *Satu OPD Satu Inovasi*, the plan when
 * asked, the stamp and the signature blocks of the agencies' heads and of Bappeda/BRIDA.
 *
 * @param region - the region record, `{ pemda, tahun, spd, inovasi }` (as `evaluateRegion`)
 * @param options - language, rule set, rubric, dates, place, signatories, plan and units
 * @returns the dossier, to render with `renderDossier`
 * @throws {@link index!InvalidRecordError} when the region or one of its innovations is not valid
 * @throws {@link index!InvalidOptionError} for an unknown or ill-typed option
 */
export async function regionDossier(
  region: unknown,
  options?: DossierOptions,
): Promise<RegionDossier> {
  const o = checked(options);
  const locale = o.locale ?? 'id';
  const evaluated = await evaluateRegion(region, evaluateOptions(o, locale));
  const input = region as { pemda: string; tahun: number; inovasi: unknown[] };
  // Each innovation is checked as the region reports it: its region and year, unless it says so.
  const ofRegion = (record: unknown) =>
    isObject(record) ? { pemda: input.pemda, tahun: input.tahun, ...record } : record;
  const submissions: SubmissionCheck[] = [];
  for (const record of input.inovasi) {
    submissions.push(await checkSubmission(ofRegion(record), submissionOptions(o, locale)));
  }
  const records = input.inovasi.map(ofRegion);
  const units =
    o.units ??
    [...new Set(records.map((r) => (isObject(r) && typeof r.opd === 'string' ? r.opd.trim() : '')))]
      .filter((opd) => opd !== '')
      .map((opd) => ({ opd }));
  const portfolio = await evaluatePortfolio(
    { pemda: input.pemda, tahun: input.tahun, units, inovasi: records },
    { locale, ...(o.ruleSet !== undefined ? { ruleSet: o.ruleSet } : {}) },
  );
  const plan = o.plan
    ? await planRegion(region, {
        locale,
        maxSteps: 20,
        ...(o.ruleSet !== undefined ? { ruleSet: o.ruleSet } : {}),
        ...(o.rubric !== undefined ? { rubric: o.rubric } : {}),
      } as PlanOptions)
    : undefined;
  const ruleSets = stamped(evaluated.innovations.map((i) => i.evaluation));
  if (ruleSets.length === 0) {
    ruleSets.push(
      { ...evaluated.basis.ruleSet, title: evaluated.basis.ruleSet.title },
      { ...evaluated.basis.rubric, title: evaluated.basis.rubric.title },
    );
  }
  const record = structuredClone(region as object) as Record<string, unknown>;
  return {
    kind: 'region',
    locale,
    options: pickDefined(o, ['ruleSet', 'rubric', 'asOf', 'plan', 'units']),
    sign: { place: o.place ?? input.pemda, signatories: o.signatories ?? {} },
    record,
    region: evaluated,
    submissions,
    portfolio,
    ...(plan ? { plan } : {}),
    ...sourcesOf(
      ruleSets.map((r) => r.id),
      locale,
    ),
    stamp: {
      ruleSets: ruleSets.map(({ id, edition, title, hash }) => ({ id, edition, title, hash })),
      version: VERSION,
      date: o.date ?? today(),
      record: fingerprint(record),
    },
  };
}

function pickDefined<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/** One figure that differs when recomputed. */
export interface FigureDifference {
  /** The figure's key on the page, e.g. `i1.proven`, `iid`, `n3.verdict`. */
  figure: string;
  /** As the dossier shows it (absent: the dossier does not show it). */
  onPage?: string;
  /** As recomputed now (absent: no longer computed). */
  now?: string;
}

/** A rule set of the stamp, compared with the one in force now. */
export interface RuleSetCheck {
  /** Its id. */
  id: string;
  /** Its hash in the dossier (absent: the dossier did not use it). */
  was?: string;
  /** Its hash now (absent: not used now). */
  now?: string;
  /** Whether it differs. */
  changed: boolean;
}

/** The result of {@link verifyDossier}. */
export interface DossierVerification {
  /** Whether every figure recomputes to what the dossier shows, and its data is intact. */
  agree: boolean;
  /** `innovation` or `region`. */
  kind: Dossier['kind'];
  /** How many figures were compared. */
  figures: number;
  /** The figures that differ. */
  differences: FigureDifference[];
  /** Each rule set of the stamp and now: a changed hash says which rule set changed. */
  ruleSets: RuleSetCheck[];
  /** The version that made the dossier, and this one. */
  version: {
    /** The version that made it. */
    was: string;
    /** This version. */
    now: string;
  };
  /** Whether the embedded data still matches its fingerprint in the stamp. */
  dataIntact: boolean;
  /** What all this means, in the dossier's language, one sentence each. */
  messages: string[];
}

const EmbedSchema = z.strictObject({
  format: z.literal(EMBED_FORMAT),
  kind: z.enum(['innovation', 'region']),
  locale: z.enum(['id', 'en']),
  options: z.record(z.string(), z.unknown()),
  sign: z.object({ place: z.string(), signatories: z.record(z.string(), z.unknown()) }),
  input: z.unknown(),
  stamp: z.object({
    ruleSets: z.array(z.object({ id: z.string(), edition: z.string(), hash: z.string() })),
    version: z.string(),
    date: z.string().regex(DAY),
    record: z.string(),
  }),
  figures: z.record(z.string(), z.string()),
});

/** The embedded JSON of a page, or the JSON itself. */
function embedIn(source: unknown, L: Locale): { embed: unknown; page?: string } {
  if (typeof source !== 'string') return { embed: source };
  const text = source.replace(/^\uFEFF/, '');
  if (/^\s*[{[]/.test(text)) return { embed: parseJson(text, L) };
  const m = new RegExp(
    `<script type="application/json" id="${EMBED_ID}">([\\s\\S]*?)</script>`,
  ).exec(text);
  if (!m) {
    throw new InvalidOptionError([
      {
        path: ['dossier'],
        code: 'no_dossier',
        message: dossierTexts.verify.noDossier[L],
      },
    ]);
  }
  return { embed: parseJson(m[1] as string, L), page: text };
}

function parseJson(text: string, L: Locale): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidOptionError([
      {
        path: ['dossier'],
        code: 'invalid_json',
        message: dossierTexts.verify.notJson[L].replace('{why}', (error as Error).message),
      },
    ]);
  }
}

/**
 * Recomputes a dossier from the data it embeds, with the rule sets in force now, and says
 * whether every figure it shows still agrees; when not, which figures differ and which rule set
 * changed (its hash). A page's visible figures are read from the page itself, so a figure edited
 * by hand is found too.
 *
 * @param source - the dossier's HTML, or the JSON it embeds (as text or parsed)
 * @param options - `locale`: the language of the messages (default the dossier's)
 * @returns what agrees and what does not
 * @throws {@link index!InvalidOptionError} when the source holds no dossier (`no_dossier`) or
 * its data is not a dossier's (each problem with its path)
 * @throws {@link index!UnknownRuleSetError} when a rule set it names is not loaded (load its file
 * with `loadRuleSet` first)
 */
export async function verifyDossier(
  source: unknown,
  options?: { locale?: Locale },
): Promise<DossierVerification> {
  const o = localeOption(options);
  const { embed, page } = embedIn(source, o.locale ?? 'id');
  const parsed = EmbedSchema.safeParse(embed);
  if (!parsed.success) {
    throw new InvalidOptionError(
      parsed.error.issues.map((i) => ({
        path: ['dossier', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
        code: i.code,
        message: i.message,
      })),
    );
  }
  const e = parsed.data;
  const again: DossierOptions = {
    ...(e.options as DossierOptions),
    locale: e.locale,
    date: e.stamp.date,
    place: e.sign.place,
    signatories: e.sign.signatories as DossierOptions['signatories'],
  };
  const now =
    e.kind === 'innovation'
      ? await innovationDossier(e.input, again)
      : await regionDossier(e.input, again);
  const recomputed = figuresOf(now);
  const shown = page ? figuresOfPage(page) : new Map(Object.entries(e.figures));
  const differences: FigureDifference[] = [];
  for (const key of new Set([...shown.keys(), ...recomputed.keys()])) {
    const onPage = shown.get(key);
    const again = recomputed.get(key);
    if (onPage !== again) {
      differences.push({
        figure: key,
        ...(onPage !== undefined ? { onPage } : {}),
        ...(again !== undefined ? { now: again } : {}),
      });
    }
  }
  const was = new Map(e.stamp.ruleSets.map((r) => [r.id, r.hash]));
  const is = new Map(now.stamp.ruleSets.map((r) => [r.id, r.hash]));
  const ruleSets: RuleSetCheck[] = [...new Set([...was.keys(), ...is.keys()])].map((id) => {
    const a = was.get(id);
    const b = is.get(id);
    return { id, ...(a ? { was: a } : {}), ...(b ? { now: b } : {}), changed: a !== b };
  });
  const dataIntact = fingerprint(e.input) === e.stamp.record;
  const L = o.locale ?? e.locale;
  const t = dossierTexts.verify;
  const said = (text: { id: string; en: string }, values: Record<string, string | number>) =>
    fill(text[L], values);
  const messages = [
    differences.length === 0
      ? said(t.agree, { count: recomputed.size })
      : said(t.disagree, {
          differ: differences.length,
          count: Math.max(recomputed.size, shown.size),
        }),
    ...differences.map((d) =>
      said(t.figure, { figure: d.figure, page: d.onPage ?? '—', now: d.now ?? '—' }),
    ),
    ...(dataIntact ? [] : [t.recordChanged[L]]),
    ...ruleSets.map((r) =>
      r.changed
        ? said(t.ruleSetChanged, { id: r.id, was: r.was ?? '—', now: r.now ?? '—' })
        : said(t.ruleSetSame, { id: r.id, hash: r.now ?? '' }),
    ),
    ...(e.stamp.version !== VERSION
      ? [said(t.versionChanged, { was: e.stamp.version, now: VERSION })]
      : []),
  ];
  return {
    agree: differences.length === 0 && dataIntact,
    kind: e.kind,
    figures: recomputed.size,
    differences,
    ruleSets,
    version: { was: e.stamp.version, now: VERSION },
    dataIntact,
    messages,
  };
}

/**
 * The dossier as one self-contained HTML file: A4 print CSS with page numbers and the stamp on
 * every page, tables that never cut a row, signature blocks, and the input embedded for
 * {@link verifyDossier}. Indonesian by default (the dossier's language).
 *
 * @param dossier - from {@link innovationDossier} or {@link regionDossier}
 * @returns the HTML text
 */
export function renderDossier(dossier: Dossier): string {
  return renderDossierHtml(dossier);
}
