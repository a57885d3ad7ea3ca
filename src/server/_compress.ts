/**
 * Answers compressed when the client accepts it: brotli (`br`) first, else gzip, for a JSON or
 * HTML answer of at least a kilobyte. Hono's own `compress` middleware goes through the web
 * `CompressionStream`, which has no brotli on Node 20; Node's zlib has both. A streamed answer
 * (a batch's NDJSON, written line by line to a slow client) is left as it is: compressing it
 * would hold lines back until a block fills.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, Next } from 'hono';

const br = promisify(brotliCompress);
const gz = promisify(gzip);

/** Smaller answers are sent as they are: compressing them saves less than it costs. */
export const MIN_BYTES = 1024;
const COMPRESSIBLE = /^(application\/(json|problem\+json)|text\/html)\b/i;

/** The encoding to answer in, from `Accept-Encoding` (`q=0` refuses one). */
export function chosenEncoding(header: string | undefined): 'br' | 'gzip' | undefined {
  if (!header) return undefined;
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.find((p) => p.trim().startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.trim().slice(2)) : 1);
  }
  const wants = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (wants('br')) return 'br';
  if (wants('gzip')) return 'gzip';
  return undefined;
}

/** An answer's bytes compressed in `encoding`. */
export async function packed(bytes: Uint8Array, encoding: 'br' | 'gzip'): Promise<Buffer> {
  return encoding === 'br'
    ? // Quality 5: most of brotli's gain at a small part of its top quality's time.
      br(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
    : gz(bytes);
}

/** The middleware: compresses the answer after the route has made it. */
export async function compressAnswers(c: Context, next: Next): Promise<void> {
  // Set before the answer is made: touching the answer after would build it again.
  c.header('Vary', 'Accept-Encoding', { append: true });
  await next();
  const encoding = chosenEncoding(c.req.header('accept-encoding'));
  if (!encoding) return;
  const res = c.res;
  if (
    c.req.method === 'HEAD' ||
    !res.body ||
    res.headers.has('content-encoding') ||
    // Not NDJSON: a streamed batch's lines are sent as they are made.
    !COMPRESSIBLE.test(res.headers.get('content-type') ?? '')
  ) {
    return;
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  const headers = new Headers(res.headers);
  if (bytes.byteLength < MIN_BYTES) {
    c.res = new Response(bytes, { status: res.status, headers });
    return;
  }
  headers.set('Content-Encoding', encoding);
  c.res = new Response(new Uint8Array(await packed(bytes, encoding)), {
    status: res.status,
    headers,
  });
  // Hono copies the first answer's headers onto the one that replaces it: a length there is
  // the uncompressed one.
  c.res.headers.delete('Content-Length');
}
