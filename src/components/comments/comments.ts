import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { api, ApiError, REASONS, type Comment, type NewComment } from '../../api.js';
import { emit, type RwErrorDetail } from '../../events.js';
import { addDefaults } from '../../i18n.js';
import { LocaleController } from '../../locale-controller.js';
import english from '../../locales/en-comments.js';
import { ThemeController, type Theme } from '../../theme-controller.js';
import { scaleSheet } from '../../text-scale.js';
import { controls, tokens } from '../../styles/tokens.js';
import { styles } from './comments.styles.js';
import { articleContext } from './article-context.js';
import { clearDraft, loadDraft, newKey, saveDraft, type Draft } from './draft.js';
import { renderForm } from './form.js';
import { explain, reasonText } from './messages.js';
import { loadMine, saveMine, type Mine } from './pending.js';
import { check, FIELDS, length, MAX, type Field } from './validate.js';

// The comments' English messages travel with the element (its own chunk of the script-tag bundle).
addDefaults(english);

export interface CommentSubmitDetail {
  thread: string;
  /** The request body; add fields to it, or call `preventDefault()` on the event to veto the post. */
  comment: NewComment;
}
export interface CommentPostedDetail {
  id: string;
  status: string;
}

/**
 * The moderated comments of one article: heading with the approved count, the moderation notice,
 * the community guidelines, the approved comments with one level of replies, newest/oldest sort,
 * "Load more" paging, and the form to post a comment or a reply. What the reader types is kept as a
 * draft; their own comments stay visible, marked "Awaiting moderation", until they are approved
 * (or rejected, with the guideline's reason). Comment text is always rendered as text.
 *
 * @tag rw-comments
 * @attr thread - Opaque id of the article's thread (required).
 * @attr endpoint - Base URL of the comments service, e.g. `https://example.com/api` (required).
 * @attr sort - `newest` (default) or `oldest`; reflects the reader's choice.
 * @attr page-size - Comments per page, 1–100 (default 20).
 * @attr loading - `lazy` (default): fetch the list only when the element nears the viewport; `eager`: at once.
 * @attr theme - `light`, `dark` or `auto` (default: follow the page, then the reader's system).
 * @attr article-title - The article's title shown to moderators (default: the page's `<title>`).
 * @attr article-url - The article's address linked from the moderation queue (default: the page's canonical URL).
 *
 * @slot guidelines - Replaces the built-in community guidelines.
 *
 * @csspart heading - The heading with the number of approved comments.
 * @csspart notice - The moderation notice.
 * @csspart guidelines - The guidelines box (default text or the `guidelines` slot).
 * @csspart list - Each list of comments (top level and replies).
 * @csspart comment - One comment (`<article dir="auto">`); the reader's own also have part `mine`.
 * @csspart mine - The reader's own comment, not yet in the list.
 * @csspart author - A comment's author.
 * @csspart date - A comment's date (`<time>`).
 * @csspart text - A comment's text.
 * @csspart status - The moderation state of the reader's own comment, and the form's progress message.
 * @csspart reply - The Reply button of a comment.
 * @csspart load-more - The "Load more comments" button.
 * @csspart sort - The sort `<select>`.
 * @csspart form - The comment form.
 * @csspart field - One field of the form (label, control, hint, error).
 * @csspart label - A field's label.
 * @csspart required - The visible "Required" mark in a label.
 * @csspart input - The name and email inputs.
 * @csspart textarea - The comment text area.
 * @csspart hint - A field's hint.
 * @csspart error - A field's error, the form's failure message and the list's load error.
 * @csspart counter - Characters left, shown near the limit.
 * @csspart button - Every button.
 * @csspart submit - The submit button.
 *
 * @cssprop --rw-comments-reserve - Block size reserved while the list loads (default 16rem).
 * @cssprop --rw-font-ui - UI font.
 * @cssprop --rw-font-body - Font of the comments' text.
 * @cssprop --rw-color-text - Text colour.
 * @cssprop --rw-color-muted - Dates, hints, counter.
 * @cssprop --rw-color-accent - Submit button and status marks.
 * @cssprop --rw-color-on-accent - Text on the accent colour.
 * @cssprop --rw-color-surface - Background of controls.
 * @cssprop --rw-color-subtle - Background of the guidelines and the reader's own comments.
 * @cssprop --rw-color-border - Borders.
 * @cssprop --rw-color-danger - Errors.
 * @cssprop --rw-color-focus - Focus ring.
 * @cssprop --rw-space - Spacing unit.
 * @cssprop --rw-radius - Corner radius.
 * @cssprop --rw-measure - Maximum line length.
 * @cssprop --rw-font-headline - Shared token (not used by this element).
 *
 * @fires rw-comment-submit - Cancelable, before a post: `detail: {thread, comment}`; `comment` is the body to send.
 * @fires rw-comment-posted - The service accepted a comment: `detail: {id, status}`.
 * @fires rw-error - Loading or posting failed: `detail: {code, message}`.
 */
export class RwComments extends LitElement {
  static override styles = [tokens, controls, scaleSheet, styles];
  static override properties = {
    thread: {},
    endpoint: {},
    sort: { reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    articleTitle: { attribute: 'article-title' },
    articleUrl: { attribute: 'article-url' },
    loading: {},
    theme: { reflect: true },
    items: { state: true },
    mine: { state: true },
    phase: { state: true },
    errors: { state: true },
    busy: { state: true },
    say: { state: true },
    alarm: { state: true },
    replyTo: { state: true },
  };

  thread = '';
  endpoint = '';
  sort: 'newest' | 'oldest' = 'newest';
  pageSize = 20;
  /** The article's title for the moderation queue; default: the page's title. */
  articleTitle = '';
  /** The article's address for the moderation queue; default: the page's canonical URL. */
  articleUrl = '';
  loading: 'lazy' | 'eager' = 'lazy';
  theme?: Theme;

  /** Approved comments loaded so far, in the order of `sort`. */
  items: Comment[] = [];
  total = -1;
  cursor: string | null = null;
  /** '' before the list is needed, then loading | ready | error. */
  phase = '';
  mine: Mine[] = [];
  draft: Draft = loadDraft('');
  errors: Partial<Record<Field, string>> = {};
  busy = false;
  /** Polite message (progress, success, draft restored, characters left). */
  say = '';
  /** Assertive message (a failed post). */
  alarm = '';
  replyTo: Comment | null = null;

  readonly internals = this.attachInternals();
  readonly l = new LocaleController(this);
  private near = false;
  private seq = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private bucket = 3;
  private observer?: IntersectionObserver;
  private save = () => saveDraft(this.thread, this.draft);

  constructor() {
    super();
    new ThemeController(this, this.internals);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('pagehide', this.save);
    if (this.loading === 'eager') this.near = true;
    else {
      this.observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          this.observer?.disconnect();
          this.near = true;
          this.load();
        },
        { rootMargin: '600px' },
      );
      this.observer.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('pagehide', this.save);
    this.observer?.disconnect();
    clearTimeout(this.timer);
    this.save();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('thread')) {
      this.draft = loadDraft(this.thread);
      this.mine = loadMine(this.thread);
      if (this.draft.text) this.updateComplete.then(() => (this.say = this.l.t('formDraftRestored')));
    }
    if (changed.has('thread') || changed.has('endpoint')) this.refreshMine();
    if (changed.has('thread') || changed.has('endpoint') || changed.has('sort') || changed.has('pageSize')) this.load();
  }


  /** Fetches the first page again (after a change of thread or sort, or to retry). */
  load(more = false): Promise<void> | void {
    if (!this.near || !this.endpoint || !this.thread) return;
    const seq = ++this.seq;
    const before = more ? this.items.length : 0;
    this.phase = 'loading';
    return api.comments(this.endpoint, this.thread, { sort: this.sort, limit: this.pageSize, cursor: more ? this.cursor : null }).then(
      async (page) => {
        if (seq !== this.seq) return;
        this.items = more ? [...this.items, ...page.comments] : page.comments;
        this.total = page.total;
        this.cursor = page.nextCursor;
        this.phase = 'ready';
        const ids = new Set(this.items.map((c) => c.id));
        this.setMine(this.mine.filter((m) => !ids.has(m.id)));
        if (more) {
          await this.updateComplete;
          this.focusComment(this.items[before]?.id);
        }
      },
      (error) => {
        if (seq !== this.seq) return;
        this.phase = 'error';
        this.fail(error);
      },
    );
  }

  private setMine(mine: Mine[]) {
    this.mine = mine;
    saveMine(this.thread, mine);
  }

  /** Asks the service what became of the reader's own comments since the last visit. */
  private async refreshMine() {
    const { thread, endpoint } = this;
    if (!endpoint) return;
    // undefined: unknown (offline, keep as is); null: the service no longer knows it (drop it).
    const answers = new Map(
      await Promise.all(
        this.mine
          .filter((m) => m.status === 'pending')
          .map((m) =>
            api.status(endpoint, m.id, m.token).then(
              (answer) => [m.id, answer] as const,
              (error) => [m.id, error instanceof ApiError && /not-found|unauthorized/.test(error.code) ? null : undefined] as const,
            ),
          ),
      ),
    );
    if (thread !== this.thread) return;
    const ids = new Set(this.items.map((c) => c.id));
    this.setMine(
      this.mine.flatMap((m) => {
        const answer = answers.get(m.id);
        return answer === null || ids.has(m.id) ? [] : [{ ...m, ...answer }];
      }),
    );
  }

  private fail(error: unknown): RwErrorDetail {
    const detail = explain(this.l, error);
    emit<RwErrorDetail>(this, 'rw-error', detail);
    return detail;
  }

  private focusComment(id?: string) {
    this.renderRoot.querySelector<HTMLElement>(`[data-id="${id}"]`)?.focus();
  }

  /** Called by the form on every keystroke: keeps the draft, clears a fixed error, counts characters. */
  edit(field: Field, value: string): void {
    this.draft = { ...this.draft, [field]: value };
    if (this.errors[field]) this.errors = { ...this.errors, [field]: '' };
    if (field === 'text') {
      const left = MAX.text - length(value);
      const bucket = left < 1 ? 0 : left <= 100 ? 1 : left <= 500 ? 2 : 3;
      // Announce only when crossing 500, 100 and 0 characters left, never on every keystroke.
      if (bucket < this.bucket) this.say = this.l.t('formCharsLeft', { n: Math.max(left, 0) });
      this.bucket = bucket;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(this.save, 300);
  }

  async reply(comment: Comment | null): Promise<void> {
    const previous = this.replyTo;
    this.replyTo = comment;
    this.errors = {};
    this.alarm = '';
    await this.updateComplete;
    if (comment) this.renderRoot.querySelector<HTMLElement>('#text')?.focus();
    else this.renderRoot.querySelector<HTMLElement>(`[data-id="${previous?.id}"] [part~=reply]`)?.focus();
  }

  async submit(honeypot: string): Promise<void> {
    if (this.busy) return;
    const draft = this.draft;
    const errors: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) if (check(field, draft[field], this.l)) errors[field] = check(field, draft[field], this.l);
    this.errors = errors;
    this.alarm = '';
    if (await this.focusInvalid()) return;
    const parentId = this.replyTo?.id;
    const comment: NewComment = { author: draft.author.trim(), email: draft.email.trim(), text: draft.text.trim() };
    if (parentId) comment.parentId = parentId;
    Object.assign(comment, articleContext(this));
    if (honeypot) comment.website = honeypot;
    if (emit<CommentSubmitDetail>(this, 'rw-comment-submit', { thread: this.thread, comment }, true).defaultPrevented) return;
    const body = JSON.stringify(comment);
    if (draft.sent && draft.sent !== body) draft.key = newKey();
    draft.sent = body;
    this.save();
    const thread = this.thread;
    this.busy = true;
    this.say = this.l.t('formSubmitting');
    try {
      const posted = await api.post(this.endpoint, thread, comment, draft.key);
      clearDraft(thread);
      if (thread !== this.thread) return;
      this.setMine([
        ...this.mine,
        { id: posted.id, token: posted.token, status: posted.status, author: comment.author, text: comment.text, parentId: parentId ?? null, createdAt: new Date().toISOString() },
      ]);
      this.draft = { author: draft.author, email: draft.email, text: '', key: newKey() };
      this.replyTo = null;
      this.bucket = 3;
      this.say = this.l.t('postedThanks');
      emit<CommentPostedDetail>(this, 'rw-comment-posted', { id: posted.id, status: posted.status });
      await this.updateComplete;
      this.focusComment(posted.id);
    } catch (error) {
      this.say = '';
      const { message } = this.fail(error);
      const fields = error instanceof ApiError && error.code === 'invalid' ? error.fields : {};
      if (Object.keys(fields).length) {
        const mapped: Partial<Record<Field, string>> = {};
        // The catalogue's wording when our own check agrees, else the service's message.
        for (const field of FIELDS) if (fields[field]) mapped[field] = check(field, draft[field], this.l) || fields[field];
        this.errors = mapped;
        this.focusInvalid();
      } else this.alarm = message;
    } finally {
      this.busy = false;
    }
  }

  private async focusInvalid(): Promise<boolean> {
    await this.updateComplete;
    const field = this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]');
    field?.focus();
    return !!field;
  }

  private dismiss(mine: Mine) {
    this.setMine(this.mine.filter((m) => m !== mine));
  }

  private article(c: Comment, tail: unknown, part = 'comment') {
    return html`<article part=${part} dir="auto" tabindex="-1" data-id=${c.id}>
      <b part="author">${c.author}</b>
      <time part="date" datetime=${c.createdAt}>${this.l.date(c.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
      <p part="text">${c.text}</p>
      ${tail}
    </article>`;
  }

  private own(m: Mine) {
    const l = this.l;
    const status =
      m.status === 'rejected'
        ? m.reason
          ? l.t('statusRejectedReason', { reason: reasonText(l, m.reason) })
          : l.t('statusRejected')
        : l.t(m.status === 'approved' ? 'statusApproved' : 'statusPending');
    return html`<li>
      ${this.article(
        m,
        html`<p part="status" class=${m.status}>${status}</p>
          ${m.status === 'rejected'
            ? html`<button part="button" @click=${() => this.dismiss(m)}>${l.t('commentDismiss')}</button>`
            : nothing}`,
        'comment mine',
      )}
    </li>`;
  }

  private thread_(c: Comment, replies: Comment[], mine: Mine[]): TemplateResult {
    const l = this.l;
    const open = this.replyTo?.id === c.id;
    return html`<li>
      ${this.article(
        c,
        c.parentId
          ? nothing
          : html`<button part="button reply" aria-expanded=${open} aria-label=${l.t('commentReplyTo', { author: c.author })} @click=${() => this.reply(open ? null : c)}>
              ${l.t('commentReply')}
            </button>`,
      )}
      ${open ? renderForm(this) : nothing}
      ${replies.length || mine.length
        ? html`<ol part="list">${replies.map((r) => this.thread_(r, [], []))}${mine.map((m) => this.own(m))}</ol>`
        : nothing}
    </li>`;
  }

  protected override render() {
    const l = this.l;
    const ids = new Set(this.items.map((c) => c.id));
    const top: Comment[] = [];
    const replies = new Map<string, Comment[]>();
    const mine = new Map<string, Mine[]>();
    for (const c of this.items) {
      if (c.parentId && ids.has(c.parentId)) replies.set(c.parentId, [...(replies.get(c.parentId) ?? []), c]);
      else top.push(c);
    }
    const loose = this.mine.filter((m) => !(m.parentId && ids.has(m.parentId) && mine.set(m.parentId, [...(mine.get(m.parentId) ?? []), m])));
    const phase = this.phase;
    return html`
      <h2 part="heading">${this.total < 0 ? l.t('commentsHeading') : l.t('commentsCount', { n: this.total })}</h2>
      <p part="notice">${l.t('commentsNotice')}</p>
      <div part="guidelines">
        <slot name="guidelines">
          <h3>${l.t('guidelinesHeading')}</h3>
          <p>${l.t('guidelinesIntro')}</p>
          <ul>${REASONS.map((reason) => html`<li>${reasonText(l, reason)}</li>`)}</ul>
          <p>${l.t('guidelinesNeverEdited')}</p>
        </slot>
      </div>
      ${this.replyTo ? nothing : renderForm(this)}
      <section class=${phase === 'ready' ? '' : 'wait'} aria-busy=${phase === 'loading'} aria-labelledby="h">
        <h3 id="h" class="vh">${l.t('commentsHeading')}</h3>
        ${this.total > 1
          ? html`<label class="sort">${l.t('commentsSort')}
              <select part="sort" @change=${(e: Event) => (this.sort = (e.target as HTMLSelectElement).value as 'newest')}>
                <option value="newest" ?selected=${this.sort !== 'oldest'}>${l.t('commentsSortNewest')}</option>
                <option value="oldest" ?selected=${this.sort === 'oldest'}>${l.t('commentsSortOldest')}</option>
              </select></label
            >`
          : nothing}
        ${loose.length || top.length
          ? html`<ol part="list">
              ${loose.map((m) => this.own(m))}${top.map((c) => this.thread_(c, replies.get(c.id) ?? [], mine.get(c.id) ?? []))}
            </ol>`
          : nothing}
        ${phase === 'loading'
          ? html`<p>${l.t('commentsLoading')}</p>`
          : phase === 'error'
            ? html`<p part="error" role="alert">${l.t('commentsLoadError')}</p>
                <button part="button" @click=${() => this.load(this.items.length > 0)}>${l.t('commentsRetry')}</button>`
            : this.total === 0 && !loose.length
              ? html`<p>${l.t('commentsEmpty')}</p>`
              : nothing}
        ${this.cursor && phase === 'ready'
          ? html`<button part="button load-more" @click=${() => this.load(true)}>${l.t('commentsLoadMore')}</button>`
          : nothing}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rw-comments': RwComments;
  }
  interface GlobalEventHandlersEventMap {
    'rw-comment-submit': CustomEvent<CommentSubmitDetail>;
    'rw-comment-posted': CustomEvent<CommentPostedDetail>;
    'rw-error': CustomEvent<RwErrorDetail>;
  }
}
