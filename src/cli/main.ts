#!/usr/bin/env node
import pkg from '../../package.json' with { type: 'json' };
import { run } from './run.js';

run(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
  },
  pkg.version,
).then((code) => {
  process.exitCode = code;
});
