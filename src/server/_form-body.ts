import { stringify } from 'csv-stringify/sync';
import type { Context } from 'hono';
import { InputFileError, InvalidRecordError, type Issue } from '../errors.js';
import { TEXTS } from '../features/texts.js';
import { type NumberFormat, openRecords, type QuestionField } from '../io/index.js';
import { type Locale, pick } from '../messages.js';

/**
 * A record sent as a form sends it: `application/x-www-form-urlencoded` or `multipart/form-data`
 * fields, or a JSON object whose values are the texts a form holds (`?values=text`). Every value
 * goes through the spreadsheet reader, so `'2024'`, `'ya'`, `'87,5'`, `'15/01/2023'` and
 * `'1.02; Pendidikan'` are read as they are in a sheet, and a field the record does not have is
 * an error (never dropped in silence).
 */

/** Content types a browser form posts. */
export const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded)/i;

/** The most fields a form post may hold (a record has fewer than 200 paths). */
const MAX_FIELDS = 1_000;

/** Whether a request sends its record as texts: a form post, or JSON with `?values=text`. */
export function sendsTexts(c: Context): boolean {
  return FORM_TYPES.test(c.req.header('content-type') ?? '') || c.req.query('values') === 'text';
}

/**
 * The form's fields as a flat map of record paths (or column names, or labels) to texts: repeated
 * fields and lists joined with `;`, as a sheet's cell holds them.
 */
export async function formFields(
  c: Context,
  json: () => Promise<unknown>,
): Promise<Map<string, string>> {
  const fields = new Map<string, string>();
  const issues: Issue[] = [];
  if (FORM_TYPES.test(c.req.header('content-type') ?? '')) {
    const body = await c.req.parseBody({ all: true });
    for (const [name, value] of Object.entries(body)) {
      const values = Array.isArray(value) ? value : [value];
      if (values.some((v) => typeof v !== 'string')) {
        issues.push({
          path: [name],
          code: 'invalid_type',
          message: 'a file is not a field of the record',
        });
        continue;
      }
      fields.set(name, (values as string[]).join('; '));
    }
  } else {
    flatten(await json(), [], fields, issues);
  }
  if (fields.size > MAX_FIELDS) {
    issues.push({ path: [], code: 'too_large', message: `more than ${MAX_FIELDS} fields` });
  }
  if (issues.length > 0) throw new InvalidRecordError(issues);
  return fields;
}

/** A JSON object of texts, flattened to dotted paths; what a text cannot say is an issue. */
function flatten(
  value: unknown,
  path: string[],
  fields: Map<string, string>,
  issues: Issue[],
): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    fields.set(path.join('.'), String(value));
    return;
  }
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string' || typeof v === 'number')) {
      fields.set(path.join('.'), value.join('; '));
    } else {
      issues.push({
        path,
        code: 'invalid_type',
        message:
          'with values=text a list holds texts; send documents (bukti) as JSON without values=text',
      });
    }
    return;
  }
  if (typeof value === 'object' && path.length < 4) {
    for (const [key, child] of Object.entries(value))
      flatten(child, [...path, key], fields, issues);
    return;
  }
  issues.push({
    path,
    code: 'invalid_type',
    message: 'expected a text, a number, a list or an object of them',
  });
}

/**
 * The record the fields describe, read by the spreadsheet reader as one row with these columns:
 * the same values, aliases and problems as a sheet's row. `numberFormat` settles `12,500`.
 */
export async function recordOfFields(
  fields: Map<string, string>,
  numberFormat: NumberFormat | undefined,
  locale: Locale,
  questions: readonly QuestionField[] = [],
): Promise<unknown> {
  if (fields.size === 0)
    throw new InvalidRecordError([
      { path: [], code: 'invalid_type', message: pick(TEXTS.server.noFormField, locale) },
    ]);
  const csv = stringify([[...fields.keys()], [...fields.values()]]);
  const names = [...fields.keys()];
  const source = await openRecords(new TextEncoder().encode(csv), {
    format: 'csv',
    delimiter: ',',
    name: 'form',
    strict: true,
    locale,
    ...(numberFormat ? { numberFormat } : {}),
    ...(questions.length > 0 ? { questions } : {}),
  }).catch((error: unknown) => {
    if (!(error instanceof InputFileError)) throw error;
    // A field the record does not have, named as the form named it.
    throw new InvalidRecordError(
      error.issues.map((issue) => {
        const column = Number(/^column (\d+)$/.exec(String(issue.path[1]))?.[1]);
        const name = names[column - 1];
        return issue.code === 'unknown_column' && name !== undefined
          ? {
              path: [name],
              code: 'unknown_field',
              message: pick(
                issue.suggestion ? TEXTS.server.unknownFieldHint : TEXTS.server.unknownField,
                locale,
              )
                .replace('{name}', name)
                .replace('{suggestion}', issue.suggestion ?? ''),
              ...(issue.suggestion ? { suggestion: issue.suggestion } : {}),
            }
          : issue;
      }),
    );
  });
  for await (const row of source.rows) {
    if (row.issues) throw new InvalidRecordError(row.issues);
    return row.record;
  }
  throw new InvalidRecordError([
    { path: [], code: 'invalid_type', message: 'the form has no value' },
  ]);
}
