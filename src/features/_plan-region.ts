/**
 * The region as the planner changes it: its records, their evaluations and index parts, the
 * candidate steps of each innovation with their exact gains, and the person-days of each step.
 * The greedy order and the optimiser's choice (`plan.ts`) both apply their steps through it.
 */
import planner from '../../rules/planner.json' with { type: 'json' };
import type { Condition } from '../conditions/condition.js';
import type { Evaluator } from '../eligibility/evaluator.js';
import type { Evaluation } from '../eligibility/types.js';
import { formatAt, interpolate, type Locale, pick } from '../messages.js';
import { findUrusan } from '../record/urusan.js';
import type { RubricIndicator } from '../rule-sets/rubric-format.js';
import type { RubricRuleSet } from '../rule-sets/types.js';
import type { IndicatorScore } from '../scoring/score.js';
import type { PlanChoice, PlanSpace, SpaceOption } from './_plan-model.js';
import {
  computeIndex,
  type IndexPart,
  type IndexSums,
  type RegionEvaluation,
  r4,
  spdPoints,
  sumsOf,
  totalOfSums,
} from './region.js';
import { implementationWindow } from './submission.js';
import { TEXTS } from './texts.js';

/** Person-days of each kind of step; any left out take the defaults of `rules/planner.json`. */
export interface PlanCosts {
  /** Attaching the evidence of a level already claimed. */
  attachEvidence?: number;
  /** Raising an indicator by one level (its evidence included). */
  raiseLevel?: number;
  /** Raising an SPD (region) indicator by one level. */
  raiseSpd?: number;
  /** Mending the failing criteria of a rejected innovation. */
  fixEligibility?: number;
  /** A new innovation, implemented inside the edition's window with its evidence. */
  addInnovation?: number;
  /** Leaving an innovation out of this year's submission. */
  withhold?: number;
  /** Developing an older innovation so that it is inside next year's window (`years: 2`). */
  develop?: number;
  /** Per IGA indicator (`regulasi`, `video`, …): its own evidence and level costs. */
  indicators?: Record<
    string,
    {
      /** Attaching the evidence of this indicator's claimed level. */
      attachEvidence?: number;
      /** Raising this indicator by one level. */
      raiseLevel?: number;
    }
  >;
}

/** What a step does. */
export type PlanStepKind =
  | 'fix_eligibility'
  | 'attach_evidence'
  | 'raise_level'
  | 'raise_spd'
  | 'add_innovation'
  | 'withhold';

/** One step of a plan. */
export interface PlanStep {
  /** `fix_eligibility`, `attach_evidence`, `raise_level`, `raise_spd`, `add_innovation` or `withhold`. */
  kind: PlanStepKind;
  /**
   * The innovation's position in the input region's `inovasi` (a new one: numbered after the
   * input's last).
   */
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
  /** Person-days it takes. */
  cost: number;
  /** What to do, in the requested locale. */
  message: string;
  /** What the step is worth: its gain and its cost, in words. */
  why: string;
  /** Paths in the input region record the step changes, e.g. `inovasi.3.indikator.sdm.bukti`. */
  fields: string[];
}

/** A step the plan considered and left out because the budget could not pay for it. */
export interface PlanLeftOut {
  /** What the step would do. */
  kind: PlanStepKind;
  /** The innovation's position in the input's `inovasi`. */
  innovation?: number;
  /** The IGA indicator or SPD indicator. */
  indicator?: string;
  /** The level it would reach. */
  level?: number;
  /** The IID it would add, taken alone on top of the plan (to 0.01). */
  gain: number;
  /** Its person-days. */
  cost: number;
  /** In words, in the requested locale. */
  message: string;
}

/** A record or region as JSON: the planner changes copies, never the caller's objects. */
export type Json = Record<string, unknown>;
type Leaf = { fact: string; path?: string; operator: string; value: unknown };

/**
 * One innovation's candidates, each with the part it would count for, and the positions of
 * those worth weighing for the best step.
 */
interface CandidateList {
  list: { candidate: Candidate; part: IndexPart }[];
  weighed: number[];
  /** Of those, the ones that change what the innovation counts for (a mended rejection). */
  changing: ReadonlySet<number>;
}

/** A step the planner may take, with the region's total once it is taken. */
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
  /** Person-days (for a bundle: each). */
  cost?: number;
  total: number;
}

/** Rounded to hundredths, as gains and person-days are shown. */
export const round2 = (n: number) => Math.round(n * 100) / 100;
/** As the score rounds its totals. */
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** The region being planned: its record, its innovations' evaluations and its index parts. */
export class Plan {
  readonly region: Json;
  /** Positions (in the input) of the innovations left out. */
  private readonly withheld = new Set<number>();
  private readonly records: Json[];
  private readonly evaluations: Evaluation[];
  private readonly parts: IndexPart[];
  private readonly spd: Record<string, number>;
  private readonly tahun: number;
  /** Candidate changes of each innovation with their index parts, kept until it changes. */
  private readonly cache = new Map<number, CandidateList>();
  /** The sums of the counted parts (see `sums`), dropped whenever a part changes. */
  private kept: Kept | undefined;

  constructor(
    input: Json,
    start: RegionEvaluation,
    private readonly evaluator: Evaluator,
    private readonly rubric: RubricRuleSet,
    private readonly locale: Locale,
    private readonly costs: Costs,
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

  /** The IID as the region stands, kept with the sums until a part changes. */
  get iid(): number {
    const kept = this.sums();
    kept.iid ??= this.index().iid;
    return kept.iid;
  }

  get maxScore(): number {
    return this.rubric.region.maxScore;
  }

  /** The parts that count: all but the withheld innovations'. */
  private counted(parts: readonly IndexPart[] = this.parts): IndexPart[] {
    return parts.filter((_, at) => !this.withheld.has(at));
  }

  index(parts: readonly IndexPart[] = this.parts, spd: Record<string, number> = this.spd) {
    return computeIndex(this.rubric, spd, this.counted(parts), this.locale);
  }

  /** The exact total score of the region as it stands, without writing the index's texts. */
  total(): number {
    return this.totalWith({});
  }

  /** The sums of the counted parts, kept until a part changes. */
  private sums(): Kept {
    if (!this.kept) {
      const cover = new Map<string, number>();
      const counted = this.counted();
      for (const p of counted)
        if (!p.rejected) for (const u of p.urusan) cover.set(u, (cover.get(u) ?? 0) + 1);
      this.kept = { ...sumsOf(this.rubric, this.spd, counted), cover };
    }
    return this.kept;
  }

  /**
   * The total with one innovation's part replaced, new innovations added or other SPD levels,
   * from the kept sums: a candidate costs a few additions, not a pass over the region.
   */
  private totalWith(change: {
    at?: number;
    part?: IndexPart;
    added?: readonly IndexPart[];
    spd?: Record<string, number>;
  }): number {
    const base = this.sums();
    const old = change.at === undefined ? undefined : this.parts[change.at];
    const { part } = change;
    if (part && old && !change.added && !change.spd && sameAffairs(old, part)) {
      // The most common candidate, weighed thousands of times: only the kematangan changes.
      const kematangan = base.kematangan - old.kematangan + part.kematangan;
      return totalOfSums(this.rubric, { ...base, kematangan });
    }
    const sums: IndexSums = {
      spd: change.spd ? spdPoints(this.rubric, change.spd) : base.spd,
      kematangan: base.kematangan,
      n: base.n + (change.added?.length ?? 0),
      covered: base.covered,
    };
    const out = change.part && old ? [old] : [];
    const into = change.part && old ? [change.part, ...(change.added ?? [])] : (change.added ?? []);
    for (const p of out) sums.kematangan -= p.kematangan;
    for (const p of into) sums.kematangan += p.kematangan;
    const rule = this.rubric.region.basicServiceRule;
    if (rule) {
      // Only the affairs of the parts that change can change the coverage: each counted once.
      const eligible = (p: IndexPart, u: string) => (!p.rejected && p.urusan.includes(u) ? 1 : 0);
      const seen: string[] = [];
      for (const p of [...out, ...into]) {
        for (const u of p.urusan) {
          if (seen.includes(u) || !rule.urusan.includes(u)) continue;
          seen.push(u);
          const before = base.cover.get(u) ?? 0;
          let after = before;
          for (const q of out) after -= eligible(q, u);
          for (const q of into) after += eligible(q, u);
          sums.covered += (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
        }
      }
    }
    return totalOfSums(this.rubric, sums);
  }

  /** The region record as planned: every step applied, the withheld innovations left out. */
  result(): Json {
    return { ...this.region, inovasi: this.records.filter((_, at) => !this.withheld.has(at)) };
  }

  /** Every innovation of the plan (the withheld ones too), with its position and name. */
  entries(): { at: number; record: Json; nama: string }[] {
    return this.records.map((record, at) => ({
      at,
      record,
      nama: this.evaluations[at]?.nama ?? String(at),
    }));
  }

  /** The innovations left out, by position in the input, with their names. */
  withheldList(): { innovation: number; nama: string }[] {
    return [...this.withheld]
      .sort((a, b) => a - b)
      .map((at) => ({ innovation: at, nama: this.evaluations[at]?.nama ?? String(at) }));
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
  best(remaining = Infinity): Candidate | undefined {
    const current = this.total();
    // Without a budget, an innovation's candidates that change only its kematangan are weighed
    // by their best alone: the region's total grows with that kematangan, so no other of them
    // can win (profiled: weighing every candidate at every step was four fifths of a plan).
    const innovation = remaining === Infinity ? this.contenders() : this.innovationCandidates();
    const all = [...innovation, ...this.spdCandidates(), ...this.addCandidates()].filter(
      (c) => (c.cost ?? 0) * (c.bundle?.length ?? 1) <= remaining + 1e-9,
    );
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
    this.evaluations.forEach((_, at) => {
      if (this.withheld.has(at)) return;
      // Each candidate's total is weighed again against the region as it now stands.
      for (const { candidate, part } of this.candidatesOf(at).list) {
        candidate.total = this.totalWith({ at, part });
        out.push(candidate);
      }
    });
    return out;
  }

  /**
   * The innovations' candidates that can be {@link best}'s choice, in the order of
   * {@link innovationCandidates}, weighed: every one that changes what the innovation counts for
   * (a mended rejection), and of those that change only its kematangan, per tier the first with
   * the highest (the total is monotone in it, so the others can only tie or lose).
   */
  private contenders(): Candidate[] {
    // Of the kematangan-only ones, only those whose gain in kematangan is the tier's highest
    // (to a rounding) can win: found first, so that the others are never weighed.
    const highest = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
    this.evaluations.forEach((_, at) => {
      if (this.withheld.has(at)) return;
      const { list, weighed, changing } = this.candidatesOf(at);
      const now = (this.parts[at] as IndexPart).kematangan;
      for (const k of weighed) {
        if (changing.has(k)) continue;
        const { candidate, part } = list[k] as CandidateList['list'][number];
        const gain = part.kematangan - now;
        if (gain > (highest[candidate.tier] as number)) highest[candidate.tier] = gain;
      }
    });
    // Of those, the first in order: with the same gain in kematangan, the same total.
    const taken = new Set<number>();
    const out: Candidate[] = [];
    this.evaluations.forEach((_, at) => {
      if (this.withheld.has(at)) return;
      const { list, weighed, changing } = this.candidatesOf(at);
      const now = (this.parts[at] as IndexPart).kematangan;
      for (const k of weighed) {
        const { candidate, part } = list[k] as CandidateList['list'][number];
        if (!changing.has(k)) {
          const near = part.kematangan - now >= (highest[candidate.tier] as number) - 1e-9;
          if (!near || taken.has(candidate.tier)) continue;
          taken.add(candidate.tier);
        }
        candidate.total = this.totalWith({ at, part });
        out.push(candidate);
      }
    });
    return out;
  }

  /** One innovation's candidates with their parts, and which of them {@link contenders} weighs. */
  private candidatesOf(at: number): CandidateList {
    let kept = this.cache.get(at);
    if (!kept) {
      const evaluation = this.evaluations[at] as Evaluation;
      // A rejected innovation's points count for nothing until its failing criteria are mended.
      const changes = this.parts[at]?.rejected
        ? this.fixesOf(at, evaluation)
        : this.changesOf(at, evaluation);
      const list = changes.map((c) => ({
        candidate: c,
        part: this.part(c.evaluation as Evaluation, c.record as Json),
      }));
      kept = this.listed(at, list);
      this.cache.set(at, kept);
    }
    return kept;
  }

  /** A candidate list with the positions {@link contenders} weighs. */
  private listed(at: number, list: CandidateList['list']): CandidateList {
    const old = this.parts[at] as IndexPart;
    const top = new Map<number, number>();
    const weighed: number[] = [];
    list.forEach(({ candidate, part }, k) => {
      if (!sameAffairs(old, part)) weighed.push(k);
      else {
        const first = top.get(candidate.tier);
        const held = first === undefined ? undefined : list[first]?.part.kematangan;
        if (held === undefined || part.kematangan > held) top.set(candidate.tier, k);
      }
    });
    return {
      list,
      weighed: [...weighed, ...top.values()].sort((a, b) => a - b),
      changing: new Set(weighed),
    };
  }

  /**
   * After a step on one indicator of an innovation, its other candidates carried over: an
   * indicator's level reads only its own entry (and the year), so each other candidate is the
   * new record with that candidate's entry, counting for the same difference in kematangan; only
   * the changed indicator's candidates are built and evaluated again. A carried candidate is
   * evaluated when it is applied (profiled: evaluating every candidate of the innovation again
   * after each step was most of a greedy plan). Anything else (a mended rejection, a change of
   * what the innovation counts for) builds the list afresh.
   */
  private carryOver(at: number, applied: Candidate, before: IndexPart): void {
    const kept = this.cache.get(at);
    this.cache.delete(at);
    const now = this.parts[at] as IndexPart;
    const indicator = applied.indicator;
    if (!kept || indicator === undefined || applied.kind === 'fix_eligibility') return;
    if (!sameAffairs(before, now)) return;
    const record = this.records[at] as Json;
    const evaluation = this.evaluations[at] as Evaluation;
    const fresh = this.changesOf(at, evaluation, indicator).map((c) => ({
      candidate: c,
      part: this.part(c.evaluation as Evaluation, c.record as Json),
    }));
    const list: CandidateList['list'] = [];
    let placed = false;
    for (const score of evaluation.score.indicators) {
      if (score.id === indicator) {
        list.push(...fresh);
        placed = true;
        continue;
      }
      for (const { candidate, part } of kept.list) {
        if (candidate.indicator !== score.id) continue;
        const entry = (candidate.record?.indikator as Json | undefined)?.[score.id];
        const { evaluation: _stale, ...rest } = candidate;
        list.push({
          candidate: { ...rest, record: withIndicator(record, score.id, () => entry as Json) },
          part: {
            ...part,
            kematangan: part.rejected
              ? 0
              : round4(now.kematangan - before.kematangan + part.kematangan),
          },
        });
      }
    }
    if (!placed) list.push(...fresh);
    this.cache.set(at, this.listed(at, list));
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
        cost: this.costs.of('fixEligibility', at),
        record: changed,
        evaluation: after,
        changed: failing.join(', '),
        changedKeys: [...new Set(fixed)],
        total: 0,
      },
    ];
  }

  /** Evidence for each claimed indicator, and the next level of each indicator, of one innovation. */
  private changesOf(at: number, evaluation: Evaluation, only?: string): Candidate[] {
    const record = this.records[at] as Json;
    const out: Candidate[] = [];
    for (const score of evaluation.score.indicators) {
      if (only !== undefined && score.id !== only) continue;
      const def = this.rubric.indicators.find((i) => i.id === score.id);
      if (!def) continue;
      if (score.points > 0 && !score.proven) {
        const changed = this.withEvidence(record, score.id, score.title);
        out.push({
          kind: 'attach_evidence',
          tier: 0,
          innovation: at,
          indicator: score.id,
          level: score.level,
          cost: this.costs.of('attachEvidence', at, score.id),
          record: changed,
          evaluation: this.evaluate(changed),
          total: 0,
        });
      }
      if (score.level < 3) {
        const raised = this.raise(record, def, score.level + 1, score.title);
        if (raised) {
          const cost = this.raiseCost(at, score, raised.level as number);
          out.push({ ...raised, innovation: at, cost, total: 0 });
        }
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

  /** The record with planned evidence attached to one indicator's entry. */
  private withEvidence(record: Json, indicator: string, title: string): Json {
    return withIndicator(record, indicator, (entry) => ({
      ...entry,
      bukti: [this.plannedEvidence(title)],
    }));
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
          cost: this.costs.of('raiseSpd'),
          total: this.totalWith({ spd: { ...this.spd, [s.id]: level } }),
        };
      });
  }

  /** New innovations: a bundle that completes the basic-service rule, and one to lift the count. */
  private addCandidates(): Candidate[] {
    const rule = this.rubric.region.basicServiceRule;
    const covered = new Set(
      this.counted()
        .filter((p) => !p.rejected)
        .flatMap((p) => p.urusan),
    );
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
        const total = this.totalWith({ added: bundle.map(newPart) });
        out.push({
          kind: 'add_innovation',
          tier: 1,
          affair: bundle[0],
          bundle,
          cost: this.costs.of('addInnovation'),
          total,
        });
      }
    }
    const affair = rule?.urusan.find((u) => !covered.has(u)) ?? this.mainAffair();
    if (affair) {
      const total = this.totalWith({ added: [newPart(affair)] });
      out.push({
        kind: 'add_innovation',
        tier: 2,
        affair,
        cost: this.costs.of('addInnovation'),
        total,
      });
    }
    return out;
  }

  private mainAffair(): string | undefined {
    const counts = new Map<string, number>();
    for (const p of this.counted())
      for (const u of p.urusan) counts.set(u, (counts.get(u) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  }

  /** Applies a change to the region and returns its steps (several for a bundle). */
  apply(c: Candidate): PlanStep[] {
    const t = TEXTS.plan;
    const before = this.iid;
    if (c.kind === 'raise_spd' && c.spd) {
      this.spd[c.spd] = c.level as number;
      // The kept sums hold the SPD points: the next candidates are weighed against the new ones.
      this.kept = undefined;
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
        const window = implementationWindow(this.tahun);
        const record = this.newRecord(affair);
        const nama = record.nama as string;
        const evaluation = this.evaluate(record);
        this.records.push(record);
        this.evaluations.push(evaluation);
        this.parts.push(this.part(evaluation, record));
        this.kept = undefined;
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
    const was = this.parts[at] as IndexPart;
    // A candidate carried over from an earlier step is evaluated now.
    c.evaluation ??= this.evaluate(c.record as Json);
    this.records[at] = c.record as Json;
    this.evaluations[at] = c.evaluation;
    this.parts[at] = this.part(c.evaluation, c.record as Json);
    this.kept = undefined;
    this.carryOver(at, c, was);
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
    const gain = round2(iidAfter - before);
    const cost = c.cost ?? 0;
    const values: Record<string, unknown> = { gain: this.signed(gain), cost };
    return {
      kind: c.kind,
      ...(c.innovation !== undefined ? { innovation: c.innovation } : {}),
      ...(c.indicator !== undefined ? { indicator: c.indicator } : {}),
      ...(c.level !== undefined ? { level: c.level } : {}),
      ...(c.affair !== undefined ? { affair: c.affair } : {}),
      ...(c.spd !== undefined ? { spd: c.spd } : {}),
      gain,
      iidAfter,
      cost,
      message,
      why: interpolate(pick(TEXTS.plan.why, this.locale), (k) => values[k], this.locale),
      fields,
    };
  }

  /**
   * A new innovation in an affair: it meets the national criteria (`rules/planner.json`) and is
   * implemented inside the edition's window (the record says so with the window's last day).
   */
  private newRecord(affair: string): Json {
    const name = findUrusan(affair)?.name ?? affair;
    const record: Json = {
      nama: interpolate(pick(TEXTS.plan.newInnovation, this.locale), () => name, this.locale),
      tahun: this.tahun,
      urusan: [affair],
      ...planner.newInnovation,
      waktuPenerapan: implementationWindow(this.tahun).to,
    };
    const pemda = this.region.pemda;
    if (typeof pemda === 'string') record.pemda = pemda;
    return record;
  }

  /** Person-days to raise an indicator from its level now to `level` (its evidence included). */
  private raiseCost(at: number | undefined, score: IndicatorScore, level: number): number {
    const levels = level - score.level;
    const evidence =
      score.points > 0 && !score.proven ? this.costs.of('attachEvidence', at, score.id) : 0;
    return levels * this.costs.of('raiseLevel', at, score.id) + evidence;
  }

  /** An SPD indicator by its number and title (`12 Penghargaan bagi inovator`). */
  private spdTitle(id: string): string {
    const def = this.rubric.region.spd.find((s) => s.id === id);
    return def ? `SPD ${def.number} ${pick(def.title, this.locale)}` : id;
  }

  /** A gain with its sign, in the locale (`+0,84`). */
  private signed(gain: number): string {
    return `${gain > 0 ? '+' : ''}${formatAt('gain', gain, this.locale)}`;
  }

  /**
   * The region as numbers for the optimiser, and how to turn each of its options back into a
   * change of a record: per innovation, its mending and, per indicator, the evidence and the
   * levels it can reach (each verified by scoring the changed record).
   */
  space(): { space: PlanSpace; handles: Handles } {
    const region = this.rubric.region;
    const rule = region.basicServiceRule;
    const handles: Handles = { innovations: [], spd: [] };
    const innovations = this.evaluations.map((evaluation, at) => {
      const rejected = this.parts[at]?.rejected ?? false;
      const withhold = this.costs.of('withhold', at);
      const urusan = this.parts[at]?.urusan ?? [];
      let record = this.records[at] as Json;
      let scored = evaluation;
      let fix: Candidate | undefined;
      if (rejected) {
        fix = this.fixesOf(at, evaluation)[0];
        if (!fix) {
          handles.innovations.push({ groups: [] });
          return { rejected, urusan, base: 0, withhold, groups: [] };
        }
        record = fix.record as Json;
        scored = fix.evaluation as Evaluation;
      }
      const { groups, handleGroups } = this.groupsOf(at, record, scored);
      handles.innovations.push({ ...(fix ? { fix } : {}), groups: handleGroups });
      return {
        rejected,
        urusan,
        base: scored.score.proven,
        ...(fix ? { fix: fix.cost as number } : {}),
        withhold,
        groups,
      };
    });
    const spd = region.spd.map((s) => {
      const now = this.spd[s.id] ?? 0;
      const levels = [1, 2, 3].filter((l) => l > now);
      handles.spd.push({ spd: s.id, levels });
      return levels.map((l) => ({
        gain: r4(l * s.weight) - r4(now * s.weight),
        cost: (l - now) * this.costs.of('raiseSpd'),
      }));
    });
    const spdBase = spdPoints(this.rubric, this.spd);
    const n = this.records.length;
    // New innovations all start alike: one template, scored once, gives their options.
    const affair = rule?.urusan[0] ?? this.mainAffair();
    const template = affair === undefined ? undefined : this.newRecord(affair);
    const templateScore = template && this.evaluate(template);
    // A new innovation the rule set would reject is never proposed (it would count for nothing).
    const canAdd = templateScore !== undefined && templateScore.verdict !== 'not_eligible';
    const fresh = canAdd ? this.groupsOf(undefined, template as Json, templateScore) : undefined;
    handles.added = fresh?.handleGroups ?? [];
    const space: PlanSpace = {
      floor: region.divisorFloor,
      cap: region.innovationCount.maxCounted,
      pointsEach: region.innovationCount.pointsEach,
      ...(rule ? { coverage: { urusan: rule.urusan, minCovered: rule.minCovered } } : {}),
      noEvidence: region.noEvidence !== undefined,
      spdBase,
      spd,
      innovations,
      add: {
        cost: this.costs.of('addInnovation'),
        max: canAdd ? Math.max(0, Math.min(region.innovationCount.maxCounted - n, MAX_NEW)) : 0,
        groups: fresh?.groups ?? [],
      },
    };
    return { space, handles };
  }

  /**
   * Per indicator of a record, the ways to change it: the evidence of a claimed level, and each
   * higher level its least change reaches, with the proven kematangan each adds and its cost.
   */
  private groupsOf(at: number | undefined, record: Json, scored: Evaluation) {
    const groups: SpaceOption[][] = [];
    const handleGroups: Handles['innovations'][number]['groups'] = [];
    for (const score of scored.score.indicators) {
      const def = this.rubric.indicators.find((d) => d.id === score.id);
      if (!def) continue;
      const options: SpaceOption[] = [];
      const how: { kind: 'attach_evidence' | 'raise_level'; level: number }[] = [];
      if (score.points > 0 && !score.proven) {
        const changed = this.withEvidence(record, score.id, score.title);
        const gain = this.evaluate(changed).score.proven - scored.score.proven;
        if (gain > 0) {
          options.push({ gain, cost: this.costs.of('attachEvidence', at, score.id) });
          how.push({ kind: 'attach_evidence', level: score.level });
        }
      }
      let reached = score.level;
      for (let level = score.level + 1; level <= 3; level++) {
        if (level <= reached) continue;
        const raised = this.raise(record, def, level, score.title);
        if (!raised) continue;
        reached = raised.level as number;
        const gain = (raised.evaluation as Evaluation).score.proven - scored.score.proven;
        if (gain <= 0) continue;
        options.push({ gain, cost: this.raiseCost(at, score, reached) });
        how.push({ kind: 'raise_level', level: reached });
      }
      if (options.length > 0) {
        groups.push(options);
        handleGroups.push({ indicator: score.id, options: how });
      }
    }
    return { groups, handleGroups };
  }

  /**
   * Applies the optimiser's choice, in the order a team works: first the innovations left out
   * (a decision, no work), then mending, evidence, levels, SPD, new innovations and their levels.
   * Stops after `limit` steps, so that the region holds exactly the steps returned.
   */
  applyChoice(choice: PlanChoice, handles: Handles, limit = Infinity): PlanStep[] {
    const steps: PlanStep[] = [];
    const room = () => steps.length < limit;
    for (const at of choice.withheld) if (room()) steps.push(this.withhold(at));
    for (const at of choice.fixed) {
      const fix = handles.innovations[at]?.fix;
      if (fix && room()) steps.push(...this.apply(fix));
    }
    const byInnovation = [...choice.options].sort(
      (a, b) => a.innovation - b.innovation || a.group - b.group,
    );
    for (const kind of ['attach_evidence', 'raise_level'] as const) {
      for (const { innovation: at, group, option } of byInnovation) {
        const handle = handles.innovations[at]?.groups[group];
        const how = handle?.options[option];
        if (!handle || how?.kind !== kind || !room()) continue;
        const change = this.changeTo(at, handle.indicator, how.kind, how.level);
        if (change) steps.push(...this.apply(change));
      }
    }
    for (const { group, option } of choice.spd) {
      const handle = handles.spd[group];
      const level = handle?.levels[option];
      if (!handle || level === undefined || !room()) continue;
      const now = this.spd[handle.spd] ?? 0;
      steps.push(
        ...this.apply({
          kind: 'raise_spd',
          tier: 1,
          spd: handle.spd,
          level,
          cost: (level - now) * this.costs.of('raiseSpd'),
          total: 0,
        }),
      );
    }
    const addCost = this.costs.of('addInnovation');
    const first = this.records.length;
    for (const affair of choice.coverage) {
      if (!room()) break;
      steps.push(
        ...this.apply({
          kind: 'add_innovation',
          tier: 1,
          affair,
          bundle: [affair],
          cost: addCost,
          total: 0,
        }),
      );
    }
    for (let k = 0; k < choice.extra && room(); k++) {
      const affair = this.mainAffair() ?? this.rubric.region.basicServiceRule?.urusan[0];
      if (!affair) break;
      steps.push(
        ...this.apply({ kind: 'add_innovation', tier: 2, affair, cost: addCost, total: 0 }),
      );
    }
    // The new innovations' own levels: each option given to as many of them as chosen.
    // Within one indicator, each option goes to the next new innovations, never twice to one.
    const added = this.records.length - first;
    const next = new Map<number, number>();
    for (const { group, option, count } of choice.newOptions) {
      const handle = handles.added?.[group];
      const how = handle?.options[option];
      if (!handle || !how) continue;
      const from = next.get(group) ?? 0;
      next.set(group, from + count);
      for (let k = from; k < Math.min(from + count, added) && room(); k++) {
        const change = this.changeTo(first + k, handle.indicator, how.kind, how.level);
        if (change) steps.push(...this.apply(change));
      }
    }
    return steps;
  }

  /** The change of one indicator of one innovation, built on the record as it now stands. */
  private changeTo(
    at: number,
    indicator: string,
    kind: 'attach_evidence' | 'raise_level',
    level: number,
  ): Candidate | undefined {
    const record = this.records[at] as Json;
    const evaluation = this.evaluations[at] as Evaluation;
    const score = evaluation.score.indicators.find((i) => i.id === indicator);
    const def = this.rubric.indicators.find((d) => d.id === indicator);
    if (!score || !def) return undefined;
    if (kind === 'attach_evidence') {
      const changed = this.withEvidence(record, indicator, score.title);
      return {
        kind,
        tier: 0,
        innovation: at,
        indicator,
        level: score.level,
        cost: this.costs.of('attachEvidence', at, indicator),
        record: changed,
        evaluation: this.evaluate(changed),
        total: 0,
      };
    }
    const raised = this.raise(record, def, level, score.title);
    if (!raised) return undefined;
    return {
      ...raised,
      innovation: at,
      cost: this.raiseCost(at, score, raised.level as number),
      total: 0,
    };
  }

  /** Leaves an innovation out of the submission; its step says why, in words. */
  private withhold(at: number): PlanStep {
    const t = TEXTS.plan;
    const before = this.iid;
    const part = this.parts[at] as IndexPart;
    this.withheld.add(at);
    this.kept = undefined;
    const nama = this.evaluations[at]?.nama ?? String(at);
    const values: Record<string, unknown> = {
      nama,
      kematangan: part.kematangan,
      floor: this.rubric.region.divisorFloor,
    };
    const say = (template: { id: string; en: string }) =>
      interpolate(pick(template, this.locale), (k) => values[k], this.locale);
    values.alasan = say(part.rejected ? t.withholdRejected : t.withholdWeak);
    const candidate: Candidate = {
      kind: 'withhold',
      tier: 1,
      innovation: at,
      cost: this.costs.of('withhold', at),
      total: 0,
    };
    return { ...this.step(candidate, before, this.iid, say(t.withhold), [`inovasi.${at}`]), nama };
  }

  /**
   * The single steps worth IID on top of the plan that cost more than what is left of the
   * budget, largest gain first (at most 5): what the budget left out. And the sensitivity of the
   * plan to a cost: the left-out step nearest to fitting, which, were it to cost no more than
   * what is left, would join the plan (a higher IID within the same budget, so another optimum).
   */
  leftOut(remaining: number): { items: PlanLeftOut[]; sensitivity?: string } {
    const current = this.total();
    const t = TEXTS.plan;
    const all = [...this.innovationCandidates(), ...this.spdCandidates(), ...this.addCandidates()];
    const sisa = round2(Math.max(0, remaining));
    const out = all
      .map((c) => ({
        c,
        gain: round2(((c.total - current) / this.maxScore) * 100),
        cost: (c.cost ?? 0) * (c.bundle?.length ?? 1),
      }))
      .filter(({ gain, cost }) => gain > 0 && cost > remaining + 1e-9)
      .map(({ c, gain, cost }) => {
        const values: Record<string, unknown> = { ...this.named(c), gain, cost, sisa };
        const say = (template: { id: string; en: string }) =>
          interpolate(pick(template, this.locale), (k) => values[k], this.locale);
        const item: PlanLeftOut = {
          kind: c.kind,
          ...(c.innovation !== undefined ? { innovation: c.innovation } : {}),
          ...(c.indicator !== undefined || c.spd !== undefined
            ? { indicator: (c.indicator ?? c.spd) as string }
            : {}),
          ...(c.level !== undefined ? { level: c.level } : {}),
          gain,
          cost,
          message: say(t.leftOut),
        };
        return { item, sensitivity: say(t.sensitivity) };
      });
    const nearest = [...out].sort(
      (a, b) => a.item.cost - b.item.cost || b.item.gain - a.item.gain,
    )[0];
    return {
      items: out
        .sort((a, b) => b.item.gain - a.item.gain || a.item.cost - b.item.cost)
        .slice(0, 5)
        .map((o) => o.item),
      ...(nearest ? { sensitivity: nearest.sensitivity } : {}),
    };
  }

  /** A candidate's innovation, SPD indicator or affair, and its step in brackets. */
  private named(c: Candidate): { nama: string; langkah: string } {
    const nama =
      c.innovation !== undefined
        ? (this.evaluations[c.innovation]?.nama ?? '')
        : c.spd !== undefined
          ? this.spdTitle(c.spd)
          : (findUrusan(c.affair ?? '')?.name ?? c.affair ?? '');
    const what = c.indicator ?? (c.kind === 'fix_eligibility' ? c.changed : undefined);
    const langkah = what ? ` (${what}${c.level !== undefined ? ` → ${c.level}` : ''})` : '';
    return { nama, langkah };
  }
}

/** The index's sums of the counted parts, with how many eligible ones cover each affair. */
/** The sums of the counted parts, each affair's cover, and the IID once asked for. */
type Kept = IndexSums & { cover: Map<string, number>; iid?: number };

/** Most new innovations a plan adds: a year's work of a region, well beyond what one plans. */
const MAX_NEW = 100;

/** How the optimiser's options become changes of records. */
interface Handles {
  innovations: {
    fix?: Candidate;
    groups: {
      indicator: string;
      options: { kind: 'attach_evidence' | 'raise_level'; level: number }[];
    }[];
  }[];
  spd: { spd: string; levels: number[] }[];
  /** The indicator options of a new innovation. */
  added?: {
    indicator: string;
    options: { kind: 'attach_evidence' | 'raise_level'; level: number }[];
  }[];
}

type CostKind = Exclude<keyof PlanCosts, 'indicators'>;

/** The person-days of each step: per innovation, then per call, then `rules/planner.json`. */
export class Costs {
  constructor(
    private readonly call: PlanCosts = {},
    private readonly perInnovation: Record<string, PlanCosts> = {},
    private readonly region: Json,
  ) {}

  of(kind: CostKind, at?: number, indicator?: string): number {
    const own = at === undefined ? undefined : this.innovation(at);
    const byIndicator = (c: PlanCosts | undefined) =>
      indicator !== undefined && (kind === 'attachEvidence' || kind === 'raiseLevel')
        ? c?.indicators?.[indicator]?.[kind]
        : undefined;
    return (
      byIndicator(own) ??
      own?.[kind] ??
      byIndicator(this.call) ??
      this.call[kind] ??
      (planner.costs as Record<CostKind, number>)[kind]
    );
  }

  private innovation(at: number): PlanCosts | undefined {
    const record = (this.region.inovasi as Json[] | undefined)?.[at];
    const id = record?.id;
    return (
      (typeof id === 'string' || typeof id === 'number'
        ? this.perInnovation[String(id)]
        : undefined) ?? this.perInnovation[String(at)]
    );
  }
}

/** Whether two parts count for the same affairs (both eligible or both not, the same urusan). */
function sameAffairs(a: IndexPart, b: IndexPart): boolean {
  return (
    a.rejected === b.rejected &&
    a.urusan.length === b.urusan.length &&
    a.urusan.every((u, k) => b.urusan[k] === u)
  );
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
