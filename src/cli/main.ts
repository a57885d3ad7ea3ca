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

// Progress for a person at a terminal while the results go to a file or a pipe: records done,
// rate and time so far, on stderr. Never when stdout is that same terminal (it would interleave
// with the results) or when stderr is piped.
let shown = 0;
const started = Date.now();
const lang = process.argv.includes('en') && process.argv.includes('--lang') ? 'en-US' : 'id-ID';
const progress =
  process.stderr.isTTY && !process.stdout.isTTY
    ? (done: number, invalid: number) => {
        if (done - shown < 250) return;
        shown = done;
        const seconds = (Date.now() - started) / 1000;
        const n = (x: number) => x.toLocaleString(lang, { maximumFractionDigits: 0 });
        const line =
          lang === 'en-US'
            ? `${n(done)} records · ${n(done / Math.max(seconds, 0.001))}/s · ${invalid} invalid · ${seconds.toFixed(0)} s`
            : `${n(done)} data · ${n(done / Math.max(seconds, 0.001))}/dtk · ${invalid} tidak valid · ${seconds.toFixed(0)} dtk`;
        process.stderr.write(`\r\x1b[K${line}`);
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
    isTTY: Boolean(process.stdout.isTTY),
  },
  pkg.version,
).then((code) => {
  if (shown > 0) process.stderr.write('\n');
  process.exitCode = code;
});
