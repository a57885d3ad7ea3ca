import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvRow, csvRows } from '../../src/io/_csv-records.js';
import { runs } from '../runs.js';

/** The text in chunks of `size` characters, as a file stream gives it. */
async function* chunks(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function all(text: string, size = 7, limit?: number): Promise<CsvRow[]> {
  const out: CsvRow[] = [];
  for await (const row of csvRows(chunks(text, size), ',', 'en', limit)) out.push(row);
  return out;
}

const shape = (rows: CsvRow[]) => rows.map((r) => (r.cells ? r.cells : r.problem.code));

describe('csvRows', () => {
  it('reads what csv-parse reads from any well-formed file, in any chunking', async () => {
    const cell = fc.stringMatching(/^[a-z ,"\n;.0-9-]{0,12}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }).chain((n) =>
          fc.array(fc.array(cell, { minLength: n, maxLength: n }), {
            minLength: 1,
            maxLength: 6,
          }),
        ),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('\n', '\r\n'),
        async (table, size, eol) => {
          // Rows of empty cells only are blank lines, which both skip. A line break in a cell is
          // quoted, as Excel writes it.
          const text = stringify(table, {
            record_delimiter: eol === '\n' ? 'unix' : 'windows',
            quoted_match: /\n/,
          });
          // A line of spaces alone is blank here too (csv-parse makes it a one-cell row).
          const expected = (
            parse(text, { skip_empty_lines: true, relax_column_count: true }) as string[][]
          ).filter((r) => !(r.length === 1 && r[0]?.trim() === '' && !r[0].includes('\n')));
          const got = await all(text, size);
          expect(got.map((r) => r.cells)).toStrictEqual(expected);
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it('gives each row the line it starts on, a quoted line break included', async () => {
    const rows = await all('a,b\n"x\ny",2\n\nz,3\n');
    expect(rows.map((r) => [r.line, r.cells])).toStrictEqual([
      [1, ['a', 'b']],
      [2, ['x\ny', '2']],
      [5, ['z', '3']],
    ]);
  });

  it('drops a byte-order mark at the start only', async () => {
    expect(shape(await all('\ufeffa,b\n1,\ufeff2\n', 1))).toStrictEqual([
      ['a', 'b'],
      ['1', '\ufeff2'],
    ]);
  });

  it('refuses a row too long at its own line, once, and reads the rows after it', async () => {
    const text = `a,b\n1,2\n3,${'x'.repeat(500)}\n5,6\n7,8`;
    const rows = await all(text, 64, 100);
    expect(shape(rows)).toStrictEqual([
      ['a', 'b'],
      ['1', '2'],
      'row_too_long',
      ['5', '6'],
      ['7', '8'],
    ]);
    expect(rows[2]?.line).toBe(3);
    expect(rows[2]?.problem?.message).toContain('line 3 is longer than 100 characters');
  });

  it('refuses a too-long last row without a line break', async () => {
    expect(shape(await all(`a,b\n1,${'y'.repeat(300)}`, 50, 100))).toStrictEqual([
      ['a', 'b'],
      'row_too_long',
    ]);
  });

  it('refuses a stray quote inside a cell at its line and goes on', async () => {
    const rows = await all('a,b\n1,ab"c\n3,4\n');
    expect(shape(rows)).toStrictEqual([['a', 'b'], 'invalid_quote', ['3', '4']]);
    expect(rows[1]?.line).toBe(2);
  });

  it('names the lines a quote closed too late took with it', async () => {
    const rows = await all('a,b\n"1,2\n3,4\n5,"x"y\n7,8\n');
    expect(shape(rows)).toStrictEqual([['a', 'b'], 'invalid_quote', ['7', '8']]);
    expect(rows[1]?.line).toBe(2);
    expect(rows[1]?.problem?.message).toContain('lines 2–4 (3 lines) are left out');
  });

  it('counts the lines an unclosed quote swallowed, with or without a last line break', async () => {
    for (const end of ['', '\n']) {
      const rows = await all(`a,b\n1,2\n"3,4\n5,6\n7,8${end}`);
      expect(shape(rows)).toStrictEqual([['a', 'b'], ['1', '2'], 'unclosed_quote']);
      expect(rows[2]?.line).toBe(3);
      expect(rows[2]?.problem?.message).toContain('the 2 lines after it');
    }
  });

  it('reads an escaped quote split across chunks', async () => {
    expect(shape(await all('a\n"x""y"\n', 1))).toStrictEqual([['a'], ['x"y']]);
  });
});
