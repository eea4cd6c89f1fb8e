/** Chooses the backend: a PostgreSQL server when DATABASE_URL is set, else PGlite in DATA_DIR. */
import type { Db } from './db.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export interface DatabaseConfig {
  databaseUrl: string | null;
  databasePoolSize: number;
  dataDir: string;
  minFreeDiskBytes?: number;
}

export function openDatabase(config: DatabaseConfig): Promise<Db> {
  if (config.databaseUrl) return openPostgres({ url: config.databaseUrl, poolSize: config.databasePoolSize });
  return openPglite(config.dataDir, { minFreeDiskBytes: config.minFreeDiskBytes });
}
