/**
 * A full disk must not reach PostgreSQL inside PGlite: when it cannot create its next WAL segment
 * it PANICs, and in WebAssembly that leaves the process spinning, deaf to requests and to SIGTERM.
 * So writes stop while the file system holding DATA_DIR has less than MIN_FREE_DISK_MB free:
 * a post or decision gets 503 with Retry-After at once, health says why, and writes resume by
 * themselves when space is back. Reads go on. The reserve must exceed one WAL segment (16 MB),
 * the largest single allocation PostgreSQL makes.
 */
import { statfs } from 'node:fs/promises';

export class Unavailable extends Error {
  override name = 'Unavailable';
  constructor(
    message: string,
    readonly code: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export class DiskGuard {
  constructor(
    private dir: string,
    private minFreeBytes: number,
  ) {}

  async freeBytes(): Promise<number> {
    const s = await statfs(this.dir);
    return s.bavail * s.bsize;
  }

  /** Throws `Unavailable` when a write could fill the disk. */
  async check(): Promise<void> {
    const free = await this.freeBytes();
    if (free < this.minFreeBytes) {
      throw new Unavailable(
        `The comments service cannot store anything right now (its disk is nearly full). Please try again later.`,
        'storage-full',
        60,
      );
    }
  }

  async health(): Promise<{ ok: true } | { ok: false; reason: string }> {
    const free = await this.freeBytes().catch(() => -1);
    if (free < 0) return { ok: false, reason: 'The data folder cannot be read.' };
    if (free < this.minFreeBytes) {
      return { ok: false, reason: `Disk nearly full: ${Math.floor(free / 2 ** 20)} MB free, writes need ${Math.ceil(this.minFreeBytes / 2 ** 20)} MB (MIN_FREE_DISK_MB).` };
    }
    return { ok: true };
  }
}
