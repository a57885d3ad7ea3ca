import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import region from '../../examples/kota-batu-2024.json' with { type: 'json' };
import { exampleCsv } from '../../scripts/write-examples.js';
import { evaluate } from '../../src/index.js';
import { type ReadRow, readRecords } from '../../src/io/index.js';

const examples = new URL('../../examples/', import.meta.url).pathname;
const read = async (file: string) => {
  const rows: ReadRow[] = [];
  for await (const row of readRecords(examples + file)) rows.push(row);
  return rows;
};

describe('the Kota Batu examples: the same innovations as JSON, CSV and a workbook', () => {
  const expected = Promise.all(region.inovasi.map((r) => evaluate(r)));

  it.each(['batu-2024.csv', 'batu-2024.xlsx'])(
    '%s gives exactly the evaluations of the JSON, with no warning',
    async (file) => {
      const rows = await read(file);
      expect(rows.flatMap((r) => r.issues ?? [])).toStrictEqual([]);
      expect(rows.flatMap((r) => r.warnings ?? [])).toStrictEqual([]);
      const evaluations = await Promise.all(rows.map((r) => evaluate(r.record)));
      expect(evaluations).toStrictEqual(await expected);
    },
  );

  it('the CSV is current: Excel-style (BOM, ";", CRLF), human headers, labels, d/m/yyyy', () => {
    const csv = readFileSync(`${examples}batu-2024.csv`, 'utf8');
    expect(csv.startsWith('\uFEFFID;Nama Inovasi;Pemerintah Daerah;Perangkat Daerah;')).toBe(true);
    expect(csv).toContain('\r\n');
    expect(csv).toContain(';16/1/2023;');
    expect(csv).toBe(exampleCsv(region.inovasi));
  });

  it('reads the units file and last year’s file, Indonesian headers and all', async () => {
    const units: ReadRow[] = [];
    for await (const row of readRecords(`${examples}opd-batu.csv`, { fields: 'unit' }))
      units.push(row);
    expect(units).toHaveLength(16);
    expect(units[0]?.record).toStrictEqual({
      opd: 'Dinas Pertanian dan Ketahanan Pangan',
      unitKerja: 'Bidang Tanaman Pangan dan Hortikultura',
    });
    const last = await read('batu-2023.csv');
    expect(last.map((r) => r.issues ?? r.warnings ?? 'ok')).toStrictEqual(['ok', 'ok', 'ok', 'ok']);
    expect(last[3]?.record).toMatchObject({ waktuPenerapan: '2023-07-17', tahapan: 'penerapan' });
  });
});
