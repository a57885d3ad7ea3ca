import * as z from 'zod';
import type { Issue } from '../errors.js';
import { InnovationSchema } from '../record/innovation.js';

/**
 * CSV rows to records: a header row of dotted columns (`indikator.sdm.jumlah`), list cells split
 * on `;`, and each cell turned into the type the record schema wants at that path. A cell that
 * cannot be turned into that type is left as text, so validation names the field and the problem.
 */

type Kind = 'string' | 'number' | 'boolean' | 'list-string' | 'list-number' | 'bukti';

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (
    current instanceof z.ZodOptional ||
    current instanceof z.ZodNullable ||
    current instanceof z.ZodPipe ||
    current instanceof z.ZodDefault
  ) {
    current = (current instanceof z.ZodPipe ? current.in : current.unwrap()) as z.ZodType;
  }
  return current;
}

function kindOf(schema: z.ZodType): Kind | undefined {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodNumber) return 'number';
  if (inner instanceof z.ZodBoolean) return 'boolean';
  if (inner instanceof z.ZodArray) {
    const item = unwrap(inner.element as z.ZodType);
    if (item instanceof z.ZodObject && 'jenis' in item.shape) return 'bukti';
    return item instanceof z.ZodNumber ? 'list-number' : 'list-string';
  }
  if (inner instanceof z.ZodObject) return undefined;
  return 'string';
}

function collect(schema: z.ZodType, prefix: string, out: Map<string, Kind>): void {
  const inner = unwrap(schema);
  if (!(inner instanceof z.ZodObject)) return;
  for (const [name, child] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
    const path = prefix ? `${prefix}.${name}` : name;
    const kind = kindOf(child);
    if (kind) out.set(path, kind);
    else collect(child, path, out);
  }
}

const KINDS = new Map<string, Kind>();
collect(InnovationSchema, '', KINDS);

const TRUE = new Set(['true', 'ya', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'tidak', 'no', 'n', '0']);

function convert(cell: string, kind: Kind | undefined): unknown {
  const split = () =>
    cell
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
  switch (kind) {
    case 'number': {
      const n = Number(cell.replace(',', '.'));
      return cell !== '' && Number.isFinite(n) ? n : cell;
    }
    case 'boolean': {
      const v = cell.toLowerCase();
      return TRUE.has(v) ? true : FALSE.has(v) ? false : cell;
    }
    case 'list-number':
      return split().map((s) => (Number.isFinite(Number(s)) ? Number(s) : s));
    case 'list-string':
      return split();
    case 'bukti':
      return split().map((jenis) => ({ jenis }));
    default:
      return cell;
  }
}

const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Checks a header row; returns its problems (bad or repeated column names). */
export function headerIssues(header: readonly string[], line: number): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  header.forEach((column, i) => {
    if (
      !column
        .split('.')
        .every(
          (s) => SEGMENT.test(s) && s !== '__proto__' && s !== 'constructor' && s !== 'prototype',
        )
    ) {
      issues.push({
        path: [`line ${line}`, `column ${i + 1}`],
        code: 'invalid_column',
        message: `"${column}" is not a dotted field name`,
      });
    }
    if (seen.has(column))
      issues.push({
        path: [`line ${line}`, column],
        code: 'duplicate_column',
        message: `column "${column}" appears twice`,
      });
    seen.add(column);
  });
  return issues;
}

/** Builds a record from one CSV row; empty cells are left out. */
export function rowToRecord(
  header: readonly string[],
  row: readonly string[],
): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  header.forEach((column, i) => {
    const cell = (row[i] ?? '').trim();
    if (cell === '') return;
    const segments = column.split('.');
    let target = record;
    for (const segment of segments.slice(0, -1)) {
      let next = target[segment];
      if (!next || typeof next !== 'object') {
        next = {};
        target[segment] = next;
      }
      target = next as Record<string, unknown>;
    }
    target[segments.at(-1) as string] = convert(cell, KINDS.get(column));
  });
  return record;
}
