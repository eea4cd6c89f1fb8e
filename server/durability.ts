/**
 * The durability barrier of the embedded database. PGlite runs PostgreSQL with fsync off and its
 * Node file system has no sync at all, so a commit is only in the kernel's page cache when PGlite
 * answers: it survives `kill -9`, not a power cut. After each write transaction the adapter waits
 * for `sync()`, which fdatasyncs the WAL segments written since the previous barrier; the commit's
 * WAL record is then on stable storage, and recovery replays it.
 *
 * Group commit: one barrier runs at a time. Commits that finish while it runs may have written
 * after it looked at the files, so they share the next barrier (one fdatasync round for all of
 * them) instead of each starting its own.
 *
 * Checkpoints: PostgreSQL writes data pages at a checkpoint, then moves its redo point in
 * `global/pg_control` and recycles older WAL. A barrier that sees pg_control changed first syncs
 * every data file written since the previous barrier, then pg_control, so the data the recycled
 * WAL described is on disk too. PGlite runs PostgreSQL single-user: there is no checkpointer, so
 * checkpoints happen only when the WAL reaches max_wal_size (1 GB) and when the database closes
 * (`syncAll()` runs after close, and after open for what initdb or recovery wrote).
 */
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Unavailable } from './disk-space.js';
import type { BarrierStats } from './metrics.js';

const SEGMENT = /^[0-9A-F]{24}$/;
// File times come from a coarse kernel clock (a few ms); a file written just after the previous
// barrier looked may carry a time a little before it. Anything this close is synced again.
const CLOCK_SLACK_MS = 50;

/**
 * The commit happened but is not known to be on disk: answered 503, and the client's retry with
 * the same Idempotency-Key gets the original answer once a barrier succeeds.
 */
export class StorageError extends Unavailable {
  override name = 'StorageError';
  constructor(
    readonly detail: string,
    readonly errno: string | undefined,
  ) {
    super('The comments service could not confirm your change was stored. Please try again.', 'storage-error', 5);
  }
}

/**
 * A segment PostgreSQL recycled (renamed) or removed while the barrier ran: it held WAL from before
 * a checkpoint, which the checkpoint's own sync of the data files covers.
 */
function gone(error: NodeJS.ErrnoException): -1 {
  if (error.code === 'ENOENT') return -1;
  throw error;
}

async function syncFile(path: string, directory = false) {
  const handle = await open(path, 'r');
  try {
    await (directory ? handle.sync() : handle.datasync());
  } finally {
    await handle.close();
  }
}

export class WalBarrier {
  readonly stats: BarrierStats = { barriers: 0, files: 0, seconds: 0 };
  private since = 0;
  private walNames = '';
  private controlTime = 0;
  /** Open handles of WAL segments, kept across barriers (one open and close fewer per commit). */
  private segments = new Map<string, FileHandle>();
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(private dataDir: string) {}

  /** Resolves once every commit that finished before the call is on stable storage. */
  sync(): Promise<void> {
    if (!this.running) {
      this.running = this.flush().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.queued ??= this.running.then(
      () => this.startQueued(),
      () => this.startQueued(),
    );
    return this.queued;
  }

  private startQueued() {
    this.queued = null;
    return this.sync();
  }

  /** Syncs every file of the folder written since the last barrier (after a clean close). */
  async syncAll(): Promise<void> {
    await this.running?.catch(() => {});
    const wallStart = Date.now();
    await this.syncChangedTree(this.dataDir, this.since - CLOCK_SLACK_MS);
    await syncFile(this.dataDir, true);
    this.since = wallStart;
  }

  private async flush() {
    const started = performance.now();
    const threshold = this.since - CLOCK_SLACK_MS;
    const wallStart = Date.now();
    try {
      // Each file system call is a round trip to libuv's thread pool: independent ones go together.
      const wal = join(this.dataDir, 'pg_wal');
      const control = join(this.dataDir, 'global', 'pg_control');
      const [entries, controlStat] = await Promise.all([readdir(wal), stat(control)]);
      const names = entries.filter((n) => SEGMENT.test(n)).sort();
      const times = await Promise.all(names.map((name) => stat(join(wal, name)).then((s) => s.mtimeMs, gone)));
      const written = names.filter((_, i) => times[i] >= threshold);
      await Promise.all(written.map((name) => this.syncSegment(join(wal, name))));
      this.stats.files += written.length;
      // A new or recycled segment is a directory change: without it the synced file may not be found.
      const joined = names.join(',');
      if (joined !== this.walNames) {
        await syncFile(wal, true);
        this.walNames = joined;
        this.forget();
      }
      const controlTime = controlStat.mtimeMs;
      if (controlTime !== this.controlTime) {
        if (this.controlTime) await this.syncChangedTree(this.dataDir, threshold);
        await syncFile(control);
        this.controlTime = controlTime;
      }
      this.since = wallStart;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new StorageError(`durability barrier in ${this.dataDir} failed: ${code ?? (error as Error).message}`, code);
    } finally {
      this.stats.barriers++;
      this.stats.seconds += (performance.now() - started) / 1000;
    }
  }

  private async syncSegment(path: string) {
    let handle = this.segments.get(path);
    if (!handle) {
      const opened = await open(path, 'r').catch(gone);
      if (opened === -1) return;
      handle = opened;
      this.segments.set(path, handle);
    }
    await handle.datasync();
  }

  /**
   * Closes the cached handles once the segments change: a handle keeps the file it opened, and a
   * recycled segment is a rename, so a name may now mean another file. Rare: once per 16 MB of WAL.
   */
  private forget() {
    for (const handle of this.segments.values()) void handle.close().catch(() => {});
    this.segments.clear();
  }

  /** Closes every cached handle (when the database closes). */
  async release(): Promise<void> {
    await this.running?.catch(() => {});
    const handles = [...this.segments.values()];
    this.segments.clear();
    await Promise.all(handles.map((h) => h.close().catch(() => {})));
  }

  private async syncChangedTree(dir: string, threshold: number): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        await this.syncChangedTree(path, threshold);
        if ((await stat(path)).mtimeMs >= threshold) await syncFile(path, true);
      } else if (entry.isFile() && (await stat(path)).mtimeMs >= threshold) {
        await syncFile(path);
        this.stats.files++;
      }
    }
  }
}
