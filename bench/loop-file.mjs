// The CLI's `evaluate FILE --format ndjson -o OUT` written by hand, as a user's own script would:
// the library's reader, evaluate(), each summary one NDJSON line into a file stream (waiting for
// it to drain). The bench times it and the CLI as fresh processes, so both start cold alike.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { evaluate, summarizeEvaluation } from '../dist/index.js';
import { readRecords } from '../dist/io.js';

const [input, output] = process.argv.slice(2);
const out = createWriteStream(output);
for await (const row of readRecords(input)) {
  if (row.record === undefined) continue;
  const line = `${JSON.stringify(summarizeEvaluation(await evaluate(row.record)))}\n`;
  if (!out.write(line)) await once(out, 'drain');
}
out.end();
await once(out, 'close');
