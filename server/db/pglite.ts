/**
 * The embedded database: PGlite (PostgreSQL compiled to WebAssembly) with its data folder on disk.
 * The only file that knows about PGlite.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db.js';
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
    // One process owns the folder, so its own session sees every notification: nothing is ever
    // missed and `onReset` is never needed.
    listen: async (channel, onMessage) => {
      await pg.listen(channel, onMessage);
    },
    close: () => pg.close(),
  });
}
