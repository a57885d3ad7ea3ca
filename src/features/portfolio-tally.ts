import type { Basis } from '../eligibility/basis.js';
import type { EvaluateOptions, Verdict } from '../eligibility/types.js';
import type { Issue } from '../errors.js';
import type { Locale } from '../messages.js';
import { LABINOV_STAGES } from '../record/labinov.js';
import type { RuleSetRef } from '../rule-sets/types.js';
import { duplicatesOf } from './duplicates.js';

/**
 * A region's portfolio for one year, measured against *Satu OPD Satu Inovasi* (every agency,
 * OPD) and *Satu Eselon III Satu Inovasi* (every Eselon III unit): which met the target of at
 * least one eligible innovation, which have none, and how the year compares with the one before.
 */

/** A unit of the region: an agency (`opd`), or one of its Eselon III units (`unitKerja`). */
export interface PortfolioUnit {
  /** The agency (*perangkat daerah*). */
  opd: string;
  /** Its Eselon III unit (bagian, bidang, UPT); absent for the agency itself. */
  unitKerja?: string;
}

/** Input of {@link evaluatePortfolio}. */
export interface PortfolioInput {
  /** The region. */
  pemda: string;
  /** The year. */
  tahun: number;
  /** The region's agencies and units: the denominator of the targets. */
  units: readonly PortfolioUnit[];
  /** The year's innovation records (each with `opd` and, for units, `unitKerja`). */
  inovasi: Iterable<unknown> | AsyncIterable<unknown>;
  /**
   * The year before, for the change: `{ tahun, inovasi }`, or just its records (a list, as
   * `readRecords` gives them), taken as those of `tahun - 1`.
   */
  previous?:
    | {
        /** That year. */
        tahun: number;
        /** Its innovation records. */
        inovasi: Iterable<unknown> | AsyncIterable<unknown>;
      }
    | Iterable<unknown>
    | AsyncIterable<unknown>;
}

/** Options of {@link evaluatePortfolio}. */
export interface PortfolioOptions extends EvaluateOptions {
  /** Eligible innovations each agency needs. Default 1 (*Satu OPD Satu Inovasi*). */
  minPerAgency?: number;
  /** Eligible innovations each Eselon III unit needs. Default 1 (*Satu Eselon III Satu Inovasi*). */
  minPerUnit?: number;
}

/** Counts of one agency or unit. */
export interface UnitCount {
  /** The agency. */
  opd: string;
  /** The unit, for unit rows. */
  unitKerja?: string;
  /** Innovations registered. */
  count: number;
  /** Of those, eligible ones. */
  eligible: number;
  /** Eligible ≥ the target. */
  meetsTarget: boolean;
}

/** One agency's (or unit's) place in the ranking. */
export interface RankRow {
  /** 1 for the first; tied rows share a rank (1, 1, 3). */
  rank: number;
  /** The agency. */
  opd: string;
  /** The unit, for unit rows. */
  unitKerja?: string;
  /** Σ proven kematangan of its innovations (0 for those not eligible). */
  kematangan: number;
  /** Mean proven kematangan per innovation (0 with none). */
  mean: number;
  /** Eligible innovations. */
  eligible: number;
  /** Whether it meets the target. */
  meetsTarget: boolean;
  /** It shares its rank with another row. */
  tied: boolean;
  /** Its rank the year before, when `previous` is given. */
  previousRank?: number;
}

/** One agency's innovations by LAN 5D stage. */
export interface PipelineRow {
  /** The agency. */
  opd: string;
  /** Innovations at each stage (`drum_up` … `display`). */
  stages: Record<string, number>;
  /** Innovations with no stage given. */
  unstaged: number;
}

/** A year-on-year change. */
export interface Change {
  /** The year before. */
  previous: number;
  /** This year. */
  current: number;
  /** current − previous. */
  delta: number;
}

/** The portfolio of a region for one year. */
export interface Portfolio {
  /** The region. */
  pemda: string;
  /** The year. */
  tahun: number;
  /** The eligibility rule set that decided the verdicts (the region's own, else PP 38/2017). */
  ruleSet: RuleSetRef;
  /** Which rules decided, and why: the region's rule set and rubric with their hashes. */
  basis: Basis;
  /** The targets applied. */
  target: {
    /** Innovations each agency (OPD) should have. */
    perAgency: number;
    /** Innovations each Eselon III unit should have. */
    perUnit: number;
  };
  /** Totals over the region. */
  totals: {
    /** Innovations evaluated. */
    innovations: number;
    /** How many got each verdict. */
    verdicts: Record<Verdict, number>;
    /** Agencies listed. */
    agencies: number;
    /** Agencies that meet their target. */
    agenciesMeetingTarget: number;
    /** Eselon III units listed. */
    units: number;
    /** Units that meet their target. */
    unitsMeetingTarget: number;
  };
  /** Every agency of `units`, in its order. */
  agencies: UnitCount[];
  /** Every Eselon III unit of `units`, in its order. */
  units: UnitCount[];
  /** Agencies with no innovation at all. */
  agenciesWithoutInnovation: string[];
  /** Units with no innovation at all. */
  unitsWithoutInnovation: PortfolioUnit[];
  /** Innovations whose agency or unit is not in `units` (a typo, or a unit missing from the list). */
  unlisted: UnitCount[];
  /**
   * Innovations of the year entered more than once under the same name (ignoring case, spaces
   * and punctuation), with their positions in `inovasi`: each copy counts for its agency.
   */
  duplicates: {
    /** The name as first entered. */
    nama: string;
    /** The positions in `inovasi`, from 0. */
    indices: number[];
    /** A message naming them all, in the requested locale. */
    message: string;
  }[];
  /** Records that could not be evaluated, by position, with their problems. */
  invalid: {
    /** The record's position, from 0. */
    index: number;
    /** Every problem found in it. */
    issues: readonly Issue[];
  }[];
  /**
   * Agencies and Eselon III units ranked by Σ proven kematangan, then mean, then eligible
   * innovations, then the target met; rows equal on all four share a rank (`tied`).
   */
  ranking: {
    /** The agencies, best first. */
    agencies: RankRow[];
    /** The Eselon III units, best first. */
    units: RankRow[];
  };
  /** Each agency's innovations by LAN 5D stage (the pipeline), in the order of `agencies`. */
  pipeline: PipelineRow[];
  /** Innovations that reached a 5D stage without that stage's evidence. */
  stagesWithoutEvidence: {
    /** The innovation's agency. */
    opd: string;
    /** The innovation. */
    nama: string;
    /** The stages reached without their evidence. */
    stages: string[];
  }[];
  /** The change against the year before, when given. */
  change?: {
    /** The year compared with. */
    previousTahun: number;
    /** Innovations evaluated. */
    innovations: Change;
    /** Eligible innovations. */
    eligible: Change;
    /** Agencies with at least one innovation. */
    agenciesWithInnovation: Change;
    /** Each agency's innovations. */
    agencies: (Change & {
      /** The agency. */
      opd: string;
    })[];
  };
}

const key = (text: string | undefined) => (text ?? '').trim().replace(/\s+/g, ' ').toLowerCase();

/** The innovations of one year as the portfolio counts them: agency, unit and verdict. */
export interface Tally {
  records: {
    /** The record's position in the list given, from 0. */
    index: number;
    opd: string;
    unitKerja: string;
    verdict: Verdict;
    /** The innovation's name. */
    nama: string;
    /** Proven kematangan, 0 when not eligible (as the region counts it). */
    kematangan: number;
    /** LAN 5D stage reached, and the stages reached without evidence. */
    tahap?: string;
    tanpaBukti: string[];
  }[];
  invalid: { index: number; issues: readonly Issue[] }[];
}

function count(records: Tally['records'], match: (r: Tally['records'][number]) => boolean) {
  let total = 0;
  let eligible = 0;
  for (const r of records) {
    if (!match(r)) continue;
    total++;
    if (r.verdict === 'eligible') eligible++;
  }
  return { count: total, eligible };
}

const r4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** Ranks rows by Σ kematangan, mean, eligible, target met; equal rows share a rank. */
function rank(
  rows: { opd: string; unitKerja?: string; meetsTarget: boolean; eligible: number }[],
  records: Tally['records'],
  match: (row: { opd: string; unitKerja?: string }, r: Tally['records'][number]) => boolean,
): RankRow[] {
  const scored = rows.map((row) => {
    const own = records.filter((r) => match(row, r));
    const kematangan = r4(own.reduce((sum, r) => sum + r.kematangan, 0));
    return {
      opd: row.opd,
      ...(row.unitKerja !== undefined ? { unitKerja: row.unitKerja } : {}),
      kematangan,
      mean: own.length === 0 ? 0 : r4(kematangan / own.length),
      eligible: row.eligible,
      meetsTarget: row.meetsTarget,
    };
  });
  const cmp = (a: (typeof scored)[number], b: (typeof scored)[number]) =>
    b.kematangan - a.kematangan ||
    b.mean - a.mean ||
    b.eligible - a.eligible ||
    Number(b.meetsTarget) - Number(a.meetsTarget);
  const sorted = [...scored].sort(cmp);
  return sorted.map((row, i) => {
    const first = sorted.findIndex((other) => cmp(other, row) === 0);
    const tied = sorted.some((other, j) => j !== i && cmp(other, row) === 0);
    return { rank: first + 1, ...row, tied };
  });
}

const change = (previous: number, current: number): Change => ({
  previous,
  current,
  delta: current - previous,
});

/**
 * Builds the portfolio from the year's tally (and the year before's), innovations already
 * evaluated: `evaluatePortfolio` and the report both use it, so nothing is evaluated twice.
 */
export function summarisePortfolio(
  input: Omit<PortfolioInput, 'inovasi' | 'previous'> & {
    previous?: { tahun: number } | undefined;
  },
  current: Tally,
  before: Tally | undefined,
  targets: { perAgency: number; perUnit: number },
  ruleSet: RuleSetRef,
  basis: Basis,
  locale: Locale,
): Portfolio {
  const { perAgency, perUnit } = targets;
  const agencyNames = new Map<string, string>();
  const unitList: { opd: string; unitKerja: string }[] = [];
  for (const u of input.units) {
    if (!agencyNames.has(key(u.opd))) agencyNames.set(key(u.opd), u.opd.trim());
    if (
      u.unitKerja &&
      !unitList.some((x) => key(x.opd) === key(u.opd) && key(x.unitKerja) === key(u.unitKerja))
    ) {
      unitList.push({ opd: u.opd.trim(), unitKerja: u.unitKerja.trim() });
    }
  }

  const agencies: UnitCount[] = [...agencyNames.entries()].map(([k, opd]) => {
    const c = count(current.records, (r) => key(r.opd) === k);
    return { opd, ...c, meetsTarget: c.eligible >= perAgency };
  });
  const units: UnitCount[] = unitList.map((u) => {
    const c = count(
      current.records,
      (r) => key(r.opd) === key(u.opd) && key(r.unitKerja) === key(u.unitKerja),
    );
    return { opd: u.opd, unitKerja: u.unitKerja, ...c, meetsTarget: c.eligible >= perUnit };
  });

  const agencyMatch = (row: { opd: string }, r: Tally['records'][number]) =>
    key(r.opd) === key(row.opd);
  const unitMatch = (row: { opd: string; unitKerja?: string }, r: Tally['records'][number]) =>
    key(r.opd) === key(row.opd) && key(r.unitKerja) === key(row.unitKerja);
  const ranking = {
    agencies: rank(agencies, current.records, agencyMatch),
    units: rank(units, current.records, unitMatch),
  };
  if (before) {
    const previousOf = (rows: UnitCount[], match: typeof unitMatch, target: number) =>
      rank(
        rows.map((row) => {
          const c = count(before.records, (r) => match(row, r));
          return { ...row, eligible: c.eligible, meetsTarget: c.eligible >= target };
        }),
        before.records,
        match,
      );
    const attach = (now: RankRow[], then: RankRow[]) => {
      for (const row of now) {
        const old = then.find((t) => t.opd === row.opd && t.unitKerja === row.unitKerja);
        if (old) row.previousRank = old.rank;
      }
    };
    attach(ranking.agencies, previousOf(agencies, agencyMatch, perAgency));
    attach(ranking.units, previousOf(units, unitMatch, perUnit));
  }
  const pipeline: PipelineRow[] = agencies.map((a) => {
    const stages: Record<string, number> = Object.fromEntries(LABINOV_STAGES.map((s) => [s, 0]));
    let unstaged = 0;
    for (const r of current.records) {
      if (!agencyMatch(a, r)) continue;
      if (r.tahap) stages[r.tahap] = (stages[r.tahap] ?? 0) + 1;
      else unstaged++;
    }
    return { opd: a.opd, stages, unstaged };
  });
  const stagesWithoutEvidence = current.records
    .filter((r) => r.tanpaBukti.length > 0)
    .map((r) => ({ opd: r.opd, nama: r.nama, stages: r.tanpaBukti }));

  const unlistedKeys = new Map<string, { opd: string; unitKerja?: string }>();
  for (const r of current.records) {
    const agencyKnown = agencyNames.has(key(r.opd));
    const unitKnown =
      !r.unitKerja ||
      unitList.length === 0 ||
      unitList.some((u) => key(u.opd) === key(r.opd) && key(u.unitKerja) === key(r.unitKerja));
    if (agencyKnown && unitKnown) continue;
    const k = `${key(r.opd)}|${agencyKnown ? key(r.unitKerja) : ''}`;
    if (!unlistedKeys.has(k))
      unlistedKeys.set(k, agencyKnown ? { opd: r.opd, unitKerja: r.unitKerja } : { opd: r.opd });
  }
  const unlisted = [...unlistedKeys.values()].map((u) => {
    const c = count(
      current.records,
      (r) =>
        key(r.opd) === key(u.opd) &&
        (u.unitKerja === undefined || key(r.unitKerja) === key(u.unitKerja)),
    );
    return { ...u, ...c, meetsTarget: false };
  });

  const verdicts: Record<Verdict, number> = { eligible: 0, not_eligible: 0, incomplete: 0 };
  for (const r of current.records) verdicts[r.verdict]++;

  const portfolio: Portfolio = {
    pemda: input.pemda,
    tahun: input.tahun,
    ruleSet: { id: ruleSet.id, edition: ruleSet.edition },
    basis,
    target: { perAgency, perUnit },
    totals: {
      innovations: current.records.length,
      verdicts,
      agencies: agencies.length,
      agenciesMeetingTarget: agencies.filter((a) => a.meetsTarget).length,
      units: units.length,
      unitsMeetingTarget: units.filter((u) => u.meetsTarget).length,
    },
    agencies,
    units,
    agenciesWithoutInnovation: agencies.filter((a) => a.count === 0).map((a) => a.opd),
    unitsWithoutInnovation: units
      .filter((u) => u.count === 0)
      .map(({ opd, unitKerja }) => ({ opd, unitKerja: unitKerja as string })),
    unlisted,
    duplicates: duplicatesOf(current.records, locale),
    invalid: current.invalid,
    ranking,
    pipeline,
    stagesWithoutEvidence,
  };

  if (input.previous && before) {
    const withInnovation = (records: Tally['records']) =>
      agencies.filter((a) => records.some((r) => key(r.opd) === key(a.opd))).length;
    portfolio.change = {
      previousTahun: input.previous.tahun,
      innovations: change(before.records.length, current.records.length),
      eligible: change(
        before.records.filter((r) => r.verdict === 'eligible').length,
        verdicts.eligible,
      ),
      agenciesWithInnovation: change(
        withInnovation(before.records),
        withInnovation(current.records),
      ),
      agencies: agencies.map((a) => ({
        opd: a.opd,
        ...change(count(before.records, (r) => key(r.opd) === key(a.opd)).count, a.count),
      })),
    };
  }
  return portfolio;
}
