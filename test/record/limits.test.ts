import { describe, expect, it } from 'vitest';
import {
  evaluate,
  evaluateRegion,
  InvalidRecordError,
  LIMITS,
  safeEvaluate,
} from '../../src/index.js';
import { eligibleRecord } from '../helpers.js';

function deep(levels: number): unknown {
  let value: unknown = 'dasar';
  for (let i = 0; i < levels; i++) value = { lapis: value };
  return value;
}

const issueOf = async (input: unknown) => {
  const result = await safeEvaluate(input);
  if (result.success) throw new Error('expected an input error');
  return result.error.issues;
};

describe('hostile input: sizes', () => {
  it('refuses a record nested deeper than the limit, quickly and with the path', async () => {
    const started = performance.now();
    const issues = await issueOf({ nama: 'x', catatan: deep(100_000) });
    expect(performance.now() - started).toBeLessThan(2_000);
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

  it('terminates on a cyclic object', async () => {
    const record: Record<string, unknown> = { nama: 'siklus' };
    record.diri = record;
    expect((await issueOf(record))[0]?.code).toBe('too_deep');
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
