import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linesOf } from '../../src/io/text.js';
import { runs } from '../runs.js';

async function* chunks(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function lines(text: string, size: number, limit?: number) {
  const out: [number, string | undefined][] = [];
  for await (const line of linesOf(chunks(text, size), limit)) out.push(line);
  return out;
}

describe('linesOf', () => {
  it('gives the lines of any text, in any chunking, numbered from 1', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[ab\r\n]{0,60}$/),
        fc.integer({ min: 1, max: 20 }),
        async (text, size) => {
          const raw = text.split('\n');
          if (raw.at(-1) === '') raw.pop();
          const expected = raw.map((l) => l.replace(/\r$/, ''));
          const got = await lines(text, size);
          expect(got).toStrictEqual(expected.map((l, i) => [i + 1, l]));
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('gives a line over the limit as undefined and goes on with the next', async () => {
    for (const size of [3, 1000]) {
      expect(
        await lines(`ok\n${'x'.repeat(50)}\r\nlagi\n${'y'.repeat(11)}`, size, 10),
      ).toStrictEqual([
        [1, 'ok'],
        [2, undefined],
        [3, 'lagi'],
        [4, undefined],
      ]);
    }
  });

  it('keeps a line of exactly the limit', async () => {
    expect(await lines('abcde\n', 2, 5)).toStrictEqual([[1, 'abcde']]);
  });
});
