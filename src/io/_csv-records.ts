import { CsvError, parse } from 'csv-parse/sync';
import type { Issue } from '../errors.js';
import type { Locale } from '../messages.js';
import { say } from './_say.js';
import { MAX_ROW_CHARS } from './text.js';

/** One row of a CSV file: its cells, or why it could not be read; `line` is where it starts. */
export type CsvRow =
  | { cells: string[]; line: number; problem?: undefined }
  | { problem: Issue; line: number; cells?: undefined };

const QUOTE = 34;
const NEWLINE = 10;

/**
 * Splits CSV text into rows, each with the line it starts on, and reads each row on its own:
 * csv-parse's `skip_records_with_error` drops the rest of the chunk after an error (every row
 * after an oversized cell or a stray quote was lost, the error repeated once per chunk), so the
 * rows are found here and a row that cannot be read is one issue at its own line while the rows
 * after it are still read.
 *
 * Rows are split as csv-parse reads them: a quote opens a quoted cell only at the start of a
 * cell; inside one, `""` is a quote and a line break is part of the cell; a quote not followed
 * by a delimiter or the end of the row ends the quoted part (csv-parse then refuses that row).
 * A row without quotes is split at its delimiters (exactly CSV's rule for it); a row with quotes
 * is read by csv-parse. A row longer than {@link MAX_ROW_CHARS} is not kept in memory.
 */
export async function* csvRows(
  text: AsyncIterable<string>,
  delimiter: string,
  locale: Locale,
  limit = MAX_ROW_CHARS,
): AsyncGenerator<CsvRow> {
  const delim = delimiter.charCodeAt(0);
  let carry = '';
  let over = false;
  let quoting = false;
  let pendingQuote = false;
  let fieldStart = true;
  let line = 1;
  let startLine = 1;
  let first = true;
  let endsWithNewline = false;
  for await (let chunk of text) {
    if (chunk.length > 0) endsWithNewline = chunk.charCodeAt(chunk.length - 1) === NEWLINE;
    if (first && chunk.length > 0) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (quoting) {
        if (pendingQuote) {
          pendingQuote = false;
          if (c === QUOTE) continue;
          quoting = false;
        } else {
          if (c === QUOTE) pendingQuote = true;
          else if (c === NEWLINE) line++;
          continue;
        }
      }
      if (c === QUOTE) {
        if (fieldStart) quoting = true;
        fieldStart = false;
      } else if (c === delim) {
        fieldStart = true;
      } else if (c === NEWLINE) {
        const row = over ? undefined : carry + chunk.slice(from, i);
        yield* finish(row, startLine, line, delimiter, limit, locale);
        carry = '';
        over = false;
        from = i + 1;
        line++;
        startLine = line;
        fieldStart = true;
      } else {
        fieldStart = false;
      }
    }
    if (!over) {
      carry += chunk.slice(from);
      if (carry.length > limit) {
        over = true;
        carry = '';
      }
    }
  }
  if (quoting && !pendingQuote) {
    // The lines after the quote's own, up to the last line that holds anything.
    const swallowed = line - startLine - (endsWithNewline ? 1 : 0);
    yield {
      line: startLine,
      problem: {
        path: [],
        code: 'unclosed_quote',
        message: say(locale, swallowed === 1 ? 'unclosedQuoteOne' : 'unclosedQuote', {
          line: startLine,
          swallowed,
        }),
      },
    };
    return;
  }
  if (over || carry !== '')
    yield* finish(over ? undefined : carry, startLine, line, delimiter, limit, locale);
}

/** The row from `line` to `endLine` (its text, or `undefined` when it was too long), read. */
function* finish(
  text: string | undefined,
  line: number,
  endLine: number,
  delimiter: string,
  limit: number,
  locale: Locale,
): Generator<CsvRow> {
  const lines = endLine > line ? `${line}–${endLine}` : String(line);
  if (text === undefined || text.length > limit) {
    yield {
      line,
      problem: {
        path: [],
        code: 'row_too_long',
        message: say(locale, 'rowTooLong', { lines, limit }),
      },
    };
    return;
  }
  const row = text.endsWith('\r') ? text.slice(0, -1) : text;
  if (row.trim() === '') return;
  if (!row.includes('"')) {
    yield { line, cells: row.split(delimiter) };
    return;
  }
  try {
    const records = parse(row, { delimiter, relax_column_count: true }) as string[][];
    for (const cells of records) yield { line, cells };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    yield {
      line,
      problem: {
        path: [],
        code: 'invalid_quote',
        message:
          endLine > line
            ? say(locale, 'quoteSpans', { line, end: endLine, count: endLine - line + 1 })
            : say(locale, 'quoteMisplaced', { line }),
      },
    };
  }
}
