import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { QUEUE_POLL_MS, LIMITS, type QueueComment, type QueueThread } from '../../internal/contract.js';
import { Slices } from '../../internal/slices.js';
import { fetchQueue, moderationApi, queuePath, type QueueFilter } from './client.js';

/**
 * The queue of `<rw-moderation>`: the comments of the chosen filter and the pending counts per
 * article, kept fresh by polling every QUEUE_POLL_MS with the last ETag (a 304 while nothing
 * changed), more slowly while the tab is hidden, so that new pending comments show within 5 s.
 */
export class QueueController implements ReactiveController {
  filter: QueueFilter = { status: 'pending', sort: 'oldest', thread: '', commenterOf: '' };
  items: QueueComment[] = [];
  total = 0;
  threads: QueueThread[] = [];
  nextCursor: string | null = null;
  loaded = false;
  /** What of `items` is rendered so far (a page of 100 arrives on screen a slice per frame). */
  readonly slices: Slices;
  private etag: string | null = null;
  private timer?: ReturnType<typeof setTimeout>;
  private generation = 0;

  constructor(
    private host: ReactiveControllerHost & { endpoint: string; token: string; failed(error: unknown): void },
  ) {
    host.addController(this);
    this.slices = new Slices(host);
  }

  hostDisconnected() {
    this.stop();
  }

  stop() {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.generation++;
  }

  /** Starts (or restarts, after a filter change) loading and polling. */
  async start(): Promise<void> {
    this.stop();
    this.etag = null;
    this.loaded = false;
    this.items = [];
    this.nextCursor = null;
    this.host.requestUpdate();
    await this.poll(this.generation);
  }

  setFilter(change: Partial<QueueFilter>) {
    this.filter = { ...this.filter, ...change };
    return this.start();
  }

  /** Drops decided comments from a pending view at once, without waiting for the next poll. */
  decided(ids: string[]) {
    if (this.filter.status !== 'pending') return;
    this.items = this.items.filter((c) => !ids.includes(c.id));
    this.total = Math.max(0, this.total - ids.length);
    this.host.requestUpdate();
  }

  async more(): Promise<void> {
    if (!this.nextCursor) return;
    const answer = await fetchQueue(this.host.endpoint, this.host.token, queuePath(this.filter, this.nextCursor), null);
    if (!answer) return;
    const known = new Set(this.items.map((c) => c.id));
    this.slices.from(this.items.length);
    this.items = [...this.items, ...answer.page.comments.filter((c) => !known.has(c.id))];
    this.nextCursor = answer.page.nextCursor;
    this.host.requestUpdate();
  }

  private async poll(generation: number) {
    try {
      // The first page is asked for as long as what is shown, so a poll refreshes all of it.
      const limit = Math.min(LIMITS.pageSize, Math.max(LIMITS.defaultPageSize, this.items.length));
      const answer = await fetchQueue(this.host.endpoint, this.host.token, queuePath(this.filter, null, limit), this.etag);
      if (generation !== this.generation) return;
      if (answer) {
        this.etag = answer.etag;
        const beyond = this.items.slice(limit);
        // What is on screen stays; only what is new comes a slice per frame.
        this.slices.from(this.items.length);
        this.items = [...answer.page.comments, ...beyond.filter((c) => !answer.page.comments.some((n) => n.id === c.id))];
        this.total = answer.page.total;
        if (!beyond.length) this.nextCursor = answer.page.nextCursor;
        this.threads = (await moderationApi(this.host.endpoint, this.host.token).threads()).threads;
      }
      this.loaded = true;
      this.host.requestUpdate();
    } catch (error) {
      if (generation !== this.generation) return;
      this.host.failed(error);
    }
    if (generation !== this.generation || !this.host.token) return;
    const hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
    this.timer = setTimeout(() => this.poll(generation), hidden ? QUEUE_POLL_MS * 5 : QUEUE_POLL_MS);
  }
}
