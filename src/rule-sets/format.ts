import * as z from 'zod';
import { type Condition, fieldsRead, type TopLevelCondition } from '../conditions/condition.js';
import { conditionProblems } from '../conditions/validate.js';
import { type LocalizedText, placeholderPattern, suggest } from '../messages.js';
import { isQuestionPath } from '../record/field-type.js';
import { RECORD_PATHS } from '../record/fields.js';

/**
 * The rule-set format: one JSON file per rule set, validated whole at load so that every
 * problem is reported with its JSON path. `schema/rule-set.schema.json` is generated from these
 * schemas for editor completion.
 */

/** A stable id: lowercase letters, digits, `_` and `-`. @internal */
export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { error: 'use lowercase letters, digits, "_" and "-"' })
  .max(80);

const text = (lang: string, name: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `the ${name} text (${lang}) is missing`
          : `the ${name} text (${lang}) must be a text`,
    })
    .trim()
    .min(1, { error: `the ${name} text (${lang}) is empty` });

/** A text in Indonesian (`id`) and English (`en`). */
export const LocalizedTextSchema = z.strictObject({
  /** The Indonesian text. */
  id: text('id', 'Indonesian'),
  /** The English text. */
  en: text('en', 'English'),
});

const isoDate = z.iso.date({ error: 'expected a date as YYYY-MM-DD' });

/** One instrument of the rule set's legal basis. */
export const LegalSourceSchema = z.strictObject({
  /** Stable id, e.g. `pp-38-2017`. */
  id: Id,
  /** Full title, e.g. "Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah". */
  title: z.string().trim().min(1),
  /** Short citation used in reasons, e.g. "PP 38/2017". */
  citation: z.string().trim().min(1),
  /** Where the text or an authoritative account of it can be read. */
  url: z.url().optional(),
  /** How far its content could be checked: `verified` text, or a `secondary` account only. */
  status: z.enum(['verified', 'secondary']).default('verified'),
});

/** A stated assumption: a fact the rule set relies on that the sources do not settle. */
export const AssumptionSchema = z.strictObject({
  /** Stable id, e.g. `teks_perwali_tidak_publik`. */
  id: Id,
  /** What is assumed and why. */
  text: LocalizedTextSchema,
});

const JurisdictionSchema = z.strictObject({
  /** `nasional`, `provinsi`, `kabupaten` or `kota`. */
  level: z.enum(['nasional', 'provinsi', 'kabupaten', 'kota']),
  /** The region's name, e.g. "Kota Batu", or "Indonesia". */
  name: z.string().trim().min(1),
});

const EffectiveSchema = z.strictObject({
  /** The first day it applies. */
  from: isoDate,
  /** The last day it applies, when it has one. */
  until: isoDate.optional(),
});

/**
 * A question of the region's own (*pertanyaan daerah*): a field its Perwali/Perbup asks for
 * that the national record does not have. Records answer it under `daerah.<id>`, a namespace no
 * national field uses; the rule set's conditions read it as fact `daerah`, path `<id>`.
 */
export const QuestionSchema = z
  .strictObject({
    /** Stable id, the record's key under `daerah`: lowercase letters, digits and `_`. */
    id: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, {
        error: 'use lowercase letters, digits and "_", starting with a letter',
      })
      .max(60),
    /**
     * What the answer holds: `text`, `number`, `integer`, `boolean` (yes/no), `date`
     * (`YYYY-MM-DD`) or `choice` (one of `values`).
     */
    type: z.enum(['text', 'number', 'integer', 'boolean', 'date', 'choice']),
    /** The allowed answers of a `choice` question, as the record writes them. */
    values: z.array(z.string().trim().min(1)).min(1).optional(),
    /** The question as a form shows it, in Indonesian and English. */
    label: LocalizedTextSchema,
    /** What to write, in Indonesian and English. */
    help: LocalizedTextSchema.optional(),
    /** The article (or point) of the regulation that asks it. */
    citation: z.string().trim().min(1),
  })
  .superRefine((question, ctx) => {
    if (question.type === 'choice' && !question.values) {
      ctx.addIssue({
        code: 'custom',
        path: ['values'],
        message: 'a "choice" question lists its allowed answers in "values"',
      });
    }
    if (question.type !== 'choice' && question.values) {
      ctx.addIssue({
        code: 'custom',
        path: ['values'],
        message: `"values" belongs to a "choice" question, not a "${question.type}" one`,
      });
    }
    if (question.values && new Set(question.values).size !== question.values.length) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: 'a value is listed twice' });
    }
  });

/** A condition tree in json-rules-engine's syntax, validated with every problem's path. */
export const ConditionSchema = z
  .custom<TopLevelCondition>(() => true)
  .superRefine((value, ctx) => {
    for (const problem of conditionProblems(value)) {
      ctx.addIssue({
        code: 'custom',
        message: problem.message,
        path: problem.path,
        ...(problem.code
          ? {
              params: {
                code: problem.code,
                ...(problem.suggestion ? { suggestion: problem.suggestion } : {}),
                ...(problem.values ? { values: problem.values } : {}),
              },
            }
          : {}),
      });
    }
  })
  .meta({ id: 'Condition' });

/** The messages of a check, one per status, in Indonesian and English. */
export const CheckMessagesSchema = z.strictObject({
  /** Shown when the check passes. */
  pass: LocalizedTextSchema,
  /** Shown when it fails: what is wrong and what to do. */
  fail: LocalizedTextSchema,
  /** Shown when a field it needs is empty: what to fill in. */
  unknown: LocalizedTextSchema,
});

/**
 * A check: one condition tree with its fields and messages. A criterion passes when all its
 * checks pass; each failing or undecided check gives the criterion one reason.
 */
export const CheckSchema = z
  .strictObject({
    /** Stable id; reason codes are `<id>_pass`, `<id>_fail`, `<id>_unknown`. */
    id: Id,
    /** The regulation's own label for this point, e.g. `4a`. */
    ref: z.string().optional(),
    /** When the check passes, in json-rules-engine's condition syntax. */
    conditions: ConditionSchema,
    /** The record fields the conditions read, as dotted paths; checked against the conditions. */
    fields: z.array(z.string()).min(1),
    /** Messages; `{field.path}` placeholders are replaced by the record's values. */
    messages: CheckMessagesSchema,
  })
  .superRefine(
    (raw, ctx) => {
      // Runs even when the check has other problems, so that every problem shows in one pass:
      // the check may be malformed, so every part is read defensively.
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return;
      const check = raw as Partial<Record<keyof Check, unknown>>;
      const fields = Array.isArray(check.fields)
        ? check.fields.filter((f): f is string => typeof f === 'string')
        : undefined;
      const conditionsValid =
        check.conditions !== undefined && conditionProblems(check.conditions).length === 0;
      if (fields && conditionsValid) {
        const read = fieldsRead(check.conditions as Condition);
        fields.forEach((field, i) => {
          // A region's own question (`daerah.<id>`) is checked against the rule set's questions
          // once they are resolved through `extends`.
          if (!RECORD_PATHS.has(field) && !isQuestionPath(field)) {
            ctx.addIssue({
              code: 'custom',
              path: ['fields', i],
              message: `"${field}" is not a field of the innovation record`,
            });
          } else if (!read.includes(field)) {
            ctx.addIssue({
              code: 'custom',
              path: ['fields', i],
              message: `"${field}" is listed but no condition reads it`,
            });
          }
        });
        for (const field of read) {
          if (!fields.includes(field)) {
            ctx.addIssue({
              code: 'custom',
              path: ['fields'],
              message: `the conditions read "${field}": list it in fields`,
            });
          }
        }
      }
      if (!fields || typeof check.messages !== 'object' || check.messages === null) return;
      for (const [status, localized] of Object.entries(check.messages)) {
        if (typeof localized !== 'object' || localized === null) continue;
        for (const [lang, message] of Object.entries(localized)) {
          if (typeof message !== 'string') continue;
          for (const match of message.matchAll(placeholderPattern)) {
            const name = match[1] as string;
            if (!fields.includes(name)) {
              const suggestion = suggest(name, fields);
              ctx.addIssue({
                code: 'custom',
                path: ['messages', status, lang],
                message: `placeholder {${name}}${suggestion ? ` (did you mean {${suggestion}}?)` : ''} is not one of the check's fields (${fields.join(', ')})`,
                params: {
                  code: 'unknown_placeholder',
                  ...(suggestion ? { suggestion } : {}),
                  values: { placeholder: name, fields: fields.join(', ') },
                },
              });
            }
          }
        }
      }
    },
    { when: () => true },
  );

/** A criterion of an eligibility rule set. */
export const CriterionSchema = z.strictObject({
  /** Stable id, shared with the criterion it replaces when the rule set extends another. */
  id: Id,
  /** The regulation's own number for it, e.g. `3`. */
  ref: z.string().optional(),
  /** Its title. */
  title: LocalizedTextSchema,
  /** Regulation and article (or point) it encodes. */
  citation: z.string().trim().min(1),
  /**
   * Its checks. In a rule set that extends another, a criterion that replaces an inherited one
   * keeps the inherited checks: listed checks with an inherited id replace that check in place,
   * new ids are added, and `removeChecks` drops inherited ones. Omit `checks` to change only the
   * title, reference or citation.
   */
  checks: z.array(CheckSchema).min(1).optional(),
  /** Ids of inherited checks to drop (only when replacing an inherited criterion). */
  removeChecks: z.array(Id).optional(),
});

/**
 * Metadata fields shared by every kind of rule set.
 *
 * @internal
 */
export const ruleSetMetadata = {
  /** Editor hint: path to `rule-set.schema.json`. Ignored. */
  $schema: z.string().optional(),
  /** Stable id, e.g. `perwali-batu-36-2022`. */
  id: Id,
  /** Its title, e.g. "Perwali Kota Batu 36/2022 tentang Inovasi Daerah". */
  title: LocalizedTextSchema,
  /** The region whose rules these are. */
  jurisdiction: JurisdictionSchema,
  /** The instruments it encodes, each with its citation. */
  legalBasis: z.array(LegalSourceSchema).min(1),
  /** Edition, e.g. the year of the regulation or of the rubric. */
  edition: z.string().trim().min(1),
  /** When it applies. */
  effective: EffectiveSchema,
  /** Facts it relies on that its sources do not settle, stated. */
  assumptions: z.array(AssumptionSchema).default([]),
  /** Id of the rule set this one builds on. */
  extends: Id.optional(),
};

/**
 * Adds an issue for every repeated id.
 *
 * @internal
 */
export function uniqueIds(
  items: { id: string }[],
  ctx: z.RefinementCtx,
  at: string | (string | number)[],
): void {
  const seen = new Set<string>();
  const prefix = typeof at === 'string' ? [at] : at;
  items.forEach((item, i) => {
    if (seen.has(item.id)) {
      ctx.addIssue({
        code: 'custom',
        path: [...prefix, i, 'id'],
        message: `duplicate id "${item.id}"`,
      });
    }
    seen.add(item.id);
  });
}

/** Checks what every kind shares: legal sources and assumptions each have a unique id. */
export function uniqueMetadataIds(
  ruleSet: { legalBasis: { id: string }[]; assumptions: { id: string }[] },
  ctx: z.RefinementCtx,
): void {
  uniqueIds(ruleSet.legalBasis, ctx, 'legalBasis');
  uniqueIds(ruleSet.assumptions, ctx, 'assumptions');
}

/**
 * An eligibility rule set: criteria, each made of checks. With `extends`, a criterion whose id
 * matches an inherited one replaces it in place; new ids are appended; `remove` drops inherited
 * criteria.
 */
export const EligibilityRuleSetSchema = z
  .strictObject({
    ...ruleSetMetadata,
    /** `eligibility`: criteria with a verdict. */
    kind: z.literal('eligibility'),
    /**
     * What it encodes: `regulation` (a region's or the nation's rules on regional innovation,
     * applied by default to the records of its jurisdiction) or `competition` (the entry rules
     * of an award, applied only when named). Default: the parent's, else `regulation`.
     */
    purpose: z.enum(['regulation', 'competition']).optional(),
    /**
     * The region's own questions: fields its regulation asks for beyond the national record,
     * answered under `daerah.<id>` (inherited ones too; an inherited id cannot be declared again).
     */
    questions: z.array(QuestionSchema).optional(),
    /** The criteria, in the regulation's order. */
    criteria: z.array(CriterionSchema),
    /** Ids of inherited criteria to drop (with `extends`). */
    remove: z.array(Id).optional(),
  })
  .superRefine((ruleSet, ctx) => {
    uniqueMetadataIds(ruleSet, ctx);
    uniqueIds(ruleSet.criteria, ctx, 'criteria');
    uniqueIds(ruleSet.questions ?? [], ctx, 'questions');
    if (!ruleSet.extends && ruleSet.criteria.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['criteria'],
        message: 'a rule set without "extends" needs at least one criterion',
      });
    }
    if (ruleSet.remove && !ruleSet.extends) {
      ctx.addIssue({
        code: 'custom',
        path: ['remove'],
        message: '"remove" only applies to a rule set that extends another',
      });
    }
  });

/** A check as written in a rule-set file. */
export type Check = z.output<typeof CheckSchema>;
/** A criterion as written in a rule-set file. */
export type CriterionFile = z.output<typeof CriterionSchema>;

/** A criterion of a loaded rule set: its checks resolved through `extends`. */
export interface Criterion {
  /** Stable id. */
  readonly id: string;
  /** The regulation's own number for it. */
  readonly ref?: string | undefined;
  /** Title in Indonesian and English. */
  readonly title: LocalizedText;
  /** Regulation and article (or point) it encodes. */
  readonly citation: string;
  /** Its checks, all of which must pass. */
  readonly checks: readonly Check[];
}
/** A region's own question, as written in a rule-set file. */
export type Question = z.output<typeof QuestionSchema>;
/** A legal source of a rule set. */
export type LegalSource = z.output<typeof LegalSourceSchema>;
/** A stated assumption of a rule set. */
export type Assumption = z.output<typeof AssumptionSchema>;
