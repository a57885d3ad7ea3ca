#!/usr/bin/env node
import pkg from '../../package.json' with { type: 'json' };
import { run } from './run.js';

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
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${shown > 0 ? '\r\x1b[K' : ''}${text}\n`),
    ...(progress ? { progress } : {}),
  },
  pkg.version,
).then((code) => {
  if (shown > 0) process.stderr.write('\n');
  process.exitCode = code;
});
