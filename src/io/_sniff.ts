/**
 * What a file's first bytes say it is, whatever its name: an Excel 97–2003 workbook (or a
 * password-protected one, which Excel stores the same way), an OpenDocument spreadsheet, a zip
 * archive (an .xlsx under another name), or text in UTF-16 (Excel's "Unicode Text").
 */

/** What the first bytes say. */
export type Sniffed = 'ole2' | 'ods' | 'zip' | 'utf-16le' | 'utf-16be' | undefined;

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ODS = 'mimetypeapplication/vnd.oasis.opendocument.spreadsheet';
/** Enough for an OpenDocument file's `mimetype` entry: its local header (30 bytes) and text. */
const HEAD = 30 + ODS.length;

/**
 * The kind the first bytes give, and the bytes whole (those read to tell are given again). Reads
 * no further than it must: past the first chunk only while the bytes so far begin a signature
 * (a zip's needs its first entry's name), so a stream of text is never held waiting.
 */
export async function sniff(
  bytes: AsyncIterable<Uint8Array | string>,
): Promise<{ kind: Sniffed; bytes: AsyncIterable<Uint8Array | string> }> {
  const chunks = bytes[Symbol.asyncIterator]();
  const read: (Uint8Array | string)[] = [];
  let head = Buffer.alloc(0);
  let done = false;
  for (;;) {
    const next = await chunks.next();
    if (next.done) {
      done = true;
      break;
    }
    read.push(next.value);
    // Text given as strings is text: nothing to tell from bytes.
    if (typeof next.value === 'string') break;
    head = Buffer.concat([head, next.value]);
    if (!mayGoOn(head)) break;
  }
  const kind = read.every((c) => typeof c !== 'string') ? kindOf(head) : undefined;
  const again = async function* () {
    yield* read;
    if (done) return;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      yield next.value;
    }
  };
  return { kind, bytes: again() };
}

/** Whether more bytes could change what the first ones say. */
function mayGoOn(head: Buffer): boolean {
  if (head.length >= HEAD) return false;
  const begins = (signature: readonly number[]) =>
    head.every((byte, i) => i >= signature.length || byte === signature[i]);
  return begins(OLE2) || begins(ZIP) || (head.length < 2 && (head[0] === 0xff || head[0] === 0xfe));
}

function kindOf(head: Buffer): Sniffed {
  if (head.length >= OLE2.length && OLE2.every((byte, i) => head[i] === byte)) return 'ole2';
  if (head.length >= ZIP.length && ZIP.every((byte, i) => head[i] === byte)) {
    return head.toString('latin1', 30, HEAD) === ODS ? 'ods' : 'zip';
  }
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}
