/** The access log: one entry per request, made alike by the app and by its fast route. */

/** One line of the access log. */
export interface AccessLogEntry {
  /** When the request ended, ISO 8601. */
  time: string;
  /** HTTP method. */
  method: string;
  /** Path, without the query. */
  path: string;
  /** Response status. */
  status: number;
  /** Time to the response's head, in milliseconds. */
  ms: number;
}

/** The entry of a request that began at `start` (`performance.now()`) and ends now. */
export function logEntry(
  method: string,
  path: string,
  status: number,
  start: number,
): AccessLogEntry {
  return {
    time: new Date().toISOString(),
    method,
    path,
    status,
    ms: Math.round((performance.now() - start) * 10) / 10,
  };
}
