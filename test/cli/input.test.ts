import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countRecords } from '../../src/cli/input.js';

const dir = mkdtempSync(join(tmpdir(), 'inovasi-count-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('countRecords: the progress bar’s total', () => {
  it.each([
    ['ndjson', 'a.ndjson', '{"nama":"a"}\n\n{"nama":"b"}\r\n  \n{"nama":"c"}', 3],
    ['ndjson', 'b.ndjson', '{"nama":"a"}\n{"nama":"b"}\n', 2],
    ['csv', 'c.csv', 'nama;opd\r\nA;X\r\nB;Y\r\n', 2],
    ['csv', 'd.csv', 'nama\n', 0],
    ['json', 'e.json', '[{"nama":"a"}]', undefined],
    ['xlsx', 'f.xlsx', 'PK', undefined],
  ])('%s %s → %s', async (format, name, text, expected) => {
    expect(await countRecords(file(name, text), format)).toBe(expected);
  });

  it('knows nothing of standard input or a file it cannot read', async () => {
    expect(await countRecords('-', 'ndjson')).toBeUndefined();
    expect(await countRecords(join(dir, 'missing.ndjson'), 'ndjson')).toBeUndefined();
  });
});
