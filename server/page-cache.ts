/**
 * Rendered public pages of `GET /threads/:thread/comments` (body and ETag), reused until the
 * thread changes. Every change to what a thread shows is announced with
 * `pg_notify('rw_threads', thread)` in the changing transaction, so each instance, whichever made
 * the change, drops that thread's pages once the change is committed.
 *
 * A page read from the database before a change but stored after its notification would be
 * stale forever; a generation counter per thread (and one for the whole cache) refuses it.
 * While the listening connection is down nothing is cached, and a (re)connection drops
 * everything, since notifications may have been missed.
 *
 * The changing instance drops its own pages at commit, then waits (briefly) for its own
 * notification to come back before it answers: PostgreSQL signals every listener at the same
 * commit, so by then the other instances have been told too, and a reader sent to another
 * instance right after the answer sees the change.
 */
import { randomBytes } from 'node:crypto';

export const THREADS_CHANNEL = 'rw_threads';
/** How long a change waits for its own notification to come back before answering anyway. */
const ECHO_WAIT_MS = 2_000;

export interface CachedPage {
  /** UTF-8 bytes, encoded once rather than on every answer. */
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

export class PageCache {
  private pages = new Map<string, Map<string, CachedPage>>();
  private generations = new Map<string, number>();
  private epoch = 0;
  private size = 0;
  private live = false;
  private readonly instance = randomBytes(9).toString('base64url');
  private echoes = new Map<string, () => void>();
  private announced = 0;

  /** At most `maxPages` pages in all; beyond that the least recently stored thread goes. */
  constructor(private maxPages = 5_000) {}

  get(thread: string, key: string): CachedPage | undefined {
    return this.pages.get(thread)?.get(key);
  }

  /** Taken before reading the database; `set` refuses the page if the thread changed since. */
  ticket(thread: string): string {
    return `${this.epoch}:${this.generations.get(thread) ?? 0}`;
  }

  set(thread: string, key: string, ticket: string, page: CachedPage) {
    if (!this.live || ticket !== this.ticket(thread)) return;
    let pages = this.pages.get(thread);
    if (pages) this.pages.delete(thread); // re-inserted below: most recent last
    else pages = new Map();
    if (!pages.has(key)) this.size++;
    pages.set(key, page);
    this.pages.set(thread, pages);
    while (this.size > this.maxPages) this.evict(this.pages.keys().next().value!);
  }

  /**
   * For a transaction about to change `thread`: the payload it must `pg_notify` on
   * THREADS_CHANNEL, and `committed()`, to await once it has committed.
   */
  announce(thread: string): { payload: string; committed: () => Promise<void> } {
    const id = `${this.instance}.${++this.announced}`;
    let echoed!: () => void;
    const echo = new Promise<void>((resolve) => (echoed = resolve));
    const timer = setTimeout(echoed, ECHO_WAIT_MS); // rolled back, or the listener is down
    timer.unref();
    this.echoes.set(id, echoed);
    void echo.then(() => {
      clearTimeout(timer);
      this.echoes.delete(id);
    });
    return {
      payload: `${id} ${thread}`,
      committed: () => {
        this.invalidate(thread);
        return this.live ? echo : (echoed(), echo);
      },
    };
  }

  /** A notification on THREADS_CHANNEL, from this instance or another. */
  received(payload: string) {
    const space = payload.indexOf(' ');
    const id = payload.slice(0, space);
    if (id.startsWith(`${this.instance}.`)) this.echoes.get(id)?.();
    else this.invalidate(payload.slice(space + 1));
  }

  /** The thread changed (a committed notification). */
  invalidate(thread: string) {
    this.generations.set(thread, (this.generations.get(thread) ?? 0) + 1);
    this.evict(thread);
    // Generations of threads without pages are only needed while a read may be in flight;
    // bounded, since a stale ticket of a forgotten thread at worst skips one store.
    if (this.generations.size > this.maxPages * 4) this.generations.clear(), this.epoch++;
  }

  /** Notifications may have been missed (`listening` false: and may still be, so cache nothing). */
  reset(listening: boolean) {
    this.live = listening;
    this.epoch++;
    this.pages.clear();
    this.generations.clear();
    this.size = 0;
  }

  private evict(thread: string) {
    const pages = this.pages.get(thread);
    if (!pages) return;
    this.size -= pages.size;
    this.pages.delete(thread);
  }
}
