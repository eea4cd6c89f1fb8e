import type { ReactiveController } from 'lit';
import { api, type Comment } from '../../api.js';
import { LIMITS, type Sort } from '../../internal/contract.js';
import { Slices } from '../../internal/slices.js';
import { commentElement, type CommentsHost } from './host.js';

/** Milliseconds before "Load more" shows that it is loading. */
const SLOW = 200;

/** '' before the list is needed, then loading | ready | error. */
export type Phase = '' | 'loading' | 'ready' | 'error';

/**
 * The approved comments of the host's thread: the first page, "Load more" pages after it, and
 * the total. A newer request (another sort, another thread, a retry) aborts the one in flight, so
 * a slow old answer can never overwrite a newer list.
 */
export class ListController implements ReactiveController {
  /** Approved comments loaded so far, in the order of the sort. */
  items: Comment[] = [];
  /** The number of approved comments, -1 until known. */
  total = -1;
  cursor: string | null = null;
  phase: Phase = '';
  /** What of `items` is rendered so far (a long page arrives on screen a slice per frame). */
  readonly slices: Slices;
  private request?: AbortController;
  /** The service, thread and query that the first page was last asked for. */
  private asked = '';

  constructor(
    private host: CommentsHost,
    private query: () => { sort: Sort; limit: number },
    private events: { loaded: (ids: Set<string>) => void; failed: (error: unknown) => void },
  ) {
    host.addController(this);
    // A page the service may send (up to its page size) in one frame; only a larger, hostile answer is sliced.
    this.slices = new Slices(host, 20, LIMITS.pageSize);
  }

  hostConnected(): void {}

  /** True when the host's service, thread, sort or page size are not those of the list shown or on its way. */
  get outdated(): boolean {
    return this.wanted() !== this.asked;
  }

  private wanted(): string {
    return JSON.stringify([this.host.endpoint, this.host.thread, this.query()]);
  }

  ids(): Set<string> {
    return new Set(this.items.map((c) => c.id));
  }

  /**
   * A comment the reader deleted leaves the list and the count at once, as the service now has it:
   * gone, or "a removed comment" when others replied to it.
   */
  forget(id: string): void {
    const replied = this.items.some((c) => c.parentId === id);
    this.items = this.items.flatMap((c) => (c.id !== id ? [c] : replied ? [{ ...c, author: '', text: '', removed: true }] : []));
    if (this.total > 0) this.total -= 1;
    this.host.requestUpdate();
  }

  /**
   * Fetches the first page again (after a change of thread or sort, or to retry), or the next page.
   * `fresh`: past the browser's short public cache, after an approval the reader has learned of.
   */
  async load(more = false, fresh = false): Promise<void> {
    const { host } = this;
    if (!host.endpoint || !host.thread) return;
    if (!more) this.asked = this.wanted();
    // A second click while the next page is on its way (its button stays until the answer is slow, below).
    if (more && this.phase === 'loading') return;
    this.request?.abort();
    const request = (this.request = new AbortController());
    const before = more ? this.items.length : 0;
    this.phase = 'loading';
    // "Load more" says it is loading only once the answer is slow: saying so renders the whole list
    // again and lays it out in a frame of its own, for a state a quick answer shows for a few ms.
    if (more) setTimeout(() => request === this.request && this.phase === 'loading' && host.requestUpdate(), SLOW);
    else host.requestUpdate();
    try {
      const page = await api.comments(host.endpoint, host.thread, { ...this.query(), cursor: more ? this.cursor : null }, request.signal, fresh ? 'no-cache' : undefined);
      if (request.signal.aborted) return;
      this.items = more ? [...this.items, ...page.comments] : page.comments;
      this.total = page.total;
      this.cursor = page.nextCursor;
      this.phase = 'ready';
      this.slices.from(before);
      host.requestUpdate();
      this.events.loaded(this.ids());
      if (more) {
        await host.updateComplete;
        const first = commentElement(host.renderRoot, this.items[before]?.id);
        // Comments below the fold are not laid out (content-visibility): the one about to take the
        // focus is, in the coming frame, or focus() would lay it out from script.
        first?.parentElement?.style.setProperty('content-visibility', 'visible');
        // Once the frame has laid the new page out: before it, focus() would force that layout of
        // the whole list from script, in the middle of the frame's work.
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
        if (request === this.request) first?.focus();
      }
    } catch (error) {
      if (request.signal.aborted) return;
      this.phase = 'error';
      host.requestUpdate();
      this.events.failed(error);
    }
  }
}
