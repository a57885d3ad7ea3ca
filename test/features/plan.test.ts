import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRecord } from '../../bench/records.js';
import {
  evaluateRegion,
  getRuleSet,
  InvalidOptionError,
  type RubricRuleSet,
} from '../../src/index.js';
import { planRegion, type RegionPlan } from '../../src/plan.js';
import { eligibleRecord } from '../helpers.js';
import { runs } from '../runs.js';

const BASIC = [
  'pendidikan',
  'kesehatan',
  'pekerjaan_umum_dan_penataan_ruang',
  'perumahan_rakyat_dan_kawasan_permukiman',
  'ketenteraman_dan_ketertiban_umum_serta_pelindungan_masyarakat',
  'sosial',
];
const doc = [{ jenis: 'sk', nomor: '1', tanggal: '2025-01-02', url: 'a.pdf' }];

/** Every indicator at level 3 (111 points under iga-2026); `unproven` ones without evidence. */
function maxed(unproven: string[] = []): Record<string, unknown> {
  const values: Record<string, Record<string, unknown>> = {
    regulasi: { jenis: 'perda' },
    sdm: { jumlah: 31 },
    anggaran: { tahun: [2024, 2025, 2026] },
    alatKerja: { jenis: 'daring' },
    bimtek: { jumlah: 3 },
    rkpd: { tahun: [2024, 2025, 2026] },
    aktor: { jumlah: 5 },
    pelaksana: { jenis: 'sk_kepala_daerah' },
    jejaring: { jumlahPd: 5 },
    sosialisasi: { jenis: 'media_massa' },
    pedomanTeknis: { jenis: 'daring' },
    informasiLayanan: { kanal: 3 },
    prosesLayanan: { hari: 1 },
    pengaduan: { persenSelesai: 91 },
    layananTerintegrasi: { jenis: 'lintas_unit' },
    replikasi: { jumlah: 3 },
    kecepatanPenciptaan: { bulan: 4 },
    kemanfaatan: { basis: 'penerima', nilai: 501 },
    monev: { jenis: 'eksternal' },
    video: { substansi: 5 },
  };
  return Object.fromEntries(
    Object.entries(values).map(([id, v]) => [id, unproven.includes(id) ? v : { ...v, bukti: doc }]),
  );
}

function innovation(i: number, urusan: string[], indikator: Record<string, unknown> = {}) {
  return eligibleRecord({
    id: `x-${i}`,
    nama: `Inovasi ${i}`,
    pemda: 'Kabupaten Uji',
    tahun: 2026,
    urusan,
    indikator,
  });
}

function spdAll(level: number): Record<string, number> {
  const { region } = getRuleSet('iga-2026') as RubricRuleSet;
  return Object.fromEntries(region.spd.map((s) => [s.id, level]));
}

/**
 * The IID by hand, as iga-2026 defines it: (SPD + Σ kematangan ÷ max(12, n) + count points) ÷ 250
 * × 100, the count points (0.38 each, at most 200) only when 5 of the 6 basic-service affairs are
 * covered.
 */
function handIid(spd: number, sum: number, n: number, covered: number): number {
  const count = covered >= 5 ? Math.min(n, 200) * 0.38 : 0;
  return Math.round(((spd + sum / Math.max(12, n) + count) / 250) * 100 * 100) / 100;
}

/** Replays a plan's IID by hand, and checks each step's gain against it. */
async function holds(plan: RegionPlan) {
  const evaluated = await evaluateRegion(plan.region);
  expect(evaluated.iid).toBe(plan.after.iid);
  expect(plan.steps.at(-1)?.iidAfter ?? plan.iid).toBe(plan.after.iid);
  let before = plan.iid;
  for (const step of plan.steps) {
    expect(step.gain).toBeCloseTo(step.iidAfter - before, 10);
    before = step.iidAfter;
  }
}

describe('planRegion: evidence for claimed points comes first', () => {
  it('attaches the claimed SDM evidence before raising any SPD level, with the exact gain', async () => {
    // Six innovations, one per basic-service affair, each with video level 3 proven (12 points);
    // the first also claims SDM level 2 (4 points) with no evidence.
    const inovasi = BASIC.map((u, i) =>
      innovation(i, [u], {
        video: { substansi: 5, bukti: doc },
        ...(i === 0 ? { sdm: { jumlah: 12 } } : {}),
      }),
    );
    const region = { pemda: 'Kabupaten Uji', tahun: 2026, spd: spdAll(2), inovasi };
    const plan = await planRegion(region, { method: 'greedy' });
    expect(plan.iid).toBe(handIid(42, 72, 6, 6)); // 20.11
    expect(plan.steps[0]).toMatchObject({
      kind: 'attach_evidence',
      innovation: 0,
      indicator: 'sdm',
      iidAfter: handIid(42, 76, 6, 6), // 20.25
      fields: ['inovasi.0.indikator.sdm.bukti'],
    });
    expect(plan.steps[0]?.gain).toBe(0.14);
    // Then the largest gain: SPD 12 (weight 2) from level 2 to 3.
    expect(plan.steps[1]).toMatchObject({
      kind: 'raise_spd',
      spd: 'spd_penghargaan_inovator',
      level: 3,
    });
    expect(plan.steps[1]?.iidAfter).toBe(handIid(44, 76, 6, 6));
    expect(plan.target).toEqual({ band: 'inovatif', min: 40.01 });
    expect(plan.reaches).toBe(true);
    await holds(plan);
  });
});

describe('planRegion: each greedy step weighed against the region as it stands', () => {
  it('after SPD steps, a bundle of new innovations is taken once it gains more per step', async () => {
    // Five generated innovations, no SPD yet: the SPD levels are raised, largest gain first,
    // until the bundle that completes the basic-service rule gains more per step than the next
    // SPD level. Weighed against sums kept from before the SPD steps, every later SPD level
    // looked worth what the earlier ones had added, and the bundle came last.
    const inovasi = Array.from({ length: 5 }, (_, i) => ({
      ...generateRecord(535 + i),
      tahun: 2026,
    }));
    const plan = await planRegion(
      { pemda: 'Kabupaten Uji', tahun: 2026, spd: {}, inovasi },
      { method: 'greedy' },
    );
    const bundle = plan.steps.filter((s) => s.kind === 'add_innovation');
    expect(bundle.length).toBeGreaterThan(0);
    const perStep = bundle.reduce((sum, s) => sum + s.gain, 0) / bundle.length;
    const first = plan.steps.findIndex((s) => s.kind === 'add_innovation');
    plan.steps.forEach((step, i) => {
      if (step.kind !== 'raise_spd') return;
      if (step.gain < perStep - 1e-9) expect(i, `${i}: ${step.gain}`).toBeGreaterThan(first);
      if (step.gain > perStep + 1e-9) expect(i, `${i}: ${step.gain}`).toBeLessThan(first);
    });
    expect(plan.steps.some((s, i) => s.kind === 'raise_spd' && i > first)).toBe(true);
    await holds(plan);
  });
});

describe('planRegion: the greedy order weighs only what can win, and chooses the same', () => {
  it('gives the steps it gives when every candidate is weighed (a budget that never binds)', async () => {
    // Without a budget, of the candidates that only add kematangan just each tier's best is
    // weighed; with a budget every candidate is (an unaffordable one may be the best). A budget
    // no plan can reach must give the very same steps.
    const { region: rubricRegion } = getRuleSet('iga-2026') as RubricRuleSet;
    const basic = rubricRegion.basicServiceRule?.urusan ?? BASIC;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 2 }),
        async (n, seed, spd) => {
          const inovasi = Array.from({ length: n }, (_, i) => ({
            ...generateRecord(seed + i),
            tahun: 2026,
            urusan: [basic[(seed + i) % basic.length] as string],
          }));
          const region = { pemda: 'Kabupaten Uji', tahun: 2026, spd: spdAll(spd), inovasi };
          const plain = await planRegion(region, { method: 'greedy' });
          const weighedAll = await planRegion(region, {
            method: 'greedy',
            target: plain.target.band,
            budget: 1_000_000,
          });
          const shown = (p: RegionPlan) =>
            p.steps.map((s) => [s.kind, s.innovation, s.indicator, s.spd, s.level, s.gain]);
          expect(shown(weighedAll)).toEqual(shown(plain));
        },
      ),
      { numRuns: runs(12) },
    );
  });
});

describe('planRegion: the basic-service rule and the divisor floor', () => {
  it('adds an innovation in a missing basic-service affair, past the floor of 12', async () => {
    // 12 innovations covering 4 of the 6 basic-service affairs: no count points yet.
    const inovasi = Array.from({ length: 12 }, (_, i) =>
      innovation(i, [BASIC[i % 4] as string], { video: { substansi: 1, bukti: doc } }),
    );
    const region = { pemda: 'Kabupaten Uji', tahun: 2026, spd: spdAll(3), inovasi };
    const plan = await planRegion(region, { method: 'greedy', maxSteps: 1 });
    expect(plan.iid).toBe(handIid(63, 48, 12, 4)); // (63 + 48/12 + 0) / 2.5 = 26.8
    const [step] = plan.steps;
    expect(step).toMatchObject({ kind: 'add_innovation', affair: BASIC[4], innovation: 12 });
    // n = 13 > floor: the divisor grows to 13, and the count points (13 × 0.38) now count:
    // (63 + 48/13 + 4.94) / 2.5 = 28.65.
    expect(step?.iidAfter).toBe(handIid(63, 48, 13, 5));
    expect(step?.iidAfter).toBe(28.65);
    expect(step?.gain).toBe(1.85);
    expect(step?.message).toContain('Ketenteraman dan Ketertiban Umum');
    // A new innovation counts only if implemented in IGA 2026's window: the step says which.
    expect(step?.message).toContain('diterapkan antara 2024-01-01 dan 2025-12-31');
    const added = (plan.region.inovasi as Record<string, unknown>[])[12];
    expect(added?.waktuPenerapan).toBe('2025-12-31');
    const { checkSubmission } = await import('../../src/submission.js');
    expect((await checkSubmission(added)).problems.map((p) => p.code)).not.toContain(
      'penerapan_di_luar_jendela',
    );
    await holds(plan);
  });

  it('below the floor a new innovation costs the average nothing', async () => {
    const inovasi = BASIC.slice(0, 4).map((u, i) =>
      innovation(i, [u], { video: { substansi: 1, bukti: doc } }),
    );
    const region = { pemda: 'Kabupaten Uji', tahun: 2026, spd: spdAll(3), inovasi };
    const plan = await planRegion(region, { method: 'greedy', maxSteps: 1 });
    expect(plan.steps[0]).toMatchObject({ kind: 'add_innovation', affair: BASIC[4] });
    expect(plan.steps[0]?.iidAfter).toBe(handIid(63, 16, 5, 5));
    await holds(plan);
  });
});

describe('planRegion: reaching the top band, or not within maxSteps', () => {
  // 12 innovations at every level 3, but regulasi, kemanfaatan and video (30 points) unproven.
  const inovasi = Array.from({ length: 12 }, (_, i) =>
    innovation(i, [BASIC[i % 6] as string], maxed(['regulasi', 'kemanfaatan', 'video'])),
  );
  const region = { pemda: 'Kabupaten Uji', tahun: 2026, spd: spdAll(3), inovasi };

  it('reaches sangat_inovatif by attaching evidence, every gain as computed by hand', async () => {
    const plan = await planRegion(region, { method: 'greedy', target: 'sangat_inovatif' });
    expect(plan.iid).toBe(handIid(63, 12 * 81, 12, 6)); // 59.42, inovatif
    expect(plan.reaches).toBe(true);
    expect(plan.after.band).toBe('sangat_inovatif');
    expect(plan.steps.every((s) => s.kind === 'attach_evidence')).toBe(true);
    // Video (12 points) first, then regulasi and kemanfaatan (9 each); the sum grows step by step.
    let sum = 12 * 81;
    for (const step of plan.steps) {
      sum += step.indicator === 'video' ? 12 : 9;
      expect(step.iidAfter).toBe(handIid(63, sum, 12, 6));
    }
    expect(plan.steps.slice(0, 12).every((s) => s.indicator === 'video')).toBe(true);
    expect(plan.after.iid).toBeGreaterThanOrEqual(65.01);
    await holds(plan);
  });

  it('stops at maxSteps and says the target is not reached', async () => {
    const plan = await planRegion(region, {
      method: 'greedy',
      target: 'sangat_inovatif',
      maxSteps: 3,
    });
    expect(plan.steps).toHaveLength(3);
    expect(plan.reaches).toBe(false);
    expect(plan.summary).toContain('belum tercapai');
    await holds(plan);
  });

  it('plans nothing for a region already in its target band', async () => {
    const top = {
      ...region,
      inovasi: inovasi.map((r, i) => innovation(i, r.urusan as string[], maxed())),
    };
    const plan = await planRegion(top);
    expect(plan).toMatchObject({ band: 'sangat_inovatif', reaches: true, steps: [] });
  });
});

describe('planRegion: raising levels', () => {
  it('raises an indicator by the least change that reaches the next level, with its evidence', async () => {
    const inovasi = BASIC.map((u, i) =>
      innovation(i, [u], i === 0 ? { sdm: { jumlah: 5, bukti: doc } } : {}),
    );
    const region = { pemda: 'Kabupaten Uji', tahun: 2026, spd: spdAll(3), inovasi };
    const plan = await planRegion(region, {
      method: 'greedy',
      target: 'sangat_inovatif',
      maxSteps: 400,
    });
    const sdm = plan.steps.find(
      (s) => s.kind === 'raise_level' && s.innovation === 0 && s.indicator === 'sdm',
    );
    expect(sdm).toMatchObject({
      level: 2,
      fields: ['inovasi.0.indikator.sdm.jumlah', 'inovasi.0.indikator.sdm.bukti'],
    });
    expect(sdm?.message).toContain('jumlah = 11');
    const anggaran = plan.steps.find((s) => s.kind === 'raise_level' && s.indicator === 'anggaran');
    expect(anggaran?.message).toMatch(/tahun = 20\d\d/);
    await holds(plan);
  });
});

describe('planRegion: the order is greedy, not optimal', () => {
  it('takes several evidence steps where one SPD step would have reached the target', async () => {
    // One step (SPD 12 from 2 to 3, +0.8 IID) reaches inovatif; the plan, evidence first,
    // attaches the claimed documents before it and so needs more steps than the shortest plan.
    // Six innovations at 108 proven points, each claiming bimtek level 1 (1 point) unproven:
    // (43.5 + 648/12 + 6 × 0.38) / 2.5 = 39.91. One evidence step adds 1/12 point (0.03 IID).
    const inovasi = BASIC.map((u, i) => innovation(i, [u], { ...maxed(), bimtek: { jumlah: 1 } }));
    const spd = { ...spdAll(2), spd_pad: 3 };
    const region = { pemda: 'Kabupaten Uji', tahun: 2026, spd, inovasi };
    const start = await evaluateRegion(region);
    const oneStep = await evaluateRegion({
      ...region,
      spd: { ...spd, spd_penghargaan_inovator: 3 },
    });
    expect(start.band).toBe('kurang_inovatif');
    expect(oneStep.band).toBe('inovatif');
    expect(start.iid).toBe(39.91);
    const plan = await planRegion(region);
    expect(plan.reaches).toBe(true);
    expect(plan.steps.map((s) => s.kind)).toEqual([
      'attach_evidence',
      'attach_evidence',
      'attach_evidence',
    ]);
    expect(plan.after.iid).toBe(40.01);
  });
});

describe('planRegion: input and options', () => {
  const region = {
    pemda: 'Kabupaten Uji',
    tahun: 2026,
    spd: {},
    inovasi: [innovation(0, ['kesehatan'])],
  };

  it("never changes the caller's region", async () => {
    const copy = structuredClone(region);
    const plan = await planRegion(region, { method: 'greedy', maxSteps: 5 });
    expect(region).toEqual(copy);
    expect(plan.region).not.toBe(region);
  });

  it('refuses an unknown target and a bad maxSteps', async () => {
    await expect(planRegion(region, { target: 'juara' as never })).rejects.toBeInstanceOf(
      InvalidOptionError,
    );
    await expect(planRegion(region, { maxSteps: -1 })).rejects.toBeInstanceOf(InvalidOptionError);
  });
});

describe('planRegion: a rejected innovation is mended', () => {
  it('mends the failing criterion of a rejected innovation whose proven points then count', async () => {
    // Six innovations with video level 3 proven (12 each); the first imposes a levy with no
    // regulation behind it, so it is rejected and its 12 points count for nothing.
    const inovasi = BASIC.map((u, i) =>
      innovation(i, [u], { video: { substansi: 5, bukti: doc } }),
    );
    inovasi[0] = { ...inovasi[0], pungutanBaru: true, pungutanSesuaiPeraturan: false } as never;
    const region = { pemda: 'Kabupaten Uji', tahun: 2026, spd: spdAll(3), inovasi };
    const plan = await planRegion(region, { method: 'greedy', maxSteps: 1 });
    expect(plan.iid).toBe(handIid(63, 60, 6, 6));
    expect(plan.steps[0]).toMatchObject({
      kind: 'fix_eligibility',
      innovation: 0,
      fields: ['inovasi.0.pungutanBaru'],
      iidAfter: handIid(63, 72, 6, 6),
    });
    expect(plan.steps[0]?.message).toContain('perbaiki kriteria c yang gagal');
    await holds(plan);
  });
});

describe('planRegion: the optimal plan', () => {
  // Six innovations at 108 proven points, each claiming bimtek level 1 unproven; SPD 2 but PAD 3:
  // IID 39.91, one SPD step (+0.8) or three evidence steps (+0.03 each) reach inovatif.
  const six = BASIC.map((u, i) => innovation(i, [u], { ...maxed(), bimtek: { jumlah: 1 } }));
  const sixRegion = {
    pemda: 'Kabupaten Uji',
    tahun: 2026,
    spd: { ...spdAll(2), spd_pad: 3 },
    inovasi: six,
  };

  it("solves the greedy's counter-example in its one step when evidence costs more", async () => {
    const costs = { attachEvidence: 5 };
    const greedy = await planRegion(sixRegion, { method: 'greedy', costs });
    const optimal = await planRegion(sixRegion, { costs });
    expect(greedy.steps.map((s) => s.kind)).toEqual(Array(3).fill('attach_evidence'));
    expect(greedy.cost).toBe(15);
    expect(optimal.status).toBe('optimal');
    expect(optimal.steps.map((s) => s.kind)).toEqual(['raise_spd']);
    expect(optimal.steps[0]).toMatchObject({ level: 3, cost: 10 });
    expect(optimal.cost).toBe(10);
    expect(optimal.reaches).toBe(true);
    await holds(optimal);
    // With the default costs (2 days a document) the three documents are the cheaper way.
    const byDefault = await planRegion(sixRegion);
    expect(byDefault.cost).toBe(6);
    expect(byDefault.steps.map((s) => s.kind)).toEqual(Array(3).fill('attach_evidence'));
  });

  it('keeps to a budget, and names the steps the budget left out', async () => {
    const plan = await planRegion(sixRegion, { budget: 3 });
    expect(plan.objective).toBe('highest');
    expect(plan.cost).toBeLessThanOrEqual(3);
    expect(plan.steps).toHaveLength(1);
    expect(plan.leftOut.length).toBeGreaterThan(0);
    expect(plan.leftOut.every((l) => l.cost > 3 - plan.cost)).toBe(true);
    expect(plan.leftOut[0]?.message).toContain('di luar sisa anggaran');
    expect(plan.summary).toContain('dari anggaran 3');
    await holds(plan);
    // The cost nearest to changing the plan: a document at 2 days, with 1 day left. At 1 day a
    // document, the plan does change: a higher IID within the same budget.
    expect(plan.sensitivity).toContain('turun dari 2 ke paling banyak 1 hari kerja');
    const cheaper = await planRegion(sixRegion, { budget: 3, costs: { attachEvidence: 1 } });
    expect(cheaper.after.iid).toBeGreaterThan(plan.after.iid);
    expect((await planRegion(sixRegion)).sensitivity).toBeUndefined();
  });

  it('gives the highest IID within the budget when the cheapest plan to the band costs more', async () => {
    const highest = await planRegion(sixRegion, { budget: 3 });
    const cheapest = await planRegion(sixRegion, { budget: 3, objective: 'cheapest' });
    expect(cheapest.reaches).toBe(false);
    // Solved, not the greedy order the planner falls back on when the solver gives no plan.
    expect(cheapest.status).toBe('optimal');
    expect(cheapest.after.iid).toBe(highest.after.iid);
    expect(cheapest.cost).toBeLessThanOrEqual(3);
  });

  it('takes a cost for one innovation from innovationCosts, by its id', async () => {
    // Evidence for x-0 needs the Bupati: 50 days; the two others are taken instead… and with
    // every document dear, the SPD step.
    const plan = await planRegion(sixRegion, {
      innovationCosts: { 'x-0': { indicators: { bimtek: { attachEvidence: 50 } } } },
    });
    expect(plan.steps.some((s) => s.innovation === 0)).toBe(false);
    expect(plan.cost).toBe(6);
  });

  it('withholds a weak innovation when that is the cheapest way to the band', async () => {
    // 12 innovations at 111 proven points and a 13th proving nothing: past the floor of 12, the
    // 13th lowers the mean from 111 to 102.46 and adds only 0.38.
    const inovasi = [
      ...Array.from({ length: 12 }, (_, i) => innovation(i, [BASIC[i % 6] as string], maxed())),
      innovation(12, ['kesehatan']),
    ];
    const spd = { ...spdAll(2), spd_investasi: 3, spd_pad: 3, spd_opini_bpk: 3, spd_visi_misi: 3 };
    const region = { pemda: 'Kabupaten Uji', tahun: 2026, spd, inovasi };
    const plan = await planRegion(region, { target: 'sangat_inovatif' });
    expect(plan.iid).toBe(handIid(47.5, 12 * 111, 13, 6)); // 61.96
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]).toMatchObject({ kind: 'withhold', innovation: 12, cost: 1 });
    expect(plan.steps[0]?.message).toMatch(/^Inovasi 12: jangan ajukan tahun ini/);
    expect(plan.steps[0]?.message).toContain('pembagi max(12, n)');
    expect(plan.after.iid).toBe(handIid(47.5, 12 * 111, 12, 6)); // 65.22
    expect(plan.withheld).toEqual([{ innovation: 12, nama: 'Inovasi 12' }]);
    expect((plan.region.inovasi as unknown[]).length).toBe(12);
    await holds(plan);
    // The greedy order never withholds: it raises levels instead, at many times the cost.
    const greedy = await planRegion(region, { method: 'greedy', target: 'sangat_inovatif' });
    expect(greedy.steps.some((s) => s.kind === 'withhold')).toBe(false);
    expect(greedy.cost).toBeGreaterThan(plan.cost);
  });

  it('refuses a bad budget, objective, method, cost or time limit, naming the option', async () => {
    for (const options of [
      { budget: -1 },
      { budget: Number.NaN },
      { objective: 'fastest' },
      { method: 'exact' },
      { costs: { raiseLevel: -2 } },
      { costs: { lembur: 2 } },
      { innovationCosts: { 'x-0': { withhold: 'satu' } } },
      { timeLimit: 0 },
    ]) {
      const error = await planRegion(sixRegion, options as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect((error as InvalidOptionError).issues[0]?.path[0]).toBe(Object.keys(options)[0]);
    }
  });
});

describe('planRegion: optimal never costs more than greedy', () => {
  const ids = Object.keys(maxed());
  const innovationArb = fc.record({
    urusan: fc.constantFrom(...BASIC, 'pariwisata'),
    indicators: fc.subarray(ids, { maxLength: 6 }),
    unproven: fc.subarray(ids, { maxLength: 6 }),
    rejected: fc.boolean(),
  });
  const regionArb = fc.record({
    inovasi: fc.array(innovationArb, { minLength: 1, maxLength: 6 }),
    spd: fc.integer({ min: 0, max: 3 }),
  });

  it('on generated regions: re-scored as claimed, reaching whenever greedy does, for no more', async () => {
    await fc.assert(
      fc.asyncProperty(regionArb, async (r) => {
        const inovasi = r.inovasi.map((g, i) => {
          const all = maxed(g.unproven);
          const record = innovation(
            i,
            [g.urusan],
            Object.fromEntries(g.indicators.map((id) => [id, all[id]])),
          );
          return g.rejected
            ? { ...record, pungutanBaru: true, pungutanSesuaiPeraturan: false }
            : record;
        });
        const region = { pemda: 'Kabupaten Uji', tahun: 2026, spd: spdAll(r.spd), inovasi };
        const greedy = await planRegion(region, { method: 'greedy' });
        const optimal = await planRegion(region);
        expect(optimal.status).toBe('optimal');
        await holds(optimal);
        if (greedy.reaches) {
          expect(optimal.reaches).toBe(true);
          expect(optimal.cost).toBeLessThanOrEqual(greedy.cost + 1e-9);
        }
      }),
      { numRuns: 10 },
    );
  });
});

describe('planRegion: the optimal plan within maxSteps', () => {
  it('lists at most maxSteps steps, the withheld first, and its region holds exactly those', async () => {
    const inovasi = [
      ...Array.from({ length: 12 }, (_, i) =>
        innovation(i, [BASIC[i % 6] as string], maxed(['video'])),
      ),
      innovation(12, ['kesehatan']),
    ];
    const region = { pemda: 'Kabupaten Uji', tahun: 2026, spd: spdAll(2), inovasi };
    const whole = await planRegion(region, { target: 'sangat_inovatif' });
    expect(whole.steps[0]?.kind).toBe('withhold');
    expect(whole.steps.length).toBeGreaterThan(3);
    const cut = await planRegion(region, { target: 'sangat_inovatif', maxSteps: 3 });
    expect(cut.steps).toHaveLength(3);
    expect(cut.steps.map((s) => s.kind)).toEqual(whole.steps.slice(0, 3).map((s) => s.kind));
    expect(cut.cost).toBe(cut.steps.reduce((sum, s) => sum + s.cost, 0));
    await holds(cut);
  });
});
