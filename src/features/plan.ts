import planner from '../../rules/planner.json' with { type: 'json' };
import type { Condition } from '../conditions/condition.js';
import type { Basis } from '../eligibility/basis.js';
import { type Evaluator, optionsObject } from '../eligibility/evaluator.js';
import { createEvaluator, EVALUATE_OPTIONS } from '../eligibility/pipeline.js';
import { defaultScope, type Scope } from '../eligibility/scope.js';
import type { EvaluateOptions, Evaluation } from '../eligibility/types.js';
import { InvalidOptionError } from '../errors.js';
import { formatAt, interpolate, type Locale, optionNames, pick } from '../messages.js';
import { findUrusan } from '../record/urusan.js';
import type { Band as BandId, RubricIndicator } from '../rule-sets/rubric-format.js';
import type { RubricRuleSet } from '../rule-sets/types.js';
import {
  computeIndex,
  evaluateRegion,
  evaluateRegionIn,
  type IndexPart,
  indexTotal,
  type RegionEvaluation,
} from './region.js';
import { implementationWindow } from './submission.js';
import { TEXTS } from './texts.js';

/**
 * The region's plan: the steps that take its Indeks Inovasi Daerah to a target band, cheapest
 * first, each with its exact gain given the steps before it.
 */

/** Options of {@link planRegion}. */
export interface PlanOptions extends EvaluateOptions {
  /** The band to reach; by default the one above the region's band. */
  target?: BandId;
  /** At most this many steps (default 1000). */
  maxSteps?: number;
}

const PLAN_OPTIONS = [
  ...EVALUATE_OPTIONS,
  ...optionNames<Omit<PlanOptions, keyof EvaluateOptions>>({ target: true, maxSteps: true }),
];

/** What a step does. */
export type PlanStepKind =
  | 'fix_eligibility'
  | 'attach_evidence'
  | 'raise_level'
  | 'raise_spd'
  | 'add_innovation';

/** One step of a plan. */
export interface PlanStep {
  /** `attach_evidence`, `raise_level`, `raise_spd` or `add_innovation`. */
  kind: PlanStepKind;
  /** The innovation's position in the plan's `region.inovasi` (a new one for `add_innovation`). */
  innovation?: number;
  /** The innovation's name. */
  nama?: string;
  /** The IGA indicator (`sdm`, `video`, …) for evidence and levels. */
  indicator?: string;
  /** The level an indicator or SPD indicator reaches. */
  level?: number;
  /** The affair of a new innovation (an urusan id). */
  affair?: string;
  /** The SPD indicator raised. */
  spd?: string;
  /** The exact change of the IID by this step, given the steps before it (to 0.01). */
  gain: number;
  /** The IID after this step. */
  iidAfter: number;
  /** What to do, in the requested locale. */
  message: string;
  /** Paths in the region record the step changes, e.g. `inovasi.3.indikator.sdm.bukti`. */
  fields: string[];
}

/** The result of {@link planRegion}. */
export interface RegionPlan {
  /** The region's IID now. */
  iid: number;
  /** Its band now. */
  band: BandId;
  /** The band the plan aims at, and the IID it takes. */
  target: {
    /** The band aimed at. */
    band: BandId;
    /** The lowest IID of that band. */
    min: number;
  };
  /** Whether the steps reach the target. */
  reaches: boolean;
  /** The IID and band after every step. */
  after: {
    /** The IID after every step. */
    iid: number;
    /** The band after every step. */
    band: BandId;
  };
  /** The steps, in order. */
  steps: PlanStep[];
  /** One sentence on the plan, in the requested locale. */
  summary: string;
  /** The region record with every step applied: `evaluateRegion(region).iid === after.iid`. */
  region: Record<string, unknown>;
  /** Which rules decided: those of the region's evaluation the plan starts from. */
  basis: Basis;
}

type Json = Record<string, unknown>;
type Leaf = { fact: string; path?: string; operator: string; value: unknown };

interface Candidate {
  kind: PlanStepKind;
  /**
   * Ranks candidates: evidence for points already claimed (0), then levels, SPD levels and the
   * new innovations that complete the basic-service rule (1), then a new innovation only to lift
   * the count (2): a whole innovation's work, where a level is one document.
   */
  tier: 0 | 1 | 2;
  innovation?: number;
  indicator?: string;
  level?: number;
  spd?: string;
  affair?: string;
  /** The changed innovation (or the new one), evaluated. */
  record?: Json;
  evaluation?: Evaluation;
  changed?: string;
  /** The fields of the indicator's entry a level step changes. */
  changedKeys?: string[];
  /** For a bundle of new innovations towards the basic-service rule: all of its affairs. */
  bundle?: string[];
  total: number;
}

const DEFAULT_MAX_STEPS = 1000;
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Plans how a region reaches a target band of the Indeks Inovasi Daerah: which evidence to
 * attach, which indicator levels to raise in which innovation, which SPD levels to raise, and
 * which innovations to add (in a basic-service affair that is missing, or to lift the count), in
 * order. *Cheapest* means: first attach evidence for points already claimed (documents that
 * exist, the least work), largest gain first; then, step by step, the change with the largest
 * IID gain among levels, SPD levels and the new innovations that complete the basic-service rule
 * (such a bundle counts by its gain per innovation); a new innovation only to lift the count
 * comes last, when nothing else gains. Each step's `gain` is exact: the divisor max(floor, n), the count points and
 * the coverage rule are recomputed after every step. The order is greedy, not optimal in every
 * case (see the README).
 *
 * @param region - `{ pemda, tahun, spd, inovasi }`, as for {@link evaluateRegion}
 * @param options - `target` band, `maxSteps`, and the options of {@link evaluateRegion}
 * @returns the steps, the IID after each, and the region with every step applied
 * @throws {@link index!InvalidRecordError} when the region is not valid
 * @throws {@link index!InvalidOptionError} for an unknown target or a bad `maxSteps`
 * @example
 * ```ts
 * const plan = await planRegion(region);
 * plan.steps[0]; // { kind: 'attach_evidence', innovation: 2, indicator: 'sdm', gain: 0.35, … }
 * (await evaluateRegion(plan.region)).iid === plan.after.iid; // true
 * ```
 */
export async function planRegion(region: unknown, options: PlanOptions = {}): Promise<RegionPlan> {
  return planRegionIn(defaultScope(), region, options);
}

/**
 * {@link planRegion} with the rule sets of a scope (an engine's).
 *
 * @internal
 */
export function planRegionIn(scope: Scope, region: unknown, options: PlanOptions = {}): RegionPlan {
  const {
    target: targetOption,
    maxSteps: maxOption,
    ...evaluateOptions
  } = optionsObject(options, PLAN_OPTIONS) as PlanOptions;
  const maxSteps = maxOption ?? DEFAULT_MAX_STEPS;
  if (!Number.isInteger(maxSteps) || maxSteps < 0 || maxSteps > 10_000) {
    throw new InvalidOptionError([
      {
        path: ['maxSteps'],
        code: 'invalid_value',
        message: 'maxSteps must be a whole number from 0 to 10000',
      },
    ]);
  }
  const start = evaluateRegionIn(scope, region, evaluateOptions);
  const evaluator = createEvaluator(
    {
      ...evaluateOptions,
      ruleSet: evaluateOptions.ruleSet ?? start.ruleSet.id,
      rubric: evaluateOptions.rubric ?? start.rubric.id,
    },
    undefined,
    scope,
  );
  const { rubric, locale } = evaluator;
  const bands = rubric.region.bands;
  const targetBand =
    targetOption === undefined
      ? bands.find((b) => b.id === (start.nextBand?.band ?? start.band))
      : bands.find((b) => b.id === targetOption);
  if (!targetBand) {
    throw new InvalidOptionError([
      {
        path: ['target'],
        code: 'invalid_value',
        message: `target must be one of ${bands.map((b) => b.id).join(', ')}`,
      },
    ]);
  }

  const planned = new Plan(region as Json, start, evaluator, rubric, locale);
  const steps: PlanStep[] = [];
  while (planned.iid < targetBand.min - 1e-9 && steps.length < maxSteps) {
    const next = planned.best();
    if (!next) break;
    for (const step of planned.apply(next)) {
      if (steps.length < maxSteps) steps.push(step);
    }
  }
  const after = planned.index();
  const reaches = after.iid >= targetBand.min - 1e-9;
  const values: Record<string, unknown> = {
    iid: start.iid,
    band: start.bandTitle,
    iidAfter: after.iid,
    bandAfter: after.bandTitle,
    steps: steps.length,
    target: pick(targetBand.title, locale),
    min: targetBand.min,
  };
  const t = TEXTS.plan;
  return {
    iid: start.iid,
    band: start.band,
    target: { band: targetBand.id, min: targetBand.min },
    reaches,
    after: { iid: after.iid, band: after.band.id },
    steps,
    summary: interpolate(
      pick(reaches ? t.summaryReaches : t.summaryShort, locale),
      (k) => values[k],
      locale,
    ),
    region: planned.region,
    basis: start.basis,
  };
}

/** The region being planned: its record, its innovations' evaluations and its index parts. */
class Plan {
  readonly region: Json;
  private readonly records: Json[];
  private readonly evaluations: Evaluation[];
  private readonly parts: IndexPart[];
  private readonly spd: Record<string, number>;
  private readonly tahun: number;
  /** Candidate changes of each innovation, kept until that innovation changes. */
  private readonly cache = new Map<number, Candidate[]>();

  constructor(
    input: Json,
    start: RegionEvaluation,
    private readonly evaluator: Evaluator,
    private readonly rubric: RubricRuleSet,
    private readonly locale: Locale,
  ) {
    // The region was validated: a JSON copy is the caller's data, never their objects.
    this.region = JSON.parse(JSON.stringify(input)) as Json;
    this.records = this.region.inovasi as Json[];
    this.spd = { ...((this.region.spd as Record<string, number> | undefined) ?? {}) };
    this.region.spd = this.spd;
    this.tahun = start.tahun;
    this.evaluations = start.innovations.map((i) => i.evaluation);
    this.parts = start.innovations.map((i, at) => ({
      kematangan: i.kematangan,
      rejected: i.rejected,
      urusan: urusanOf(this.records[at]),
    }));
  }

  get iid(): number {
    return this.index().iid;
  }

  index(parts: readonly IndexPart[] = this.parts, spd: Record<string, number> = this.spd) {
    return computeIndex(this.rubric, spd, parts, this.locale);
  }

  /** The exact total score of a candidate state, without writing the index's texts. */
  total(parts: readonly IndexPart[] = this.parts, spd: Record<string, number> = this.spd): number {
    return indexTotal(this.rubric, spd, parts);
  }

  private evaluate(record: Json): Evaluation {
    return this.evaluator.evaluate(
      record.tahun == null ? { ...record, tahun: this.tahun } : record,
    );
  }

  private part(evaluation: Evaluation, record: Json): IndexPart {
    const rejected = evaluation.verdict === 'not_eligible';
    return {
      kematangan: rejected ? 0 : evaluation.score.proven,
      rejected,
      urusan: urusanOf(record),
    };
  }

  /** The best next change: evidence first (largest gain), then the largest gain per step. */
  best(): Candidate | undefined {
    const current = this.total();
    const all = [...this.innovationCandidates(), ...this.spdCandidates(), ...this.addCandidates()];
    let best: Candidate | undefined;
    let bestGain = 0;
    for (const tier of [0, 1, 2] as const) {
      for (const c of all) {
        if (c.tier !== tier) continue;
        const gain = (c.total - current) / (c.bundle?.length ?? 1);
        if (gain > bestGain + 1e-12) {
          best = c;
          bestGain = gain;
        }
      }
      if (best) return best;
    }
    // Mending a rejected innovation that has no proven points yet gains nothing by itself, but
    // opens its levels and evidence to the next steps: taken when nothing else gains.
    return all.find((c) => c.kind === 'fix_eligibility' && c.total - current >= -1e-12);
  }

  private innovationCandidates(): Candidate[] {
    const out: Candidate[] = [];
    this.evaluations.forEach((evaluation, at) => {
      let list = this.cache.get(at);
      if (!list) {
        // A rejected innovation's points count for nothing until its failing criteria are mended.
        list = this.parts[at]?.rejected
          ? this.fixesOf(at, evaluation)
          : this.changesOf(at, evaluation);
        this.cache.set(at, list);
      }
      for (const c of list) {
        const parts = [...this.parts];
        parts[at] = this.part(c.evaluation as Evaluation, c.record as Json);
        out.push({ ...c, total: this.total(parts) });
      }
    });
    return out;
  }

  /**
   * The change that mends a rejected innovation: each failing condition set to what it expects
   * (a levy given its regulation, a benefit named), kept only when the innovation is then no
   * longer rejected.
   */
  private fixesOf(at: number, evaluation: Evaluation): Candidate[] {
    const changed: Json = structuredClone(this.records[at] as Json);
    const fixed: string[] = [];
    for (const criterion of evaluation.criteria) {
      for (const reason of criterion.reasons) {
        if (reason.status !== 'fail') continue;
        for (const expected of reason.expected ?? []) {
          const value = fixValue(expected.operator, expected.value);
          if (value === undefined || expected.field.includes('.')) continue;
          changed[expected.field] = value;
          fixed.push(expected.field);
          break; // one leaf is enough to meet an `any`; an `all` lists each of its leaves
        }
      }
    }
    if (fixed.length === 0) return [];
    const after = this.evaluate(changed);
    if (after.verdict === 'not_eligible') return [];
    const failing = evaluation.criteria
      .filter((c) => c.status === 'fail')
      .map((c) => c.ref ?? c.id);
    return [
      {
        kind: 'fix_eligibility',
        tier: 1,
        innovation: at,
        record: changed,
        evaluation: after,
        changed: failing.join(', '),
        changedKeys: [...new Set(fixed)],
        total: 0,
      },
    ];
  }

  /** Evidence for each claimed indicator, and the next level of each indicator, of one innovation. */
  private changesOf(at: number, evaluation: Evaluation): Candidate[] {
    const record = this.records[at] as Json;
    const out: Candidate[] = [];
    for (const score of evaluation.score.indicators) {
      const def = this.rubric.indicators.find((i) => i.id === score.id);
      if (!def) continue;
      if (score.points > 0 && !score.proven) {
        const changed = withIndicator(record, score.id, (entry) => ({
          ...entry,
          bukti: [this.plannedEvidence(score.title)],
        }));
        out.push({
          kind: 'attach_evidence',
          tier: 0,
          innovation: at,
          indicator: score.id,
          level: score.level,
          record: changed,
          evaluation: this.evaluate(changed),
          total: 0,
        });
      }
      if (score.level < 3) {
        const raised = this.raise(record, def, score.level + 1, score.title);
        if (raised) out.push({ ...raised, innovation: at, total: 0 });
      }
    }
    return out;
  }

  /** The least change of one indicator that reaches `level`, verified by scoring it. */
  private raise(
    record: Json,
    def: RubricIndicator,
    level: number,
    title: string,
  ): Omit<Candidate, 'total'> | undefined {
    const conditions = def.levels.find((l) => l.level === level)?.conditions as
      | Condition
      | undefined;
    if (!conditions) return undefined;
    const current = ((record.indikator as Json | undefined)?.[def.id] as Json | null) ?? {};
    const year = (record.tahun as number | undefined) ?? this.tahun;
    // Ways that keep what the entry already says (its kemanfaatan basis) are tried first.
    const conflicts = (leaves: Leaf[]) =>
      leaves.filter((l) => {
        const field = l.path?.slice(def.id.length + 1) ?? '';
        return l.operator === 'equal' && current[field] != null && current[field] !== l.value;
      }).length;
    const ways = alternatives(conditions)
      .map((leaves, i) => ({ leaves, i, cost: conflicts(leaves) }))
      .sort((a, b) => a.cost - b.cost || a.i - b.i)
      .map((w) => w.leaves);
    for (const leaves of ways) {
      const entry: Json = { ...current };
      for (let pass = 0; pass < 2; pass++)
        for (const leaf of leaves) assign(entry, leaf, def.id, year);
      const bukti =
        Array.isArray(current.bukti) && current.bukti.length > 0
          ? current.bukti
          : [this.plannedEvidence(title)];
      const changed = withIndicator(record, def.id, () => ({ ...entry, bukti }));
      const evaluation = this.evaluate(changed);
      const reached = evaluation.score.indicators.find((i) => i.id === def.id)?.level ?? 0;
      if (reached < level) continue;
      const keys = Object.keys(entry).filter(
        (k) => k !== 'bukti' && JSON.stringify(entry[k]) !== JSON.stringify(current[k]),
      );
      const shown = keys.map((k) => `${k} = ${formatAt(k, entry[k], this.locale)}`).join(', ');
      return {
        kind: 'raise_level',
        tier: 1,
        indicator: def.id,
        level: reached,
        record: changed,
        evaluation,
        changed: shown,
        changedKeys: keys,
      };
    }
    return undefined;
  }

  private plannedEvidence(title: string) {
    const nama = interpolate(pick(planner.evidence.nama, this.locale), () => title, this.locale);
    return { jenis: planner.evidence.jenis, nama };
  }

  private spdCandidates(): Candidate[] {
    return this.rubric.region.spd
      .filter((s) => (this.spd[s.id] ?? 0) < 3)
      .map((s) => {
        const level = (this.spd[s.id] ?? 0) + 1;
        return {
          kind: 'raise_spd' as const,
          tier: 1 as const,
          spd: s.id,
          level,
          total: this.total(this.parts, { ...this.spd, [s.id]: level }),
        };
      });
  }

  /** New innovations: a bundle that completes the basic-service rule, and one to lift the count. */
  private addCandidates(): Candidate[] {
    const rule = this.rubric.region.basicServiceRule;
    const covered = new Set(this.parts.filter((p) => !p.rejected).flatMap((p) => p.urusan));
    const out: Candidate[] = [];
    const newPart = (affair: string): IndexPart => ({
      kematangan: 0,
      rejected: false,
      urusan: [affair],
    });
    if (rule) {
      const missing = rule.urusan.filter((u) => !covered.has(u));
      const need = rule.minCovered - (rule.urusan.length - missing.length);
      if (need > 0) {
        const bundle = missing.slice(0, need);
        const total = this.total([...this.parts, ...bundle.map(newPart)]);
        out.push({ kind: 'add_innovation', tier: 1, affair: bundle[0], bundle, total });
      }
    }
    const affair = rule?.urusan.find((u) => !covered.has(u)) ?? this.mainAffair();
    if (affair) {
      const total = this.total([...this.parts, newPart(affair)]);
      out.push({ kind: 'add_innovation', tier: 2, affair, total });
    }
    return out;
  }

  private mainAffair(): string | undefined {
    const counts = new Map<string, number>();
    for (const p of this.parts) for (const u of p.urusan) counts.set(u, (counts.get(u) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  }

  /** Applies a change to the region and returns its steps (several for a bundle). */
  apply(c: Candidate): PlanStep[] {
    const t = TEXTS.plan;
    const before = this.iid;
    if (c.kind === 'raise_spd' && c.spd) {
      this.spd[c.spd] = c.level as number;
      const iidAfter = this.iid;
      const def = this.rubric.region.spd.find((s) => s.id === c.spd);
      const values = {
        spd: def ? `${def.number} ${pick(def.title, this.locale)}` : c.spd,
        level: c.level,
        poin: def?.weight,
      };
      return [
        this.step(
          c,
          before,
          iidAfter,
          interpolate(
            pick(t.raiseSpd, this.locale),
            (k) => values[k as keyof typeof values],
            this.locale,
          ),
          [`spd.${c.spd}`],
        ),
      ];
    }
    if (c.kind === 'add_innovation') {
      const steps: PlanStep[] = [];
      for (const affair of c.bundle ?? [c.affair as string]) {
        const stepBefore = this.iid;
        const name = findUrusan(affair)?.name ?? affair;
        const nama = interpolate(pick(t.newInnovation, this.locale), () => name, this.locale);
        // A new innovation counts only if implemented inside the edition's window: the plan's
        // record says so with the window's last day, and the step names the window.
        const window = implementationWindow(this.tahun);
        const record: Json = {
          nama,
          tahun: this.tahun,
          urusan: [affair],
          ...planner.newInnovation,
          waktuPenerapan: window.to,
        };
        const pemda = this.region.pemda;
        if (typeof pemda === 'string') record.pemda = pemda;
        const evaluation = this.evaluate(record);
        this.records.push(record);
        this.evaluations.push(evaluation);
        this.parts.push(this.part(evaluation, record));
        const rule = this.rubric.region.basicServiceRule;
        const values = {
          urusan: name,
          min: rule?.minCovered,
          total: rule?.urusan.length,
          dari: window.from,
          sampai: window.to,
        };
        const text = c.bundle ? t.addForCoverage : t.addInnovation;
        steps.push({
          ...this.step(
            { ...c, affair },
            stepBefore,
            this.iid,
            interpolate(
              pick(text, this.locale),
              (k) => values[k as keyof typeof values],
              this.locale,
            ),
            [`inovasi.${this.records.length - 1}`],
          ),
          innovation: this.records.length - 1,
          nama,
        });
      }
      return steps;
    }
    const at = c.innovation as number;
    const old = this.evaluations[at] as Evaluation;
    this.records[at] = c.record as Json;
    this.evaluations[at] = c.evaluation as Evaluation;
    this.parts[at] = this.part(c.evaluation as Evaluation, c.record as Json);
    this.cache.delete(at);
    const iidAfter = this.iid;
    const score = (c.evaluation as Evaluation).score.indicators.find((i) => i.id === c.indicator);
    const oldPoints = old.score.indicators.find((i) => i.id === c.indicator);
    const values: Record<string, unknown> = {
      nama: old.nama,
      indikator: score?.title,
      level: score?.level,
      nilai: c.changed,
      poin: (score?.points ?? 0) - (oldPoints?.proven ? oldPoints.points : 0),
    };
    if (c.kind === 'fix_eligibility') {
      const values = {
        nama: old.nama,
        kriteria: c.changed,
        isian: (c.changedKeys ?? []).join(', '),
        poin: (c.evaluation as Evaluation).score.proven,
      };
      const message = interpolate(
        pick(t.fixEligibility, this.locale),
        (k) => values[k as keyof typeof values],
        this.locale,
      );
      const fields = (c.changedKeys ?? []).map((k) => `inovasi.${at}.${k}`);
      return [{ ...this.step(c, before, iidAfter, message, fields), nama: old.nama }];
    }
    const text = c.kind === 'attach_evidence' ? t.attachEvidence : t.raiseLevel;
    const base = `inovasi.${at}.indikator.${c.indicator}`;
    const fields =
      c.kind === 'attach_evidence'
        ? [`${base}.bukti`]
        : [...(c.changedKeys ?? []).map((k) => `${base}.${k}`), `${base}.bukti`];
    return [
      {
        ...this.step(
          c,
          before,
          iidAfter,
          interpolate(pick(text, this.locale), (k) => values[k], this.locale),
          fields,
        ),
        nama: old.nama,
      },
    ];
  }

  private step(
    c: Candidate,
    before: number,
    iidAfter: number,
    message: string,
    fields: string[],
  ): PlanStep {
    return {
      kind: c.kind,
      ...(c.innovation !== undefined ? { innovation: c.innovation } : {}),
      ...(c.indicator !== undefined ? { indicator: c.indicator } : {}),
      ...(c.level !== undefined ? { level: c.level } : {}),
      ...(c.affair !== undefined ? { affair: c.affair } : {}),
      ...(c.spd !== undefined ? { spd: c.spd } : {}),
      gain: round2(iidAfter - before),
      iidAfter,
      message,
      fields,
    };
  }
}

function urusanOf(record: Json | undefined): string[] {
  const urusan = record?.urusan;
  if (!Array.isArray(urusan)) return [];
  return urusan.map((u) => findUrusan(String(u))?.id ?? String(u));
}

/** The value that meets a failing leaf, for the operators a criterion's checks use. */
function fixValue(operator: string, value: unknown): unknown {
  switch (operator) {
    case 'equal':
      return value;
    case 'in':
      return Array.isArray(value) ? value[0] : undefined;
    default:
      return undefined;
  }
}

function withIndicator(record: Json, id: string, change: (entry: Json) => Json): Json {
  const indikator = { ...((record.indikator as Json | undefined) ?? {}) };
  indikator[id] = change({ ...((indikator[id] as Json | null | undefined) ?? {}) });
  return { ...record, indikator };
}

/** The ways a condition can be met, each as the leaves that must all hold. */
function alternatives(condition: Condition): Leaf[][] {
  const c = condition as { all?: Condition[]; any?: Condition[]; not?: Condition } & Leaf;
  if (c.all) {
    return c.all.reduce<Leaf[][]>(
      (acc, child) =>
        acc.flatMap((prefix) => alternatives(child).map((alt) => [...prefix, ...alt])),
      [[]],
    );
  }
  if (c.any) return c.any.flatMap(alternatives);
  if (c.not) return [];
  return [[c]];
}

/** Changes an indicator entry as little as possible so that a leaf holds. */
function assign(entry: Json, leaf: Leaf, indicator: string, year: number): void {
  if (leaf.fact !== 'indikator' || !leaf.path?.startsWith(`${indicator}.`)) return;
  const field = leaf.path.slice(indicator.length + 1);
  if (field.includes('.')) return;
  const current = entry[field];
  const ref = leaf.value as { fact?: string } | number | string;
  const value =
    typeof ref === 'object' && ref !== null && 'fact' in ref
      ? year - (ref.fact === 'tahunT1' ? 1 : ref.fact === 'tahunT2' ? 2 : 0)
      : ref;
  const n = typeof current === 'number' ? current : undefined;
  switch (leaf.operator) {
    case 'equal':
      entry[field] = value;
      break;
    case 'greaterThanInclusive':
      if (!(n !== undefined && n >= (value as number))) entry[field] = value;
      break;
    case 'greaterThan':
      if (!(n !== undefined && n > (value as number))) entry[field] = (value as number) + 1;
      break;
    case 'lessThanInclusive':
      if (!(n !== undefined && n <= (value as number))) entry[field] = value;
      break;
    case 'lessThan':
      if (!(n !== undefined && n < (value as number))) entry[field] = (value as number) - 1;
      break;
    case 'contains': {
      const list = Array.isArray(current) ? [...current] : [];
      if (!list.includes(value)) list.push(value);
      entry[field] = list.sort();
      break;
    }
  }
}
