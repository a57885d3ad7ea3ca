#!/usr/bin/env node
import { once } from 'node:events';
import pkg from '../../package.json' with { type: 'json' };
import { EXIT, quickAnswer, writeFailure } from './args.js';
import { outputError } from './output.js';

// A reader that stops reading (`| head -1`) closes the pipe: end quietly, with the status a
// shell gives a program killed by SIGPIPE (128 + 13), never a stack trace. Any other failure to
// write (`> /dev/full`, an I/O error) is one line and a non-zero status: output is never lost
// in silence.
const EPIPE_STATUS = 141;
// The language of what this file prints itself (the rest is run's, from the same --lang).
const argv = process.argv.slice(2);
const lang =
  argv.includes('--lang=en') || argv[argv.indexOf('--lang') + 1] === 'en' ? 'en-US' : 'id-ID';
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EPIPE_STATUS);
  process.stderr.write(
    `inovasi-rules: ${writeFailure(outputError('-', error), lang === 'en-US' ? 'en' : 'id')}\n`,
  );
  process.exit(EXIT.output);
});

// Progress for a person at a terminal while the results go to a file or a pipe: records done,
// rate and time so far, on stderr. Never when stdout is that same terminal (it would interleave
// with the results) or when stderr is piped.
let shown = 0;
const started = Date.now();
const n = (x: number) => x.toLocaleString(lang, { maximumFractionDigits: 0 });
const duration = (seconds: number) =>
  seconds >= 90
    ? `${n(seconds / 60)} ${lang === 'en-US' ? 'min' : 'mnt'}`
    : `${n(seconds)} ${lang === 'en-US' ? 's' : 'dtk'}`;
// With -o the results go to a file, so a terminal on stdout is free for the progress too.
const toFile = argv.some((a) => a === '-o' || a === '--output' || /^(-o.|--output=)/.test(a));
const progress =
  process.stderr.isTTY && (!process.stdout.isTTY || toFile)
    ? (done: number, invalid: number, total?: number) => {
        if (done - shown < 250) return;
        shown = done;
        const seconds = (Date.now() - started) / 1000;
        const rate = done / Math.max(seconds, 0.001);
        const en = lang === 'en-US';
        // With a known total: a bar, the share done and the time left at the current rate.
        const share = total ? Math.min(done / total, 1) : undefined;
        const bar =
          share !== undefined
            ? `[${'█'.repeat(Math.round(share * 20)).padEnd(20, '░')}] ${n(share * 100)}% · `
            : '';
        const counted = total ? `${n(done)} / ${n(total)}` : n(done);
        const left =
          total && done < total
            ? en
              ? ` · about ${duration((total - done) / rate)} left`
              : ` · sisa ±${duration((total - done) / rate)}`
            : '';
        const line = en
          ? `${bar}${counted} records · ${n(rate)}/s · ${invalid} invalid · ${duration(seconds)}${left}`
          : `${bar}${counted} data · ${n(rate)}/dtk · ${invalid} tidak valid · ${duration(seconds)}${left}`;
        process.stderr.write(`\r\x1b[K${line}`);
      }
    : undefined;

let draining: Promise<void> | undefined;

// `--help` and `--version` are answered before any command is loaded (the library, exceljs,
// the server): they start about as fast as node itself.
const quick = quickAnswer(argv, pkg.version);
if (quick !== undefined) process.stdout.write(`${quick}\n`);
else void main();

async function main() {
  const { run } = await import('./run.js');
  const code = await run(
    argv,
    {
      // Backpressure: when the reader is slower than the evaluation, wait for it to drain rather
      // than queue every result in memory.
      // One wait for the reader however many lines are written meanwhile (a caller that does not
      // await each line would otherwise add a listener per line).
      stdout: (text) => {
        if (process.stdout.write(`${text}\n`)) return draining;
        draining ??= once(process.stdout, 'drain').then(() => {
          draining = undefined;
        });
        return draining;
      },
      stderr: (text) => process.stderr.write(`${shown > 0 ? '\r\x1b[K' : ''}${text}\n`),
      ...(progress ? { progress } : {}),
      isTTY: Boolean(process.stdout.isTTY),
    },
    pkg.version,
  );
  if (shown > 0) process.stderr.write('\n');
  process.exitCode = code;
}
