/**
 * The embedded database: PGlite (PostgreSQL compiled to WebAssembly) with its data folder on disk.
 * The only file that knows about PGlite.
 */
import { PGlite } from '@electric-sql/pglite';
import { claimDataDir, DataDirError } from '../data-dir.js';
import { DiskGuard, Unavailable } from '../disk-space.js';
import { WalBarrier } from '../durability.js';
import type { BarrierStats } from '../metrics.js';
import type { Db, Queryable } from './db.js';
import { oneAtATime } from './turn-queue.js';

export type PgliteDb = Db & {
  barrierStats(): BarrierStats;
  /** The whole data folder as a .tar.gz, taken between two queries: what `npm run backup` saves. */
  backup(): Promise<Blob>;
  health(): Promise<{ ok: true } | { ok: false; reason: string }>;
};

export async function openPglite(dataDir: string, options: { restoreFrom?: Blob; minFreeDiskBytes?: number } = {}): Promise<PgliteDb> {
  const release = claimDataDir(dataDir, { mustBeEmpty: Boolean(options.restoreFrom) });
  // Defaults on purpose: PGlite answers a query only after PostgreSQL has written the commit's
  // WAL record to the data folder (a plain write(2), so the kernel holds it even if this process
  // is killed). `relaxedDurability: true` would answer before that write; never set it here.
  // The write is not synced: the barrier (server/durability.ts) makes it reach the disk.
  let pg: PGlite;
  const barrier = new WalBarrier(dataDir);
  const disk = new DiskGuard(dataDir, options.minFreeDiskBytes ?? 64 * 2 ** 20);
  try {
    pg = await PGlite.create(dataDir, options.restoreFrom ? { loadDataDir: options.restoreFrom } : {});
    await barrier.syncAll();
  } catch (error) {
    release();
    throw DataDirError.opening(dataDir, error);
  }
  const queryable = (q: Pick<PGlite, 'query'>): Queryable => ({
    query: async <T>(sql: string, params: unknown[] = []) => ({ rows: (await q.query<T>(sql, params)).rows }),
  });
  // The turn queue orders PGlite's work; the barrier runs outside it, so the next transaction
  // commits while this one's sync is in flight and commits that finish together share a sync.
  const queued = oneAtATime({
    ...queryable(pg),
    transaction: (fn) => pg.transaction((tx) => fn(queryable(tx))),
    // One process owns the folder, so its own session sees every notification: nothing is ever
    // missed and `onReset` is never needed.
    listen: async (channel, onMessage) => {
      await pg.listen(channel, onMessage);
    },
    close: () => pg.close(),
  });
  const durable = <R>(result: R) => barrier.sync().then(() => result);
  return {
    // Every write of the store runs in a transaction; a lone statement that is not a read gets the barrier too.
    query: async <T>(sql: string, params?: unknown[]) => {
      const result = await queued.query<T>(sql, params);
      return /^\s*SELECT\b/i.test(sql) ? result : durable(result);
    },
    transaction: async (fn) => {
      await disk.check();
      let result;
      try {
        result = await queued.transaction(fn);
      } catch (error) {
        // PostgreSQL's ERROR when a data file cannot grow; the transaction was rolled back.
        if (/No space left on device/i.test(String((error as Error)?.message))) {
          throw new Unavailable('The comments service cannot store anything right now (its disk is full). Please try again later.', 'storage-full', 60);
        }
        throw error;
      }
      return durable(result);
    },
    listen: (channel, onMessage, onReset) => queued.listen(channel, onMessage, onReset),
    close: () => queued.close().then(() => barrier.syncAll()).finally(() => barrier.release().finally(release)),
    barrierStats: () => ({ ...barrier.stats }),
    backup: () => pg.dumpDataDir('gzip'),
    health: () => disk.health(),
  };
}
