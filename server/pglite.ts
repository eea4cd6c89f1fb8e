/**
 * The embedded database: PGlite (PostgreSQL compiled to WebAssembly) with its data folder on disk.
 * This is the only file that knows about PGlite; the store speaks to the small `Db` interface.
 */
import { PGlite } from '@electric-sql/pglite';
import { claimDataDir, DataDirError } from './data-dir.js';
import { DiskGuard, Unavailable } from './disk-space.js';
import { WalBarrier } from './durability.js';
import type { BarrierStats } from './metrics.js';
import type { Db, Queryable } from './store.js';

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
  const durable = <R>(result: R) => barrier.sync().then(() => result);
  return {
    // Every write of the store runs in a transaction; a lone statement that is not a read gets the barrier too.
    query: async <T>(sql: string, params?: unknown[]) => {
      const result = await queryable(pg).query<T>(sql, params);
      return /^\s*SELECT\b/i.test(sql) ? result : durable(result);
    },
    transaction: async (fn) => {
      await disk.check();
      let result;
      try {
        result = await pg.transaction((tx) => fn(queryable(tx)));
      } catch (error) {
        // PostgreSQL's ERROR when a data file cannot grow; the transaction was rolled back.
        if (/No space left on device/i.test(String((error as Error)?.message))) throw new Unavailable('The comments service cannot store anything right now (its disk is full). Please try again later.', 'storage-full', 60);
        throw error;
      }
      return durable(result);
    },
    close: () => pg.close().then(() => barrier.syncAll()).finally(() => barrier.release().finally(release)),
    barrierStats: () => ({ ...barrier.stats }),
    backup: () => pg.dumpDataDir('gzip'),
    health: () => disk.health(),
  };
}
