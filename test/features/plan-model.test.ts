import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type PlanChoice,
  type PlanSpace,
  type SolveGoal,
  solvePlan,
} from '../../src/features/_plan-model.js';
import { type IndexPart, indexTotal } from '../../src/features/region.js';
import type { RubricRuleSet } from '../../src/rule-sets/types.js';

/**
 * The optimiser against brute force: on spaces small enough to enumerate every set of actions,
 * each set scored by the index's own formula (`indexTotal` of region.ts, the one evaluateRegion
 * uses), the optimiser's cost (or total) equals the best found by enumeration.
 */

/** A space with the SPD levels and weights it was made from, for the formula. */
interface Case {
  space: PlanSpace;
  spd: { weight: number; now: number; levels: number[] }[];
}

const r4 = (n: number) => Math.round(n * 10_000) / 10_000;
const AFFAIRS = ['pendidikan', 'kesehatan', 'sosial'];

const optionArb = fc.record({
  gain: fc.constantFrom(1, 2, 3, 4, 6, 8, 9, 12),
  cost: fc.constantFrom(0.5, 1, 2, 3, 5, 10),
});
const innovationArb = fc.record({
  rejected: fc.boolean(),
  urusan: fc.subarray([...AFFAIRS, 'pariwisata'], { maxLength: 2 }),
  base: fc.constantFrom(0, 0, 3, 12, 40, 111),
  fix: fc.option(fc.constantFrom(1, 5), { nil: undefined }),
  withhold: fc.constantFrom(0.5, 1, 2),
  groups: fc.array(fc.array(optionArb, { minLength: 1, maxLength: 2 }), { maxLength: 2 }),
});
const spdArb = fc.record({
  weight: fc.constantFrom(0.75, 1, 1.5, 2),
  now: fc.integer({ min: 0, max: 2 }),
  cost: fc.constantFrom(1, 5, 10),
});

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    floor: fc.integer({ min: 1, max: 4 }),
    cap: fc.integer({ min: 1, max: 5 }),
    pointsEach: fc.constantFrom(0.38, 1, 3),
    coverage: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    noEvidence: fc.boolean(),
    innovations: fc.array(innovationArb, { minLength: 1, maxLength: 3 }),
    spd: fc.array(spdArb, { maxLength: 2 }),
    add: fc.record({
      cost: fc.constantFrom(2, 20),
      max: fc.integer({ min: 0, max: 1 }),
      groups: fc.array(fc.array(optionArb, { minLength: 1, maxLength: 2 }), { maxLength: 2 }),
    }),
  })
  .map((c) => {
    const spd = c.spd.map((s) => ({
      weight: s.weight,
      now: s.now,
      levels: [1, 2, 3].filter((l) => l > s.now),
      cost: s.cost,
    }));
    const space: PlanSpace = {
      floor: c.floor,
      cap: c.cap,
      pointsEach: c.pointsEach,
      ...(c.coverage !== undefined
        ? { coverage: { urusan: AFFAIRS, minCovered: c.coverage } }
        : {}),
      noEvidence: c.noEvidence,
      spdBase: spd.reduce((sum, s) => sum + r4(s.now * s.weight), 0),
      spd: spd.map((s) =>
        s.levels.map((l) => ({
          gain: r4(l * s.weight) - r4(s.now * s.weight),
          cost: (l - s.now) * s.cost,
        })),
      ),
      innovations: c.innovations.map((i) => ({
        ...i,
        // An unfixable rejected innovation has nothing to change: its points never count.
        ...(i.rejected && i.fix === undefined ? { base: 0, groups: [] } : {}),
        ...(i.rejected ? {} : { fix: undefined }),
      })),
      add: c.add,
    };
    return { space, spd };
  });

/** The index's own formula on a set of actions. */
function formula(c: Case, choice: Omit<PlanChoice, 'total' | 'cost'>): number {
  const { space } = c;
  const rubric = {
    region: {
      divisorFloor: space.floor,
      innovationCount: { pointsEach: space.pointsEach, maxCounted: space.cap },
      ...(space.coverage
        ? {
            basicServiceRule: {
              urusan: space.coverage.urusan,
              minCovered: space.coverage.minCovered,
            },
          }
        : {}),
      ...(space.noEvidence ? { noEvidence: { citation: '' } } : {}),
      spd: c.spd.map((s, k) => ({ id: `s${k}`, weight: s.weight })),
    },
  } as unknown as RubricRuleSet;
  const levels: Record<string, number> = {};
  c.spd.forEach((s, k) => {
    const taken = choice.spd.find((o) => o.group === k);
    levels[`s${k}`] = taken ? (s.levels[taken.option] as number) : s.now;
  });
  const parts: IndexPart[] = [];
  space.innovations.forEach((innovation, i) => {
    if (choice.withheld.includes(i)) return;
    const rejected = innovation.rejected && !choice.fixed.includes(i);
    let kematangan = innovation.base;
    for (const o of choice.options.filter((x) => x.innovation === i)) {
      kematangan += innovation.groups[o.group]?.[o.option]?.gain ?? 0;
    }
    parts.push({ kematangan: rejected ? 0 : kematangan, rejected, urusan: innovation.urusan });
  });
  // New innovations, the first ones taking the options chosen for them.
  const fresh = [...choice.coverage, ...Array<string>(choice.extra).fill('pariwisata')];
  fresh.forEach((u, k) => {
    let kematangan = 0;
    for (const o of choice.newOptions) {
      if (k < o.count) kematangan += space.add.groups?.[o.group]?.[o.option]?.gain ?? 0;
    }
    parts.push({ kematangan, rejected: false, urusan: [u] });
  });
  return indexTotal(rubric, levels, parts);
}

/** Every set of actions a space allows, with its cost. */
function* every(space: PlanSpace): Generator<Omit<PlanChoice, 'total'>> {
  type Partial = Omit<PlanChoice, 'total'>;
  const empty: Partial = {
    withheld: [],
    fixed: [],
    options: [],
    spd: [],
    coverage: [],
    extra: 0,
    newOptions: [],
    cost: 0,
  };
  let all: Partial[] = [empty];
  space.innovations.forEach((innovation, i) => {
    const next: Partial[] = [];
    for (const base of all) {
      next.push({
        ...base,
        withheld: [...base.withheld, i],
        cost: base.cost + innovation.withhold,
      });
      const fixes = innovation.rejected
        ? innovation.fix === undefined
          ? [false]
          : [false, true]
        : [false];
      for (const fixed of fixes) {
        const open = !innovation.rejected || fixed;
        let ways: Partial[] = [
          fixed
            ? { ...base, fixed: [...base.fixed, i], cost: base.cost + (innovation.fix ?? 0) }
            : base,
        ];
        if (open) {
          innovation.groups.forEach((group, g) => {
            ways = ways.flatMap((w) => [
              w,
              ...group.map((o, k) => ({
                ...w,
                options: [...w.options, { innovation: i, group: g, option: k }],
                cost: w.cost + o.cost,
              })),
            ]);
          });
        }
        next.push(...ways);
      }
    }
    all = next;
  });
  space.spd.forEach((group, g) => {
    all = all.flatMap((w) => [
      w,
      ...group.map((o, k) => ({
        ...w,
        spd: [...w.spd, { group: g, option: k }],
        cost: w.cost + o.cost,
      })),
    ]);
  });
  type New = {
    coverage: string[];
    extra: number;
    newOptions: PlanChoice['newOptions'];
    cost: number;
  };
  const one: New[] = [];
  if (space.add.max >= 1) {
    for (const u of space.coverage?.urusan ?? [])
      one.push({ coverage: [u], extra: 0, newOptions: [], cost: 0 });
    one.push({ coverage: [], extra: 1, newOptions: [], cost: 0 });
  }
  // Each new innovation's own options: per group, none or one.
  let withOptions: New[] = one;
  (space.add.groups ?? []).forEach((group, g) => {
    withOptions = withOptions.flatMap((n) => [
      n,
      ...group.map((o, k) => ({
        ...n,
        newOptions: [...n.newOptions, { group: g, option: k, count: 1 }],
        cost: n.cost + o.cost,
      })),
    ]);
  });
  const news: New[] = [{ coverage: [], extra: 0, newOptions: [], cost: 0 }, ...withOptions];
  for (const w of all) {
    for (const n of news) {
      yield {
        ...w,
        coverage: n.coverage,
        extra: n.extra,
        newOptions: n.newOptions,
        cost: w.cost + n.cost + (n.coverage.length + n.extra) * space.add.cost,
      };
    }
  }
}

const goalArb = fc.oneof(
  fc.record({
    objective: fc.constant('cheapest' as const),
    // A target is a band's least IID (0.01 at the lowest): never a hair above 0, where the
    // solver's feasibility tolerance (1e-9) would count a fractional binary as reaching it.
    minTotal: fc.double({ min: 0.01, max: 60, noNaN: true }),
    budget: fc.option(fc.constantFrom(3, 10, 25), { nil: undefined }),
    // The two-step search (first leaving out at most `near`, then proving no plan leaving out
    // more is cheaper), forced onto small regions; undefined: the default, one step here.
    near: fc.option(fc.constantFrom(0, 1, 2), { nil: undefined }),
  }),
  fc.record({
    objective: fc.constant('highest' as const),
    budget: fc.constantFrom(0, 1, 3, 10, 25),
  }),
);

describe('solvePlan against brute force', () => {
  it('finds the cheapest plan reaching a total, or the highest total in a budget, as enumeration does', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, goalArb, async (c, g) => {
        const goal: SolveGoal = {
          objective: g.objective,
          ...('minTotal' in g ? { minTotal: g.minTotal } : {}),
          ...(g.budget !== undefined ? { budget: g.budget } : {}),
          ...('near' in g && g.near !== undefined ? { near: g.near } : {}),
          timeLimit: 60,
        };
        const solved = await solvePlan(c.space, goal);
        let best: { cost: number; total: number } | undefined;
        for (const choice of every(c.space)) {
          if (goal.budget !== undefined && choice.cost > goal.budget + 1e-9) continue;
          const total = formula(c, choice);
          if (goal.objective === 'cheapest') {
            if (total < (goal.minTotal ?? 0) - 1e-9) continue;
            if (!best || choice.cost < best.cost - 1e-9) best = { cost: choice.cost, total };
          } else if (
            !best ||
            total > best.total + 1e-9 ||
            (total > best.total - 1e-9 && choice.cost < best.cost)
          ) {
            best = { cost: choice.cost, total };
          }
        }
        if (!best) {
          expect(solved.status).toBe('infeasible');
          return;
        }
        expect(solved.status).toBe('optimal');
        const choice = solved.choice as PlanChoice;
        // The model's claim is the formula's, and the choice is as good as the best there is.
        expect(choice.total).toBeCloseTo(formula(c, choice), 6);
        expect(choice.cost).toBeCloseTo(
          [...every(c.space)].find(
            (w) =>
              JSON.stringify([
                w.withheld,
                w.fixed,
                w.options,
                w.spd,
                w.coverage,
                w.extra,
                w.newOptions,
              ]) ===
              JSON.stringify([
                choice.withheld,
                choice.fixed,
                choice.options,
                choice.spd,
                choice.coverage,
                choice.extra,
                choice.newOptions,
              ]),
          )?.cost ?? Number.NaN,
          6,
        );
        if (goal.objective === 'cheapest') {
          expect(choice.cost).toBeCloseTo(best.cost, 6);
          expect(formula(c, choice)).toBeGreaterThanOrEqual((goal.minTotal ?? 0) - 1e-6);
        } else {
          expect(formula(c, choice)).toBeCloseTo(best.total, 6);
          expect(choice.cost).toBeCloseTo(best.cost, 6);
        }
      }),
      {
        numRuns: 2000,
        examples: [
          // Found by this property: HiGHS with a 1e-9 integrality tolerance stopped at 11.67
          // (mend the second, take its 8) and called it optimal; mending the first too, within
          // the budget of 3, gives 12.67.
          [
            {
              space: {
                floor: 1,
                cap: 3,
                pointsEach: 3,
                noEvidence: false,
                spdBase: 0,
                spd: [],
                innovations: [
                  { rejected: true, urusan: [], base: 3, fix: 1, withhold: 2, groups: [] },
                  {
                    rejected: true,
                    urusan: [],
                    base: 0,
                    fix: 1,
                    withhold: 0.5,
                    groups: [
                      [
                        { gain: 8, cost: 1 },
                        { gain: 1, cost: 3 },
                      ],
                    ],
                  },
                  {
                    rejected: true,
                    urusan: [],
                    base: 40,
                    fix: 5,
                    withhold: 1,
                    groups: [
                      [
                        { gain: 1, cost: 0.5 },
                        { gain: 1, cost: 0.5 },
                      ],
                    ],
                  },
                ],
                add: { cost: 2, max: 0, groups: [] },
              },
              spd: [],
            },
            { objective: 'highest', budget: 3 },
          ],
        ],
      },
    );
  });
});
