import { UsageError } from '../errors.js';
import type { RuleSet } from '../index.js';
import type { Locale } from '../messages.js';
import { startServer } from '../server/index.js';
import { openRuleSetDir } from './rule-set-dir.js';
import { say } from './say.js';
import type { CliIo } from './stream.js';

/**
 * The `serve` command: the HTTP API on this machine. Rule-set files given with `--rule-set` are
 * already loaded when it starts, and so are those of `--rule-set-dir` (read again as they change
 * with `--watch`); SIGTERM and SIGINT answer every request already sent (each the
 * last on its connection), then end the process.
 */

function whole(
  value: string | undefined,
  name: string,
  min: number,
  max: number,
  locale: Locale,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(say('wholeNumber', locale, { name, min, max }));
  }
  return n;
}

/** Runs the server until a signal stops it; resolves with the exit code. */
export async function commandServe(
  values: {
    port?: string | undefined;
    host?: string | undefined;
    cors?: string[] | undefined;
    'body-limit'?: string | undefined;
    'max-inflight'?: string | undefined;
    'body-idle-timeout'?: string | undefined;
    quiet?: boolean | undefined;
    'rule-set-dir'?: string | undefined;
    watch?: boolean | undefined;
  },
  ruleSets: readonly RuleSet[],
  io: CliIo,
  locale: Locale = 'id',
): Promise<number> {
  const port = whole(values.port, 'port', 0, 65_535, locale) ?? 8080;
  const limit = whole(values['body-limit'], 'body-limit', 1, 2 ** 31, locale);
  const maxInflight = whole(values['max-inflight'], 'max-inflight', 1, 100_000, locale);
  const idle = whole(values['body-idle-timeout'], 'body-idle-timeout', 1, 3_600_000, locale);
  const dir = values['rule-set-dir'];
  if (values.watch && dir === undefined) throw new UsageError(say('watchNeedsDir', locale, {}));
  // Each event of the folder, one JSON line, as the access log's (and even with --quiet).
  const folder =
    dir === undefined
      ? undefined
      : await openRuleSetDir(dir, {
          fixed: ruleSets,
          watch: values.watch === true,
          locale,
          log: (event) => io.stderr(JSON.stringify(event)),
        });
  const server = await startServer({
    port,
    host: values.host ?? '127.0.0.1',
    ruleSets,
    ...(folder ? { ruleSetSource: folder } : {}),
    ...(values.cors ? { cors: values.cors } : {}),
    ...(limit ? { bodyLimit: limit } : {}),
    ...(maxInflight ? { maxInflight } : {}),
    ...(idle ? { bodyIdleTimeout: idle } : {}),
    ...(values.quiet ? {} : { accessLog: (entry) => io.stderr(JSON.stringify(entry)) }),
  }).catch((error: NodeJS.ErrnoException) => {
    folder?.close();
    throw new UsageError(
      say('cannotListen', locale, {
        address: `${values.host ?? '127.0.0.1'}:${port}`,
        why: error.code ?? error.message,
      }),
    );
  });
  io.stderr(`inovasi-rules: HTTP API on ${server.url} (docs: ${server.url}/docs)`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      io.stderr('inovasi-rules: stopping; finishing requests in flight');
      folder?.close();
      server.close().then(resolve);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  return 0;
}
