import * as z from 'zod';
import type { Status } from '../conditions/outcome.js';
import {
  type Evaluator,
  judgeEligibility,
  resolveLocale,
  runnerFor,
} from '../eligibility/evaluator.js';
import { createEvaluator, parseRecord, zodIndonesian } from '../eligibility/pipeline.js';
import type { CriterionResult } from '../eligibility/reasons.js';
import { defaultScope, type Scope } from '../eligibility/scope.js';
import type { EvaluateOptions } from '../eligibility/types.js';
import { InvalidOptionError, issuesFrom } from '../errors.js';
import { type Locale, optionNames, optionsObject, thrownText } from '../messages.js';
import { factsOf } from '../record/facts.js';
import { QUESTION_FACT } from '../record/field-type.js';
import { RECORD_PATHS } from '../record/fields.js';
import { type Innovation, InnovationSchema } from '../record/innovation.js';
import { inLocale } from '../record/issue-locale.js';
import { scanInput } from '../record/limits.js';
import type { Question } from '../rule-sets/format.js';
import { answerIssues, questionsJsonSchema } from '../rule-sets/questions.js';
import type { EligibilityRuleSet } from '../rule-sets/types.js';
import { levelId } from '../scoring/indicator-plan.js';
import { rubricRunnerFor } from '../scoring/score.js';

/**
 * Form integration: a zod schema that puts each failing criterion's message under the field it
 * names, and the progress of a half-filled draft.
 */

/** Options of {@link createFormSchema}. */
export interface FormSchemaOptions {
  /**
   * Eligibility rule set: an id or a loaded rule set. Default: the one of the draft's `pemda`,
   * else the national `pp-38-2017`.
   */
  ruleSet?: EvaluateOptions['ruleSet'];
  /** Language of the messages. Default `id`. */
  locale?: Locale;
  /**
   * Also put a "fill in …" message under fields that a criterion still needs. Default `false`:
   * a form being filled in is not an error.
   */
  requireComplete?: boolean;
}

const FORM_SCHEMA_OPTIONS = optionNames<FormSchemaOptions>({
  ruleSet: true,
  locale: true,
  requireComplete: true,
});

function criteriaOf(
  record: Innovation,
  ruleSet: EligibilityRuleSet,
  locale: Locale,
): CriterionResult[] {
  return judgeEligibility(record, ruleSet, runnerFor(ruleSet)(factsOf(record)), locale).criteria;
}

/**
 * Builds a zod schema of the innovation record whose refinement runs the eligibility rules and
 * adds, for every failing criterion, its message at the path of each field it names — so
 * react-hook-form's zod resolver, or any Standard Schema consumer, shows it under the right input.
 *
 * @param options - rule set, locale, and whether missing facts are errors
 * @returns a zod schema (use `safeParseAsync`, `parse`, or `~standard.validate`)
 * @throws {@link InvalidOptionError} when the options are not an object, cannot be read, or
 *   name an unknown locale
 * @example
 * ```ts
 * import { zodResolver } from '@hookform/resolvers/zod';
 * const form = useForm({ resolver: zodResolver(createFormSchema({ locale: 'en' })) });
 * ```
 */
export function createFormSchema(options: FormSchemaOptions = {}) {
  return createFormSchemaIn(defaultScope(), options);
}

/**
 * {@link createFormSchema} with the rule sets of a scope (an engine's).
 *
 * @internal
 */
export function createFormSchemaIn(scope: Scope, options: FormSchemaOptions = {}) {
  const given = optionsObject(options, FORM_SCHEMA_OPTIONS) as FormSchemaOptions;
  const locale = resolveLocale(given.locale);
  // The rule set is resolved at the first validation, not here: building the schema (as this
  // module does for `inovasiFormSchema`) must not load every rule set at import time.
  let evaluator: Evaluator | undefined;
  const shown: Status[] = given.requireComplete ? ['fail', 'unknown'] : ['fail'];
  const parseOptions = locale === 'id' ? zodIndonesian : undefined;
  const schema = z.unknown().transform((input, ctx): Innovation => {
    // The same size limits as evaluate(), before anything else reads the input.
    const { issue } = scanInput(input);
    if (issue) {
      ctx.addIssue({
        code: 'custom',
        path: issue.path,
        message: inLocale(issue, locale).message,
        params: { code: issue.code },
      });
      return z.NEVER;
    }
    let result: ReturnType<typeof InnovationSchema.safeParse>;
    try {
      result = InnovationSchema.safeParse(input, parseOptions);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: thrownText(error),
        params: { code: 'unreadable' },
      });
      return z.NEVER;
    }
    if (!result.success) {
      for (const i of issuesFrom(result.error, 'invalid_value')) {
        ctx.addIssue({
          code: 'custom',
          path: i.path,
          message: inLocale(i, locale).message,
          params: { code: i.code },
        });
      }
      return z.NEVER;
    }
    const record = result.data;
    // The draft's own region decides its rule set, unless the form names one.
    evaluator ??= createEvaluator(
      given.ruleSet ? { ruleSet: given.ruleSet } : {},
      undefined,
      scope,
    );
    const ruleSet = evaluator.forRecord(record).ruleSet;
    // The region's own questions: an answer of the wrong type shows under its field.
    const answers = answerIssues(record.daerah, ruleSet.questions, locale);
    for (const i of answers) {
      ctx.addIssue({ code: 'custom', path: i.path, message: i.message, params: { code: i.code } });
    }
    if (answers.length > 0) return z.NEVER;
    for (const criterion of criteriaOf(record, ruleSet, locale)) {
      for (const reason of criterion.reasons) {
        if (!shown.includes(reason.status)) continue;
        // Once per form, under the first field it names: a message counted twice (4a names
        // both levy fields) would tell the user of two problems where there is one.
        ctx.addIssue({
          code: 'custom',
          path: (reason.fields[0] ?? '').split('.').filter(Boolean),
          message: reason.message,
          params: {
            code: reason.code,
            criterion: criterion.id,
            citation: criterion.citation,
            fields: reason.fields,
          },
        });
      }
    }
    return record;
  });
  // The questions of the rule set the form names (none known when each draft's region decides).
  withJsonSchema(
    schema,
    () =>
      given.ruleSet === undefined ? [] : scope.resolve(given.ruleSet, 'eligibility').questions,
    locale,
  );
  return schema as unknown as z.ZodType<Innovation, z.input<typeof InnovationSchema>>;
}

/** The JSON Schema versions the form schema describes itself in. */
const JSON_SCHEMA_TARGETS: ReadonlySet<unknown> = new Set([
  'draft-2020-12',
  'draft-07',
  'openapi-3.0',
]);

/**
 * Gives the form schema the Standard JSON Schema half of `~standard`: its input and output are
 * the record's ({@link InnovationSchema}), which the rules only refine, so a form builder or an
 * assistant's tool definition reads the record's JSON Schema without depending on zod. Without
 * it the schema (an `unknown` with a transform) would describe itself as `{}`.
 */
function withJsonSchema(
  schema: z.ZodType,
  questionsOf: () => readonly Question[],
  locale: Locale,
): void {
  const record = InnovationSchema['~standard'].jsonSchema;
  const checked =
    (convert: typeof record.input) =>
    (options: Parameters<typeof record.input>[0]): Record<string, unknown> => {
      const target = (options as { target?: unknown } | undefined)?.target;
      if (!JSON_SCHEMA_TARGETS.has(target)) {
        throw new InvalidOptionError([
          {
            code: 'unknown_target',
            path: ['target'],
            message: `JSON Schema target ${JSON.stringify(target)} is not supported; use one of ${[...JSON_SCHEMA_TARGETS].join(', ')}`,
          },
        ]);
      }
      // A field the record normalises (a trimmed text, a catalogued label) is a transform; its
      // output is described as what it accepts rather than refused.
      const described = convert({
        ...options,
        libraryOptions: { unrepresentable: 'any', ...options.libraryOptions },
      });
      return withQuestions(described, questionsOf(), locale, target === 'openapi-3.0');
    };
  schema['~standard'] = {
    ...schema['~standard'],
    jsonSchema: { input: checked(record.input), output: checked(record.output) },
  } as (typeof schema)['~standard'];
}

/** The record's JSON Schema with `daerah` describing a rule set's questions, one per property. */
function withQuestions(
  described: Record<string, unknown>,
  questions: readonly Question[],
  locale: Locale,
  openApi: boolean,
): Record<string, unknown> {
  if (questions.length === 0) return described;
  const properties = { ...(described.properties as Record<string, unknown>) };
  const answers = questionsJsonSchema(questions, locale);
  properties[QUESTION_FACT] = openApi
    ? { ...answers, nullable: true }
    : { anyOf: [answers, { type: 'null' }] };
  return { ...described, properties };
}

/**
 * The form schema for Perwali Batu 36/2022 with Indonesian messages: {@link InnovationSchema}
 * plus the eligibility rules, each failure under the field it names.
 *
 * @example
 * ```ts
 * const result = await inovasiFormSchema.safeParseAsync({ nama: 'x', membatasiAkses: true });
 * result.error?.issues[0].path; // ['membatasiAkses']
 * ```
 */
export const inovasiFormSchema: z.ZodType<
  Innovation,
  z.input<typeof InnovationSchema>
> = createFormSchema();

/** How far a draft is: what is decided, and what to fill in next. */
export interface DraftProgress {
  /** Eligibility criteria decided (pass or fail) out of all. */
  criteria: {
    /** Criteria that pass or fail. */
    decided: number;
    /** All criteria of the rule set. */
    total: number;
    /** Criteria that pass. */
    passed: number;
    /** Criteria that fail. */
    failed: number;
  };
  /** Share of criteria decided, 0-100. */
  percent: number;
  /** Record fields still needed by some criterion, in the order a form asks for them. */
  missingFields: string[];
  /** IGA indicators with facts given, out of all, and those still missing. */
  indicators: {
    /** Indicators with facts given. */
    given: number;
    /** All indicators of the rubric. */
    total: number;
    /** The ids of those with no facts given. */
    missing: string[];
  };
}

const FORM_ORDER = new Map([...RECORD_PATHS].map((path, i) => [path, i]));

/**
 * Measures a half-filled record for a progress indicator: how many criteria are decided, and
 * which fields are still missing, in form order.
 *
 * @param record - a draft innovation record
 * @param options - rule set and rubric
 * @returns the draft's progress
 * @throws {@link InvalidRecordError} when a field has a wrong type or value
 * @example
 * ```ts
 * draftProgress({ nama: 'SIRIDAKOBA', kebaruan: 'seluruh' }).missingFields[0]; // 'urusan'
 * ```
 */
export function draftProgress(record: unknown, options: EvaluateOptions = {}): DraftProgress {
  return draftProgressIn(defaultScope(), record, options);
}

/**
 * {@link draftProgress} with the rule sets of a scope (an engine's).
 *
 * @internal
 */
export function draftProgressIn(
  scope: Scope,
  record: unknown,
  options: EvaluateOptions = {},
): DraftProgress {
  const evaluator = createEvaluator(options, undefined, scope);
  const parsed = parseRecord(record, evaluator.locale);
  const resolved = evaluator.forRecord(parsed);
  const criteria = criteriaOf(parsed, resolved.ruleSet, resolved.locale);
  const passed = criteria.filter((c) => c.status === 'pass').length;
  const failed = criteria.filter((c) => c.status === 'fail').length;
  const missing = new Set(
    criteria.flatMap((c) =>
      c.reasons.filter((r) => r.status === 'unknown').flatMap((r) => r.fields),
    ),
  );
  const levels = rubricRunnerFor(resolved.rubric)(factsOf(parsed));
  const indicatorMissing = resolved.rubric.indicators
    .filter((i) => i.levels.every((l) => levels.status(levelId(i, l.level)) === 'unknown'))
    .map((i) => i.id);
  return {
    criteria: { decided: passed + failed, total: criteria.length, passed, failed },
    percent: criteria.length === 0 ? 100 : Math.round(((passed + failed) / criteria.length) * 100),
    missingFields: [...missing].sort(
      (a, b) => (FORM_ORDER.get(a) ?? 1e9) - (FORM_ORDER.get(b) ?? 1e9),
    ),
    indicators: {
      given: resolved.rubric.indicators.length - indicatorMissing.length,
      total: resolved.rubric.indicators.length,
      missing: indicatorMissing,
    },
  };
}
