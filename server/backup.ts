/**
 * `npm run backup -- FILE`: a consistent copy of the embedded database, made while the service
 * runs. The service holds DATA_DIR (a copied folder could catch PostgreSQL mid-write), so the copy
 * is asked of the service: `POST /api/moderation/backup` dumps the folder between two queries
 * (PGlite runs one at a time) as a .tar.gz, a crash-consistent image that recovery replays like
 * after a `kill -9`. Reads the service's own variables (MODERATOR_TOKEN, HOST, PORT), or
 * BACKUP_URL for a service elsewhere. Restore with `npm run restore -- FILE` (server/restore.ts).
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { ConfigError, readConfig } from './config.js';

const file = process.argv[2];
let config;
try {
  if (!file) throw new ConfigError(['Usage: npm run backup -- FILE (the .tar.gz to write).']);
  config = readConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host === '::' ? '[::1]' : config.host.includes(':') ? `[${config.host}]` : config.host;
const api = process.env.BACKUP_URL?.trim() || `http://${host}:${config.port}/api`;

let res: Response;
try {
  res = await fetch(`${api}/moderation/backup`, { method: 'POST', headers: { authorization: `Bearer ${config.moderatorToken}` } });
} catch (error) {
  console.error(`backup: the service at ${api} did not answer (${(error as Error).cause ?? (error as Error).message}); it must be running.`);
  process.exit(1);
}
if (res.status !== 200) {
  console.error(`backup: the service at ${api} answered ${res.status}: ${await res.text()}`);
  process.exit(1);
}
const bytes = Buffer.from(await res.arrayBuffer());
// Written beside the target and renamed, so FILE is never a half-written backup.
const partial = `${file}.partial`;
try {
  writeFileSync(partial, bytes);
  renameSync(partial, file);
} catch (error) {
  rmSync(partial, { force: true });
  console.error(`backup: could not write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  process.exit(1);
}
console.error(`backup: ${file} written (${bytes.length} bytes)`);
