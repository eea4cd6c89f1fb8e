import type { ReactiveController } from 'lit';
import type { Comment } from '../../api.js';
import { emit } from '../../events.js';
import { band, charsLeft } from './counter.js';
import { loadDraft, saveDraft, type Draft, type Kept } from './draft.js';
import { commentElement, type CommentsHost } from './host.js';
import { explain } from './messages.js';
import type { MineController } from './mine-controller.js';
import { forgetReader, loadReader } from './reader.js';
import type { Field } from './validate.js';

/**
 * The comment form's state: the draft (kept in storage as the reader types), the field errors,
 * the reply target, the post with its Idempotency-Key, and what the form tells the reader.
 * Every change re-renders the host, so what is shown always matches what was typed.
 */
export class DraftController implements ReactiveController {
  draft: Draft = loadDraft('');
  errors: Partial<Record<Field, string>> = {};
  busy = false;
  /** Polite message (progress, success, draft restored, characters left). */
  say = '';
  /** Assertive message (a failed post). */
  alarm = '';
  replyTo: Comment | null = null;
  /**
   * The last post was accepted: the form opens with the thank-you note. It belongs to that post
   * only, so a reply form, a new keystroke or another thread drops it.
   */
  thanked = false;
  /** Where the draft could be kept; anything but `local` means a reload may lose it. */
  kept: Kept = 'local';
  /** "Remember me": keep the name and email for the next comment, on any article. */
  remember = !!loadReader();
  private band = 3;
  private timer?: ReturnType<typeof setTimeout>;
  private posting?: Promise<typeof import('./post.js')>;
  private submitting?: Promise<void>;

  constructor(
    /** @internal */ readonly host: CommentsHost,
    /** @internal */ readonly mine: MineController,
  ) {
    host.addController(this);
  }

  get locale() {
    return this.host.locale;
  }

  hostConnected(): void {
    addEventListener('pagehide', this.save);
  }

  hostDisconnected(): void {
    removeEventListener('pagehide', this.save);
    clearTimeout(this.timer);
    this.save();
  }

  /** Restores the host's (new) thread's draft, or starts one with the remembered name and email. */
  open(): void {
    this.draft = loadDraft(this.host.thread);
    this.thanked = false;
    const reader = loadReader();
    if (!this.draft.text && reader) this.draft = { ...this.draft, ...reader };
    this.band = band(charsLeft(this.draft.text));
    if (this.draft.text) this.host.updateComplete.then(() => this.tell({ say: this.locale.t('formDraftRestored') }));
  }

  /** @internal */
  tell(state: Partial<Pick<DraftController, 'say' | 'alarm' | 'errors' | 'busy' | 'replyTo' | 'kept' | 'remember' | 'thanked'>>) {
    Object.assign(this, state);
    this.host.requestUpdate();
  }

  /** @internal */
  save = () => {
    const kept = saveDraft(this.host.thread, this.draft);
    if (kept !== this.kept) this.tell({ kept });
  };

  /** Called by the form on every keystroke: keeps the draft, clears a fixed error, counts characters. */
  edit(field: Field, value: string): void {
    this.warm();
    this.draft = { ...this.draft, [field]: value };
    if (this.errors[field]) this.errors = { ...this.errors, [field]: '' };
    this.thanked = false;
    if (field === 'text') {
      const left = charsLeft(value);
      const now = band(left);
      if (now < this.band) this.say = this.locale.t('formCharsLeft', { n: Math.max(left, 0) });
      this.band = now;
    }
    this.host.requestUpdate();
    clearTimeout(this.timer);
    this.timer = setTimeout(this.save, 300);
  }

  /** A later word about the reader's post (its moderation outcome) replaces the thank-you note. */
  announce(say: string): void {
    this.tell({ say, thanked: false });
  }

  setRemember(on: boolean): void {
    // Unticking is the reader asking to be forgotten: at once, not at the next post.
    if (!on) forgetReader();
    this.tell({ remember: on });
  }

  async reply(comment: Comment | null): Promise<void> {
    const previous = this.replyTo;
    this.tell({ replyTo: comment, errors: {}, alarm: '', say: '', thanked: false });
    await this.host.updateComplete;
    const root = this.host.renderRoot;
    if (comment) root.querySelector<HTMLElement>('#text')?.focus();
    else commentElement(root, previous?.id)?.querySelector<HTMLElement>('[part~=reply]')?.focus();
  }

  /**
   * Fetches what posts the draft (post.ts, a chunk of its own) if it is not there yet; the form asks
   * for it as the reader starts writing, so that by the time they press Post it has long arrived.
   */
  prepare(): Promise<typeof import('./post.js')> {
    return (this.posting ??= import('./post.js').catch((error: unknown) => {
      this.posting = undefined;
      throw error;
    }));
  }

  /** Starts fetching what posts (the form calls it when the reader enters it); a failure shows at Post. */
  warm(): void {
    this.prepare().catch(() => {});
  }

  /**
   * One submission at a time, from the press itself: `busy` is only set once the checks have run,
   * after an update, and a second press before that posted the comment twice.
   */
  submit(honeypot: string): Promise<void> {
    return (this.submitting ??= this.send(honeypot).finally(() => (this.submitting = undefined)));
  }

  private async send(honeypot: string): Promise<void> {
    let posting;
    try {
      posting = await this.prepare();
    } catch (error) {
      // Offline before the post could even start: what a failed post says.
      this.tell({ alarm: emit(this.host, 'rw-error', explain(this.locale, error)).detail.message });
      return;
    }
    await posting.post(this, honeypot);
  }

  /** @internal A new draft after a post (post.ts). */
  restart(draft: Draft): void {
    this.draft = draft;
    this.band = 3;
  }
}
