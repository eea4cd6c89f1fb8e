/**
 * The embedded database: PGlite (PostgreSQL compiled to WebAssembly) with its data folder on disk.
 * This is the only file that knows about PGlite; the store speaks to the small `Db` interface.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './store.js';
import { oneAtATime } from './turn-queue.js';

export async function openPglite(dataDir: string): Promise<Db> {
  mkdirSync(dataDir, { recursive: true });
  // Defaults on purpose: PGlite answers a query only after PostgreSQL has written the commit's
  // WAL record to the data folder (a plain write(2), so the kernel holds it even if this process
  // is killed). `relaxedDurability: true` would answer before that write; never set it here.
  const pg = await PGlite.create(dataDir);
  const queryable = (q: Pick<PGlite, 'query'>): Queryable => ({
    query: async <T>(sql: string, params: unknown[] = []) => ({ rows: (await q.query<T>(sql, params)).rows }),
  });
  return oneAtATime({
    ...queryable(pg),
    transaction: (fn) => pg.transaction((tx) => fn(queryable(tx))),
    close: () => pg.close(),
  });
}
