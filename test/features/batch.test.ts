import { describe, expect, it } from 'vitest';
import { type BatchItem, type BatchProgress, evaluateMany } from '../../src/index.js';
import { eligibleRecord } from '../helpers.js';

const collect = async (items: AsyncIterable<BatchItem>) => {
  const out: BatchItem[] = [];
  for await (const item of items) out.push(item);
  return out;
};

const records = [
  eligibleRecord({ id: 'a' }),
  { nama: '', kebaruan: 'baru' },
  { id: 'c', nama: 'Draf' },
];

describe('evaluateMany', () => {
  it('evaluates an array in order, reporting invalid records without stopping', async () => {
    const items = await collect(evaluateMany(records));
    expect(items.map((i) => [i.index, i.ok])).toStrictEqual([
      [0, true],
      [1, false],
      [2, true],
    ]);
    const [first, second, third] = items;
    expect(first?.ok && first.evaluation.verdict).toBe('eligible');
    expect(!second?.ok && second?.issues.map((x) => x.path[0])).toStrictEqual(['nama', 'kebaruan']);
    expect(third?.ok && third.evaluation.verdict).toBe('incomplete');
  });

  it('takes iterables and async iterables, and reports progress', async () => {
    function* sync() {
      yield* records;
    }
    async function* slow() {
      for (const r of records) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        yield r;
      }
    }
    const progress: BatchProgress[] = [];
    const fromSync = await collect(evaluateMany(sync()));
    const fromAsync = await collect(
      evaluateMany(slow(), { locale: 'en', onProgress: (p) => progress.push(p) }),
    );
    expect(fromSync.map((i) => i.ok)).toStrictEqual([true, false, true]);
    expect(fromAsync.map((i) => i.ok)).toStrictEqual([true, false, true]);
    expect(progress).toStrictEqual([
      { done: 1, invalid: 0 },
      { done: 2, invalid: 1 },
      { done: 3, invalid: 1 },
    ]);
    const first = fromAsync[0];
    expect(first?.ok && first.evaluation.locale).toBe('en');
  });

  it('gives the same evaluations as evaluate, one by one', async () => {
    const { evaluate } = await import('../../src/index.js');
    const items = await collect(evaluateMany([records[0], records[2]]));
    expect(items.map((i) => (i.ok ? i.evaluation : null))).toStrictEqual([
      await evaluate(records[0]),
      await evaluate(records[2]),
    ]);
  });
});
