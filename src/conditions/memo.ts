/**
 * What the evaluation derives once from conditions and rule sets and keeps: compiled runners,
 * split paths, indicator texts, the reasons of undecided checks. Every such cache is made here,
 * written one way, and can be emptied at once: the mutation run (`npm run mutation`) empties
 * them before each test, so that every test builds, and is seen to build, what it uses.
 */

/** A cache of values built from a key, once per key. */
export interface Memo<K, V> {
  /** The value for `key`, built the first time it is asked for. */
  (key: K): V;
  /** Forgets every value built so far. */
  clear(): void;
}

const memos = new Set<{ clear(): void }>();

function register<K, V>(get: (key: K) => V, clear: () => void): Memo<K, V> {
  const memo = Object.assign(get, { clear });
  memos.add(memo);
  return memo;
}

/**
 * A cache keyed by an object (a rule set, a check, a rubric's plan), kept only while the key
 * lives.
 */
export function weakMemo<K extends object, V>(build: (key: K) => V): Memo<K, V> {
  let values = new WeakMap<K, V>();
  return register(
    (key: K) => getOrBuild(values, key, build),
    () => {
      values = new WeakMap();
    },
  );
}

/**
 * A cache keyed by a string or a number (paths, years). It keeps at most `max` values; past
 * that, values are built each time and not kept, so that unexpected keys cannot grow it.
 */
export function memo<K, V>(build: (key: K) => V, max = 10_000): Memo<K, V> {
  const values = new Map<K, V>();
  return register(
    (key: K) => {
      const value = values.get(key);
      if (value !== undefined) return value;
      const built = build(key);
      if (values.size < max) values.set(key, built);
      return built;
    },
    () => values.clear(),
  );
}

/**
 * A cache of one value: the one built for the last key asked for (a registry version), built
 * again when the key changes.
 */
export function latest<K, V>(build: (key: K) => V): Memo<K, V> {
  let kept: { key: K; value: V } | undefined;
  return register(
    (key: K) => {
      if (kept === undefined || kept.key !== key) kept = { key, value: build(key) };
      return kept.value;
    },
    () => {
      kept = undefined;
    },
  );
}

/** The value of `key` in `map`, built and stored the first time. */
export function getOrBuild<K extends object, V>(
  map: WeakMap<K, V>,
  key: K,
  build: (key: K) => V,
): V;
/** The value of `key` in `map`, built and stored the first time. */
export function getOrBuild<K, V>(map: Map<K, V>, key: K, build: (key: K) => V): V;
export function getOrBuild<K extends object, V>(
  map: WeakMap<K, V> | Map<K, V>,
  key: K,
  build: (key: K) => V,
): V {
  let value = map.get(key);
  if (value === undefined) {
    value = build(key);
    map.set(key, value);
  }
  return value;
}

/** Empties every cache made by {@link memo} and {@link weakMemo}. */
export function clearMemos(): void {
  for (const memo of memos) memo.clear();
}

/** The longest text a {@link valueCache} keys on: longer values are not worth keeping. */
const MAX_TEXT = 256;

/** Stand-ins for key parts a Map cannot tell apart, or that are lists. */
const NONE = Symbol('not given');
const NEGATIVE_ZERO = Symbol('-0');
const LIST = Symbol('list');
const END = Symbol('end');

/** A primitive as a Map key: `null` and a missing value alike, -0 apart from 0. */
function primitivePart(value: unknown): unknown {
  if (value === undefined || value === null) return NONE;
  switch (typeof value) {
    case 'number':
      // -0 prints as "-0" in a message.
      return Object.is(value, -0) ? NEGATIVE_ZERO : value;
    case 'boolean':
      return value;
    case 'string':
      return value.length <= MAX_TEXT ? value : undefined;
    default:
      return undefined;
  }
}

/** A list of primitives as one text key (each item typed), or undefined. */
function listPart(list: readonly unknown[]): string | undefined {
  if (list.length > 32) return undefined;
  let key = '';
  for (const item of list) {
    const part = primitivePart(item);
    if (part === undefined || typeof part === 'symbol') {
      if (part === NONE) key += '~,';
      else if (part === NEGATIVE_ZERO) key += 'n-0,';
      else return undefined;
    } else if (typeof part === 'string') key += `${JSON.stringify(part)},`;
    else key += `${typeof part === 'number' ? 'n' : 'b'}${String(part)},`;
  }
  return key;
}

/** A cache keyed by a list of record values. */
export interface ValueCache<V> {
  /**
   * The value kept for these record values, built the first time. Values that make no key
   * (an object, a long text) are built each time. Kept values must not be `undefined`.
   */
  get(values: readonly unknown[], build: () => V): V;
  /** Forgets every value built so far. */
  clear(): void;
}

type Node = Map<unknown, unknown>;

/**
 * A cache of what depends only on a few record values (a reason, an indicator's score): a
 * tree of Maps, one level per value, so that a lookup hashes no text it builds. `null` and a
 * missing value are alike (both mean "not given"); `1` and `"1"` are apart. It keeps at most
 * `max` values (kept results are a few hundred bytes each; a rule set's criteria and a rubric's
 * indicators hold a few dozen such caches per locale); past that, values are built each time.
 * It is owned by a {@link weakMemo} (per indicator plan, per criterion), which drops it with
 * its rule set and empties it on {@link clearMemos}.
 */
export function valueCache<V>(max = 5_000): ValueCache<V> {
  let root: Node = new Map();
  let size = 0;
  /** The key parts of values, or undefined when one makes no key. */
  const keyParts = (values: readonly unknown[]): unknown[] | undefined => {
    const parts: unknown[] = [];
    for (const value of values) {
      const part = Array.isArray(value) ? listPart(value) : primitivePart(value);
      if (part === undefined) return undefined;
      if (Array.isArray(value)) parts.push(LIST);
      parts.push(part);
    }
    // Ends every key, so that no key is the start of another (lists of any length may mix).
    parts.push(END);
    return parts;
  };
  const cache: ValueCache<V> = {
    get(values, build) {
      // The hot path: one Map lookup per value, building nothing.
      let node: Node | undefined = root;
      for (let i = 0; i < values.length && node !== undefined; i++) {
        const value = values[i];
        if (Array.isArray(value)) {
          const part = listPart(value);
          if (part === undefined) return build();
          node = (node.get(LIST) as Node | undefined)?.get(part) as Node | undefined;
        } else {
          const part = primitivePart(value);
          if (part === undefined) return build();
          node = node.get(part) as Node | undefined;
        }
      }
      const kept = node?.get(END) as V | undefined;
      if (kept !== undefined) return kept;
      const built = build();
      const parts = keyParts(values);
      if (parts === undefined || size >= max) return built;
      node = root;
      for (let i = 0; i < parts.length - 1; i++) {
        let next = node.get(parts[i]) as Node | undefined;
        if (next === undefined) {
          next = new Map();
          node.set(parts[i], next);
        }
        node = next;
      }
      node.set(END, built);
      size += 1;
      return built;
    },
    clear() {
      root = new Map();
      size = 0;
    },
  };
  return cache;
}
