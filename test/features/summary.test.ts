import { describe, expect, it } from 'vitest';
import { evaluate, InvalidOptionError, summarizeEvaluation } from '../../src/index.js';
import { eligibleRecord, without } from '../helpers.js';

describe('summarizeEvaluation', () => {
  it('keeps the verdict, each failing criterion with its failing reasons, the totals and the stamp', async () => {
    const evaluation = await evaluate(
      eligibleRecord({ id: 'A-1', membatasiAkses: true, pungutanBaru: true }),
    );
    const before = JSON.stringify(evaluation);
    const summary = summarizeEvaluation(evaluation);
    expect(JSON.stringify(evaluation)).toBe(before);
    expect(summary.id).toBe('A-1');
    expect(summary.verdict).toBe('not_eligible');
    const failing = evaluation.criteria.filter((c) => c.status === 'fail');
    // Only what failed: every criterion listed failed, with only its failing reasons.
    expect(summary.failing.map((c) => c.id)).toStrictEqual(failing.map((c) => c.id));
    for (const [i, criterion] of summary.failing.entries()) {
      const whole = failing[i] as (typeof failing)[number];
      expect(criterion.citation).toBe(whole.citation);
      expect(criterion.ref).toBe(whole.ref);
      expect(criterion.reasons.map((r) => r.code)).toStrictEqual(
        whole.reasons.filter((r) => r.status === 'fail').map((r) => r.code),
      );
      expect(Object.keys(criterion.reasons[0] ?? {})).toStrictEqual(['code', 'message', 'fields']);
    }
    expect(summary.failing.flatMap((c) => c.reasons.map((r) => r.fields[0]))).toContain(
      'membatasiAkses',
    );
    expect(summary.score).toStrictEqual({
      rubric: evaluation.score.rubric,
      claimed: evaluation.score.claimed,
      proven: evaluation.score.proven,
      max: evaluation.score.max,
      missingMandatory: evaluation.score.missingMandatory,
    });
    expect(summary.stamp).toStrictEqual({
      ruleSet: {
        id: evaluation.basis.ruleSet.id,
        edition: evaluation.basis.ruleSet.edition,
        hash: evaluation.basis.ruleSet.hash,
      },
      rubric: {
        id: evaluation.basis.rubric.id,
        edition: evaluation.basis.rubric.edition,
        hash: evaluation.basis.rubric.hash,
      },
      version: evaluation.basis.version,
    });
  });

  it('has no id when the record has none, and no failing criteria when eligible', async () => {
    const summary = summarizeEvaluation(await evaluate(without(eligibleRecord(), 'id')));
    expect(summary).not.toHaveProperty('id');
    expect(summary.failing).toStrictEqual([]);
    expect(summary.verdict).toBe('eligible');
  });

  it('refuses what is not an evaluation, as an option error', () => {
    for (const wrong of [undefined, null, 1, {}, { criteria: [] }]) {
      expect(() => summarizeEvaluation(wrong as never)).toThrow(InvalidOptionError);
    }
    try {
      summarizeEvaluation({} as never);
    } catch (error) {
      expect((error as InvalidOptionError).issues).toStrictEqual([
        {
          path: ['evaluation'],
          code: 'invalid_type',
          message: 'evaluation must be a result of evaluate()',
        },
      ]);
    }
  });
});
