import { fieldsOf } from '../record/facts.js';

/**
 * Conditions in json-rules-engine's syntax (all / any / not, fact, operator, value): their
 * types, and walking a valid tree. What a loader accepts is checked in `_validate.ts`.
 */

/** A leaf condition: `fact` (at `path`) compared with `value` by `operator`. */
export interface LeafCondition {
  /** A record field (`kebaruan`, `indikator`) or a derived fact (`urusanKelompok`, `tahunT1`). */
  fact: string;
  /** Plain dotted path inside the fact, e.g. `sdm.jumlah`. */
  path?: string;
  /** A json-rules-engine operator or one of this library's extra operators. */
  operator: string;
  /** The value to compare with: a JSON value, or `{ "fact": ..., "path"?: ... }` to compare with another fact. */
  value: unknown;
}

/** A condition tree in json-rules-engine's syntax: a leaf, or all / any / not of conditions. */
export type Condition = LeafCondition | TopLevelCondition;

/** The top of a condition tree: json-rules-engine requires a boolean operator there. */
export type TopLevelCondition =
  | {
      /** Holds when every condition holds. */
      all: Condition[];
    }
  | {
      /** Holds when at least one condition holds. */
      any: Condition[];
    }
  | {
      /** Holds when the condition does not. */
      not: Condition;
    };

/**
 * Calls `visit` on every leaf of a condition tree, in document order.
 *
 * @internal
 */
export function forEachLeaf(node: Condition, visit: (leaf: LeafCondition) => void): void {
  if ('all' in node) for (const c of node.all) forEachLeaf(c, visit);
  else if ('any' in node) for (const c of node.any) forEachLeaf(c, visit);
  else if ('not' in node) forEachLeaf(node.not, visit);
  else visit(node);
}

/**
 * The record fields a condition tree reads, in document order, each once.
 *
 * @internal
 */
export function fieldsRead(node: Condition): string[] {
  const fields = new Set<string>();
  forEachLeaf(node, (leaf) => {
    for (const f of fieldsOf(leaf.fact, leaf.path)) fields.add(f);
    const v = leaf.value;
    if (v !== null && typeof v === 'object' && typeof (v as { fact?: unknown }).fact === 'string') {
      const ref = v as { fact: string; path?: unknown };
      for (const f of fieldsOf(ref.fact, typeof ref.path === 'string' ? ref.path : undefined))
        fields.add(f);
    }
  });
  return [...fields];
}
