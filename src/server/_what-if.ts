import * as z from 'zod';
import { InvalidOptionError, type Issue, type RuleSet, type RuleSetSummary } from '../index.js';

/**
 * What-if over HTTP: a small overlay of a rubric's parameters (the divisor floor, a band's
 * threshold, the innovation-count points, an indicator's weight or a level's threshold), given
 * as `?overlay=<JSON>` and applied to a copy of the rubric for that one request. The copy is
 * loaded through the engine's `with` (so the library validates it as any rubric) into an engine
 * that lives for the request only: nothing is stored, and other requests never see it.
 */

/** The most characters an overlay may have. */
export const MAX_OVERLAY = 4096;

/** What an overlay may change, each within bounds. */
export const OverlaySchema = z.strictObject({
  /** Σ kematangan ÷ max(divisorFloor, n). */
  divisorFloor: z.number().int().min(1).max(100).optional(),
  /** Band id → its lowest IID. */
  bands: z.record(z.string(), z.number().min(0).max(100)).optional(),
  /** Points per innovation, and how many earn them. */
  innovationCount: z
    .strictObject({
      pointsEach: z.number().positive().max(10).optional(),
      maxCounted: z.number().int().min(1).max(10_000).optional(),
    })
    .optional(),
  /** Indicator id → its weight, and each level's numeric threshold. */
  indicators: z
    .record(
      z.string(),
      z.strictObject({
        weight: z.number().int().min(1).max(10).optional(),
        levels: z
          .partialRecord(z.enum(['1', '2', '3']), z.number().min(0).max(1_000_000_000))
          .optional(),
      }),
    )
    .optional(),
});

/** An overlay as validated. */
export type Overlay = z.output<typeof OverlaySchema>;

const refuse = (issues: Issue[]) => new InvalidOptionError(issues);

/** Reads `?overlay=`: JSON, bounded, every problem with its path under `overlay`. */
export function readOverlay(text: string | undefined): Overlay | undefined {
  if (text === undefined) return undefined;
  if (text.length > MAX_OVERLAY) {
    throw refuse([
      {
        path: ['overlay'],
        code: 'too_big',
        message: `overlay is over ${MAX_OVERLAY} characters`,
      },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw refuse([{ path: ['overlay'], code: 'invalid_json', message: 'overlay is not JSON' }]);
  }
  const parsed = OverlaySchema.safeParse(json);
  if (!parsed.success) {
    throw refuse(
      parsed.error.issues.map((i) => ({
        path: ['overlay', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
        code: i.code,
        message: i.message,
      })),
    );
  }
  return parsed.data;
}

type Json = Record<string, unknown>;
type Leaf = { value?: unknown };

/** The numeric leaves of a condition tree. */
function numericLeaves(node: unknown, out: Leaf[] = []): Leaf[] {
  if (!node || typeof node !== 'object') return out;
  const n = node as Json;
  for (const key of ['all', 'any'])
    if (Array.isArray(n[key])) for (const c of n[key] as unknown[]) numericLeaves(c, out);
  if (n.not) numericLeaves(n.not, out);
  if ('fact' in n && typeof n.value === 'number') out.push(n as Leaf);
  return out;
}

/**
 * The rubric with the overlay applied, as a rubric file says it, under the id `<id>-what-if`:
 * an unknown band or indicator, or a level whose threshold is not one number, is refused.
 */
export function overlaid(rubric: RuleSet, overlay: Overlay): { json: Json; id: string } {
  if (rubric.kind !== 'rubric') {
    throw refuse([
      { path: ['rubric'], code: 'invalid_value', message: `${rubric.id} is not an IGA rubric` },
    ]);
  }
  const { lineage: _, ...copy } = structuredClone(rubric) as unknown as Json;
  const id = `${rubric.id}-what-if`;
  const region = copy.region as Json & {
    bands: { id: string; min: number }[];
    innovationCount: Json;
  };
  const indicators = copy.indicators as {
    id: string;
    weight: number;
    levels: { level: number; conditions: unknown }[];
  }[];
  const issues: Issue[] = [];
  if (overlay.divisorFloor !== undefined) region.divisorFloor = overlay.divisorFloor;
  for (const [band, min] of Object.entries(overlay.bands ?? {})) {
    const found = region.bands.find((b) => b.id === band);
    if (found) found.min = min;
    else
      issues.push({
        path: ['overlay', 'bands', band],
        code: 'unknown_band',
        message: `${rubric.id} has no band ${band}; its bands: ${region.bands.map((b) => b.id).join(', ')}`,
      });
  }
  Object.assign(region.innovationCount, overlay.innovationCount ?? {});
  for (const [indicatorId, change] of Object.entries(overlay.indicators ?? {})) {
    const indicator = indicators.find((i) => i.id === indicatorId);
    if (!indicator) {
      issues.push({
        path: ['overlay', 'indicators', indicatorId],
        code: 'unknown_indicator',
        message: `${rubric.id} has no indicator ${indicatorId}`,
      });
      continue;
    }
    if (change.weight !== undefined) indicator.weight = change.weight;
    for (const [level, value] of Object.entries(change.levels ?? {})) {
      const leaves = numericLeaves(
        indicator.levels.find((l) => l.level === Number(level))?.conditions,
      );
      const only = leaves.length === 1 ? leaves[0] : undefined;
      if (only) only.value = value;
      else
        issues.push({
          path: ['overlay', 'indicators', indicatorId, 'levels', level],
          code: 'no_single_threshold',
          message: `level ${level} of ${indicatorId} has ${leaves.length} numeric thresholds, not one: it cannot be changed by a number`,
        });
    }
  }
  if (issues.length > 0) throw refuse(issues);
  // A weight or the count points change the most a region can score: the maximum follows them
  // (SPD + SID + count), as the rubric's own check requires.
  if (overlay.indicators || overlay.innovationCount) {
    const spd = (region.spd as { weight: number }[]).reduce((sum, i) => sum + 3 * i.weight, 0);
    const sid = indicators.reduce((sum, i) => sum + 3 * i.weight, 0);
    const count = region.innovationCount as { pointsEach: number; maxCounted: number };
    region.maxScore = spd + sid + count.pointsEach * count.maxCounted;
  }
  return { json: { ...copy, id }, id };
}

/** The listing of a rule set: its id, edition and hash, as `listRuleSets` gives them. */
type Listed = Pick<RuleSetSummary, 'id' | 'edition' | 'hash'>;

/** What a what-if answer says it changed: the overlay, the rubric it changed, and the copy. */
export function whatIfStamp(overlay: Overlay, base: Listed, copy: Listed) {
  return {
    overlay,
    base: { id: base.id, edition: base.edition, hash: base.hash },
    rubric: { id: copy.id, edition: copy.edition, hash: copy.hash },
    stored: false,
  };
}
