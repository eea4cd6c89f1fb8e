/**
 * Operations logs: one JSON object per line on stderr (stdout carries only the start-up line that
 * tools parse). A line per request (time, method, route pattern, status, duration) and one per
 * error. Lines are built from an allow-list of fields: the route pattern, never the path (a thread
 * id is a publisher's URL), and no header, query or body, so an email address, a token or comment
 * text cannot reach a log line. Error messages are scrubbed of anything shaped like an address or
 * a secret as a second line of defence.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes, routePath } from 'hono/route';

export interface RequestEntry {
  method: string;
  route: string;
  status: number;
  ms: number;
}
export interface Logger {
  request(entry: RequestEntry): void;
  error(entry: { route: string; method: string; error: unknown }): void;
  /** A client that went away mid-request: worth counting, not an internal error. */
  aborted(entry: { route: string; method: string }): void;
  event(name: string, fields?: Record<string, string | number | boolean>): void;
}

const EMAIL_LIKE = /[^\s@"'<>()]+@[^\s@"'<>()]+/g;
// Long unbroken runs of token characters (no '/', so file paths in stacks survive).
const SECRET_LIKE = /[A-Za-z0-9_\-+=]{32,}/g;
export const scrub = (text: string) => text.replace(EMAIL_LIKE, '[email]').replace(SECRET_LIKE, '[secret]').slice(0, 2000);

export function jsonLogger(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const line = (fields: Record<string, unknown>) => write(JSON.stringify({ time: new Date().toISOString(), ...fields }));
  return {
    request: (entry) => line({ level: 'info', msg: 'request', ...entry }),
    error: ({ route, method, error }) => {
      const e = error instanceof Error ? error : new Error(String(error));
      // The stack names only our code's frames; the message is scrubbed since a driver may quote values.
      line({ level: 'error', msg: 'internal error', method, route, error: e.name, message: scrub(e.message), stack: scrub(e.stack ?? '') });
    },
    aborted: (entry) => line({ level: 'info', msg: 'client aborted', ...entry }),
    event: (name, fields = {}) => line({ level: 'info', msg: name, ...fields }),
  };
}

/**
 * The route pattern that answered (`/api/threads/:thread/comments`). When a middleware answered
 * (a 401 of the moderation guard), the most specific route the path matched; `(unmatched)` when
 * only wildcards matched (the router's 404).
 */
export function routeOf(c: Context): string {
  try {
    const current = routePath(c);
    if (current && !current.endsWith('*')) return current;
    return matchedRoutes(c).filter((r) => !r.path.endsWith('*')).at(-1)?.path ?? '(unmatched)';
  } catch {
    return '(unmatched)'; // no match result yet: an error before routing
  }
}

/** True when the error only means the client hung up (an aborted upload), not a fault of ours. */
export function isClientAbort(c: Context, error: unknown): boolean {
  const incoming = (c.env as { incoming?: { aborted?: boolean; destroyed?: boolean; readableAborted?: boolean } } | undefined)?.incoming;
  if (incoming?.aborted || incoming?.readableAborted) return true;
  const e = error as { code?: string; name?: string } | null;
  return e?.code === 'ECONNRESET' || e?.code === 'ERR_STREAM_PREMATURE_CLOSE' || e?.name === 'AbortError';
}

/** Middleware: times every request and hands one entry to each listener (the log, the metrics). */
export function observeRequests(...listeners: ((entry: RequestEntry) => void)[]): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const entry = { method: c.req.method, route: routeOf(c), status: c.res.status, ms: Math.round((performance.now() - started) * 100) / 100 };
      for (const listener of listeners) listener(entry);
    }
  };
}
