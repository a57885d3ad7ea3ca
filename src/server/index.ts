/**
 * The HTTP API of inovasi-rules, for apps not written in JavaScript. Node only.
 *
 * @packageDocumentation
 */

import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { serve } from '@hono/node-server';
import { protocolErrorResponse } from './_problem.js';
import { type AppOptions, createApp } from './app.js';

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
  const app = createApp(options);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host }, () =>
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
