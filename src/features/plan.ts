import { z } from 'zod';
import planner from '../../rules/planner.json' with { type: 'json' };
import type { Basis } from '../eligibility/basis.js';
import { createEvaluator, EVALUATE_OPTIONS } from '../eligibility/pipeline.js';
import { defaultScope, type Scope } from '../eligibility/scope.js';
import type { EvaluateOptions } from '../eligibility/types.js';
import { InvalidOptionError } from '../errors.js';
import { interpolate, optionNames, optionsObject, pick } from '../messages.js';
import type { Band as BandId } from '../rule-sets/rubric-format.js';
import { type PlanSpace, solvePlan } from './_plan-model.js';
import { nextYearOf, type PlanNextYear } from './_plan-next-year.js';
import {
  Costs,
  type Json,
  Plan,
  type PlanCosts,
  type PlanLeftOut,
  type PlanStep,
  round2,
} from './_plan-region.js';

export type { NextYearLeaving, NextYearProblem, PlanNextYear } from './_plan-next-year.js';
export type { PlanCosts, PlanLeftOut, PlanStep, PlanStepKind } from './_plan-region.js';

import { evaluateRegion, evaluateRegionIn } from './region.js';
import { TEXTS } from './texts.js';

/**
 * The region's plan: the steps that take its Indeks Inovasi Daerah to a target band, cheapest
 * first, each with its exact gain given the steps before it.
 */

/** Options of {@link planRegion}. */
export interface PlanOptions extends EvaluateOptions {
  /**
   * The band to reach; by default the one above the region's band (when `budget` is given and
   * `target` is not, the plan aims at the highest IID the budget buys).
   */
  target?: BandId;
  /** At most this many person-days in all. */
  budget?: number;
  /**
   * `cheapest`: the least person-days that reach `target` (within `budget`); `highest`: the
   * highest IID within `budget` (the default when only `budget` is given).
   */
  objective?: 'cheapest' | 'highest';
  /**
   * `optimal` (default): an exact mixed-integer program solved by HiGHS; `greedy`: the older
   * step-by-step order (no solver, not optimal in every case).
   */
  method?: 'optimal' | 'greedy';
  /** Person-days per kind of step, over the defaults of `rules/planner.json`. */
  costs?: PlanCosts;
  /**
   * Person-days for one innovation, keyed by its `id` or its position in `inovasi` (`"3"`):
   * e.g. `{ "7": { indicators: { regulasi: { raiseLevel: 20 } } } }` for an SK the Bupati signs.
   */
  innovationCosts?: Record<string, PlanCosts>;
  /** Seconds the solver may take before it returns its best plan with the gap it proved (default 20). */
  timeLimit?: number;
  /** At most this many steps (default 1000). */
  maxSteps?: number;
  /**
   * `2`: also look at next year's edition (`nextYear`): the innovations that leave the window and
   * the development that keeps them, and the documents that stop counting. Default `1`.
   */
  years?: 1 | 2;
}

const PLAN_OPTIONS = [
  ...EVALUATE_OPTIONS,
  ...optionNames<Omit<PlanOptions, keyof EvaluateOptions>>({
    target: true,
    budget: true,
    objective: true,
    method: true,
    costs: true,
    innovationCosts: true,
    timeLimit: true,
    maxSteps: true,
    years: true,
  }),
];

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
  /** Person-days of all the steps. */
  cost: number;
  /** The budget the plan kept to, when one was given. */
  budget?: number;
  /** What was optimised: `cheapest` to the target, or `highest` IID within the budget. */
  objective: 'cheapest' | 'highest';
  /**
   * `optimal`: no plan is cheaper (or higher, within the budget), proven by the solver; `gap`: the
   * time limit stopped the solver, `gap` says how far from optimal at most; `greedy`: the
   * step-by-step order, not proven.
   */
  status: 'optimal' | 'gap' | 'greedy';
  /** The relative gap the solver proved (0 when optimal), for `status: 'gap'`. */
  gap?: number;
  /** The innovations the plan leaves out of this year's submission. */
  withheld: {
    /** Its position in the input's `inovasi`. */
    innovation: number;
    /** Its name. */
    nama: string;
  }[];
  /** Steps worth IID that the budget could not pay for, largest gain first (at most 5). */
  leftOut: PlanLeftOut[];
  /**
   * With a budget: the left-out step nearest to fitting, in words: were it to cost no more than
   * what is left of the budget, it would join the plan (and the plan would change).
   */
  sensitivity?: string;
  /** One sentence on the plan, in the requested locale. */
  summary: string;
  /** The costs' stated assumptions (from `rules/planner.json`), in the requested locale. */
  assumptions: string[];
  /**
   * The region record with every step applied and the withheld innovations left out:
   * `evaluateRegion(region).iid === after.iid`.
   */
  region: Record<string, unknown>;
  /** Next year's edition, with `years: 2`: who leaves the window, what stops counting. */
  nextYear?: PlanNextYear;
  /** Which rules decided: those of the region's evaluation the plan starts from. */
  basis: Basis;
}

const DEFAULT_MAX_STEPS = 1000;
const DEFAULT_TIME_LIMIT = 20;

const costNumber = z.number().finite().min(0).max(100_000);
const costsSchema = z
  .object({
    attachEvidence: costNumber,
    raiseLevel: costNumber,
    raiseSpd: costNumber,
    fixEligibility: costNumber,
    addInnovation: costNumber,
    withhold: costNumber,
    develop: costNumber,
    indicators: z.record(
      z.string(),
      z.object({ attachEvidence: costNumber, raiseLevel: costNumber }).partial().strict(),
    ),
  })
  .partial()
  .strict();
const planOptionsSchema = z
  .object({
    budget: z.number().finite().min(0).max(1_000_000),
    objective: z.enum(['cheapest', 'highest']),
    method: z.enum(['optimal', 'greedy']),
    costs: costsSchema,
    innovationCosts: z.record(z.string(), costsSchema),
    timeLimit: z.number().finite().gt(0).max(3600),
    maxSteps: z.number().int().min(0).max(10_000),
    years: z.union([z.literal(1), z.literal(2)]),
  })
  .partial();

/**
 * Plans how a region reaches a target band of the Indeks Inovasi Daerah, or the highest IID a
 * budget of person-days buys: which evidence to attach, which indicator levels to raise in which
 * innovation, which SPD levels to raise, which rejected innovations to mend, which innovations
 * to add (in a basic-service affair that is missing, or to lift the count), and which to leave
 * out of this year's submission (a weak or rejected one still fills the divisor max(floor, n)).
 *
 * By default the plan is exact: the choice is a mixed-integer program with the index's whole
 * formula (the divisor, the count points and their cap, the basic-service rule, rejected
 * innovations at 0 but counted), solved by HiGHS (loaded on the first plan only). Each step costs
 * person-days (`rules/planner.json`, overridable per call and per innovation); the plan is the
 * cheapest that reaches the target, or the highest within `budget`, and says it is proven
 * optimal (`status`). `method: 'greedy'` gives the older step-by-step order.
 *
 * @param region - `{ pemda, tahun, spd, inovasi }`, as for {@link evaluateRegion}
 * @param options - `target`, `budget`, `objective`, `costs`, `innovationCosts`, `method`, and the
 *   options of {@link evaluateRegion}
 * @returns the steps, the IID after each, their cost, and the region with every step applied
 * @throws {@link index!InvalidRecordError} when the region is not valid
 * @throws {@link index!InvalidOptionError} for an unknown target or a bad budget, cost or limit
 * @example
 * ```ts
 * const plan = await planRegion(region, { budget: 60 });
 * plan.status; // 'optimal'
 * plan.steps[0]; // { kind: 'withhold', innovation: 4, gain: 0.84, cost: 1, … }
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
export async function planRegionIn(
  scope: Scope,
  region: unknown,
  options: PlanOptions = {},
): Promise<RegionPlan> {
  const all = optionsObject(options, PLAN_OPTIONS) as PlanOptions;
  const {
    target: targetOption,
    maxSteps: _max,
    budget: _budget,
    objective: _objective,
    method: _method,
    costs: _costs,
    innovationCosts: _innovationCosts,
    timeLimit: _timeLimit,
    years: _years,
    ...evaluateOptions
  } = all;
  const checked = planOptionsSchema.safeParse({
    ...(all.budget !== undefined ? { budget: all.budget } : {}),
    ...(all.objective !== undefined ? { objective: all.objective } : {}),
    ...(all.method !== undefined ? { method: all.method } : {}),
    ...(all.costs !== undefined ? { costs: all.costs } : {}),
    ...(all.innovationCosts !== undefined ? { innovationCosts: all.innovationCosts } : {}),
    ...(all.timeLimit !== undefined ? { timeLimit: all.timeLimit } : {}),
    ...(all.maxSteps !== undefined ? { maxSteps: all.maxSteps } : {}),
    ...(all.years !== undefined ? { years: all.years } : {}),
  });
  if (!checked.success) {
    throw new InvalidOptionError(
      checked.error.issues.map((i) => ({
        path: i.path.map(String),
        code: i.code,
        message: `${i.path.join('.')}: ${i.message}`,
      })),
    );
  }
  const { budget, method = 'optimal', maxSteps = DEFAULT_MAX_STEPS } = checked.data;
  const objective =
    checked.data.objective ??
    (budget !== undefined && targetOption === undefined ? 'highest' : 'cheapest');
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
  const costs = new Costs(checked.data.costs, checked.data.innovationCosts, region as Json);
  const fresh = () => new Plan(region as Json, start, evaluator, rubric, locale, costs);
  let planned = fresh();
  let steps: PlanStep[];
  let status: RegionPlan['status'] = 'greedy';
  let gap = 0;
  if (method === 'greedy') {
    steps = greedySteps(planned, targetBand.min, maxSteps, budget);
  } else {
    const solved = await optimalSteps(planned, fresh, {
      objective,
      minIid: targetBand.min,
      ...(budget !== undefined ? { budget } : {}),
      timeLimit: checked.data.timeLimit ?? DEFAULT_TIME_LIMIT,
      maxSteps,
    });
    if (solved) {
      planned = solved.plan;
      steps = solved.steps;
      status = solved.status;
      gap = solved.gap;
    } else {
      // The time limit passed before the solver found any plan: the greedy order, said so.
      steps = greedySteps(planned, targetBand.min, maxSteps, budget);
    }
  }
  const after = planned.index();
  const reaches = after.iid >= targetBand.min - 1e-9;
  const cost = round2(steps.reduce((sum, s) => sum + s.cost, 0));
  const values: Record<string, unknown> = {
    iid: start.iid,
    band: start.bandTitle,
    iidAfter: after.iid,
    bandAfter: after.bandTitle,
    steps: steps.length,
    target: pick(targetBand.title, locale),
    min: targetBand.min,
  };
  const left = budget !== undefined ? planned.leftOut(budget - cost) : undefined;
  const t = TEXTS.plan;
  const say = (template: { id: string; en: string }, v: Record<string, unknown>) =>
    interpolate(pick(template, locale), (k) => v[k], locale);
  const statusText =
    status === 'optimal'
      ? pick(t.optimal, locale)
      : status === 'gap'
        ? say(t.gap, { gap: round2(gap * 100) })
        : pick(t.greedy, locale);
  const summary = [
    say(reaches ? t.summaryReaches : t.summaryShort, values),
    say(t.summaryCost, {
      cost,
      budget: budget !== undefined ? say(t.ofBudget, { budget }) : '',
      status: statusText,
    }),
  ].join(' ');
  return {
    iid: start.iid,
    band: start.band,
    target: { band: targetBand.id, min: targetBand.min },
    reaches,
    after: { iid: after.iid, band: after.band.id },
    steps,
    cost,
    ...(budget !== undefined ? { budget } : {}),
    objective,
    status,
    ...(status === 'gap' ? { gap } : {}),
    withheld: planned.withheldList(),
    leftOut: left?.items ?? [],
    ...(left?.sensitivity !== undefined ? { sensitivity: left.sensitivity } : {}),
    summary,
    assumptions: planner.assumptions.map((a) => pick(a, locale)),
    region: planned.result(),
    ...(checked.data.years === 2
      ? {
          nextYear: nextYearOf(scope, planned.entries(), start.tahun, locale, costs.of('develop')),
        }
      : {}),
    basis: start.basis,
  };
}

/** The greedy order: evidence first, then the largest gain per step, within the budget. */
function greedySteps(
  planned: Plan,
  minIid: number,
  maxSteps: number,
  budget: number | undefined,
): PlanStep[] {
  const steps: PlanStep[] = [];
  let spent = 0;
  while (planned.iid < minIid - 1e-9 && steps.length < maxSteps) {
    const next = planned.best(budget === undefined ? Infinity : budget - spent);
    if (!next) break;
    for (const step of planned.apply(next)) {
      if (steps.length < maxSteps) {
        steps.push(step);
        spent += step.cost;
      }
    }
  }
  return steps;
}

/**
 * The optimal steps: the region as a {@link PlanSpace}, solved, and the solver's choice applied
 * in order (mending, evidence, levels, SPD, new innovations, withholding), each step's gain
 * measured as it is applied. Undefined when the time limit passed before any plan was found.
 */
async function optimalSteps(
  planned: Plan,
  fresh: () => Plan,
  goal: {
    objective: 'cheapest' | 'highest';
    minIid: number;
    budget?: number;
    timeLimit: number;
    maxSteps: number;
  },
): Promise<{ plan: Plan; steps: PlanStep[]; status: 'optimal' | 'gap'; gap: number } | undefined> {
  const { space, handles } = planned.space();
  const maxScore = planned.maxScore;
  // The IID is rounded to cents: a total reaches `min` once total·100/maxScore ≥ min − 0.005.
  let minTotal = ((goal.minIid - 0.005) * maxScore) / 100 + 1e-7;
  for (let attempt = 0; attempt < 3; attempt++) {
    let solved = await solvePlan(space, { ...goal, minTotal });
    // Whether the plan was solved to reach the target (not the highest IID in its stead).
    let aimed = goal.objective === 'cheapest';
    if (aimed && solved.status === 'infeasible') {
      // The target cannot be reached (within the budget): the highest IID instead.
      solved = await solvePlan(space, { ...goal, objective: 'highest' });
      aimed = false;
    }
    if (!solved.choice) return undefined;
    const trial = fresh();
    const steps = trial.applyChoice(solved.choice, handles, goal.maxSteps);
    // Rounding in the index's parts, or the solver's tolerance, can leave a plan a hair under its
    // band: ask a little more.
    const whole = steps.length < goal.maxSteps;
    if (aimed && whole && trial.iid < goal.minIid - 1e-9) {
      minTotal += ((goal.minIid - trial.iid) * maxScore) / 100 + 1e-6;
      continue;
    }
    return {
      plan: trial,
      steps,
      status: solved.status === 'gap' ? 'gap' : 'optimal',
      gap: solved.gap,
    };
  }
  return undefined;
}
