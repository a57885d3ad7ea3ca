import * as z from 'zod';
import type { LocalizedText } from '../messages.js';
import { RECORD_PATHS } from '../record/fields.js';
import {
  Id,
  LocalizedTextSchema,
  ruleSetMetadata,
  uniqueIds,
  uniqueMetadataIds,
} from './format.js';

/**
 * Weighted scoring (kind `weighted`), as provincial competitions such as Jawa Timur's KOVABLIK
 * score proposals: evaluators give each section 0–100; a leaf stores raw × weight / 100; a
 * parent stores the sum of its children × its weight / 100; a stage's total is its root's. An
 * empty leaf counts as 0 and is reported as missing.
 */

/** A node of a weighted tree, as written: a scored section (`field`) or a group (`children`). */
export interface WeightedNodeFile {
  /** Stable id within its parent. */
  id: string;
  /** Its title. */
  title: LocalizedText;
  /** Weight in percent of its parent. */
  weight: number;
  /** Record path of the section's 0–100 score (leaves). */
  field?: string | undefined;
  /** Sub-sections (groups). */
  children?: WeightedNodeFile[] | undefined;
}

/** A node of a weighted tree: a scored section (`field`) or a group of sections (`children`). */
export const WeightedNodeSchema: z.ZodType<WeightedNodeFile> = z.lazy(() =>
  z
    .strictObject({
      id: Id,
      title: LocalizedTextSchema,
      weight: z.number().min(0).max(100),
      field: z.string().optional(),
      children: z.array(WeightedNodeSchema).min(1).optional(),
    })
    .superRefine((node, ctx) => {
      if ((node.field === undefined) === (node.children === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [],
          message: 'a node has either "field" (a scored section) or "children"',
        });
      }
      if (node.field !== undefined && !RECORD_PATHS.has(node.field)) {
        ctx.addIssue({
          code: 'custom',
          path: ['field'],
          message: `"${node.field}" is not a field of the innovation record`,
        });
      }
      if (node.children) uniqueIds(node.children, ctx, 'children');
    }),
);

/** A stage of a weighted rule set (e.g. proposal, then presentation). */
export const WeightedStageSchema = z.strictObject({
  /** Stable id, e.g. `proposal`. */
  id: Id,
  /** Its title. */
  title: LocalizedTextSchema,
  /** The regulation and article it encodes. */
  citation: z.string().trim().min(1),
  /** The stage's sections; their stored values add up to the stage total (at most 100). */
  nodes: z.array(WeightedNodeSchema).min(1),
});

/** A weighted scoring rule set (kind `weighted`), e.g. `kovablik-jatim`. */
export const WeightedRuleSetSchema = z
  .strictObject({
    ...ruleSetMetadata,
    /** `weighted`: sections scored 0–100 and weighted, stage by stage. */
    kind: z.literal('weighted'),
    /** The stages, in order. */
    stages: z.array(WeightedStageSchema).min(1),
  })
  .superRefine((ruleSet, ctx) => {
    if (ruleSet.extends)
      ctx.addIssue({
        code: 'custom',
        path: ['extends'],
        message: 'a weighted rule set cannot extend another',
      });
    uniqueMetadataIds(ruleSet, ctx);
    uniqueIds(ruleSet.stages, ctx, 'stages');
    ruleSet.stages.forEach((stage, i) => {
      uniqueIds(stage.nodes, ctx, ['stages', i, 'nodes']);
      const sum = stage.nodes.reduce((s, n) => s + n.weight, 0);
      if (sum > 100 + 1e-9) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', i, 'nodes'],
          message: `weights add up to ${sum}, more than 100`,
        });
      }
    });
  });

/** A stage as written. */
export type WeightedStage = z.output<typeof WeightedStageSchema>;
