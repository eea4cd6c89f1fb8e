import type { ReactiveController } from 'lit';
import { api, ApiError, type Comment, type NewComment } from '../../api.js';
import { emit } from '../../events.js';
import { band, charsLeft } from './counter.js';
import { clearDraft, loadDraft, newKey, saveDraft, type Draft, type Kept } from './draft.js';
import { articleContext } from './article-context.js';
import { commentElement, type CommentsHost } from './host.js';
import { explain } from './messages.js';
import type { MineController } from './mine-controller.js';
import { forgetReader, loadReader, rememberReader } from './reader.js';
import { check, FIELDS, type Field } from './validate.js';

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

  constructor(
    private host: CommentsHost,
    private mine: MineController,
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

  private tell(state: Partial<Pick<DraftController, 'say' | 'alarm' | 'errors' | 'busy' | 'replyTo' | 'kept' | 'remember' | 'thanked'>>) {
    Object.assign(this, state);
    this.host.requestUpdate();
  }

  private save = () => {
    const kept = saveDraft(this.host.thread, this.draft);
    if (kept !== this.kept) this.tell({ kept });
  };

  /** Called by the form on every keystroke: keeps the draft, clears a fixed error, counts characters. */
  edit(field: Field, value: string): void {
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

  async submit(honeypot: string): Promise<void> {
    if (this.busy) return;
    const { host, draft, locale } = this;
    const errors: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) if (check(field, draft[field], locale)) errors[field] = check(field, draft[field], locale);
    this.tell({ errors, alarm: '' });
    if (await this.focusInvalid()) return;
    const parentId = this.replyTo?.id;
    const comment: NewComment = { author: draft.author.trim(), email: draft.email.trim(), text: draft.text.trim() };
    if (parentId) comment.parentId = parentId;
    Object.assign(comment, articleContext(host));
    if (honeypot) comment.website = honeypot;
    if (emit(host, 'rw-comment-submit', { thread: host.thread, comment }, true).defaultPrevented) return;
    const body = JSON.stringify(comment);
    if (draft.sent && draft.sent !== body) draft.key = newKey();
    draft.sent = body;
    // Saved BEFORE the request: if its answer is lost, a reload retries with the same key.
    this.save();
    const thread = host.thread;
    this.tell({ busy: true, say: locale.t('formSubmitting') });
    try {
      const posted = await api.post(host.endpoint, thread, comment, draft.key);
      clearDraft(thread);
      if (this.remember) rememberReader({ author: comment.author, email: comment.email });
      if (thread !== host.thread) return;
      this.mine.add({
        id: posted.id,
        token: posted.token,
        status: posted.status,
        author: comment.author,
        text: comment.text,
        parentId: parentId ?? null,
        createdAt: new Date().toISOString(),
      });
      // The name and email stay in the form for this page; only "Remember me" keeps them in storage.
      this.draft = { author: draft.author, email: draft.email, text: '', key: newKey() };
      this.band = 3;
      this.tell({ replyTo: null, say: '', thanked: true });
      emit(host, 'rw-comment-posted', { id: posted.id, status: posted.status });
      await host.updateComplete;
      // The note sits at the top of the form, so one Tab from it leads into the next comment.
      host.renderRoot.querySelector<HTMLElement>('#thanks')?.focus();
    } catch (error) {
      const { message } = emit(host, 'rw-error', explain(locale, error)).detail;
      const fields = error instanceof ApiError && error.code === 'invalid' ? error.fields : {};
      if (Object.keys(fields).length) {
        const mapped: Partial<Record<Field, string>> = {};
        // The catalogue's wording when our own check agrees, else the service's message.
        for (const field of FIELDS) if (fields[field]) mapped[field] = check(field, draft[field], locale) || fields[field];
        this.tell({ say: '', errors: mapped });
        this.focusInvalid();
      } else this.tell({ say: '', alarm: message });
    } finally {
      this.tell({ busy: false });
    }
  }

  private async focusInvalid(): Promise<boolean> {
    await this.host.updateComplete;
    const field = this.host.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]');
    field?.focus();
    return !!field;
  }
}
