#!/usr/bin/env node
import { once } from 'node:events';
import pkg from '../../package.json' with { type: 'json' };
import { run } from './run.js';

// A reader that stops reading (`| head -1`) closes the pipe: end quietly, with the status a
// shell gives a program killed by SIGPIPE (128 + 13), never a stack trace.
const EPIPE_STATUS = 141;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EPIPE_STATUS);
  throw error;
});

// A progress line on stderr for a person at a terminal; nothing when stderr is piped.
let shown = 0;
const progress = process.stderr.isTTY
  ? (done: number, invalid: number) => {
      if (done - shown < 250) return;
      shown = done;
      process.stderr.write(`\r${done.toLocaleString('en-US')} records, ${invalid} invalid `);
    }
  : undefined;

run(
  process.argv.slice(2),
  {
    // Backpressure: when the reader is slower than the evaluation, wait for it to drain rather
    // than queue every result in memory.
    stdout: (text) => {
      if (!process.stdout.write(`${text}\n`)) return once(process.stdout, 'drain').then(() => {});
    },
    stderr: (text) => process.stderr.write(`${shown > 0 ? '\r\x1b[K' : ''}${text}\n`),
    ...(progress ? { progress } : {}),
  },
  pkg.version,
).then((code) => {
  if (shown > 0) process.stderr.write('\n');
  process.exitCode = code;
});
