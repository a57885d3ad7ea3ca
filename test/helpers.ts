import { readFileSync } from 'node:fs';
import type { InnovationInput } from '../src/index.js';

/** Reads a JSON fixture from test/fixtures. */
export function fixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

/** A complete record that passes every criterion of the shipped rule sets. */
export function eligibleRecord(overrides: Record<string, unknown> = {}): InnovationInput {
  return { ...fixture<InnovationInput>('eligible.json'), ...overrides } as InnovationInput;
}

/** The record without the given fields. */
export function without(record: object, ...fields: string[]): InnovationInput {
  const copy: Record<string, unknown> = { ...record };
  for (const f of fields) delete copy[f];
  return copy as InnovationInput;
}
