/**
 * The embedded database's folder (`DATA_DIR`) before PGlite touches it: refuse what would lose data,
 * and hold it for this process alone.
 *
 * - Only an absent or empty folder is initialised. A folder with files but no database in it (say a
 *   lost `PG_VERSION`) is refused: PGlite would run initdb over it and serve an empty database.
 * - One process per folder. PGlite keeps no lock of its own, and two processes on one folder each
 *   see only their own writes, then corrupt it. The lock is a file holding this process's pid, its
 *   start time and the boot it belongs to, taken with an exclusive create. Node has no flock(2),
 *   and a lock that must be refreshed (proper-lockfile's mtime) keeps a `kill -9`ed service from
 *   restarting until it goes stale; checking whether the recorded process still lives lets the
 *   restart happen at once, and the start time and boot id stop a reused pid from passing for it.
 */
import { closeSync, constants, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

export const LOCK_FILE = 'reading-widget.lock';
/** What every PostgreSQL data folder has; PGlite re-initialises a folder that lacks one of them. */
const DATABASE_MARKERS = ['PG_VERSION', 'global/pg_control', 'base', 'pg_wal'];

export class DataDirError extends Error {
  override name = 'DataDirError';

  /** PGlite's own failures are WebAssembly errno objects or minified source: name the folder instead. */
  static opening(dir: string, error: unknown): DataDirError {
    const e = error as { code?: string; errno?: number; message?: string };
    const cause = e?.code ?? (e?.errno !== undefined ? `file system error ${e.errno}` : String(e?.message ?? error).split('\n')[0].slice(0, 200));
    return new DataDirError(
      `DATA_DIR ${resolve(dir)}: the database could not be opened (${cause}). The folder is damaged or unreadable: ` +
        'check its permissions and free space, or restore it from a backup.',
    );
  }
}

interface Owner {
  pid: number;
  host: string;
  boot: string;
  started: string;
}

const readOr = (path: string, fallback: string) => {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return fallback;
  }
};
const bootId = () => readOr('/proc/sys/kernel/random/boot_id', 'unknown');
/** Start time of a process in clock ticks since boot (Linux), so a reused pid is told apart. */
const startTime = (pid: number) => readOr(`/proc/${pid}/stat`, '').replace(/^.*\) /, '').split(' ')[19] ?? '';

function alive(owner: Owner): boolean {
  // Another machine (or container) sharing the folder cannot be asked: assume it runs.
  if (owner.host !== hostname()) return true;
  if (owner.boot !== bootId() || owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A start time that cannot be read (no /proc, or hidden) proves nothing: assume it is the owner.
  const started = startTime(owner.pid);
  return !owner.started || !started || started === owner.started;
}

function describe(code: string | undefined, path: string, doing: string): string {
  if (code === 'EACCES' || code === 'EPERM') return `DATA_DIR ${path}: permission denied while ${doing}; make the folder writable by this service's user.`;
  if (code === 'EROFS') return `DATA_DIR ${path} is on a read-only file system.`;
  if (code === 'ENOSPC') return `DATA_DIR ${path}: no space left on the device while ${doing}.`;
  if (code === 'ENOTDIR') return `DATA_DIR ${path} (or a folder above it) is a file, not a folder.`;
  return `DATA_DIR ${path}: ${code ?? 'error'} while ${doing}.`;
}

/** Checks the folder, creates it if absent, and locks it. Returns the function that unlocks it. */
export function claimDataDir(dir: string, options: { mustBeEmpty?: boolean } = {}): () => void {
  const path = resolve(dir);
  try {
    mkdirSync(path, { recursive: true });
    if (!statSync(path).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
  } catch (error) {
    throw new DataDirError(describe((error as NodeJS.ErrnoException).code, path, 'creating it'));
  }
  const lock = join(path, LOCK_FILE);
  const release = takeLock(path, lock);
  try {
    const entries = readdirSync(path).filter((name) => name !== LOCK_FILE);
    if (entries.length && options.mustBeEmpty) {
      throw new DataDirError(`DATA_DIR ${path} is not empty; a restore goes into an empty or absent folder and never overwrites one.`);
    }
    const missing = DATABASE_MARKERS.filter((marker) => !existsSync(join(path, marker)));
    if (entries.length && missing.length) {
      throw new DataDirError(
        `DATA_DIR ${path} is not empty but is not a database folder (missing ${missing.join(', ')}); refusing to initialise over it. ` +
          'Restore the folder from a backup, or point DATA_DIR at an empty or absent folder to start a new database.',
      );
    }
  } catch (error) {
    release();
    throw error;
  }
  return release;
}

function takeLock(path: string, lock: string): () => void {
  const me: Owner = { pid: process.pid, host: hostname(), boot: bootId(), started: startTime(process.pid) };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(lock, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o644);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new DataDirError(describe(code, path, 'creating its lock file'));
      let owner: Owner | null = null;
      try {
        owner = JSON.parse(readFileSync(lock, 'utf8'));
      } catch {
        /* half-written by a process that died at once: stale */
      }
      if (owner && alive(owner)) {
        throw new DataDirError(
          `DATA_DIR ${path} is in use by another comments service (pid ${owner.pid} on ${owner.host}). ` +
            `Run one process per folder; if that process is gone, delete ${lock}.`,
        );
      }
      unlinkSync(lock);
      continue;
    }
    try {
      writeSync(fd, JSON.stringify(me));
    } finally {
      closeSync(fd);
    }
    return () => {
      // Only our own lock: never remove one another process has taken over.
      if (readOr(lock, '') === JSON.stringify(me)) unlinkSync(lock);
    };
  }
  throw new DataDirError(`DATA_DIR ${path}: could not take its lock file ${lock}; another process keeps replacing it.`);
}
