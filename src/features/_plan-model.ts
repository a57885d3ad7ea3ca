/**
 * The region's plan as a mixed-integer program, solved by HiGHS (npm `highs`, WebAssembly): which
 * actions, at the least cost in person-days, reach a target score, or give the highest score
 * within a budget. The formula is the Indeks Inovasi Daerah's, with every interaction it has: the
 * divisor max(floor, n), the count points and their cap, the basic-service rule, rejected
 * innovations at 0 but counted, and the rule that a region proving nothing is not assessed.
 *
 * The model knows numbers only (points, costs, affairs); `plan.ts` turns records into a
 * {@link PlanSpace} and a {@link PlanChoice} back into steps.
 */

/** One way to change one indicator of one innovation: the kematangan it adds and its cost. */
export interface SpaceOption {
  /** Proven kematangan added to the innovation (over what the indicator proves now). */
  gain: number;
  /** Person-days. */
  cost: number;
}

/** One innovation of the region, as the planner may change it. */
export interface SpaceInnovation {
  /** Whether it is rejected (not eligible) now. */
  rejected: boolean;
  /** Its affairs (urusan ids), for the basic-service rule. */
  urusan: readonly string[];
  /** Proven kematangan as it stands (for a rejected one: once mended). */
  base: number;
  /** The cost of mending a rejected innovation; absent when it cannot be mended. */
  fix?: number;
  /** The cost of leaving it out of the submission. */
  withhold: number;
  /** Per indicator, the ways to change it (at most one is taken). */
  groups: readonly (readonly SpaceOption[])[];
}

/** The planning problem in numbers. */
export interface PlanSpace {
  /** The divisor's floor: the index divides by max(floor, n). */
  floor: number;
  /** Innovations counted for count points, at most. */
  cap: number;
  /** Count points per innovation. */
  pointsEach: number;
  /** Count points only when this many of `coverage.urusan` are covered by eligible innovations. */
  coverage?: { urusan: readonly string[]; minCovered: number };
  /** Whether a region proving nothing (no SPD point, no proven kematangan) scores 0. */
  noEvidence: boolean;
  /** SPD points now. */
  spdBase: number;
  /** Per SPD indicator, the levels it can be raised to (at most one is taken). */
  spd: readonly (readonly SpaceOption[])[];
  /** The innovations. */
  innovations: readonly SpaceInnovation[];
  /**
   * New innovations: their cost each, how many at most (0: none may be added), and, per
   * indicator, the ways each new innovation can be raised (they all start alike).
   */
  add: { cost: number; max: number; groups?: readonly (readonly SpaceOption[])[] };
}

/** What the optimiser chose. */
export interface PlanChoice {
  /** Innovations left out, by position. */
  withheld: number[];
  /** Rejected innovations mended, by position. */
  fixed: number[];
  /** Indicator options taken: innovation, group (indicator), option. */
  options: { innovation: number; group: number; option: number }[];
  /** SPD options taken: SPD indicator, option. */
  spd: { group: number; option: number }[];
  /** New innovations in basic-service affairs (urusan ids). */
  coverage: string[];
  /** New innovations only to lift the count. */
  extra: number;
  /** Indicator options taken by new innovations: group, option, and by how many of them. */
  newOptions: { group: number; option: number; count: number }[];
  /** The total score the model claims. */
  total: number;
  /** The person-days it costs. */
  cost: number;
}

/** How the optimiser ended. */
export interface SolveResult {
  /** The chosen actions, or `undefined` when no set of actions meets the constraints. */
  choice?: PlanChoice;
  /**
   * `optimal`; `gap` when the time limit stopped the solver first (with the best plan found, if
   * any); `infeasible` when no set of actions meets the constraints.
   */
  status: 'optimal' | 'gap' | 'infeasible';
  /** The relative gap the solver proved (0 when optimal). */
  gap: number;
}

/** What to optimise. */
export interface SolveGoal {
  /** `cheapest`: least cost reaching `minTotal`; `highest`: highest total. */
  objective: 'cheapest' | 'highest';
  /** The total score to reach (for `cheapest`). */
  minTotal?: number;
  /** At most this many person-days. */
  budget?: number;
  /** Seconds the solver may take. */
  timeLimit: number;
  /**
   * How many innovations the first try of a cheapest plan may leave out (default 8); the tests
   * set it low to hold the two-step search to brute force on small regions.
   */
  near?: number;
}

type Highs = typeof import('highs') extends { default: (...a: never[]) => Promise<infer H> }
  ? H
  : never;

let loading: Promise<Highs> | undefined;

/** HiGHS, loaded on the first plan only: the main entry never carries its WebAssembly. */
function highs(): Promise<Highs> {
  loading ??= import('highs').then((m) => m.default());
  return loading;
}

/** A linear program under construction: named columns and sparse rows. */
class Program {
  readonly cost: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly integer: (0 | 1)[] = [];
  readonly rows: { terms: Map<number, number>; lower: number; upper: number }[] = [];

  column(upper: number, integer: boolean, lower = 0): number {
    this.cost.push(0);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    return this.cost.length - 1;
  }

  binary(): number {
    return this.column(1, true);
  }

  row(terms: Iterable<[number, number]>, lower: number, upper: number): void {
    const map = new Map<number, number>();
    for (const [col, value] of terms) map.set(col, (map.get(col) ?? 0) + value);
    this.rows.push({ terms: map, lower, upper });
  }
}

/** Indicator groups with the same options, wherever they are. */
interface Kind {
  /** The options they share. */
  options: readonly SpaceOption[];
  /** Per option, the column that counts how many groups of this kind take it. */
  columns: number[];
  /** The groups of this kind: innovation and group. */
  slots: { innovation: number; group: number }[];
  /** Per column of an innovation that counts (submitted or mended), its groups of this kind. */
  supply: Map<number, number>;
}

/** A linear expression: terms over columns, and a constant. */
interface Expression {
  terms: [number, number][];
  constant: number;
}

/**
 * The columns and rows of a space, with the expressions of its total score and its cost. Built
 * once per solve: a few thousand columns for a region of 200 innovations.
 */
function build(space: PlanSpace, lowest: number, highest = Number.POSITIVE_INFINITY) {
  const p = new Program();
  const total: Expression = { terms: [], constant: space.spdBase };
  const cost: Expression = { terms: [], constant: 0 };
  const kematangan: [number, number][] = [];
  const count: [number, number][] = [];
  // Whether anything is proven (for the noEvidence rule): columns whose value 1 proves points.
  const proving: number[] = [];

  const submitted = space.innovations.map((innovation) => {
    const s = p.binary();
    // Withholding costs its person-days: cost += w·(1 − s).
    cost.constant += innovation.withhold;
    cost.terms.push([s, -innovation.withhold]);
    count.push([s, 1]);
    return s;
  });

  const counted = space.innovations.map((innovation, i) => {
    const s = submitted[i] as number;
    if (!innovation.rejected) return s;
    if (innovation.fix === undefined) return undefined;
    const f = p.binary();
    cost.terms.push([f, innovation.fix]);
    p.row(
      [
        [f, 1],
        [s, -1],
      ],
      -Infinity,
      0,
    );
    return f;
  });

  // Indicator options, by kind: groups with the same options (gains and costs) are alike wherever
  // they are, so one integer column per option of a kind says how many groups of that kind take
  // it, bounded by how many such groups belong to innovations that count. Which innovation takes
  // which is then free (`read` deals them out): thousands of binaries become a few dozen integers,
  // with the same optimum.
  const kinds = new Map<string, Kind>();
  space.innovations.forEach((innovation, i) => {
    const on = counted[i];
    if (on === undefined) return;
    if (innovation.base > 0) {
      kematangan.push([on, innovation.base]);
      proving.push(on);
    }
    innovation.groups.forEach((group, g) => {
      if (group.length === 0) return;
      const key = group.map((o) => `${o.gain}:${o.cost}`).join(',');
      let kind = kinds.get(key);
      if (!kind) {
        kind = { options: group, columns: [], slots: [], supply: new Map() };
        kinds.set(key, kind);
      }
      kind.slots.push({ innovation: i, group: g });
      kind.supply.set(on, (kind.supply.get(on) ?? 0) + 1);
    });
  });
  for (const kind of kinds.values()) {
    const row: [number, number][] = [...kind.supply].map(([on, k]) => [on, -k]);
    kind.options.forEach((option) => {
      const m = p.column(kind.slots.length, true);
      kind.columns.push(m);
      kematangan.push([m, option.gain]);
      cost.terms.push([m, option.cost]);
      if (option.gain > 0) proving.push(m);
      row.push([m, 1]);
    });
    p.row(row, -Infinity, 0);
  }

  const spd: { group: number; option: number; column: number }[] = [];
  space.spd.forEach((group, g) => {
    if (group.length === 0) return;
    const row: [number, number][] = [];
    group.forEach((option, o) => {
      const y = p.binary();
      spd.push({ group: g, option: o, column: y });
      total.terms.push([y, option.gain]);
      cost.terms.push([y, option.cost]);
      if (option.gain > 0) proving.push(y);
      row.push([y, 1]);
    });
    p.row(row, -Infinity, 1);
  });

  // New innovations: one per basic-service affair, and any number more for the count.
  const coverageNew = new Map<string, number>();
  const newOptions: { group: number; option: number; column: number }[] = [];
  let extra: number | undefined;
  if (space.add.max > 0) {
    const row: [number, number][] = [];
    for (const u of space.coverage?.urusan ?? []) {
      const a = p.binary();
      coverageNew.set(u, a);
      cost.terms.push([a, space.add.cost]);
      count.push([a, 1]);
      row.push([a, 1]);
    }
    extra = p.column(space.add.max, true);
    cost.terms.push([extra, space.add.cost]);
    count.push([extra, 1]);
    row.push([extra, 1]);
    p.row(row, -Infinity, space.add.max);
    // Per indicator, how many of the new innovations take each option: at most one option each,
    // so at most as many as were added.
    (space.add.groups ?? []).forEach((group, g) => {
      const limit: [number, number][] = row.map(([col]) => [col, -1]);
      group.forEach((option, o) => {
        const m = p.column(space.add.max, true);
        newOptions.push({ group: g, option: o, column: m });
        kematangan.push([m, option.gain]);
        cost.terms.push([m, option.cost]);
        if (option.gain > 0) proving.push(m);
        limit.push([m, 1]);
      });
      p.row(limit, -Infinity, 0);
    });
  }

  // n = Σ submitted + Σ new, as one of its possible values z_n; the kematangan sum goes wholly
  // to the chosen n, so that Σ S_n / max(floor, n) is the SID exactly. S_n is bounded by what n
  // innovations can reach at most (the n highest) and at least (the n lowest as they stand):
  // bounds per n, not one big M, keep the relaxation close to the integer problem.
  const most = space.innovations.length + space.add.max;
  const best = (groups: readonly (readonly SpaceOption[])[]) =>
    groups.reduce((m, g) => m + Math.max(0, ...g.map((o) => o.gain)), 0);
  const highs = space.innovations.map((i) =>
    i.rejected && i.fix === undefined ? 0 : i.base + best(i.groups),
  );
  const lows = space.innovations.map((i) => (i.rejected ? 0 : i.base));
  const newBest = best(space.add.groups ?? []);
  for (let k = 0; k < space.add.max; k++) {
    highs.push(newBest);
    lows.push(0);
  }
  const upTo = prefix(highs.sort((a, b) => b - a));
  const downTo = prefix(lows.sort((a, b) => a - b));
  const z: number[] = [];
  const sums: number[] = [];
  for (let n = 0; n <= most; n++) {
    z.push(p.column(n >= lowest && n <= highest ? 1 : 0, true));
    const divisor = Math.max(space.floor, n);
    const high = upTo[n] as number;
    if (divisor > 0 && high > 0) {
      const sum = p.column(high, false);
      sums.push(sum);
      total.terms.push([sum, 1 / divisor]);
      p.row(
        [
          [sum, 1],
          [z[n] as number, -high],
        ],
        -Infinity,
        0,
      );
      const low = downTo[n] as number;
      if (low > 0)
        p.row(
          [
            [sum, 1],
            [z[n] as number, -low],
          ],
          0,
          Infinity,
        );
    }
  }
  p.row(
    z.map((col) => [col, 1]),
    1,
    1,
  );
  p.row([...count, ...z.map((col, n) => [col, -n] as [number, number])], 0, 0);
  p.row([...kematangan, ...sums.map((col) => [col, -1] as [number, number])], 0, 0);

  // Count points: min(n, cap)·pointsEach, only when the basic-service rule holds and something
  // is proven. cp_n ≤ z_n, cp_n ≤ covered, cp_n ≤ assessed.
  let covered: number | undefined;
  if (space.coverage) {
    covered = p.binary();
    const affairs: [number, number][] = [];
    for (const u of space.coverage.urusan) {
      const c = p.binary();
      affairs.push([c, -1]);
      const row: [number, number][] = [[c, 1]];
      space.innovations.forEach((innovation, i) => {
        const on = counted[i];
        if (on !== undefined && innovation.urusan.includes(u)) row.push([on, -1]);
      });
      const a = coverageNew.get(u);
      if (a !== undefined) row.push([a, -1]);
      p.row(row, -Infinity, 0);
    }
    p.row([[covered, space.coverage.minCovered], ...affairs], -Infinity, 0);
  }
  let assessed: number | undefined;
  if (space.noEvidence && space.spdBase <= 0) {
    assessed = p.binary();
    p.row([[assessed, 1], ...proving.map((col) => [col, -1] as [number, number])], -Infinity, 0);
  }
  z.forEach((zn, n) => {
    const points = Math.min(n, space.cap) * space.pointsEach;
    if (points <= 0) return;
    const cp = p.column(1, false);
    total.terms.push([cp, points]);
    p.row(
      [
        [cp, 1],
        [zn, -1],
      ],
      -Infinity,
      0,
    );
    if (covered !== undefined)
      p.row(
        [
          [cp, 1],
          [covered, -1],
        ],
        -Infinity,
        0,
      );
    if (assessed !== undefined)
      p.row(
        [
          [cp, 1],
          [assessed, -1],
        ],
        -Infinity,
        0,
      );
  });

  // The total of a solution as the formula gives it, from its integer columns rounded: the
  // solver's own values may stray from whole numbers by its feasibility tolerance, and it may
  // leave a count-point column below what the solution earns when the total is not its objective.
  const scored = (values: ArrayLike<number>, on: (col: number) => boolean) => {
    let sum = total.constant;
    for (const o of spd) if (on(o.column)) sum += space.spd[o.group]?.[o.option]?.gain ?? 0;
    const n = rounded(count, values);
    const points = rounded(kematangan, values);
    if (points !== 0) sum += points / Math.max(space.floor, n);
    const affairs = new Set<string>();
    space.innovations.forEach((innovation, i) => {
      const c = counted[i];
      if (c !== undefined && on(c) && on(submitted[i] as number))
        for (const u of innovation.urusan) affairs.add(u);
    });
    for (const [u, col] of coverageNew) if (on(col)) affairs.add(u);
    const isCovered =
      !space.coverage ||
      space.coverage.urusan.filter((u) => affairs.has(u)).length >= space.coverage.minCovered;
    const isAssessed =
      assessed === undefined || proving.some((col) => Math.round(values[col] as number) > 0);
    return isCovered && isAssessed ? sum + Math.min(n, space.cap) * space.pointsEach : sum;
  };
  const read = (values: ArrayLike<number>): PlanChoice => {
    const on = (col: number) => Math.round(values[col] as number) === 1;
    return {
      withheld: submitted.flatMap((s, i) => (on(s) ? [] : [i])),
      fixed: counted.flatMap((f, i) =>
        space.innovations[i]?.rejected && f !== undefined && on(f) && on(submitted[i] as number)
          ? [i]
          : [],
      ),
      options: [...kinds.values()]
        .flatMap((kind) => {
          // Dealt out in order to the groups of this kind whose innovation counts.
          const free = kind.slots.filter((slot) => on(counted[slot.innovation] as number));
          return kind.columns.flatMap((col, option) =>
            free.splice(0, Math.round(values[col] as number)).map((slot) => ({ ...slot, option })),
          );
        })
        .sort((a, b) => a.innovation - b.innovation || a.group - b.group),
      spd: spd.filter((o) => on(o.column)).map(({ group, option }) => ({ group, option })),
      coverage: [...coverageNew].filter(([, col]) => on(col)).map(([u]) => u),
      extra: extra === undefined ? 0 : Math.round(values[extra] as number),
      newOptions: newOptions
        .map(({ group, option, column }) => ({
          group,
          option,
          count: Math.round(values[column] as number),
        }))
        .filter((o) => o.count > 0),
      total: scored(values, on),
      // Every cost column is an integer one.
      cost: cost.constant + rounded(cost.terms, values),
    };
  };
  return { program: p, total, cost, read };
}

/**
 * Solves a space for a goal: the cheapest set of actions whose total reaches `minTotal`, or the
 * highest total (and, among equal totals, the cheapest), each within `budget`.
 */
export async function solvePlan(space: PlanSpace, goal: SolveGoal): Promise<SolveResult> {
  const solver = await highs();
  // Costs in whole steps of `unit` person-days: a plan cheaper by less than half a step is none.
  const unit = costUnit(space);
  const costGap = unit > 0 ? unit / 2 : 1e-9;
  const lowest = fewest(space, goal.budget);
  if (goal.objective === 'cheapest') {
    // The least cost only: a tie-break toward a higher total would make the solver prove the
    // best total among equally cheap plans too, at about twice the time.
    const near = space.innovations.length - (goal.near ?? NEAR);
    if (lowest >= near) return cheapest(solver, space, goal, costGap, lowest);
    // Plans rarely leave out more than a few innovations: the cheapest plan leaving out at most
    // NEAR is found first (a small range of n solves fast), then no plan leaving out more is
    // shown to be cheaper (or the cheaper one is found): the same optimum, in about half the time.
    const first = cheapest(solver, space, goal, costGap, near);
    if (!first.choice) return cheapest(solver, space, goal, costGap, lowest);
    const rest = cheapest(solver, space, goal, costGap, lowest, near - 1, first.choice.cost);
    if (!rest.choice) return rest.status === 'gap' ? { ...first, status: 'gap', gap: 1 } : first;
    return { ...rest, gap: Math.max(first.gap, rest.gap) };
  }
  const { program, total, cost, read } = build(space, lowest);
  const rows = [...program.rows];
  if (goal.budget !== undefined) {
    rows.push(row(cost.terms, -Infinity, goal.budget - cost.constant + 1e-9));
  }
  const best = run(solver, program, rows, total.terms, 'maximize', goal, read, 1e-9);
  if (!best.choice) return best;
  const floor = row(total.terms, best.choice.total - total.constant - 1e-7, Infinity);
  const rowsAtBest = [...rows, floor];
  const least = run(solver, program, rowsAtBest, cost.terms, 'minimize', goal, read, costGap);
  return least.choice ? { ...least, gap: Math.max(best.gap, least.gap) } : best;
}

/** How many innovations the first try of a cheapest plan may leave out. */
const NEAR = 8;

/**
 * The cheapest plan reaching the goal's total with n (innovations submitted and added) between
 * `lowest` and `highest`, within the budget and, with `below`, cheaper than that by a step.
 */
function cheapest(
  solver: Highs,
  space: PlanSpace,
  goal: SolveGoal,
  costGap: number,
  lowest: number,
  highest = Number.POSITIVE_INFINITY,
  below?: number,
): SolveResult {
  const limit = Math.min(
    goal.budget === undefined ? Number.POSITIVE_INFINITY : goal.budget + 1e-9,
    below === undefined ? Number.POSITIVE_INFINITY : below - costGap,
  );
  // Within a cost limit, at most limit / the cheapest withholding can be left out.
  const { program, total, cost, read } = build(space, fewest(space, limit, lowest), highest);
  const rows = [...program.rows, row(total.terms, (goal.minTotal ?? 0) - total.constant, Infinity)];
  if (limit < Number.POSITIVE_INFINITY)
    rows.push(row(cost.terms, -Infinity, limit - cost.constant));
  return run(solver, program, rows, cost.terms, 'minimize', goal, read, costGap);
}

/**
 * The fewest innovations a best plan submits. Leaving one out while the region has no more than
 * the divisor's floor never raises the score (the divisor stays, its points and count go), so
 * min(floor, innovations) stay; and within a budget, at most budget / the cheapest withholding
 * are left out.
 */
function fewest(space: PlanSpace, budget: number | undefined, atLeast = 0): number {
  const n = space.innovations.length;
  let lowest = Math.max(atLeast, Math.min(space.floor, n));
  const cheapest = Math.min(...space.innovations.map((i) => i.withhold));
  if (budget !== undefined && Number.isFinite(budget) && cheapest > 0) {
    lowest = Math.max(lowest, n - Math.floor(budget / cheapest + 1e-9));
  }
  return lowest;
}

/**
 * The step all costs are whole multiples of (1, ½, ¼, 0.1 … 0.01 person-days), or 0 when there
 * is none: the solver then stops only on the exact least cost.
 */
function costUnit(space: PlanSpace): number {
  const costs = [
    space.add.cost,
    ...space.spd.flat().map((o) => o.cost),
    ...space.innovations.flatMap((i) => [
      i.withhold,
      i.fix ?? 0,
      ...i.groups.flat().map((o) => o.cost),
    ]),
    ...(space.add.groups ?? []).flat().map((o) => o.cost),
  ];
  const whole = (v: number, unit: number) => Math.abs(v / unit - Math.round(v / unit)) < 1e-9;
  return [1, 0.5, 0.25, 0.1, 0.05, 0.01].find((unit) => costs.every((c) => whole(c, unit))) ?? 0;
}

/** Σ k · x over terms, each x rounded to its integer (the solver's values stray by its tolerance). */
function rounded(terms: readonly [number, number][], values: ArrayLike<number>): number {
  return terms.reduce((sum, [col, k]) => sum + k * Math.round(values[col] as number), 0);
}

/** Running sums: element n is the sum of the first n values. */
function prefix(values: readonly number[]): number[] {
  const out = [0];
  for (const v of values) out.push((out[out.length - 1] as number) + v);
  return out;
}

function row(terms: [number, number][], lower: number, upper: number) {
  return { terms: new Map(terms), lower, upper };
}

function run(
  solver: Highs,
  program: Program,
  rows: Program['rows'],
  objective: [number, number][],
  sense: 'minimize' | 'maximize',
  goal: SolveGoal,
  read: (values: ArrayLike<number>) => PlanChoice,
  absGap: number,
): SolveResult {
  const numCols = program.cost.length;
  const colCost = new Float64Array(numCols);
  for (const [col, v] of objective) colCost[col] = (colCost[col] as number) + v;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const r of rows) {
    for (const [col, v] of r.terms) {
      if (v === 0) continue;
      indices.push(col);
      values.push(v);
    }
    starts.push(indices.length);
  }
  const model = solver.createModel({
    numCols,
    numRows: rows.length,
    sense: solver.constants.objectiveSense[sense],
    colCost,
    colLower: program.lower,
    colUpper: program.upper,
    rowLower: rows.map((r) => (r.lower === -Infinity ? -solver.infinity : r.lower)),
    rowUpper: rows.map((r) => (r.upper === Infinity ? solver.infinity : r.upper)),
    matrix: { format: 'csr', numRows: rows.length, numCols, starts, indices, values },
    integrality: program.integer,
  });
  try {
    model.options.set('output_flag', false);
    model.options.set('mip_rel_gap', 0);
    model.options.set('mip_abs_gap', absGap);
    // Integers to 1e-7 (HiGHS's default is 1e-6, at which the cheapest plan of 200 innovations
    // took three times as long), rows to HiGHS's 1e-7. Tighter ones (1e-9) made its presolved
    // search miss the best plan on a region of three innovations (the plan-model test's fixed
    // example); its maintainers advise against them. `read` rounds the integers and scores the
    // rounded plan by the formula, and the planner re-measures every plan it applies.
    model.options.set('mip_feasibility_tolerance', 1e-7);
    model.options.set('time_limit', goal.timeLimit);
    try {
      model.run();
    } catch {
      // HiGHS gave up with an error of its own: no claim at all, as when the time limit passes
      // before any plan is found (the caller falls back to the greedy order and says so).
      return { status: 'gap', gap: 1 };
    }
    const status = model.getModelStatus();
    const codes = solver.constants.modelStatus;
    if (status === codes.optimal) {
      return { choice: read(model.getSolution().colValue), status: 'optimal', gap: 0 };
    }
    const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
    if (status === codes.timeLimit && hasSolution) {
      const gap = Number(model.info.get('mip_gap'));
      return {
        choice: read(model.getSolution().colValue),
        status: 'gap',
        gap: Number.isFinite(gap) ? gap : 1,
      };
    }
    // Stopped by the time limit before any plan was found: no claim at all (the caller says so).
    if (status === codes.timeLimit) return { status: 'gap', gap: 1 };
    return { status: 'infeasible', gap: 0 };
  } finally {
    model.dispose();
  }
}
