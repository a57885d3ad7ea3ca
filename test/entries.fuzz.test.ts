import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as core from '../src/core/index.js';
import * as main from '../src/index.js';
import * as io from '../src/io/index.js';
import * as plan from '../src/plan.js';
import * as reference from '../src/reference.js';
import * as schemas from '../src/schemas.js';
import * as server from '../src/server/index.js';
import * as submission from '../src/submission.js';
import * as vitest from '../src/vitest.js';
import { eligibleRecord } from './helpers.js';
import { runs } from './runs.js';

/**
 * Every exported function of every entry, called with generated arguments: it throws only the
 * library's own errors, never changes what it was given, answers the same twice and settles.
 * A call still pending after HANG_MS fails as a hang: the bound is generous (a loaded machine
 * answers these in milliseconds), so it can only catch a call that never settles.
 */

const HANG_MS = 60_000;

/** Functions left out, with why. */
const SKIP: Record<string, string> = {
  // Opens a network port; its bad options are tested in test/server.
  startServer: 'listens on a port',
  // Classes: constructing an error is not a call a user makes with unknown input.
};

const entries = { main, core, io, plan, reference, schemas, server, submission, vitest };

const isClass = (f: unknown) =>
  typeof f === 'function' && /^class\b/.test(Function.prototype.toString.call(f));

const functions = Object.entries(entries).flatMap(([entry, module]) =>
  Object.entries(module as Record<string, unknown>)
    .filter(([name, f]) => typeof f === 'function' && !isClass(f) && !(name in SKIP))
    .map(([name, f]) => ({ entry, name, f: f as (...args: unknown[]) => unknown })),
);

/** Functions reached through exported values: every method of an engine, every matcher. */
const methodsOf = (entry: string, owner: object) =>
  Object.entries(owner)
    .filter(([, f]) => typeof f === 'function')
    .map(([name, f]) => ({ entry, name, f: (f as (...args: unknown[]) => unknown).bind(owner) }));
const methods = [
  ...methodsOf('engine', main.createEngine()),
  ...methodsOf('vitest.inovasiMatchers', vitest.inovasiMatchers),
];

/** A value whose reading throws, as a hostile or broken caller's object may. */
const throwing = () =>
  Object.defineProperty({}, 'locale', {
    enumerable: true,
    get() {
      throw new Error('getter');
    },
  });

/** Arguments: anything, plus the shapes the library's inputs take, slightly wrong. */
const argument: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 2, withNullPrototype: true, withTypedArray: true }),
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom({ locale: 'fr' }, { ruleSet: 42 }, { format: 'xlsx' }, { format: 'csv' }),
  fc.constant(new Uint8Array(0)),
  fc.uint8Array({ maxLength: 64 }),
  fc.string({ maxLength: 40 }).map((s) => `\uFEFFnama;tahun\r\n${s}`),
  fc.record({ nama: fc.string(), tahun: fc.anything({ maxDepth: 1 }) }, { requiredKeys: [] }),
  fc
    .record({ key: fc.constantFrom('nama', 'tahun', 'pemda', 'urusan', 'indikator', 'bukti') })
    .chain(({ key }) =>
      fc.anything({ maxDepth: 1 }).map((v) => ({ ...eligibleRecord(), [key]: v })),
    ),
  fc.constant(null).map(throwing),
);

/** A stable picture of a value: what a caller could see of it, functions and symbols aside. */
function picture(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'function') return '[function]';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[cycle]';
  seen.add(value);
  if (ArrayBuffer.isView(value)) return [...new Uint8Array(value.buffer)];
  if (value instanceof Map) return ['Map', [...value].map((e) => picture(e, seen))];
  if (value instanceof Set) return ['Set', [...value].map((e) => picture(e, seen))];
  if (value instanceof Date) return ['Date', value.getTime()];
  const out: Record<string, unknown> = {};
  for (const key of Reflect.ownKeys(value)) {
    // A stack says where a call came from, not what it answered.
    if (typeof key === 'symbol' || (key === 'stack' && value instanceof Error)) continue;
    const d = Object.getOwnPropertyDescriptor(value, key);
    out[key] = d && 'value' in d ? picture(d.value, seen) : '[accessor]';
  }
  return Array.isArray(value) ? ['Array', out] : out;
}

type Outcome = { kind: 'value'; value: unknown } | { kind: 'error'; error: unknown };

/** Drains what a call returns: a promise, an async iterable, or a source with rows. */
async function settle(result: unknown): Promise<unknown> {
  const value = await result;
  if (value && typeof value === 'object') {
    if (Symbol.asyncIterator in value) {
      const rows: unknown[] = [];
      for await (const row of value as AsyncIterable<unknown>) {
        rows.push(row);
        if (rows.length >= 50) break;
      }
      return rows;
    }
    const rows = (value as { rows?: unknown }).rows;
    if (rows && typeof rows === 'object' && Symbol.asyncIterator in rows) {
      return { ...(value as object), rows: await settle(rows) };
    }
  }
  return value;
}

async function call(f: (...args: unknown[]) => unknown, args: unknown[]): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    const value = await Promise.race([(async () => settle(f(...args)))(), hang]);
    return { kind: 'value', value };
  } catch (error) {
    return { kind: 'error', error };
  } finally {
    clearTimeout(timer);
  }
}

/** What an answer says, for comparing two answers: an error by its class, code and issues. */
function answer(outcome: Outcome): unknown {
  if (outcome.kind === 'value') return picture(outcome.value);
  const e = outcome.error as main.InovasiRulesError;
  return { error: e?.name, code: e?.code, issues: picture((e as { issues?: unknown }).issues) };
}

describe('every exported function of every entry, fuzzed', () => {
  it('finds the functions to fuzz (every entry has some)', () => {
    const byEntry = new Set(functions.map((f) => f.entry));
    expect([...byEntry].sort()).toStrictEqual(Object.keys(entries).sort());
    expect(methods.map((m) => m.name)).toContain('evaluate');
    expect(functions.length).toBeGreaterThan(25);
  });

  it.each([...functions, ...methods].map((f) => [`${f.entry}.${f.name}`, f] as const))(
    '%s throws only its own errors, leaves its input alone, answers the same twice',
    async (_, { f }) => {
      await fc.assert(
        fc.asyncProperty(fc.array(argument, { maxLength: 3 }), async (args) => {
          const before = picture(args);
          const first = await call(f, args);
          if (first.kind === 'error') {
            const e = first.error as Error;
            expect(
              e instanceof main.InovasiRulesError,
              `${e?.name}: ${e?.message}\n${e?.stack?.split('\n').slice(1, 4).join('\n')}`,
            ).toBe(true);
          }
          expect(picture(args)).toStrictEqual(before);
          const second = await call(f, args);
          expect(answer(second)).toStrictEqual(answer(first));
        }),
        { numRuns: runs(100) },
      );
    },
    HANG_MS * 3,
  );
});
