import { InputFileError, type Issue } from '../errors.js';
import type { Locale } from '../messages.js';
import { say } from './_say.js';

/**
 * Bytes to text for the text formats (JSON, NDJSON, CSV): a byte-order mark is dropped, and
 * text that is not valid in the file's encoding is an error naming its line, never silently
 * turned into replacement characters. Excel's "CSV UTF-8" and plain "CSV" on Windows differ
 * exactly here, so the message says which to pick.
 */

/** Encodings a text file may be read in. `windows-1252` is Excel's "CSV (Comma delimited)". */
export type TextEncoding = 'utf-8' | 'windows-1252';

/** Decodes a byte stream to text chunks, checking every byte. */
export async function* decodeText(
  bytes: AsyncIterable<Uint8Array | string>,
  name: string,
  encoding: TextEncoding | 'utf-16le' | 'utf-16be',
  locale: Locale,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  let lines = 1;
  for await (const chunk of bytes) {
    let text: string;
    if (typeof chunk === 'string') {
      text = chunk;
    } else {
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw notEncoded(name, lines + lineOfBadByte(chunk, encoding), encoding, locale);
      }
    }
    if (text === '') continue;
    if (lines === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    lines += countLines(text);
    yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw notEncoded(name, lines, encoding, locale);
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Lines before the first byte not of the encoding, in a chunk the strict decoder refused. */
function lineOfBadByte(chunk: Uint8Array, encoding: string): number {
  const loose = new TextDecoder(encoding).decode(chunk);
  const at = loose.indexOf('\uFFFD');
  return countLines(at < 0 ? loose : loose.slice(0, at));
}

function notEncoded(name: string, line: number, encoding: string, locale: Locale): InputFileError {
  const issue: Issue = {
    path: [`line ${line}`],
    code: 'invalid_encoding',
    message:
      encoding === 'utf-8'
        ? say(locale, 'notUtf8', { line })
        : say(locale, 'notEncoding', { line, encoding }),
  };
  return new InputFileError(name, [issue]);
}

/** Reads all of a text source into one string. */
export async function readText(text: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of text) all += chunk;
  return all;
}

/** The longest row or line read, in characters: a longer one is one issue, never held whole. */
export const MAX_ROW_CHARS = 1_000_000;

/**
 * Splits a text stream into lines (LF or CRLF), numbered from 1, in time linear in the text:
 * each chunk is searched once, a long line is kept as its pieces. A line longer than `limit`
 * characters is given as `undefined`, and none of it is kept.
 */
export async function* linesOf(
  text: AsyncIterable<string>,
  limit = MAX_ROW_CHARS,
): AsyncGenerator<[number, string | undefined]> {
  let parts: string[] = [];
  let size = 0;
  let over = false;
  let line = 0;
  const take = (piece: string): string | undefined => {
    if (over || size + piece.length > limit) return undefined;
    const whole = parts.length === 0 ? piece : parts.join('') + piece;
    return whole.endsWith('\r') ? whole.slice(0, -1) : whole;
  };
  const reset = () => {
    parts = [];
    size = 0;
    over = false;
  };
  for await (const chunk of text) {
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', from)) {
      yield [++line, take(chunk.slice(from, nl))];
      reset();
      from = nl + 1;
    }
    if (from < chunk.length && !over) {
      const rest = chunk.slice(from);
      size += rest.length;
      if (size > limit) {
        over = true;
        parts = [];
      } else parts.push(rest);
    }
  }
  if (size > 0 || over) yield [++line, take('')];
}

/** A CSV delimiter: comma, semicolon (Excel with Indonesian settings) or tab. */
export type Delimiter = ',' | ';' | '\t';

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/**
 * The delimiter of a CSV file: on the first line that holds any (the header, or a title row
 * Excel padded with delimiters; a title typed alone in its own line holds none), whichever of
 * `,` `;` and tab occurs most outside quotes. Excel with Indonesian regional settings saves
 * with `;`.
 */
export function detectDelimiter(lines: readonly string[]): Delimiter {
  for (const line of lines) {
    const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && counts.has(ch as Delimiter)) {
        counts.set(ch as Delimiter, (counts.get(ch as Delimiter) ?? 0) + 1);
      }
    }
    let best: Delimiter = ',';
    for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
    if ((counts.get(best) ?? 0) > 0) return best;
  }
  return ',';
}
