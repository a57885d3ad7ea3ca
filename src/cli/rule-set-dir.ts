import type { Stats } from 'node:fs';
import { type FSWatcher, watch as watchFolder } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputFileError, InvalidRuleSetError } from '../errors.js';
import { createEngine, type Issue } from '../index.js';
import type { Locale } from '../messages.js';
import type { LoadedFrom, RuleSetSource, RuleSetVersion } from '../server/index.js';
import { RuleSetFileError, readRuleSetFile, readTextFile } from './input.js';
import { say } from './say.js';

/**
 * `serve --rule-set-dir <folder> [--watch]`: every rule set in a folder, for a province's server
 * that holds the Perbup of each of its kabupaten. Each file is read as `rules check` reads it;
 * with `--watch` a changed, added or removed file is read again, and the server answers the next
 * request with it. A file that fails to load is logged (one JSON line) and changes nothing: the
 * version loaded before it stays, so the server is never left without a rule set it had.
 */

/** The folder's rule sets as the server reads them, and how to stop watching. */
export interface RuleSetDir extends RuleSetSource {
  /** Stops watching the folder. */
  close(): void;
}

/** One line of the folder's log: a rule set loaded, removed, or refused (and what was kept). */
export interface RuleSetDirEvent {
  /** When, ISO 8601. */
  time: string;
  /** What happened to the file. */
  event: 'rule-set-loaded' | 'rule-set-removed' | 'rule-set-refused';
  /** The file, as found in the folder. */
  file: string;
  /** The rule set's id, when the file names one. */
  id?: string;
  /** The loaded rule set's hash. */
  hash?: string;
  /** Why it was refused: the library's error code. */
  code?: string;
  /** Why it was refused: every problem, at its line and column when the file has them. */
  problems?: { message: string; line?: number; column?: number; path: (string | number)[] }[];
  /** For a refused file: whether an earlier version of it is still the one answered with. */
  kept?: boolean;
}

/** Options of {@link openRuleSetDir}. */
export interface RuleSetDirOptions {
  /** Rule sets given besides the folder (`--rule-set`), loaded before its own. */
  fixed: readonly unknown[];
  /** Read a file again when it changes. */
  watch: boolean;
  /** The language of the problems logged. */
  locale: Locale;
  /** Where each event goes (one JSON line each on standard error). */
  log: (event: RuleSetDirEvent) => void;
}

/** A file of the folder as loaded: its JSON, its id, and when. */
interface Held {
  json: unknown;
  id: string;
  loadedAt: string;
}

/** Test cases and schemas live beside rule sets; they are not rule sets. */
const isRuleSetFile = (name: string) =>
  name.endsWith('.json') && !name.endsWith('.cases.json') && !name.endsWith('.schema.json');

/**
 * Reads every rule-set file of `dir` (not its subfolders) and, with `watch`, keeps reading them
 * as they change.
 *
 * @throws `InputFileError` when the folder cannot be read
 */
export async function openRuleSetDir(dir: string, options: RuleSetDirOptions): Promise<RuleSetDir> {
  const { fixed, locale, log } = options;
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && isRuleSetFile(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputFileError(dir, [
      { path: [], code: 'unreadable', message: say('cannotReadDir', locale, { dir, why }) },
    ]);
  }
  let held = new Map<string, Held>();
  let count = 0;
  let snapshot: RuleSetVersion = { version: '0', ruleSets: [], loaded: {} };

  /**
   * The folder's files in load order, as `[file, held]`: a parent in the folder before what
   * extends it, else by name.
   */
  const ordered = (files: Map<string, Held>) => {
    const entries = [...files].sort(([a], [b]) => (a < b ? -1 : 1));
    const byId = new Map(entries.map((entry) => [entry[1].id, entry]));
    const out: [string, Held][] = [];
    const visit = (entry: [string, Held], depth: number) => {
      if (out.includes(entry) || depth > files.size) return;
      const parent = byId.get((entry[1].json as { extends?: string }).extends ?? '');
      if (parent && parent !== entry) visit(parent, depth + 1);
      if (!out.includes(entry)) out.push(entry);
    };
    for (const entry of entries) visit(entry, 0);
    return out;
  };

  /** Loads the candidate list into an engine: its hashes, or the error that refuses it. */
  const tryList = (files: Map<string, Held>) => {
    const list = ordered(files);
    const engine = createEngine({ ruleSets: [...fixed, ...list.map(([, h]) => h.json)] });
    return new Map(engine.listRuleSets().map((s) => [s.id, s.hash]));
  };

  const commit = (files: Map<string, Held>) => {
    held = files;
    count++;
    const loaded: Record<string, LoadedFrom> = {};
    for (const [file, h] of files) loaded[h.id] = { file, loadedAt: h.loadedAt };
    snapshot = {
      version: String(count),
      ruleSets: ordered(files).map(([, h]) => h.json),
      loaded,
    };
  };

  const refuse = (file: string, error: unknown, id: string | undefined) => {
    const problems =
      error instanceof RuleSetFileError
        ? error.problems.map((p) => ({
            message: p.message,
            path: [...p.path],
            ...(p.line !== undefined ? { line: p.line, column: p.column as number } : {}),
          }))
        : ((error as { issues?: readonly Issue[] }).issues ?? []).map((i) => ({
            message: i.message,
            path: [...i.path],
          }));
    log({
      time: new Date().toISOString(),
      event: 'rule-set-refused',
      file,
      ...(id ? { id } : {}),
      code: (error as { code?: string }).code ?? 'E_INTERNAL',
      ...(problems.length > 0
        ? { problems }
        : { problems: [{ message: String((error as Error).message ?? error), path: [] }] }),
      kept: held.has(file),
    });
  };

  /** A file as read: its rule set, `gone` when it is no longer there, or `refused` (logged). */
  type Read = { json: unknown; id: string } | 'gone' | 'refused';
  const read = async (file: string, besides: readonly string[]): Promise<Read> => {
    let id: string | undefined;
    try {
      // Only a regular file: a pipe or a device named *.json would hold the reloads forever.
      const kind = await statOf(file);
      if (kind === undefined) return 'gone';
      if (!kind.isFile()) {
        const why = say('notRegularFile', locale, { file });
        throw new InputFileError(file, [{ path: [], code: 'not_a_file', message: why }]);
      }
      const json = await readRuleSetFile(file, locale, besides);
      id = (json as { id: string }).id;
      return { json, id };
    } catch (error) {
      if (error instanceof InputFileError && (await statOf(file)) === undefined) return 'gone';
      refuse(file, error, id ?? (error as Partial<RuleSetFileError>).ruleSetId);
      return 'refused';
    }
  };

  /** Takes what a file now holds if the whole list still loads with it; logs either way. */
  const admit = (file: string, now: Read) => {
    if (now === 'refused' || (now === 'gone' && !held.has(file))) return;
    const other =
      now === 'gone' ? undefined : [...held].find(([f, h]) => f !== file && h.id === now.id)?.[0];
    if (other !== undefined && now !== 'gone') {
      const message = say('duplicateRuleSetId', locale, { id: now.id, other });
      const issue = { path: ['id'], code: 'duplicate_id', message };
      refuse(file, new InvalidRuleSetError([issue], now.id), now.id);
      return;
    }
    const next = new Map(held);
    if (now === 'gone') next.delete(file);
    else next.set(file, { ...now, loadedAt: new Date().toISOString() });
    let hashes: Map<string, string>;
    try {
      hashes = tryList(next);
    } catch (error) {
      // Loads alone, not with the others (its parent is gone, or it is a parent still needed).
      refuse(file, error, now === 'gone' ? held.get(file)?.id : now.id);
      return;
    }
    const removed = held.get(file)?.id;
    commit(next);
    log({
      time: new Date().toISOString(),
      event: now === 'gone' ? 'rule-set-removed' : 'rule-set-loaded',
      file,
      ...(now === 'gone'
        ? removed
          ? { id: removed }
          : {}
        : { id: now.id, hash: hashes.get(now.id) as string }),
    });
  };

  // At start: every file read, then taken a parent before what extends it; one that refuses to
  // load is logged and the rest are served.
  const idsOf = (list: readonly unknown[]) =>
    list.map((r) => (r as { id?: unknown } | null)?.id).filter((id) => typeof id === 'string');
  const fixedIds = idsOf(fixed);
  const texts = await Promise.all(
    names.map((name) => readTextFile(join(dir, name)).catch(() => 'null')),
  );
  const named = idsOf(
    texts.map((text) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return null;
      }
    }),
  );
  const found = new Map<string, Held>();
  for (const name of names) {
    const file = join(dir, name);
    const now = await read(file, [...fixedIds, ...named]);
    if (typeof now === 'object') found.set(file, { ...now, loadedAt: '' });
  }
  for (const [file, h] of ordered(found)) admit(file, h);

  let watcher: FSWatcher | undefined;
  if (options.watch) {
    // Reloads one at a time, in the order of the events; an editor's burst of events for one
    // save is read once, when the folder has been quiet for a moment.
    let queue = Promise.resolve();
    const waiting = new Map<string, ReturnType<typeof setTimeout>>();
    watcher = watchFolder(dir, (_event, name) => {
      if (!name || !isRuleSetFile(name)) return;
      clearTimeout(waiting.get(name));
      waiting.set(
        name,
        setTimeout(() => {
          waiting.delete(name);
          queue = queue.then(async () => {
            const file = join(dir, name);
            admit(file, await read(file, [...fixedIds, ...[...held.values()].map((h) => h.id)]));
          });
        }, 100),
      );
    });
    watcher.on('error', (error) => refuse(dir, error, undefined));
  }
  return {
    current: () => snapshot,
    close: () => watcher?.close(),
  };
}

/** What the file is (a regular file, a pipe, …), or `undefined` when it is not there. */
async function statOf(file: string): Promise<Stats | undefined> {
  return stat(file).catch(() => undefined);
}
