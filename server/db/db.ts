/**
 * The one narrow interface the Store speaks to; server/db/pglite.ts and server/db/postgres.ts
 * implement it. Both backends run the same SQL, so nothing here is backend-specific.
 */
import type { BarrierStats, PoolStats } from '../metrics.js';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface Db extends Queryable {
  /** Runs `fn` in one transaction (READ COMMITTED), committed when it resolves, rolled back when it throws. */
  transaction<R>(fn: (tx: Queryable) => Promise<R>): Promise<R>;
  /**
   * Calls `onMessage` with the payload of every `pg_notify(channel, payload)` committed by anyone
   * on this database, and `onReset` whenever notifications may have been missed, so that
   * whoever caches must forget everything: `onReset(false)` when the listening connection is
   * lost (and notifications may still be missed), `onReset(true)` once it listens again.
   * A server connection that listens shows `listenerName(channel)` as its application_name in
   * pg_stat_activity, so that an instance can count the others listening.
   */
  listen(channel: string, onMessage: (payload: string) => void, onReset: (listening: boolean) => void): Promise<void>;
  close(): Promise<void>;
  /** Connection pool usage for `/api/metrics`, from backends that have a pool. */
  poolStats?(): PoolStats;
  /** What the durability barrier did, for `/api/metrics` (the embedded database). */
  barrierStats?(): BarrierStats;
  /** The whole data folder as a .tar.gz, taken between two queries (the embedded database: `npm run backup`). */
  backup?(): Promise<Blob>;
  /** What the backend knows beyond reachability (the embedded database: free disk space). */
  health?(): Promise<{ ok: true } | { ok: false; reason: string }>;
}

export const listenerName = (channel: string) => `rw-listen:${channel}`;

/**
 * The database cannot be reached (refused, lost, shutting down, timed out). The service answers
 * 503 with Retry-After instead of 500, and recovers by itself once the database is back.
 */
export class DatabaseUnavailable extends Error {
  constructor(cause: unknown) {
    super(`database unavailable: ${(cause as Error)?.message ?? cause}`, { cause });
    this.name = 'DatabaseUnavailable';
  }
}
