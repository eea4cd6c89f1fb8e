import type { ReactiveController } from 'lit';
import { api, ApiError } from '../../api.js';
import type { CommentsHost } from './host.js';
import { loadMine, saveMine, type Mine } from './pending.js';

/**
 * The reader's own comments on the host's thread: shown, marked with their moderation state,
 * until they appear approved in the list or the reader dismisses a rejection. Those in the list
 * stay remembered (with their token) so the list can offer "Delete my comment" on them.
 */
export class MineController implements ReactiveController {
  items: Mine[] = [];

  /** Called after a comment of the public list was deleted, so it leaves the list and the count. */
  constructor(private host: CommentsHost, private deletedListed: (id: string) => void = () => {}) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Reads what this browser remembers for the host's (new) thread. */
  open(): void {
    this.items = loadMine(this.host.thread);
  }

  private set(mine: Mine[]) {
    this.items = mine;
    saveMine(this.host.thread, mine);
    this.host.requestUpdate();
  }

  /** The reader's own comments not yet in the public list: shown apart, with their state. */
  get unlisted(): Mine[] {
    return this.items.filter((m) => !m.listed);
  }

  /** The reader's own record of a comment the public list shows, if it is theirs. */
  listedMine(id: string): Mine | undefined {
    return this.items.find((m) => m.listed && m.id === id);
  }

  add(mine: Mine): void {
    this.set([...this.items, mine]);
  }

  dismiss(mine: Mine): void {
    this.set(this.items.filter((m) => m !== mine));
  }

  /** Comments whose deletion is under way, or failed (shown with the error, to try again). */
  deleting = new Map<string, 'busy' | 'failed'>();

  /**
   * "Delete my comment": erased on the service (README "Erasure"), then forgotten here. A 401 means
   * the service no longer has it, which is what the reader asked for.
   */
  async remove(mine: Mine): Promise<void> {
    const { endpoint } = this.host;
    if (!endpoint || this.deleting.get(mine.id) === 'busy') return;
    this.deleting.set(mine.id, 'busy');
    this.host.requestUpdate();
    try {
      await api.deleteComment(endpoint, mine.id, mine.token);
      this.deleted(mine);
    } catch (error) {
      const gone = error instanceof ApiError && /not-found|unauthorized/.test(error.code);
      if (gone) this.deleted(mine);
      else {
        this.deleting.set(mine.id, 'failed');
        this.host.requestUpdate();
      }
    }
  }

  private deleted(mine: Mine) {
    this.deleting.delete(mine.id);
    this.dismiss(mine);
    if (mine.listed) this.deletedListed(mine.id);
  }

  private listed = (m: Mine): Mine => ({ ...m, status: 'approved', reason: undefined, listed: true });

  /** Marks the ones the public list now shows: they are no longer shown apart. */
  drop(listed: Set<string>): void {
    if (this.items.some((m) => !m.listed && listed.has(m.id))) this.set(this.items.map((m) => (listed.has(m.id) ? this.listed(m) : m)));
  }

  /** Asks the service what became of the pending ones since the last visit. */
  async refresh(listed: () => Set<string>): Promise<void> {
    const { thread, endpoint } = this.host;
    if (!endpoint) return;
    // undefined: unknown (offline, keep as is); null: the service no longer knows it (drop it).
    const answers = new Map(
      await Promise.all(
        this.items
          .filter((m) => m.status === 'pending')
          .map((m) =>
            api.status(endpoint, m.id, m.token).then(
              (answer) => [m.id, answer] as const,
              (error) => [m.id, error instanceof ApiError && /not-found|unauthorized/.test(error.code) ? null : undefined] as const,
            ),
          ),
      ),
    );
    if (thread !== this.host.thread) return;
    const ids = listed();
    this.set(
      this.items.flatMap((m) => {
        const answer = answers.get(m.id);
        return answer === null ? [] : ids.has(m.id) ? [this.listed(m)] : [{ ...m, ...answer }];
      }),
    );
  }
}
