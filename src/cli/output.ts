import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InputFileError } from '../errors.js';

/**
 * Creates the folder an output file goes into (`-o reports/laporan.html`), as `mkdir -p` does,
 * so that a README command writes into a git-ignored folder on a fresh clone.
 */
export async function createParent(path: string): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new InputFileError(path, [
      {
        path: [],
        code: (error.code ?? 'write_error').toLowerCase(),
        message: `cannot create the folder of ${path}: ${error.code ?? error.message}`,
      },
    ]);
  });
}
