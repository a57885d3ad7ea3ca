/**
 * The HTTP API of inovasi-rules, for apps not written in JavaScript. Node only.
 *
 * @packageDocumentation
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import type { Duplex } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import { InvalidOptionError, type Issue } from '../errors.js';
import { optionNames } from '../messages.js';
import { protocolErrorResponse } from './_problem.js';
import { type AppOptions, appOptions, closeApp, createApp, fastRouteOf } from './app.js';

export type { AccessLogEntry } from './_access-log.js';
export type { ListedRuleSet, LoadedFrom, RuleSetSource, RuleSetVersion } from './_live.js';
export type { Problem } from './_problem.js';
export { type AppOptions, createApp } from './app.js';

/** Options of {@link startServer}: the app's, and where to listen. */
export interface ServerOptions extends AppOptions {
  /** Port; `0` picks a free one. Default 8080. */
  port?: number;
  /** Address to listen on. Default `127.0.0.1` (this machine only). */
  host?: string;
}

/** A running server. */
export interface RunningServer {
  /** Its base URL, e.g. `http://127.0.0.1:8080`. */
  url: string;
  /**
   * Stops gracefully: every answer from now on closes its connection, every request already
   * sent is answered, then the listener closes and the promise resolves.
   */
  close(): Promise<void>;
}

/**
 * Starts the HTTP API on Node's HTTP server.
 *
 * @param options - port, host, limits, CORS, access log, rule sets to load
 * @returns the server's URL and a graceful `close()`
 * @throws `InvalidRuleSetError` when a rule set given to load is malformed
 * @example
 * ```ts
 * import { startServer } from 'inovasi-rules/server';
 * const server = await startServer({ port: 8080 });
 * process.on('SIGTERM', () => server.close());
 * ```
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const { port: givenPort, host: givenHost, ...rest } = serverOptions(options);
  // One thread for the event loop, the others (1 to 4) for regions and plans.
  const workers = rest.workers ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  const app = createApp({ ...rest, workers });
  const host = givenHost ?? '127.0.0.1';
  // `POST /evaluate` with a plain JSON record is answered before the app (_fast-evaluate.ts).
  const fast = fastRouteOf(app);
  const listener = getRequestListener(app.fetch, { hostname: host });
  const server = createServer((req, res) => {
    if (!fast?.(req, res)) void listener(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(givenPort ?? 8080, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Node answers a request its parser refuses with a bare status line: answer in problem+json.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(protocolErrorResponse(error));
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  const drain = drainer(server, (rest.timeout ?? 30_000) + 5_000);
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= drain().then(() => closeApp(app));
    return closed;
  };
  return { url: `http://${shown}:${port}`, close };
}

/**
 * A graceful stop for a Node HTTP server. Once asked: every response (in flight or to come) is
 * the last on its connection (`Connection: close`), so keep-alive clients let go after their
 * current answer; the listener stays open until no request has been in flight for a few turns
 * of the event loop, so a request already sent (in a socket's buffer, or a connection in the
 * listen backlog while the loop was busy) is answered, never reset; then the listener closes
 * (and with it the idle connections), and the promise resolves. `deadline` ms bound the wait
 * under a load that never pauses.
 */
function drainer(server: Server, deadline: number): () => Promise<void> {
  const open = new Set<ServerResponse>();
  let closing = false;
  let seen = 0;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    seen++;
    open.add(res);
    if (closing) res.shouldKeepAlive = false;
    res.once('close', () => open.delete(res));
  });
  let done: Promise<void> | undefined;
  return () => {
    done ??= new Promise<void>((resolve) => {
      closing = true;
      for (const res of open) res.shouldKeepAlive = false;
      const stop = () => {
        clearTimeout(limit);
        server.close(() => resolve());
        server.closeIdleConnections?.();
      };
      const limit = setTimeout(() => {
        stop();
        server.closeAllConnections?.();
      }, deadline);
      limit.unref?.();
      // Quiet: nothing in flight and nothing new over a poll of the loop and a short pause.
      const check = (before: number) => {
        setImmediate(() =>
          setTimeout(() => {
            if (open.size === 0 && seen === before) stop();
            else check(seen);
          }, 25),
        );
      };
      check(seen);
    });
    return done;
  };
}

const SERVER_ONLY = optionNames<Omit<ServerOptions, keyof AppOptions>>({ port: true, host: true });

/** Checks the options of {@link startServer}: the app's, and a port and host of their types. */
function serverOptions(given: unknown): ServerOptions {
  const options = appOptions(given, SERVER_ONLY);
  const issues: Issue[] = [];
  const { port, host } = options;
  if (
    port !== undefined &&
    !(typeof port === 'number' && Number.isInteger(port) && port >= 0 && port <= 65_535)
  ) {
    issues.push({
      path: ['port'],
      code: 'invalid_value',
      message: 'port must be a whole number from 0 to 65535',
    });
  }
  if (host !== undefined && (typeof host !== 'string' || host === '')) {
    issues.push({ path: ['host'], code: 'invalid_type', message: 'host must be an address' });
  }
  if (issues.length > 0) throw new InvalidOptionError(issues);
  return options;
}
