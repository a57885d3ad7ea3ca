import { getPath } from '../conditions/path.js';
import { type Locale, pick } from '../messages.js';
import type { Innovation } from '../record/innovation.js';
import type { WeightedNodeFile, WeightedStage } from '../rule-sets/weighted-format.js';

/**
 * Weighted scoring (kind `weighted`), as provincial competitions such as Jawa Timur's KOVABLIK
 * score proposals: a leaf stores raw × weight / 100; a parent stores the sum of its children ×
 * its weight / 100; a stage's total is its root's. An empty leaf counts as 0 and is reported as
 * missing.
 */

/** A section's score in a stage. */
export interface WeightedNodeScore {
  /** The section's id in the rule set. */
  id: string;
  /** Its title in the requested locale. */
  title: string;
  /** Its weight, in percent of its parent. */
  weight: number;
  /** The evaluator's 0–100 score (leaves), when given. */
  raw?: number;
  /** Its contribution: raw × weight / 100, or the sum of its children × weight / 100. */
  stored: number;
  /** Its sub-sections, for a group. */
  children?: WeightedNodeScore[];
}

/** A stage's total and its sections. */
export interface WeightedStageScore {
  /** The stage's id in the rule set. */
  id: string;
  /** Its title in the requested locale. */
  title: string;
  /** The regulation and article it encodes. */
  citation: string;
  /** Sum of the sections' stored values, 0–100. */
  total: number;
  /** Record paths of sections with no score yet (each counted as 0). */
  missing: string[];
  /** Its sections' scores, in the rule set's order. */
  nodes: WeightedNodeScore[];
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

function scoreNode(
  node: WeightedNodeFile,
  record: Innovation,
  locale: Locale,
  missing: string[],
): WeightedNodeScore {
  const title = pick(node.title, locale);
  if (node.children) {
    const children = node.children.map((c) => scoreNode(c, record, locale, missing));
    const stored = round((children.reduce((s, c) => s + c.stored, 0) * node.weight) / 100);
    return { id: node.id, title, weight: node.weight, stored, children };
  }
  const raw = getPath(record, node.field as string);
  if (typeof raw !== 'number') {
    missing.push(node.field as string);
    return { id: node.id, title, weight: node.weight, stored: 0 };
  }
  return { id: node.id, title, weight: node.weight, raw, stored: round((raw * node.weight) / 100) };
}

/** Scores the stages of a weighted rule set for one record. */
export function scoreStages(
  stages: readonly WeightedStage[],
  record: Innovation,
  locale: Locale,
): WeightedStageScore[] {
  return stages.map((stage) => {
    const missing: string[] = [];
    const nodes = stage.nodes.map((n) => scoreNode(n, record, locale, missing));
    return {
      id: stage.id,
      title: pick(stage.title, locale),
      citation: stage.citation,
      total: round(nodes.reduce((s, n) => s + n.stored, 0)),
      missing,
      nodes,
    };
  });
}
