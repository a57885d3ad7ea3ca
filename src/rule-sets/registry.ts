import notHeld from '../../rules/not-held.json' with { type: 'json' };
import {
  InvalidOptionError,
  InvalidRuleSetError,
  type Issue,
  UnknownRuleSetError,
} from '../errors.js';
import { optionsObject, suggest } from '../messages.js';
import { type ParentLookup, parseRuleSet } from './_load.js';
import { ruleSetHash } from './hash.js';
import { ruleSet as iga2023 } from './shipped/iga-2023.js';
import { ruleSet as iga2026 } from './shipped/iga-2026.js';
import { ruleSet as kipp2021 } from './shipped/kipp-2021.js';
import { ruleSet as kipp2022 } from './shipped/kipp-2022.js';
import { ruleSet as kipp2023 } from './shipped/kipp-2023.js';
import { ruleSet as kipp2025 } from './shipped/kipp-2025.js';
import { ruleSet as kipp2025Evaluasi } from './shipped/kipp-2025-evaluasi.js';
import { ruleSet as kipp91 } from './shipped/kipp-permenpanrb-91-2021.js';
import { ruleSet as kovablik } from './shipped/kovablik-jatim.js';
import { ruleSet as kovablik2022 } from './shipped/kovablik-jatim-2022.js';
import { ruleSet as kovablik2025 } from './shipped/kovablik-jatim-2025.js';
import { ruleSet as batu } from './shipped/perwali-batu-36-2022.js';
import { ruleSet as pp38 } from './shipped/pp-38-2017.js';
import type { RuleSet, RuleSetSummary } from './types.js';

// Loaded from their files without zod (the tests validate them), in dependency order.
const SHIPPED: readonly RuleSet[] = [
  pp38,
  batu,
  iga2023,
  iga2026,
  kipp91,
  kipp2021,
  kipp2022,
  kipp2023,
  kipp2025,
  kipp2025Evaluasi,
  kovablik,
  kovablik2022,
  kovablik2025,
];
const registry = new Map<string, { ruleSet: RuleSet; builtIn: boolean }>();
const lookup: ParentLookup = {
  get: (id) => registry.get(id)?.ruleSet,
  ids: () => [...registry.keys()],
};
const parse = (json: unknown) => parseRuleSet(json, lookup);
let shippedLoaded = false;

function ensureShipped(): void {
  if (shippedLoaded) return;
  shippedLoaded = true;
  for (const ruleSet of SHIPPED) register(ruleSet, true);
}

/**
 * The shipped rule sets, in dependency order: what the top-level functions choose from.
 *
 * @internal
 */
export function shippedRuleSets(): readonly RuleSet[] {
  return SHIPPED;
}

/** Counts changes to the registry, so that what is derived from it can be cached. */
let version = 0;

function register(ruleSet: RuleSet, builtIn: boolean): void {
  registry.set(ruleSet.id, { ruleSet, builtIn });
  version++;
}

/**
 * A number that changes whenever a rule set is registered: a cache of anything derived from the
 * registry is valid while it stays the same.
 *
 * @internal
 */
export function registryVersion(): number {
  ensureShipped();
  return version;
}

/**
 * Validates a rule set, resolves its `extends` against the rule sets already loaded, freezes it
 * and registers it under its id, so that `evaluate(record, { ruleSet: id })` finds it.
 *
 * Loading never changes the caller's object: the rule set kept is a frozen copy.
 *
 * @param json - the parsed content of a rule-set file
 * @param options - `replace: true` to replace a rule set of yours loaded under the same id
 * @returns the loaded rule set
 * @throws {@link InvalidRuleSetError} listing every problem with its JSON path, including an
 *   `extends` that names no loaded rule set, an id already loaded (without `replace`), an id
 *   of a shipped rule set, a replacement that would extend itself through its parents, or a
 *   replacement of another kind (a rubric's id taken by an eligibility rule set)
 * @throws {@link InvalidOptionError} when `options` is not `{ replace?: boolean }`
 * @example
 * ```ts
 * import { loadRuleSet, evaluate } from 'inovasi-rules';
 * const malang = loadRuleSet(JSON.parse(readFileSync('perbup-malang.json', 'utf8')));
 * await evaluate(record, { ruleSet: malang.id });
 * ```
 */
export function loadRuleSet(json: unknown, options?: { replace?: boolean }): RuleSet {
  const replace = replaceOption(options);
  ensureShipped();
  const ruleSet = parse(json);
  const existing = registry.get(ruleSet.id);
  const refuse = (message: string) => {
    throw new InvalidRuleSetError([{ path: ['id'], code: 'invalid_rule', message }], ruleSet.id);
  };
  if (existing?.builtIn) {
    refuse(`"${ruleSet.id}" is a shipped rule set and cannot be replaced; choose another id`);
  }
  if (existing && !replace) {
    refuse(
      `a rule set "${ruleSet.id}" is already loaded; to replace it, load with { replace: true }`,
    );
  }
  // A replacement of another kind (an eligibility rule set over the user's own rubric) would leave
  // every score falling back to another edition without a word: refused as engines refuse it.
  const clash = existing && kindClash(existing.ruleSet, ruleSet);
  if (clash) throw new InvalidRuleSetError([clash], ruleSet.id);
  if (ruleSet.lineage.includes(ruleSet.id)) {
    refuse(
      `"${ruleSet.id}" would extend itself through ${ruleSet.lineage.join(' → ')}; a rule set cannot be its own ancestor`,
    );
  }
  register(ruleSet, false);
  return ruleSet;
}

function replaceOption(options: unknown): boolean {
  if (options === undefined) return false;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new InvalidOptionError([
      { path: [], code: 'invalid_type', message: 'options must be { replace?: boolean }' },
    ]);
  }
  // Read once, as a plain copy: a proxy or a getter that throws is the options' problem.
  const { replace } = optionsObject(options, ['replace']);
  if (replace !== undefined && typeof replace !== 'boolean') {
    throw new InvalidOptionError([
      { path: ['replace'], code: 'invalid_type', message: 'replace must be true or false' },
    ]);
  }
  return replace === true;
}

/**
 * Validates a rule set and resolves its `extends` among the given rule sets, without registering
 * it anywhere: how an engine loads a rule set of its own.
 *
 * @throws {@link InvalidRuleSetError} listing every problem with its JSON path, a parent that is
 *   not among `ruleSets` included, or a rule set that would be its own ancestor
 * @internal
 */
export function loadRuleSetAmong(json: unknown, ruleSets: readonly RuleSet[]): RuleSet {
  const byId = new Map(ruleSets.map((r) => [r.id, r]));
  const ruleSet = parseRuleSet(json, { get: (id) => byId.get(id), ids: () => [...byId.keys()] });
  if (ruleSet.lineage.includes(ruleSet.id)) {
    throw new InvalidRuleSetError(
      [
        {
          path: ['id'],
          code: 'invalid_rule',
          message: `"${ruleSet.id}" would extend itself through ${ruleSet.lineage.join(' → ')}; a rule set cannot be its own ancestor`,
        },
      ],
      ruleSet.id,
    );
  }
  return ruleSet;
}

/**
 * Validates a rule set without registering it: for checking a file before use.
 *
 * @param json - the parsed content of a rule-set file
 * @returns the list of problems, empty when the rule set is valid
 * @example
 * ```ts
 * checkRuleSet({ id: 'x' }).length > 0; // true: many fields are missing
 * ```
 */
export function checkRuleSet(json: unknown): Issue[] {
  ensureShipped();
  try {
    const ruleSet = parse(json);
    const existing = registry.get(ruleSet.id)?.ruleSet;
    const clash = existing && kindClash(existing, ruleSet);
    return clash ? [clash] : [];
  } catch (error) {
    if (error instanceof InvalidRuleSetError) return [...error.issues];
    throw error;
  }
}

/**
 * The problem of a rule set taking the id of one of another kind (an eligibility rule set named
 * `iga-2026`): it would replace the rubric, and every score would silently fall back to another
 * edition. Replacing one of the same kind (a draft of a reform) is no problem.
 *
 * @internal
 */
export function kindClash(replaced: RuleSet, given: RuleSet): Issue | undefined {
  if (replaced.kind === given.kind) return undefined;
  return {
    path: ['id'],
    code: 'invalid_rule',
    message: `"${given.id}" is the id of a rule set of kind "${replaced.kind}"; one of kind "${given.kind}" cannot take it: choose another id`,
    params: { rule: 'id_of_other_kind', id: given.id, kind: replaced.kind, given: given.kind },
  };
}

/**
 * Lists the shipped and registered rule sets.
 *
 * @returns one summary per rule set, shipped ones first
 * @example
 * ```ts
 * listRuleSets().map((r) => r.id); // ['pp-38-2017', 'perwali-batu-36-2022', ...]
 * ```
 */
export function listRuleSets(): RuleSetSummary[] {
  ensureShipped();
  return [...registry.values()].map(({ ruleSet, builtIn }) => summaryOf(ruleSet, builtIn));
}

/**
 * The summary of a rule set, as {@link listRuleSets} lists it.
 *
 * @internal
 */
export function summaryOf(ruleSet: RuleSet, builtIn: boolean): RuleSetSummary {
  return {
    id: ruleSet.id,
    kind: ruleSet.kind,
    title: ruleSet.title,
    edition: ruleSet.edition,
    ...(ruleSet.lineage[0] ? { extends: ruleSet.lineage[0] } : {}),
    builtIn,
    hash: ruleSetHash(ruleSet),
  };
}

/**
 * Returns a shipped or registered rule set by id.
 *
 * @param id - the rule set's id
 * @returns the loaded rule set
 * @throws {@link UnknownRuleSetError} when no rule set has this id
 * @example
 * ```ts
 * getRuleSet('pp-38-2017').criteria.length; // 5
 * ```
 */
export function getRuleSet(id: string): RuleSet {
  ensureShipped();
  const entry = registry.get(id);
  if (!entry) throw unknownRuleSet(id, [...registry.keys()]);
  return entry.ruleSet;
}

/** Every loaded rule set of a kind, shipped ones first (for choosing one by region or date). */
export function loadedOfKind<K extends RuleSet['kind']>(kind: K): Extract<RuleSet, { kind: K }>[] {
  ensureShipped();
  return [...registry.values()]
    .map((e) => e.ruleSet)
    .filter((r): r is Extract<RuleSet, { kind: K }> => r.kind === kind);
}

/**
 * Returns a rule set of the given kind: the object itself, or the one registered under an id.
 * An id of a rule set of another kind is unknown *as that kind*.
 *
 * @internal
 */
export function resolveRuleSet<K extends RuleSet['kind']>(
  ref: string | RuleSet,
  kind: K,
): Extract<RuleSet, { kind: K }> {
  const ruleSet = typeof ref === 'string' ? getRuleSet(ref) : ref;
  if (ruleSet.kind !== kind) {
    const ofKind = [...registry.values()]
      .filter((e) => e.ruleSet.kind === kind)
      .map((e) => e.ruleSet.id);
    throw unknownRuleSet(ruleSet.id, ofKind, kind);
  }
  return ruleSet as Extract<RuleSet, { kind: K }>;
}

/**
 * The error for an id no rule set has, with the closest known id when one is close (a typo).
 *
 * @internal
 */
export function unknownRuleSet(
  id: string,
  known: readonly string[],
  kind?: string,
): UnknownRuleSetError {
  if (typeof id !== 'string') {
    throw new InvalidOptionError([
      { path: ['id'], code: 'invalid_type', message: 'a rule set id must be a string' },
    ]);
  }
  const held = notHeld.editions.find((e) => e.id === id);
  return new UnknownRuleSetError(
    id,
    known,
    kind,
    suggest(id, known),
    held ? { reason: held.reason, citation: held.citation } : undefined,
  );
}
