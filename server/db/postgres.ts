/**
 * A PostgreSQL server (14 or newer) through node-postgres: a pool for queries and transactions,
 * and one dedicated connection for LISTEN. The only file that knows about `pg`.
 */
import pg from 'pg';
import { DatabaseUnavailable, listenerName, type Db, type Queryable } from './db.js';

export interface PostgresOptions {
  url: string;
  poolSize: number;
  /** Give up on a connection attempt after this long (the caller answers 503). */
  connectTimeoutMs?: number;
  /** The server cancels a statement after this long; the client stops waiting a little later. */
  statementTimeoutMs?: number;
}

// Errors that mean "the database cannot be reached right now", as opposed to a bug in our SQL:
// socket errors, SQLSTATE class 08 (connection exception), 57P01-57P03 (shutdown, crash
// recovery, not yet accepting), 53300 (too many connections), 57014 (statement timeout), and
// node-postgres's own messages for lost or timed-out connections, which carry no code.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN', 'ENETUNREACH']);
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);
const MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|not queryable|Client was closed|the database system is (starting up|shutting down)/i;

export function isUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; errors?: unknown[] } | null;
  if (!e) return false;
  if (e.code && (SOCKET_CODES.has(e.code) || SQLSTATES.has(e.code) || e.code.startsWith('08'))) return true;
  if (Array.isArray(e.errors) && e.errors.some(isUnavailable)) return true; // AggregateError (IPv4 and IPv6 refused)
  return MESSAGES.test(e.message ?? '');
}

const translate = (error: unknown) => (isUnavailable(error) ? new DatabaseUnavailable(error) : error);

export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const statementTimeout = options.statementTimeoutMs ?? 10_000;
  const settings = {
    connectionString: options.url,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 3_000,
    statement_timeout: statementTimeout,
    // If the server vanishes mid-query the socket may stay open; stop waiting on our side too.
    query_timeout: statementTimeout + 2_000,
    idle_in_transaction_session_timeout: statementTimeout * 2,
    keepAlive: true,
  };
  const pool = new pg.Pool({ ...settings, max: options.poolSize, idleTimeoutMillis: 30_000 });
  // An idle pooled connection that dies (server restarted) emits 'error'; the pool drops it and
  // opens a new one on demand. Without a listener Node would crash the process.
  let lastPoolError = 0;
  pool.on('error', (error) => {
    if (Date.now() - lastPoolError > 10_000) console.error(`comments service: database connection lost (${error.message}); reconnecting on demand`);
    lastPoolError = Date.now();
  });

  const query: Queryable['query'] = async <T>(sql: string, params: unknown[] = []) => {
    try {
      return { rows: (await pool.query(sql, params)).rows as T[] };
    } catch (error) {
      throw translate(error);
    }
  };

  // One connection per listened channel (the page cache's and the moderation queue's).
  const listeners = new Set<pg.Client>();
  let closed = false;
  const timers = new Set<NodeJS.Timeout>();

  return {
    query,
    async transaction(fn) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw translate(error);
      }
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn({ query: async <T>(sql: string, params: unknown[] = []) => ({ rows: (await client.query(sql, params)).rows as T[] }) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        if (isUnavailable(error)) broken = error as Error;
        else await client.query('ROLLBACK').catch((e: Error) => (broken = e));
        throw translate(error);
      } finally {
        // A connection that failed is destroyed rather than handed to the next request.
        client.release(broken);
      }
    },
    async listen(channel, onMessage, onReset) {
      let delay = 250;
      const connect = async (): Promise<void> => {
        const client = new pg.Client({ ...settings, application_name: listenerName(channel) });
        client.on('notification', (n) => {
          if (n.channel === channel) onMessage(n.payload ?? '');
        });
        let lost = false;
        const onLost = () => {
          if (lost || closed) return;
          lost = true;
          listeners.delete(client);
          onReset(false);
          client.end().catch(() => {});
          const timer = setTimeout(() => {
            timers.delete(timer);
            connect().catch(() => {});
          }, delay);
          timers.add(timer);
          delay = Math.min(delay * 2, 5_000);
        };
        client.on('error', onLost);
        client.on('end', onLost);
        try {
          await client.connect();
          await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        } catch (error) {
          onLost();
          throw translate(error);
        }
        if (closed) return void client.end().catch(() => {});
        listeners.add(client);
        delay = 250;
        // Anything committed while we were not listening went unheard.
        onReset(true);
      };
      await connect();
    },
    async close() {
      closed = true;
      for (const t of timers) clearTimeout(t);
      await Promise.all([...listeners].map((l) => l.end().catch(() => {})));
      await pool.end();
    },
  };
}
