import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import region from '../examples/kota-batu-2024.json' with { type: 'json' };
import { innovationFields } from '../src/io/_fields.js';
import { headerOf, labelOf } from '../src/io/template.js';
import { findUrusan } from '../src/record/urusan.js';

/**
 * Writes the Kota Batu example sheets from `examples/kota-batu-2024.json`, the way a Bappeda
 * officer keeps them: one row per innovation, Indonesian headers, labels as values, dates as
 * d/m/yyyy; the CSV as Excel saves it with Indonesian settings (`;`, BOM, CRLF), the workbook
 * with real date cells. `npm run examples` writes them; a test checks that both give exactly the
 * evaluations of the JSON.
 */

type Cell = string | number | Date;

const fields = innovationFields();
const label = labelOf;

function leaves(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (fields.has(prefix) && fields.get(prefix)?.kind !== 'bukti') {
    out.set(prefix, value);
    return;
  }
  if (Array.isArray(value)) {
    // Evidence: one document per indicator, given part by part.
    const document = value[0] as Record<string, unknown> | undefined;
    for (const [part, v] of Object.entries(document ?? {})) out.set(`${prefix}.${part}`, v);
    return;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  }
}

function cellOf(path: string, value: unknown, dates: 'text' | 'date'): Cell {
  const field = fields.get(path);
  const date = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return dates === 'date' ? new Date(Date.UTC(y, m - 1, d)) : `${d}/${m}/${y}`;
  };
  switch (field?.kind) {
    case 'boolean':
      return value ? 'Ya' : 'Tidak';
    case 'date':
      return date(value as string);
    case 'enum':
      return label(path, value as string);
    case 'list-enum':
      return (value as string[]).map((v) => label(path, v)).join(', ');
    case 'urusan':
      return (value as string[]).map((u) => findUrusan(u)?.name ?? u).join('; ');
    case 'list-number':
      return (value as number[]).join(', ');
    default:
      return value as Cell;
  }
}

export function sheetOf(records: readonly unknown[], dates: 'text' | 'date'): Cell[][] {
  const rows = records.map((r) => {
    const out = new Map<string, unknown>();
    leaves(r, '', out);
    return out;
  });
  const order = [...fields.keys()];
  const paths = order.filter((p) => rows.some((r) => r.has(p)));
  return [
    paths.map(headerOf),
    ...rows.map((r) => paths.map((p) => (r.has(p) ? cellOf(p, r.get(p), dates) : ''))),
  ];
}

const csvCell = (cell: Cell) => {
  const text = String(cell);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The example CSV's text, as Excel saves it with Indonesian settings. */
export function exampleCsv(records: readonly unknown[]): string {
  const csv = sheetOf(records, 'text')
    .map((row) => row.map(csvCell).join(';'))
    .join('\r\n');
  return `\uFEFF${csv}\r\n`;
}

async function main() {
  const records = region.inovasi;
  writeFileSync('examples/batu-2024.csv', exampleCsv(records));

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Inovasi 2024');
  for (const row of sheetOf(records, 'date')) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  for (const column of sheet.columns) column.width = 22;
  // Fixed timestamps, so the file only changes when its content does.
  workbook.created = new Date(Date.UTC(2024, 0, 1));
  workbook.modified = workbook.created;
  await workbook.xlsx.writeFile('examples/batu-2024.xlsx');
  console.log('wrote examples/batu-2024.csv and examples/batu-2024.xlsx');
}

if (process.argv[1]?.endsWith('write-examples.ts')) await main();
