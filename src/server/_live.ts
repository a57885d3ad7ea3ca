/**
 * The rule sets an app answers with, as they change while it runs (a watched folder, `serve
 * --rule-set-dir --watch`): one engine per version of the list, built when a request first sees
 * that version, and each request held to the engine it started with, so a reload never changes
 * an answer half-way.
 */
import { createEngine, type Engine, type RuleSetSummary } from '../index.js';

/** Rule sets that change while the app runs: the app asks for the current list per request. */
export interface RuleSetSource {
  /** The list now; the same object until it changes. */
  current(): RuleSetVersion;
}

/** One version of a {@link RuleSetSource}'s list. */
export interface RuleSetVersion {
  /** Names this version; a new list has a new one. */
  version: string;
  /** The rule sets (parsed JSON or loaded), parents before the ones that extend them. */
  ruleSets: readonly unknown[];
  /** Where each rule set (by id) came from and when it was loaded. */
  loaded: Readonly<Record<string, LoadedFrom>>;
}

/** Where a loaded rule set came from, and when. */
export interface LoadedFrom {
  /** The file it was read from, when it was read from one. */
  file?: string;
  /** When it was loaded, ISO 8601. */
  loadedAt: string;
}

/** A rule set as `GET /rule-sets` lists it: its summary, and for a loaded one when and whence. */
export type ListedRuleSet = RuleSetSummary & Partial<LoadedFrom>;

/** What a request works with: the engine of one version, and what it lists. */
export interface Held {
  /** The version's engine. */
  engine: Engine;
  /** The version's name (`fixed` with no source). */
  version: string;
  /** The rule sets beyond the shipped ones, as the worker threads are given them. */
  ruleSets: readonly unknown[];
  /** `GET /rule-sets`. */
  list: ListedRuleSet[];
}

/**
 * The app's current rule sets: `fixed` (given when the app was made) then the source's. The
 * engine is rebuilt only when the source's version changes; a version the engine refuses (the
 * source should have checked it) leaves the previous one in place.
 *
 * @throws `InvalidRuleSetError` when the rule sets at start cannot be loaded
 */
export function ruleSetHolder(fixed: readonly unknown[], source?: RuleSetSource): () => Held {
  const madeAt = new Date().toISOString();
  const build = (given: RuleSetVersion | undefined): Held => {
    const ruleSets = [...fixed, ...(given?.ruleSets ?? [])];
    const engine = createEngine({ ruleSets });
    const list = engine.listRuleSets().map((summary): ListedRuleSet => {
      if (summary.builtIn) return summary;
      return { ...summary, ...(given?.loaded[summary.id] ?? { loadedAt: madeAt }) };
    });
    return { engine, version: given?.version ?? 'fixed', ruleSets, list };
  };
  let held = build(source?.current());
  if (!source) return () => held;
  let refused: string | undefined;
  return () => {
    const now = source.current();
    if (now.version !== held.version && now.version !== refused) {
      try {
        held = build(now);
      } catch {
        // Kept: the source checks a version before offering it, so this is a list that loaded
        // there and not here; the answers stay those of the last good one.
        refused = now.version;
      }
    }
    return held;
  };
}
