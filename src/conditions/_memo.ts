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

const memos = new Set<Memo<never, unknown>>();

function register<K, V>(get: (key: K) => V, clear: () => void): Memo<K, V> {
  const memo = Object.assign(get, { clear });
  memos.add(memo as Memo<never, unknown>);
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
