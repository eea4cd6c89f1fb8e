/**
 * Rendered public pages of `GET /threads/:thread/comments` (body and ETag), reused until the
 * thread changes. Every change to what a thread shows is announced with
 * `pg_notify('rw_threads', '<id> <thread>')` in the changing transaction, so each instance drops
 * that thread's pages once the change is committed.
 *
 * A page read from the database before a change but stored after its notification would be
 * stale forever; a generation counter per thread (and one for the whole cache) refuses it.
 * While the listening connection is down nothing is cached, and a (re)connection drops
 * everything, since notifications may have been missed.
 *
 * A notification takes a moment to reach another instance, so a reader sent there right after
 * the change was answered could still get the old page. Each instance therefore acknowledges
 * (`ack <id>` on the same channel) once it has dropped the pages, and the changing instance
 * answers only when every other listening instance has acknowledged (or after ACK_WAIT_MS).
 */
import { randomBytes } from 'node:crypto';

export const THREADS_CHANNEL = 'rw_threads';
/** How long a change waits for the other instances' acknowledgements before answering anyway. */
const ACK_WAIT_MS = 2_000;

interface Waiting {
  needed: number;
  got: number;
  done: () => void;
}

export interface CachedPage {
  /** UTF-8 bytes, encoded once rather than on every answer. */
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

export class PageCache {
  private pages = new Map<string, Map<string, CachedPage>>();
  private generations = new Map<string, number>();
  private epoch = 0;
  private bytes = 0;
  private live = false;
  private readonly instance = randomBytes(9).toString('base64url');
  private waiting = new Map<string, Waiting>();
  private announced = 0;

  /**
   * At most `maxBytes` of bodies in all (a page of 100 long comments can be 500 KB); beyond that
   * the least recently stored thread goes.
   */
  constructor(private maxBytes = 64 * 1024 * 1024) {}

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
    this.bytes += page.body.byteLength - (pages.get(key)?.body.byteLength ?? 0);
    pages.set(key, page);
    this.pages.set(thread, pages);
    while (this.bytes > this.maxBytes) this.evict(this.pages.keys().next().value!);
  }

  /** Whether this instance listens (so others should count it when waiting for acknowledgements). */
  get listening() {
    return this.live;
  }

  /**
   * For a transaction about to change `thread`: the payload it must `pg_notify` on
   * THREADS_CHANNEL, and `committed(others)`, to await once it has committed, with the number
   * of other instances listening at that moment.
   */
  announce(thread: string): { payload: string; committed: (others: number) => Promise<void> } {
    const id = `${this.instance}.${++this.announced}`;
    let done!: () => void;
    const acknowledged = new Promise<void>((resolve) => (done = resolve));
    const wait: Waiting = { needed: Infinity, got: 0, done };
    this.waiting.set(id, wait);
    const timer = setTimeout(done, ACK_WAIT_MS); // rolled back, or an instance died meanwhile
    timer.unref();
    void acknowledged.then(() => {
      clearTimeout(timer);
      this.waiting.delete(id);
    });
    return {
      payload: `${id} ${thread}`,
      committed: (others) => {
        this.invalidate(thread);
        wait.needed = others;
        if (wait.got >= wait.needed) done();
        return acknowledged;
      },
    };
  }

  /**
   * A notification on THREADS_CHANNEL, from this instance or another. Returns the
   * acknowledgement to send on the same channel, if one is due.
   */
  received(payload: string): string | null {
    const space = payload.indexOf(' ');
    const head = payload.slice(0, space);
    const rest = payload.slice(space + 1);
    if (head === 'ack') {
      const wait = this.waiting.get(rest);
      if (wait && ++wait.got >= wait.needed) wait.done();
      return null;
    }
    if (head.startsWith(`${this.instance}.`)) return null; // dropped at commit already
    this.invalidate(rest);
    return `ack ${head}`;
  }

  /** The thread changed (a committed notification). */
  invalidate(thread: string) {
    this.generations.set(thread, (this.generations.get(thread) ?? 0) + 1);
    this.evict(thread);
    // Generations of threads without pages are only needed while a read may be in flight;
    // bounded, since a stale ticket of a forgotten thread at worst skips one store.
    if (this.generations.size > 100_000) this.generations.clear(), this.epoch++;
  }

  /** Notifications may have been missed (`listening` false: and may still be, so cache nothing). */
  reset(listening: boolean) {
    this.live = listening;
    this.epoch++;
    this.pages.clear();
    this.generations.clear();
    this.bytes = 0;
  }

  private evict(thread: string) {
    const pages = this.pages.get(thread);
    if (!pages) return;
    for (const page of pages.values()) this.bytes -= page.body.byteLength;
    this.pages.delete(thread);
  }
}
