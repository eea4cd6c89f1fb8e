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
 */
export const THREADS_CHANNEL = 'rw_threads';

export interface CachedPage {
  body: string;
  etag: string;
}

export class PageCache {
  private pages = new Map<string, Map<string, CachedPage>>();
  private generations = new Map<string, number>();
  private epoch = 0;
  private size = 0;
  private live = false;

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
