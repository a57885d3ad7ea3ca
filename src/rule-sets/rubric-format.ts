import * as z from 'zod';
import { type Condition, fieldsRead } from '../conditions/condition.js';
import { conditionProblems } from '../conditions/validate.js';
import { placeholderPattern } from '../messages.js';
import { QUESTION_FACT } from '../record/field-type.js';
import { RECORD_PATHS } from '../record/fields.js';
import { findUrusan } from '../record/urusan.js';
import {
  ConditionSchema,
  Id,
  LocalizedTextSchema,
  ruleSetMetadata,
  uniqueIds,
  uniqueMetadataIds,
} from './format.js';

/**
 * The scoring-rubric format (kind `rubric`): the IGA per-innovation indicators with their three
 * levels as conditions on the record, and the region-level rules of the Indeks Inovasi Daerah.
 */

/** One level of an indicator: when it is reached, what it means, and what reaching it takes. */
export const IndicatorLevelSchema = z.strictObject({
  /** The level: 1, 2 or 3. */
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** What the level means, e.g. "11-30 orang". */
  description: LocalizedTextSchema,
  /** When the level is reached, in json-rules-engine's condition syntax. */
  conditions: ConditionSchema,
  /** What to change to reach this level; `{kurang}` is replaced by the numeric shortfall. */
  next: LocalizedTextSchema,
});

/** A per-innovation IGA indicator (*indikator Satuan Inovasi Daerah*). */
export const RubricIndicatorSchema = z
  .strictObject({
    /** The `indikator` key in the record, e.g. `sdm`. */
    id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
    /** The official number (16-35). */
    number: z.number().int().positive(),
    /** Its official title. */
    title: LocalizedTextSchema,
    /** Points per level (*bobot*). */
    weight: z.number().positive(),
    /** Marked mandatory (*wajib*) in this edition. */
    mandatory: z.boolean(),
    /** Where the rubric defines it. */
    citation: z.string().trim().min(1),
    /** The record path of the indicator's entry, e.g. `indikator.sdm`. */
    field: z.string(),
    /** Levels 1, 2 and 3 in order; the highest level whose conditions hold is reached. */
    levels: z.array(IndicatorLevelSchema).length(3),
  })
  .superRefine((indicator, ctx) => {
    if (!RECORD_PATHS.has(indicator.field)) {
      ctx.addIssue({
        code: 'custom',
        path: ['field'],
        message: `"${indicator.field}" is not a field of the innovation record`,
      });
    } else if (indicator.field === QUESTION_FACT) {
      ctx.addIssue({
        code: 'custom',
        path: ['field'],
        message: `"${QUESTION_FACT}" holds a region's own answers, which only the eligibility rule set that asks them reads`,
      });
    }
    indicator.levels.forEach((level, i) => {
      if (level.level !== i + 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', i, 'level'],
          message: `expected level ${i + 1}`,
        });
      }
      if (conditionProblems(level.conditions).length > 0) return;
      for (const field of fieldsRead(level.conditions as Condition)) {
        if (field !== 'tahun' && !field.startsWith(`${indicator.field}.`)) {
          ctx.addIssue({
            code: 'custom',
            path: ['levels', i, 'conditions'],
            message: `reads "${field}", outside the indicator's field "${indicator.field}" (only "tahun" is allowed besides)`,
          });
        }
      }
      for (const [lang, text] of Object.entries(level.next)) {
        for (const match of text.matchAll(placeholderPattern)) {
          if (match[1] !== 'kurang') {
            ctx.addIssue({
              code: 'custom',
              path: ['levels', i, 'next', lang],
              message: `unknown placeholder {${match[1]}}: only {kurang}`,
            });
          }
        }
      }
    });
  });

/** The predicate bands of the Indeks Inovasi Daerah. */
export const BandIdSchema = z.enum([
  'sangat_inovatif',
  'inovatif',
  'kurang_inovatif',
  'tidak_dapat_dinilai',
]);

/** The region-level rules of the Indeks Inovasi Daerah. */
export const RegionRulesSchema = z.strictObject({
  /** Total maximum: SPD + SID + innovation-count points (250). */
  maxScore: z.number().positive(),
  /** Σ kematangan is divided by max(divisorFloor, n). */
  divisorFloor: z.number().int().positive(),
  /** Points per reported innovation, up to `maxCounted` innovations. */
  innovationCount: z.strictObject({
    /** Points for each innovation reported. */
    pointsEach: z.number().positive(),
    /** The most innovations that earn points. */
    maxCounted: z.number().int().positive(),
    /** Where the rubric says so. */
    citation: z.string().trim().min(1),
  }),
  /** Innovation-count points are 0 unless the innovations cover `minCovered` of these urusan. */
  basicServiceRule: z
    .strictObject({
      /** The basic-service urusan (ids). */
      urusan: z.array(z.string()).min(1),
      /** How many of them the region's innovations must cover. */
      minCovered: z.number().int().positive(),
      /** Where the rubric says so. */
      citation: z.string().trim().min(1),
    })
    .optional(),
  /**
   * A region with nothing proven (no SPD level, no proven kematangan) is not assessed: IID 0,
   * in the band whose `min` is 0, whatever its innovation count.
   */
  noEvidence: z
    .strictObject({
      /** Where the rule is said. */
      citation: z.string().trim().min(1),
    })
    .optional(),
  /** Region-level indicators (*Satuan Pemerintah Daerah*) 1-15; the caller passes their levels. */
  spd: z.array(
    z.strictObject({
      /** Stable id of the indicator. */
      id: Id,
      /** Its official number, e.g. `1` or `15`. */
      number: z.string(),
      /** Its official title. */
      title: LocalizedTextSchema,
      /** Points per level (*bobot*). */
      weight: z.number().positive(),
    }),
  ),
  /** Predicate bands, highest first; a band applies from its `min` IID (rounded to 0.01). */
  bands: z.array(
    z.strictObject({
      /** The band's id. */
      id: BandIdSchema,
      /** The lowest IID in the band. */
      min: z.number().min(0).max(100),
      /** Its title, e.g. "Sangat Inovatif". */
      title: LocalizedTextSchema,
    }),
  ),
});

/** A scoring rubric (kind `rubric`), e.g. `iga-2026`. */
export const RubricSchema = z
  .strictObject({
    ...ruleSetMetadata,
    /** `rubric`: indicator levels, points and the region's index. */
    kind: z.literal('rubric'),
    /** The per-innovation indicators, in official order. */
    indicators: z.array(RubricIndicatorSchema).min(1),
    /** How the region's index is computed from its innovations. */
    region: RegionRulesSchema,
  })
  .superRefine((rubric, ctx) => {
    if (rubric.extends) {
      ctx.addIssue({
        code: 'custom',
        path: ['extends'],
        message: 'a rubric cannot extend another; write each edition whole',
      });
    }
    uniqueMetadataIds(rubric, ctx);
    uniqueIds(rubric.indicators, ctx, 'indicators');
    uniqueIds(rubric.region.spd, ctx, ['region', 'spd']);
    const { region } = rubric;
    const max =
      3 * rubric.indicators.reduce((s, i) => s + i.weight, 0) +
      3 * region.spd.reduce((s, i) => s + i.weight, 0) +
      region.innovationCount.pointsEach * region.innovationCount.maxCounted;
    if (Math.abs(max - region.maxScore) > 1e-9) {
      ctx.addIssue({
        code: 'custom',
        path: ['region', 'maxScore'],
        message: `maxScore ${region.maxScore} does not equal the sum of the parts' maxima (${Math.round(max * 100) / 100})`,
      });
    }
    region.bands.forEach((band, i) => {
      const previous = region.bands[i - 1];
      if (previous && band.min >= previous.min) {
        ctx.addIssue({
          code: 'custom',
          path: ['region', 'bands', i, 'min'],
          message: 'bands must go from the highest min down',
        });
      }
    });
    if (region.bands.at(-1)?.min !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['region', 'bands'],
        message: 'the last band must start at 0',
      });
    }
    region.basicServiceRule?.urusan.forEach((id, i) => {
      if (findUrusan(id)?.id !== id) {
        ctx.addIssue({
          code: 'custom',
          path: ['region', 'basicServiceRule', 'urusan', i],
          message: `"${id}" is not an urusan id`,
        });
      }
    });
  });

/** A per-innovation indicator of a rubric. */
export type RubricIndicator = z.output<typeof RubricIndicatorSchema>;
/** The region-level rules of a rubric. */
export type RegionRules = z.output<typeof RegionRulesSchema>;
/** A predicate band id. */
export type Band = z.output<typeof BandIdSchema>;
