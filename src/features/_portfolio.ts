import type { EvaluateOptions, Verdict } from '../eligibility/types.js';
import type { Issue } from '../errors.js';

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
  /** The year before, for the change. */
  previous?: { tahun: number; inovasi: Iterable<unknown> | AsyncIterable<unknown> };
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

/** A year-on-year change. */
export interface Change {
  previous: number;
  current: number;
  delta: number;
}

/** The portfolio of a region for one year. */
export interface Portfolio {
  /** The region. */
  pemda: string;
  /** The year. */
  tahun: number;
  /** The eligibility rule set that decided the verdicts (the region's own, else PP 38/2017). */
  ruleSet: { id: string; edition: string };
  /** The targets applied. */
  target: { perAgency: number; perUnit: number };
  /** Totals over the region. */
  totals: {
    innovations: number;
    verdicts: Record<Verdict, number>;
    agencies: number;
    agenciesMeetingTarget: number;
    units: number;
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
  /** Records that could not be evaluated, by position, with their problems. */
  invalid: { index: number; issues: readonly Issue[] }[];
  /** The change against the year before, when given. */
  change?: {
    previousTahun: number;
    innovations: Change;
    eligible: Change;
    agenciesWithInnovation: Change;
    agencies: (Change & { opd: string })[];
  };
}

const key = (text: string | undefined) => (text ?? '').trim().replace(/\s+/g, ' ').toLowerCase();

/** The innovations of one year as the portfolio counts them: agency, unit and verdict. */
export interface Tally {
  records: { opd: string; unitKerja: string; verdict: Verdict }[];
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
  input: Omit<PortfolioInput, 'inovasi' | 'previous'> & { previous?: { tahun: number } },
  current: Tally,
  before: Tally | undefined,
  targets: { perAgency: number; perUnit: number },
  ruleSet: { id: string; edition: string },
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
    invalid: current.invalid,
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
