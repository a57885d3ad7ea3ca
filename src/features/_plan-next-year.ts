/**
 * Next year's edition for a planned region: which innovations leave the implementation window
 * (and the development that would keep them), and which documents stop counting, found by the
 * submission checks of the next edition (T+1) run on the planned records and compared with this
 * edition's. The rules of T+1 are those the project knows; an edition not yet published takes
 * the pattern of the others, and the plan says so.
 */
import type { Scope } from '../eligibility/scope.js';
import { interpolate, type Locale, pick } from '../messages.js';
import { checkSubmissionIn, editionWindow, type SubmissionProblem } from './submission.js';
import { TEXTS } from './texts.js';

type Json = Record<string, unknown>;

/** An innovation that leaves the implementation window next year. */
export interface NextYearLeaving {
  /** Its position in the input region's `inovasi`. */
  innovation: number;
  /** Its name. */
  nama: string;
  /** Its implementation date (`YYYY-MM-DD`), as given. */
  waktuPenerapan?: string;
  /**
   * The development that keeps it in, when next year's rule takes one: dated no later than
   * `by`, at `cost` person-days. Absent when the rule is not known.
   */
  develop?: {
    /** The first day a development counts (`YYYY-MM-DD`). */
    from: string;
    /** The last day a development counts (`YYYY-MM-DD`). */
    by: string;
    /** Person-days (`costs.develop`). */
    cost: number;
  };
  /** What happens and what to do, in the requested locale. */
  message: string;
}

/**
 * A document or fact that counts this year and no longer next year: next year's submission
 * problem, with the innovation it is about.
 */
export interface NextYearProblem extends SubmissionProblem {
  /** The innovation's position in the input region's `inovasi`. */
  innovation: number;
  /** Its name. */
  nama: string;
}

/** Next year's edition, for a planned region (`planRegion(region, { years: 2 })`). */
export interface PlanNextYear {
  /** The next edition (reporting year T+1). */
  tahun: number;
  /** Its implementation window. */
  window: {
    /** The first day (`YYYY-MM-DD`). */
    from: string;
    /** The last day (`YYYY-MM-DD`). */
    to: string;
  };
  /** Whether the window is an inference (the edition is not yet published): see `assumptions`. */
  assumed: boolean;
  /** Where the window comes from. */
  citation: string;
  /** Innovations that leave the window, with the development that would keep them. */
  leaving: NextYearLeaving[];
  /** Documents and facts that count this year and not next year, per innovation. */
  problems: NextYearProblem[];
  /** What the next year's view assumes, in the requested locale. */
  assumptions: string[];
}

/** The window codes: reported as `leaving`, not again among the problems. */
const WINDOW = 'penerapan_di_luar_jendela';

/**
 * Next year's view of the planned records (`entries`: every innovation of the plan, the withheld
 * ones included, since they are put off to next year).
 *
 * @internal
 */
export function nextYearOf(
  scope: Scope,
  entries: readonly { at: number; record: Json; nama: string }[],
  tahun: number,
  locale: Locale,
  developCost: number,
): PlanNextYear {
  const next = tahun + 1;
  const edition = editionWindow(next);
  const t = TEXTS.plan;
  const say = (template: { id: string; en: string }, values: Record<string, unknown>) =>
    interpolate(pick(template, locale), (k) => values[k], locale);
  const key = (p: { code: string; fields: string[] }) => `${p.code} ${p.fields.join(',')}`;
  const leaving: NextYearLeaving[] = [];
  const problems: NextYearProblem[] = [];
  for (const { at, record, nama } of entries) {
    const now = checkSubmissionIn(scope, { ...record, tahun }, { locale });
    const then = checkSubmissionIn(scope, { ...record, tahun: next }, { locale });
    const known = new Set(now.problems.map(key));
    for (const p of then.problems) {
      if (known.has(key(p))) continue;
      if (p.code === WINDOW) {
        const waktuPenerapan =
          typeof record.waktuPenerapan === 'string' ? record.waktuPenerapan : undefined;
        // Implemented after the window is no matter for next year: only those it leaves behind.
        if (waktuPenerapan !== undefined && waktuPenerapan > edition.to) continue;
        const values = {
          nama,
          waktuPenerapan: waktuPenerapan ?? '?',
          tahun: next,
          dari: edition.from,
          sampai: edition.to,
          cost: developCost,
        };
        leaving.push({
          innovation: at,
          nama,
          ...(waktuPenerapan !== undefined ? { waktuPenerapan } : {}),
          ...(edition.development !== undefined
            ? { develop: { from: edition.from, by: edition.to, cost: developCost } }
            : {}),
          message: say(
            edition.development !== undefined ? t.nextYearDevelop : t.nextYearLeaves,
            values,
          ),
        });
        continue;
      }
      problems.push({ innovation: at, nama, ...p });
    }
  }
  const assumptions = [pick(t.nextYearBasis, locale)];
  if (!edition.listed) assumptions.push(say(t.nextYearAssumed, { tahun: next }));
  return {
    tahun: next,
    window: { from: edition.from, to: edition.to },
    assumed: !edition.listed,
    citation: edition.citation,
    leaving,
    problems,
    assumptions,
  };
}
