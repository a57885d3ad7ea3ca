import { describe, expectTypeOf, it } from 'vitest';
import {
  type Evaluation,
  evaluate,
  evaluateAll,
  evaluateRegion,
  type InovasiRulesError,
  type InvalidRecordError,
  type MultiEvaluation,
  type RegionEvaluation,
  type SafeEvaluateResult,
  safeEvaluate,
  safeEvaluateAll,
} from '../src/index.js';
import { planRegion, type RegionPlan } from '../src/plan.js';
import { lintRuleSet, type RuleSetProblem } from '../src/schemas.js';
import { checkSubmission, type SubmissionCheck } from '../src/submission.js';

// The public types as a user's editor sees them: `vitest --typecheck` checks this file.
describe('public types', () => {
  it('evaluate gives an Evaluation, evaluateAll a MultiEvaluation', () => {
    expectTypeOf(evaluate).returns.resolves.toEqualTypeOf<Evaluation>();
    expectTypeOf(evaluateAll).returns.resolves.toEqualTypeOf<MultiEvaluation>();
    expectTypeOf<Evaluation['verdict']>().toEqualTypeOf<
      'eligible' | 'not_eligible' | 'incomplete'
    >();
  });

  it('evaluate takes one rule set, never a list (that is evaluateAll)', () => {
    // @ts-expect-error: several rule sets are evaluateAll's
    void evaluate({ nama: 'x' }, { ruleSets: ['pp-38-2017'] });
    void evaluate({ nama: 'x' }, { ruleSet: 'pp-38-2017', rubric: 'iga-2023', locale: 'en' });
    // @ts-expect-error: only Indonesian and English
    void evaluate({ nama: 'x' }, { locale: 'fr' });
  });

  it('safeEvaluate narrows on success', () => {
    expectTypeOf(safeEvaluate).returns.resolves.toEqualTypeOf<SafeEvaluateResult>();
    expectTypeOf(safeEvaluateAll).returns.resolves.toEqualTypeOf<
      SafeEvaluateResult<MultiEvaluation>
    >();
    const r = {} as SafeEvaluateResult;
    if (r.success) expectTypeOf(r.data).toEqualTypeOf<Evaluation>();
    else expectTypeOf(r.error).toEqualTypeOf<InvalidRecordError>();
  });

  it('the region, its plan and the submission checks', () => {
    expectTypeOf(evaluateRegion).returns.resolves.toEqualTypeOf<RegionEvaluation>();
    expectTypeOf(planRegion).returns.resolves.toEqualTypeOf<RegionPlan>();
    expectTypeOf<RegionPlan['steps'][number]['kind']>().toEqualTypeOf<
      | 'fix_eligibility'
      | 'attach_evidence'
      | 'raise_level'
      | 'raise_spd'
      | 'add_innovation'
      | 'withhold'
    >();
    expectTypeOf(checkSubmission).returns.resolves.toEqualTypeOf<SubmissionCheck>();
    expectTypeOf<SubmissionCheck['problems'][number]['status']>().toEqualTypeOf<
      'fail' | 'warning' | 'unknown'
    >();
    expectTypeOf(lintRuleSet).returns.toEqualTypeOf<RuleSetProblem[]>();
  });

  it('every error is an InovasiRulesError with a code', () => {
    expectTypeOf<InvalidRecordError>().toMatchTypeOf<InovasiRulesError>();
    expectTypeOf<InvalidRecordError['code']>().toMatchTypeOf<string>();
  });
});
