/**
 * The HTTP API of inovasi-rules, for apps not written in JavaScript. Node only.
 *
 * @packageDocumentation
 */

import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { serve } from '@hono/node-server';
import { InvalidOptionError, type Issue } from '../errors.js';
import { optionNames } from '../messages.js';
import { protocolErrorResponse } from './_problem.js';
import { type AppOptions, appOptions, createApp } from './app.js';

export type { Problem } from './_problem.js';
export { type AccessLogEntry, type AppOptions, createApp } from './app.js';

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
  /** Stops taking requests, lets those in flight finish, then resolves. */
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
  const app = createApp(rest);
  const host = givenHost ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: givenPort ?? 8080, hostname: host }, () =>
      resolve(s),
    );
    s.once('error', reject);
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
  return {
    url: `http://${shown}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections would hold close() open; requests in flight finish.
        (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      }),
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
