import { describe, expect, it } from 'vitest';
import {
  createEngine,
  evaluate,
  evaluatePortfolio,
  evaluateRegion,
  InvalidOptionError,
  InvalidRecordError,
  LIMITS,
  safeEvaluate,
} from '../../src/index.js';
import { eligibleRecord } from '../helpers.js';
import { runs } from '../runs.js';

function deep(levels: number): unknown {
  let value: unknown = 'dasar';
  for (let i = 0; i < levels; i++) value = { lapis: value };
  return value;
}

const issueOf = async (input: unknown) => {
  const result = await safeEvaluate(input, { locale: 'en' });
  if (result.success) throw new Error('expected an input error');
  return result.error.issues;
};

describe('hostile input: sizes', () => {
  // No clock: the walk stops at the limit's depth, whatever lies below it (a walk that went on
  // would overflow the stack at 100,000 levels, and fail here).
  it('refuses a record nested deeper than the limit, with the path', async () => {
    const issues = await issueOf({ nama: 'x', catatan: deep(100_000) });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe('too_deep');
    expect(issues[0]?.path.slice(0, 2)).toStrictEqual(['catatan', 'lapis']);
  });

  it('accepts extra fields nested within the limit', async () => {
    const result = await evaluate(eligibleRecord({ catatan: deep(LIMITS.maxDepth - 2) }));
    expect(result.verdict).toBe('eligible');
  });

  it.each([
    [
      'a huge list',
      { nama: 'x', urusan: new Array(LIMITS.maxNodes + 1).fill('pendidikan') },
      'too_large',
    ],
    [
      'too many values',
      { nama: 'x', lampiran: Array.from({ length: 300 }, () => new Array(100).fill(0)) },
      'too_large',
    ],
    [
      'a huge text',
      { nama: 'x', rancangBangun: 'kata '.repeat(LIMITS.maxStringLength) },
      'too_long',
    ],
  ])('refuses %s', async (_, input, code) => {
    const issues = await issueOf(input);
    expect(issues[0]?.code).toBe(code);
  });

  it('says a cyclic object refers to itself, where, and to what above it', async () => {
    const record: Record<string, unknown> = { nama: 'siklus' };
    record.diri = record;
    expect(await issueOf(record)).toStrictEqual([
      {
        path: ['diri'],
        code: 'circular',
        message: 'refers to itself: it holds the value at "(the record)" above it',
      },
    ]);
    const regulasi: Record<string, unknown> = {};
    regulasi.bukti = [regulasi];
    const result = await safeEvaluate({ nama: 'x', indikator: { regulasi } }, { locale: 'id' });
    expect(result.success ? [] : result.error.issues).toStrictEqual([
      {
        path: ['indikator', 'regulasi', 'bukti', 0],
        code: 'circular',
        message: 'merujuk dirinya sendiri: isian ini memuat nilai "indikator.regulasi" di atasnya',
      },
    ]);
    const top = await safeEvaluate(record, { locale: 'id' });
    expect(top.success ? [] : top.error.issues[0]?.message).toBe(
      'merujuk dirinya sendiri: isian ini memuat nilai "(rekaman)" di atasnya',
    );
  });

  it('takes one object met twice, not above itself, as no cycle', async () => {
    const bukti = { jenis: 'sk', url: 'https://jdih.batukota.go.id/sk-1.pdf' };
    const result = await safeEvaluate({
      nama: 'x',
      indikator: { regulasi: { bukti: [bukti] }, sdm: { bukti: [bukti] } },
    });
    expect(result.success).toBe(true);
  });

  it('checks each innovation of a region', async () => {
    const error = await evaluateRegion({
      pemda: 'K',
      tahun: 2024,
      inovasi: [{ nama: 'ok' }, { nama: 'x', z: deep(40) }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).issues[0]?.path.slice(0, 3)).toStrictEqual([
      'inovasi',
      1,
      'z',
    ]);
  });

  it('says what a trap threw even when that cannot be turned into text, never throwing in turn', async () => {
    // A proxy whose traps throw an object without a prototype: `String()` of it throws.
    const thrown = () => Object.create(null);
    const hostile = () =>
      new Proxy(
        {},
        {
          ownKeys: () => {
            throw thrown();
          },
          get: () => {
            throw thrown();
          },
          getOwnPropertyDescriptor: () => {
            throw thrown();
          },
        },
      );
    const calls: [string, () => Promise<unknown>, typeof InvalidRecordError][] = [
      ['evaluate', () => evaluate(hostile()), InvalidRecordError],
      ['options', () => evaluate({ nama: 'x' }, hostile() as never), InvalidOptionError],
      ['region', () => evaluateRegion(hostile()), InvalidRecordError],
      [
        'innovation',
        () => evaluateRegion({ pemda: 'K', tahun: 2024, inovasi: [hostile()] }),
        InvalidRecordError,
      ],
      ['portfolio', () => evaluatePortfolio(hostile() as never), InvalidRecordError],
      ['engine', async () => createEngine(hostile() as never), InvalidOptionError],
    ];
    for (const [name, call, kind] of calls) {
      const error = await call().catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(kind);
      expect((error as InvalidRecordError).issues[0]?.code, name).toBe('unreadable');
      expect((error as InvalidRecordError).issues[0]?.message, name).toContain('[object Object]');
    }
  });

  it('names an innovation of a region that cannot be read (a proxy that throws), never crashes', async () => {
    const refusing = new Proxy(
      { nama: 'x' },
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    const error = await evaluateRegion({
      pemda: 'K',
      tahun: 2024,
      inovasi: [{ nama: 'ok' }, refusing],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      [expect.stringMatching(/^inovasi\.1/), 'unreadable'],
    ]);
  });
});

describe('hostile input: prototype keys', () => {
  it('ignores __proto__, constructor and prototype keys in records and leaves Object.prototype alone', async () => {
    const record = JSON.parse(
      '{"nama":"x","__proto__":{"kebaruan":"seluruh","polluted":1},"constructor":{"prototype":{"bad":1}},"prototype":{"x":1},"indikator":{"__proto__":{"sdm":{"jumlah":99}},"sdm":{"jumlah":3,"__proto__":{"bukti":[{"jenis":"x"}]}}}}',
    );
    const result = await evaluate(record);
    expect(result.criteria[0]?.status).toBe('unknown');
    const sdm = result.score.indicators.find((i) => i.id === 'sdm');
    expect([sdm?.level, sdm?.proven]).toStrictEqual([1, false]);
    const probe = {} as Record<string, unknown>;
    expect([probe.polluted, probe.bad, probe.x, probe.kebaruan, probe.sdm]).toStrictEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
  });
});

describe('limits: records that are not plain JSON', () => {
  it('reads own properties only: a prototype adds nothing and breaks nothing', async () => {
    const proto = { nama: 'dari prototipe', extra: 'x'.repeat(200_000) };
    const record = Object.assign(Object.create(proto), eligibleRecord());
    const result = await safeEvaluate(record);
    expect(result.success).toBe(true);
  });

  it('turns a getter or Proxy that throws into an input error at its path', async () => {
    const getter = { ...eligibleRecord() };
    Object.defineProperty(getter, 'kebaruan', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const a = await safeEvaluate(getter);
    expect(a.success).toBe(false);
    if (!a.success)
      expect(a.error.issues[0]).toMatchObject({ path: ['kebaruan'], code: 'unreadable' });
    const trap = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    const b = await safeEvaluate(trap);
    expect(b.success).toBe(false);
    if (!b.success) expect(b.error.issues[0]?.code).toBe('unreadable');
  });

  it('refuses a huge list or object at the first limit, before reading the rest', async () => {
    const list = { nama: 'a', urusan: new Array(10_000_000).fill('pendidikan') };
    const issues = await issueOf(list);
    expect(issues).toStrictEqual([
      { path: ['urusan'], code: 'too_large', message: 'a list of more than 20000 items' },
    ]);
    const inIndonesian = await safeEvaluate(list);
    expect(inIndonesian.success ? [] : inIndonesian.error.issues).toStrictEqual([
      { path: ['urusan'], code: 'too_large', message: 'isian lebih dari 20000 nilai' },
    ]);
    const keys: Record<string, number> = {};
    for (let i = 0; i < 1_000_000; i++) keys[`k${i}`] = i;
    expect((await issueOf({ nama: 'a', extra: keys }))[0]).toMatchObject({
      path: ['extra', 'k19997'],
      code: 'too_large',
    });
  });
});

describe('limits: hostile shapes never escape (property)', () => {
  it('evaluate never throws anything but InvalidRecordError on records with prototypes, getters and Proxies', async () => {
    const fc = await import('fast-check');
    const shapes = fc.oneof(
      fc.constant('proto'),
      fc.constant('getter-throws'),
      fc.constant('getter-changes'),
      fc.constant('proxy-throws'),
      fc.constant('proxy-plain'),
    );
    await fc.assert(
      fc.asyncProperty(
        shapes,
        fc.constantFrom('nama', 'kebaruan', 'urusan', 'indikator'),
        async (shape, key) => {
          const base: Record<string, unknown> = { ...eligibleRecord() };
          let record: unknown = base;
          let reads = 0;
          if (shape === 'proto') record = Object.assign(Object.create({ [key]: 5 }), { nama: 'a' });
          if (shape === 'getter-throws' || shape === 'getter-changes') {
            Object.defineProperty(base, key, {
              enumerable: true,
              get() {
                reads++;
                if (shape === 'getter-throws' || reads > 1) throw new Error('changed');
                return base.nama;
              },
            });
          }
          if (shape === 'proxy-throws') {
            record = new Proxy(base, {
              get(target, p) {
                if (p === key) throw new Error('trap');
                return Reflect.get(target, p);
              },
            });
          }
          if (shape === 'proxy-plain') record = new Proxy(base, {});
          const before = JSON.stringify(Object.keys(base));
          const result = await safeEvaluate(record);
          expect(typeof result.success).toBe('boolean');
          expect(JSON.stringify(Object.keys(base))).toBe(before);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
