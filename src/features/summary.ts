import type { Evaluation, Verdict } from '../eligibility/types.js';
import { InvalidOptionError } from '../errors.js';
import type { InnovationScore } from '../scoring/score.js';

/**
 * An evaluation cut to what a batch reader or a busy client needs: the verdict, each failing
 * criterion with its failing reasons and citation, the fields still missing, the score's totals
 * and the stamp of the rules that decided. About a tenth of the full evaluation (1–2 kB against
 * 15 kB): `--detail summary` on the command line and `?detail=summary` over HTTP.
 */

/** A rule set as a summary names it: enough to find it again and to tell a change. */
export interface StampEntry {
  /** Its id. */
  id: string;
  /** Its edition. */
  edition: string;
  /** Its content hash, `sha256:<hex>`. */
  hash: string;
}

/** An evaluation's essentials, from {@link summarizeEvaluation}. */
export interface EvaluationSummary {
  /** The record's `id`, when it has one. */
  id?: string | number;
  /** The record's name. */
  nama: string;
  /** The eligibility rule set applied (id and edition). */
  ruleSet: Evaluation['ruleSet'];
  /** The eligibility verdict. */
  verdict: Verdict;
  /** Each failing criterion: its id, article (`ref`), citation and failing reasons. */
  failing: {
    /** The criterion's id. */
    id: string;
    /** Its article or letter in the regulation, when it has one. */
    ref?: string;
    /** Its legal citation. */
    citation: string;
    /** Its failing reasons. */
    reasons: {
      /** The reason's stable code. */
      code: string;
      /** Its message, in the evaluation's language. */
      message: string;
      /** The record fields it names, for a form to put it under. */
      fields: string[];
    }[];
  }[];
  /** Record fields still needed by some criterion. */
  missingFields: string[];
  /** The IGA score's totals. */
  score: Pick<InnovationScore, 'rubric' | 'claimed' | 'proven' | 'max' | 'missingMandatory'>;
  /** The rules that decided: the rule set and the rubric with their hashes, and the version. */
  stamp: {
    /** The eligibility rule set. */
    ruleSet: StampEntry;
    /** The IGA rubric. */
    rubric: StampEntry;
    /** The package version that evaluated. */
    version: string;
  };
}

/**
 * Cuts an evaluation to its essentials (see {@link EvaluationSummary}); the evaluation is not
 * changed.
 *
 * @param evaluation - a result of `evaluate`
 * @returns its summary
 * @throws {@link InvalidOptionError} when `evaluation` is not a result of `evaluate`
 * @example
 * ```ts
 * const summary = summarizeEvaluation(await evaluate(record));
 * summary.failing.map((c) => c.citation); // ['PP 38/2017 Pasal 4 huruf b']
 * ```
 */
export function summarizeEvaluation(evaluation: Evaluation): EvaluationSummary {
  try {
    return summaryOf(evaluation);
  } catch {
    // Whatever is not an evaluation (a missing part, a getter that throws) is the caller's
    // mistake, said as such.
    throw new InvalidOptionError([
      {
        path: ['evaluation'],
        code: 'invalid_type',
        message: 'evaluation must be a result of evaluate()',
      },
    ]);
  }
}

function summaryOf(e: Evaluation): EvaluationSummary {
  const entry = (b: StampEntry): StampEntry => ({ id: b.id, edition: b.edition, hash: b.hash });
  return {
    ...(e.id !== undefined ? { id: e.id } : {}),
    nama: e.nama,
    ruleSet: e.ruleSet,
    verdict: e.verdict,
    failing: e.criteria
      .filter((c) => c.status === 'fail')
      .map((c) => ({
        id: c.id,
        ...(c.ref ? { ref: c.ref } : {}),
        citation: c.citation,
        reasons: c.reasons
          .filter((r) => r.status === 'fail')
          .map((r) => ({ code: r.code, message: r.message, fields: r.fields })),
      })),
    missingFields: e.missingFields,
    score: {
      rubric: e.score.rubric,
      claimed: e.score.claimed,
      proven: e.score.proven,
      max: e.score.max,
      missingMandatory: e.score.missingMandatory,
    },
    stamp: {
      ruleSet: entry(e.basis.ruleSet),
      rubric: entry(e.basis.rubric),
      version: e.basis.version,
    },
  };
}
