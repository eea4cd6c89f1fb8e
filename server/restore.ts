/**
 * `npm run restore -- FILE`: a backup made by `npm run backup` becomes the database in DATA_DIR,
 * which must be absent or empty (a restore never overwrites data). Then start the service on it.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { ConfigError, readConfig } from './config.js';
import { DataDirError, LOCK_FILE } from './data-dir.js';
import { openPglite } from './db/pglite.js';

const file = process.argv[2];
try {
  if (!file) throw new ConfigError(['Usage: npm run restore -- FILE (a .tar.gz from npm run backup).']);
  const { dataDir } = readConfig(process.env, { requireToken: false });
  const backup = new Blob([await readFile(file)]);
  const db = await openPglite(dataDir, { restoreFrom: backup });
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM comments');
  await db.close();
  // The dump holds the lock of the service it was taken from; this folder belongs to none yet.
  rmSync(join(dataDir, LOCK_FILE), { force: true });
  console.error(`restore: ${file} restored into ${dataDir} (${rows[0].n} comments)`);
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirError) {
    console.error(error.message);
    process.exit(1);
  }
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    console.error(`restore: ${file} does not exist.`);
    process.exit(1);
  }
  throw error;
}
