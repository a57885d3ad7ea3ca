import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { OutputError } from '../errors.js';

/**
 * Creates the folder an output file goes into (`-o reports/laporan.html`), as `mkdir -p` does,
 * so that a README command writes into a git-ignored folder on a fresh clone.
 *
 * Each missing folder is made on its own, from the top down: node's `{ recursive: true }` never
 * returns under `/proc` (it retries the parent forever), and a path there must be an error.
 */
export async function createParent(path: string): Promise<void> {
  const missing: string[] = [];
  let dir = dirname(resolve(path));
  while (!(await exists(dir))) {
    missing.unshift(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const folder of missing) {
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return;
      throw outputError(path, error);
    });
  }
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** An output file being written: lines in, then `close` (all written) or `abort` (none kept). */
export interface Output {
  /**
   * Writes a line of text (a newline is added) or bytes as they are (a workbook); the promise
   * resolves once the file has room for more (backpressure).
   */
  write: (content: string | Uint8Array) => void | Promise<void>;
  /** Finishes the file: every byte flushed and the file in place, or an `OutputError`. */
  close: () => Promise<void>;
  /** Gives up: a partial file is removed, never left to be taken for a whole one. */
  abort: () => Promise<void>;
}

/**
 * Opens a file to write the output to (`-o`). A regular file is written under a temporary name
 * beside it and renamed into place only when every byte is written, so a failed run (a full
 * disk, an I/O error, an invalid input that stops the command) never leaves half a report under
 * the name asked for. A device or a pipe (`/dev/stdout`, a FIFO) is written directly.
 *
 * Every failure to open, write or close is an {@link OutputError} naming the file and the
 * system's code (ENOSPC, EIO, EACCES, …).
 */
export async function openOutput(path: string): Promise<Output> {
  await createParent(path);
  const existing = await stat(path).catch(() => undefined);
  const direct = existing !== undefined && !existing.isFile();
  if (existing?.isDirectory()) throw outputError(path, { code: 'EISDIR' } as NodeJS.ErrnoException);
  const target = direct
    ? path
    : join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const stream = createWriteStream(target, direct ? {} : { flags: 'wx' });
  let failure: NodeJS.ErrnoException | undefined;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    failure ??= error;
  });
  await once(stream, 'open').catch((error: NodeJS.ErrnoException) => {
    throw outputError(path, error);
  });
  const removeTemporary = async () => {
    if (!direct) await unlink(target).catch(() => {});
  };
  const settle = async (stream: WriteStream) => {
    if (!stream.writableFinished && !stream.destroyed) {
      stream.end();
      await once(stream, 'finish').catch(() => {});
    }
    if (!stream.closed) await once(stream, 'close').catch(() => {});
  };
  return {
    write: (content) => {
      if (failure) throw outputError(path, failure);
      if (!stream.write(typeof content === 'string' ? `${content}\n` : content)) {
        // A failure while waiting for room ends the wait; the next write or `close` reports it
        // (a rejected wait nobody awaited would be an unhandled rejection).
        return once(stream, 'drain').then(
          () => undefined,
          () => undefined,
        );
      }
    },
    close: async () => {
      await settle(stream);
      if (failure) {
        await removeTemporary();
        throw outputError(path, failure);
      }
      if (!direct) {
        await rename(target, path).catch(async (error: NodeJS.ErrnoException) => {
          await removeTemporary();
          throw outputError(path, error);
        });
      }
    },
    abort: async () => {
      stream.destroy();
      await settle(stream);
      await removeTemporary();
    },
  };
}

/**
 * Writes a file whole or not at all: opens it with {@link openOutput}, lets `body` write, then
 * closes it, or abandons it when `body` throws (the earlier file stays as it was).
 */
export async function writeOutput<T>(
  path: string,
  body: (write: Output['write']) => Promise<T>,
): Promise<T> {
  const out = await openOutput(path);
  let result: T;
  try {
    result = await body(out.write);
  } catch (error) {
    await out.abort();
    throw error;
  }
  await out.close();
  return result;
}

/** The system's failure to write `file` as the library's error. */
export function outputError(file: string, error: NodeJS.ErrnoException): OutputError {
  return new OutputError(file, error.code ?? 'EIO', error.message);
}
