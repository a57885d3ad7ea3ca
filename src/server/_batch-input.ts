import type { Context } from 'hono';
import { InvalidOptionError, type Issue } from '../errors.js';
import { openRecords, type QuestionField, type ReadRow } from '../io/index.js';
import type { Locale } from '../messages.js';
import { BODY_FAILED, bodyChunks } from './_body.js';
import { problemError, say } from './_problem.js';
import { problemLocale, queryChoice } from './_request.js';

/**
 * The body of `POST /evaluate/batch` read as a file of records, as `inovasi-rules evaluate`
 * reads one: NDJSON line by line, a sheet saved as CSV, an Excel workbook, or the `.csv` or
 * `.xlsx` file of a multipart form (a PHP app forwarding an officer's upload). A JSON array is
 * not read here (the route parses it whole).
 */

/** The formats of a batch body read as a file, by its content type; `form` a multipart form's. */
type BatchFormat = 'ndjson' | 'csv' | 'xlsx' | 'form';

/** The format of a batch body by its content type, or `undefined` for a JSON array. */
export function batchFormat(type: string): BatchFormat | undefined {
  if (/ndjson|jsonl|json-seq/i.test(type)) return 'ndjson';
  if (/^\s*(text\/(csv|tab-separated-values)|application\/(csv|vnd\.ms-excel))\b/i.test(type)) {
    return 'csv';
  }
  if (/^\s*application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet\b/i.test(type)) {
    return 'xlsx';
  }
  if (/^\s*multipart\/form-data\b/i.test(type)) return 'form';
  return undefined;
}

/** The rows of a batch body read as a file, and what the reader says of the whole file. */
export interface BatchRows {
  /** The rows, read as they are asked for; the first is read before this is returned. */
  rows: AsyncIterable<ReadRow>;
  /** What the reader says of the file (title rows skipped, columns unmatched or hidden). */
  warnings: Issue[];
}

/**
 * Opens a batch body as a file of records. Its first row is read before the answer starts, so
 * that a body that never sends one is a 408 and a file that cannot be read a 422, not a 200
 * that never ends or ends in an error line.
 */
export async function batchRows(
  c: Context,
  format: BatchFormat,
  questions: readonly QuestionField[],
): Promise<BatchRows> {
  const locale = problemLocale(c);
  const sheet = c.req.query('sheet');
  const numberFormat = queryChoice(c, 'numberFormat', ['id', 'en']);
  const input =
    format === 'form'
      ? await formFile(c, locale)
      : { bytes: bodyChunks(c) as AsyncIterable<Uint8Array>, format, name: 'body' };
  // A sheet only of a workbook, a number format only of a sheet (refused, never dropped).
  refuseTableOptions(c, input.format);
  const source = await openRecords(input.bytes as never, {
    format: input.format,
    name: input.name,
    locale,
    ...(questions.length > 0 ? { questions } : {}),
    ...(sheet !== undefined ? { sheet } : {}),
    ...(numberFormat !== undefined ? { numberFormat } : {}),
  });
  const read = source.rows[Symbol.asyncIterator]();
  let first: IteratorResult<ReadRow>;
  try {
    first = await read.next();
  } catch (error) {
    throw BODY_FAILED.get(c) ?? error;
  }
  const rows = (async function* () {
    if (first.done) return;
    yield first.value;
    for (;;) {
      const next = await read.next();
      if (next.done) return;
      yield next.value;
    }
  })();
  return { rows, warnings: source.warnings };
}

/**
 * Refuses `?sheet=` for a body that is no workbook and `?numberFormat=` for one that is no
 * sheet (a JSON array or NDJSON, whose numbers are typed): never taken and dropped in silence.
 *
 * @param format - what the body is read as; `undefined` for a JSON array
 */
export function refuseTableOptions(c: Context, format: BatchFormat | undefined): void {
  const locale = problemLocale(c);
  const issues: Issue[] = [];
  if (c.req.query('sheet') !== undefined && format !== 'xlsx') {
    issues.push({ path: ['sheet'], code: 'not_applicable', message: say(locale, 'sheetNotXlsx') });
  }
  if (c.req.query('numberFormat') !== undefined && format !== 'csv' && format !== 'xlsx') {
    issues.push({
      path: ['numberFormat'],
      code: 'not_applicable',
      message: say(locale, 'numberFormatNotSheet'),
    });
  }
  if (issues.length > 0) throw new InvalidOptionError(issues);
}

/** The first file of a multipart form, with the format its name or type says. */
async function formFile(
  c: Context,
  locale: Locale,
): Promise<{ bytes: Uint8Array; format: 'csv' | 'xlsx'; name: string }> {
  let form: Record<string, unknown>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    throw problemError(400, 'E_INVALID_BODY', say(locale, 'badForm'), locale);
  }
  const file = Object.values(form)
    .flat()
    .find((value): value is File => value instanceof File);
  if (!file) throw problemError(415, 'E_UNSUPPORTED_MEDIA_TYPE', say(locale, 'noFilePart'), locale);
  const byName = /\.(csv|tsv|txt)$/i.test(file.name)
    ? 'csv'
    : /\.xlsx$/i.test(file.name)
      ? 'xlsx'
      : undefined;
  const byType = batchFormat(file.type);
  const format = byName ?? (byType === 'csv' || byType === 'xlsx' ? byType : undefined);
  if (!format) {
    throw problemError(
      415,
      'E_UNSUPPORTED_MEDIA_TYPE',
      say(locale, 'fileFormat', { name: file.name || '-' }),
      locale,
    );
  }
  return { bytes: new Uint8Array(await file.arrayBuffer()), format, name: file.name || 'body' };
}
