import { readFile } from 'node:fs/promises';
import type { Issue } from '../errors.js';

/** A file's content: its records, and whether it held one record or a list. */
export interface RecordsInput {
  records: unknown[];
  single: boolean;
}

/** A file that could not be read or parsed; the CLI prints it and exits with 2. */
export class InputFileError extends Error {
  readonly issues: Issue[];

  constructor(file: string, issues: Issue[]) {
    super(`cannot read ${file}`);
    this.issues = issues;
  }
}

/** Reads a JSON file holding one record (an object) or several (an array). */
export async function readRecords(file: string): Promise<RecordsInput> {
  const json = await readJson(file);
  if (Array.isArray(json)) return { records: json, single: false };
  return { records: [json], single: true };
}

/** Reads and parses a JSON file; a missing file or bad JSON becomes an {@link InputFileError}. */
export async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'read_error';
    throw new InputFileError(file, [
      { path: [], code: code.toLowerCase(), message: `cannot read ${file}: ${code}` },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputFileError(file, [
      {
        path: [],
        code: 'invalid_json',
        message: `${file} is not valid JSON: ${(error as Error).message}`,
      },
    ]);
  }
}
