import * as z from 'zod';
import { evaluate } from '../eligibility/evaluate.js';
import type { Verdict } from '../eligibility/types.js';
import { InvalidOptionError, InvalidRecordError, type Issue } from '../errors.js';
import type { Locale } from '../messages.js';
import { optionNames, unknownOptionIssues } from '../messages.js';
import { nameKey } from '../record/names.js';
import { checkSubmission } from './submission.js';

/**
 * What the verifiers decided, against what the library predicted for the same records: a table
 * of predicted ready vs accepted, and for each check code how often the innovations it flagged
 * were then rejected or lost points. It never changes a rule; it tells a region which warnings
 * mattered for it.
 */

/** One verifiers' decision, as an outcome file gives it (read with `fields: 'outcome'`). */
export const OutcomeSchema = z.object({
  /** The innovation's id, when the file gives one (matched against the records' `id`). */
  id: z.union([z.string().trim().min(1), z.number()]).optional(),
  /** The innovation's name (matched ignoring case, spaces and punctuation). */
  nama: z.string().trim().min(1).optional(),
  /** Its agency, to tell apart two innovations of the same name. */
  opd: z.string().trim().optional(),
  /** The decision: `diterima` (accepted) or `ditolak` (rejected). */
  keputusan: z.enum(['diterima', 'ditolak']),
  /** The points the verifiers gave, when the file says. */
  nilai: z.number().min(0).optional(),
  /** The verifiers' note. */
  catatan: z.string().optional(),
});

/** One verifiers' decision. */
export type Outcome = z.output<typeof OutcomeSchema>;

/** Options of {@link compareOutcomes}. */
export interface OutcomeOptions {
  /** Language of messages: `id` (default) or `en`. */
  locale?: Locale;
  /** The eligibility rule set, by id; by default each record's own. */
  ruleSet?: string;
  /** The IGA rubric, by id; by default the edition in force for each record's year. */
  rubric?: string;
  /** The day the verifier-style checks are made for (`YYYY-MM-DD`). */
  asOf?: string;
}

const OPTIONS = optionNames<OutcomeOptions>({
  locale: true,
  ruleSet: true,
  rubric: true,
  asOf: true,
});

/** One innovation found in both files. */
export interface OutcomeMatch {
  /** Its position among the records, from 0. */
  record: number;
  /** Its position among the outcomes, from 0. */
  outcome: number;
  /** Its name. */
  nama: string;
  /** What the library predicted. */
  predicted: {
    /** The eligibility verdict. */
    verdict: Verdict;
    /** Whether the verifier-style check found nothing that would be rejected. */
    ready: boolean;
    /** Proven kematangan. */
    proven: number;
    /** Every check code that flagged it (submission problems, failing criteria as `kriteria:<id>`). */
    codes: string[];
  };
  /** What the verifiers decided. */
  decision: Outcome['keputusan'];
  /** The points they gave, when given. */
  nilai?: number;
  /** Whether they gave fewer points than the library found proven (only when `nilai` is given). */
  lostPoints?: boolean;
}

/** How often the innovations one check code flagged were rejected or lost points. */
export interface CodeOutcome {
  /** The check code: a submission problem's (`bukti_tanpa_nomor`) or `kriteria:<id>`. */
  code: string;
  /** Innovations it flagged. */
  flagged: number;
  /** Of those, how many were rejected. */
  rejected: number;
  /** Of those with a verified score, how many lost points. */
  lostPoints: number;
  /** Of those, how many had a verified score. */
  scored: number;
  /** Innovations it did not flag that were rejected all the same (the base rate, for comparison). */
  rejectedWithout: number;
  /** Innovations it did not flag. */
  notFlagged: number;
}

/** The result of {@link compareOutcomes}. */
export interface OutcomeComparison {
  /** Innovations in both files. */
  matched: number;
  /** Predicted ready (or not) against accepted (or rejected). */
  table: {
    /** Predicted ready, accepted. */
    readyAccepted: number;
    /** Predicted ready, rejected. */
    readyRejected: number;
    /** Predicted not ready, accepted. */
    notReadyAccepted: number;
    /** Predicted not ready, rejected. */
    notReadyRejected: number;
  };
  /** Innovations where the prediction matched the decision. */
  agreement: number;
  /** Every check code that flagged at least one matched innovation, most flagged first. */
  codes: CodeOutcome[];
  /** Each matched innovation. */
  innovations: OutcomeMatch[];
  /** Outcomes that match no record. */
  unmatched: {
    /** The outcome's position, from 0. */
    outcome: number;
    /** The name (or id) it gives. */
    nama: string;
  }[];
  /** Records with no outcome. */
  undecided: {
    /** The record's position, from 0. */
    record: number;
    /** Its name. */
    nama: string;
  }[];
  /** Outcomes that could not be read, each with its problems. */
  invalid: {
    /** The outcome's position, from 0. */
    outcome: number;
    /** Every problem, with its field. */
    issues: Issue[];
  }[];
}

const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/**
 * Compares the verifiers' decisions with the library's prediction for the same records: each
 * outcome is matched to a record by `id` (when both give one), else by name (and agency, when two
 * share a name). A record is predicted ready when it is eligible and the verifier-style check
 * finds nothing that would be rejected.
 *
 * @param records - the innovation records as submitted
 * @param outcomes - the verifiers' decisions ({@link OutcomeSchema}; read a file with
 * `readRecords(file, { fields: 'outcome' })` from `inovasi-rules/io`)
 * @param options - language, rule set, rubric, the day of the check
 * @returns the agreement table, each check code's outcomes, and what did not match
 * @throws {@link index!InvalidRecordError} when a record is not valid (its position in `path`)
 * @throws {@link index!InvalidOptionError} for an unknown or ill-typed option, or when
 * `records` or `outcomes` is not a list
 */
export async function compareOutcomes(
  records: readonly unknown[],
  outcomes: readonly unknown[],
  options?: OutcomeOptions,
): Promise<OutcomeComparison> {
  const o = options ?? {};
  const issues = typeof o === 'object' && o !== null ? unknownOptionIssues(o, OPTIONS) : [];
  if (!Array.isArray(records))
    issues.push({ path: ['records'], code: 'invalid_type', message: 'records must be a list' });
  if (!Array.isArray(outcomes))
    issues.push({ path: ['outcomes'], code: 'invalid_type', message: 'outcomes must be a list' });
  if (issues.length > 0) throw new InvalidOptionError(issues);
  const locale = o.locale ?? 'id';

  const invalid: OutcomeComparison['invalid'] = [];
  const decided: { index: number; outcome: Outcome }[] = [];
  outcomes.forEach((row, index) => {
    const parsed = OutcomeSchema.safeParse(row);
    if (!parsed.success) {
      invalid.push({
        outcome: index,
        issues: parsed.error.issues.map((i) => ({
          path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
          code: i.code,
          message: i.message,
        })),
      });
    } else if (parsed.data.id === undefined && parsed.data.nama === undefined) {
      invalid.push({
        outcome: index,
        issues: [
          {
            path: ['nama'],
            code: 'invalid_type',
            message: 'an outcome names its innovation: id or nama',
          },
        ],
      });
    } else decided.push({ index, outcome: parsed.data });
  });

  // Records by id and by name (a list: two may share a name), each taken once.
  const byId = new Map<string, number>();
  const byName = new Map<string, number[]>();
  records.forEach((record, index) => {
    const r = (record ?? {}) as Record<string, unknown>;
    if (text(r.id)) byId.set(text(r.id).trim(), index);
    const key = nameKey(text(r.nama));
    if (key) byName.set(key, [...(byName.get(key) ?? []), index]);
  });
  const taken = new Set<number>();
  const matchOf = (outcome: Outcome): number | undefined => {
    const id = outcome.id !== undefined ? byId.get(String(outcome.id).trim()) : undefined;
    if (id !== undefined && !taken.has(id)) return id;
    const candidates = (byName.get(nameKey(outcome.nama ?? '')) ?? []).filter((i) => !taken.has(i));
    if (outcome.opd && candidates.length > 1) {
      const same = candidates.find(
        (i) =>
          nameKey(text((records[i] as Record<string, unknown>).opd)) === nameKey(outcome.opd ?? ''),
      );
      if (same !== undefined) return same;
    }
    return candidates[0];
  };

  const innovations: OutcomeMatch[] = [];
  const unmatched: OutcomeComparison['unmatched'] = [];
  for (const { index, outcome } of decided) {
    const at = matchOf(outcome);
    if (at === undefined) {
      unmatched.push({ outcome: index, nama: outcome.nama ?? String(outcome.id) });
      continue;
    }
    taken.add(at);
    const record = records[at];
    let evaluation: Awaited<ReturnType<typeof evaluate>>;
    let check: Awaited<ReturnType<typeof checkSubmission>>;
    try {
      evaluation = await evaluate(record, {
        locale,
        ...(o.ruleSet !== undefined ? { ruleSet: o.ruleSet } : {}),
        ...(o.rubric !== undefined ? { rubric: o.rubric } : {}),
        ...(o.asOf !== undefined ? { asOf: o.asOf } : {}),
      });
      check = await checkSubmission(record, {
        locale,
        ...(o.rubric !== undefined ? { rubric: o.rubric } : {}),
        ...(o.asOf !== undefined ? { asOf: o.asOf } : {}),
      });
    } catch (error) {
      if (error instanceof InvalidRecordError) {
        throw new InvalidRecordError(error.issues.map((x) => ({ ...x, path: [at, ...x.path] })));
      }
      throw error;
    }
    const codes = [
      ...new Set([
        ...evaluation.criteria.filter((c) => c.status === 'fail').map((c) => `kriteria:${c.id}`),
        ...check.problems.map((p) => p.code),
      ]),
    ];
    const ready = evaluation.verdict === 'eligible' && check.ready;
    innovations.push({
      record: at,
      outcome: index,
      nama: evaluation.nama,
      predicted: { verdict: evaluation.verdict, ready, proven: evaluation.score.proven, codes },
      decision: outcome.keputusan,
      ...(outcome.nilai !== undefined
        ? { nilai: outcome.nilai, lostPoints: outcome.nilai < evaluation.score.proven }
        : {}),
    });
  }

  const table = { readyAccepted: 0, readyRejected: 0, notReadyAccepted: 0, notReadyRejected: 0 };
  for (const m of innovations) {
    const accepted = m.decision === 'diterima';
    if (m.predicted.ready) table[accepted ? 'readyAccepted' : 'readyRejected']++;
    else table[accepted ? 'notReadyAccepted' : 'notReadyRejected']++;
  }
  const all = [...new Set(innovations.flatMap((m) => m.predicted.codes))];
  const codes: CodeOutcome[] = all
    .map((code) => {
      const flagged = innovations.filter((m) => m.predicted.codes.includes(code));
      const others = innovations.filter((m) => !m.predicted.codes.includes(code));
      const scored = flagged.filter((m) => m.lostPoints !== undefined);
      return {
        code,
        flagged: flagged.length,
        rejected: flagged.filter((m) => m.decision === 'ditolak').length,
        lostPoints: scored.filter((m) => m.lostPoints).length,
        scored: scored.length,
        rejectedWithout: others.filter((m) => m.decision === 'ditolak').length,
        notFlagged: others.length,
      };
    })
    .sort(
      (a, b) => b.flagged - a.flagged || b.rejected - a.rejected || a.code.localeCompare(b.code),
    );
  const undecided = records.flatMap((record, index) =>
    taken.has(index)
      ? []
      : [{ record: index, nama: text((record as Record<string, unknown>)?.nama) }],
  );
  return {
    matched: innovations.length,
    table,
    agreement: table.readyAccepted + table.notReadyRejected,
    codes,
    innovations,
    unmatched,
    undecided,
    invalid,
  };
}
