import type { ReactiveController } from 'lit';
import { emit } from '../../events.js';
import { OUTCOME_POLL_MS } from '../../internal/contract.js';
import type { DraftController } from './draft-controller.js';
import type { CommentsHost } from './host.js';
import type { ListController } from './list-controller.js';
import { reasonText } from './messages.js';
import type { MineController } from './mine-controller.js';

/**
 * While the article is open, follows the reader's own pending comments: every OUTCOME_POLL_MS it
 * asks their status, so a decision shows within 10 s. An approval reloads the list past the
 * browser's short public cache (the heading's count and the list then include the comment); a
 * rejection shows its guideline reason. Both are announced politely. It stops once nothing of
 * theirs is pending, and waits while the tab is hidden (asking at once when it shows again).
 */
export class OutcomeController implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;
  private asking = false;
  private readonly visible = () => {
    if (document.visibilityState === 'visible') this.schedule(0);
  };

  constructor(
    private host: CommentsHost,
    private mine: MineController,
    private list: ListController,
    private form: DraftController,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.visible);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.visible);
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  // After every render: a new post, a new thread or a restored page may bring pending comments.
  hostUpdated(): void {
    this.schedule(OUTCOME_POLL_MS);
  }

  private schedule(delay: number) {
    if (this.timer !== undefined || this.asking || !this.host.isConnected || !this.mine.items.some((m) => m.status === 'pending')) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (document.visibilityState === 'hidden') return; // `visible` asks again when it shows
      void this.ask();
    }, delay);
  }

  private async ask() {
    this.asking = true;
    const before = new Map(this.mine.items.map((m) => [m.id, m.status]));
    try {
      await this.mine.refresh(() => this.list.ids());
    } finally {
      this.asking = false;
    }
    const decided = this.mine.items.filter((m) => before.get(m.id) === 'pending' && m.status !== 'pending');
    const approved = decided.filter((m) => m.status === 'approved');
    const rejected = decided.find((m) => m.status === 'rejected');
    const l = this.host.locale;
    for (const m of decided) emit(this.host, 'rw-comment-decided', { id: m.id, thread: this.host.thread, status: m.status as 'approved' | 'rejected' });
    if (approved.length) {
      await this.list.load(false, true);
      this.form.announce(l.t('outcomeApproved'));
    } else if (rejected) {
      this.form.announce(l.t('outcomeRejected', { reason: rejected.reason ? reasonText(l, rejected.reason) : '' }));
    }
    this.host.requestUpdate();
    this.schedule(OUTCOME_POLL_MS);
  }
}
