import { html, nothing, type PropertyValues } from 'lit';
import { addDefaults } from '../../i18n.js';
import type { Comment } from '../../api.js';
import { REASONS, type Sort } from '../../internal/contract.js';
import { RwElement } from '../../internal/rw-element.js';
import english from '../../locales/en-comments.js';
import { scaleSheet } from '../../text-scale.js';
import { controls, tokens } from '../../styles/tokens.js';
import { renderMine, renderThread, type CommentView } from './comment-view.js';
import { styles } from './comments.styles.js';
import { rememberStyles } from './remember.styles.js';
import { DraftController } from './draft-controller.js';
import { renderForm } from './form.js';
import { LazyStartController } from './lazy-start.js';
import { ListController } from './list-controller.js';
import { explain, reasonText } from './messages.js';
import { MineController } from './mine-controller.js';
import { KeptItems } from './kept-items.js';
import { wording } from './shown.js';
import { threadTree } from './thread-tree.js';

/** Milliseconds the first render waits for the list's answer at most (a slow service shows the form first). */
const HOLD_MS = 200;

export type { CommentDecidedDetail, CommentPostedDetail, CommentSubmitDetail } from '../../events.js';

// The comments' English messages travel with the element (its own chunk of the script-tag bundle).
addDefaults(english);

/**
 * The moderated comments of one article: heading with the approved count, the moderation notice,
 * the community guidelines, the approved comments with one level of replies, newest/oldest sort,
 * "Load more" paging, and the form to post a comment or a reply. What the reader types is kept as a
 * draft; their own comments stay visible, marked "Awaiting moderation", until they are approved
 * (or rejected, with the guideline's reason). The name and email are kept after a post only when
 * the reader ticks "Remember me". Comment text is always rendered as text.
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
 * @cssstate holding - Before its first render, while it waits (200 ms at most) for the list it asked for
 * as it connected; `reading-widget.css` keeps the section's place meanwhile, as before the script.
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
 * @csspart remember - The "Remember me" field (checkbox, label and hint); unticked by default.
 * @csspart checkbox - The "Remember me" checkbox.
 * @csspart storage - The note shown when this browser cannot keep the draft (a reload may lose it).
 * @csspart thanks - The thank-you note at the top of the form after a post (also part `status`).
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
 * @fires rw-comment-decided - The reader's pending comment was decided (seen while the article is open): `detail: {id, thread, status}`.
 * @fires rw-error - Loading or posting failed: `detail: {code, message}`.
 */
export class RwComments extends RwElement {
  static override styles = [tokens, controls, scaleSheet, styles, rememberStyles];
  static override properties = {
    thread: {},
    endpoint: {},
    sort: { reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    articleTitle: { attribute: 'article-title' },
    articleUrl: { attribute: 'article-url' },
    loading: {},
  };

  /** Opaque id of the article's thread. */
  thread = '';
  /** Base URL of the comments service. */
  endpoint = '';
  /** `newest` (default) or `oldest`; reflects the reader's choice. */
  sort: Sort = 'newest';
  /** Comments per page, 1–100. */
  pageSize = 20;
  /** The article's title for the moderation queue; default: the page's title. */
  articleTitle = '';
  /** The article's address for the moderation queue; default: the page's canonical URL. */
  articleUrl = '';
  /** `lazy`: fetch the list when the element nears the viewport; `eager`: at once. */
  loading: 'lazy' | 'eager' = 'lazy';

  // First of the controllers: a near element's list request leaves before the others read storage.
  private start = new LazyStartController(this, () => this.loading === 'eager', () => (this.answer = this.list.load()));
  /** The first page asked for before the first render, until that render. */
  private answer?: Promise<void>;
  private mine = new MineController(this, (id) => {
    this.list.forget(id);
    this.form.say = this.locale.t('commentDeleted');
  });
  private form = new DraftController(this, this.mine);
  private list = new ListController(this, () => ({ sort: this.sort, limit: this.pageSize }), {
    loaded: (ids) => this.mine.drop(ids),
    failed: (error) => this.emit('rw-error', explain(this.locale, error)),
  });
  private following?: Promise<unknown>;
  private kept = new KeptItems<Comment>();
  private view: CommentView = { locale: this.locale, form: this.form, mine: this.mine };

  /**
   * A section that asked for its list as it connected renders first once the answer is in (or
   * after `HOLD_MS`): the heading, form and list are then laid out and painted in one frame. Drawn
   * first without it, the section's first frame kept the answer waiting 20–30 ms, and the list
   * needed a layout and a frame of its own. Meanwhile the page keeps its place (`:state(holding)`
   * in reading-widget.css, as before the script).
   */
  protected override async scheduleUpdate(): Promise<void> {
    const answer = this.answer;
    this.answer = undefined;
    if (answer && !this.hasUpdated) {
      this.internals.states.add('holding');
      await Promise.race([answer, new Promise((resolve) => setTimeout(resolve, HOLD_MS))]);
      this.internals.states.delete('holding');
    }
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('thread')) {
      this.form.open();
      this.mine.open();
      // The list can answer before the first render (scheduleUpdate): what it lists is no longer pending.
      this.mine.drop(this.list.ids());
    }
    if (changed.has('thread') || changed.has('endpoint')) this.mine.refresh(() => this.list.ids());
    // A near element asked for its list as it connected (lazy-start.ts): asked again only for another list.
    if (this.start.near && this.list.outdated) this.list.load();
  }

  protected override updated(): void {
    // What follows the reader's pending comments while the article is open is a chunk of its own,
    // fetched once they have one: its first question is OUTCOME_POLL_MS away, so nothing waits for it.
    if (this.following || !this.mine.items.some((m) => m.status === 'pending')) return;
    this.following = import('./outcome-controller.js').then(
      ({ OutcomeController }) => {
        new OutcomeController(this, this.mine, this.list, this.form);
        this.requestUpdate();
      },
      () => (this.following = undefined),
    );
  }

  protected override render() {
    const l = this.locale;
    const { phase, total, cursor, items } = this.list;
    const { top, replies, mineUnder, loose } = threadTree(this.list.slices.take(items), this.mine.unlisted);
    const words = wording(l);
    return html`
      <h2 part="heading">${total < 0 ? l.t('commentsHeading') : l.t('commentsCount', { n: total })}</h2>
      <p part="notice">${l.t('commentsNotice')}</p>
      <div part="guidelines">
        <slot name="guidelines">
          <h3>${l.t('guidelinesHeading')}</h3>
          <p>${l.t('guidelinesIntro')}</p>
          <ul>${REASONS.map((reason) => html`<li>${reasonText(l, reason)}</li>`)}</ul>
          <p>${l.t('guidelinesNeverEdited')}</p>
        </slot>
      </div>
      ${this.form.replyTo ? nothing : renderForm(this.form)}
      <section class=${phase === 'ready' ? '' : 'wait'} aria-busy=${phase === 'loading'} aria-labelledby="h">
        <h3 id="h" class="vh">${l.t('commentsHeading')}</h3>
        ${total > 1
          ? html`<label class="sort">${l.t('commentsSort')}
              <select part="sort" @change=${(e: Event) => (this.sort = (e.target as HTMLSelectElement).value === 'oldest' ? 'oldest' : 'newest')}>
                <option value="newest" ?selected=${this.sort !== 'oldest'}>${l.t('commentsSortNewest')}</option>
                <option value="oldest" ?selected=${this.sort === 'oldest'}>${l.t('commentsSortOldest')}</option>
              </select></label
            >`
          : nothing}
        ${loose.length || top.length
          ? html`<ol part="list">
              ${loose.map((m) => renderMine(this.view, m))}${this.kept.map(
                top,
                // A comment with replies, the reader's own, or the one being answered shows more state: always rendered.
                (c) => (replies.has(c.id) || mineUnder.has(c.id) || this.form.replyTo?.id === c.id || this.mine.listedMine(c.id) ? null : words),
                (c) => renderThread(this.view, c, replies.get(c.id), mineUnder.get(c.id)),
              )}
            </ol>`
          : (this.kept.clear(), nothing)}
        ${phase === 'loading'
          ? html`<p>${l.t('commentsLoading')}</p>`
          : phase === 'error'
            ? html`<p part="error" role="alert">${l.t('commentsLoadError')}</p>
                <button part="button" @click=${() => this.list.load(items.length > 0)}>${l.t('commentsRetry')}</button>`
            : total === 0 && !loose.length
              ? html`<p>${l.t('commentsEmpty')}</p>`
              : nothing}
        ${cursor && phase === 'ready'
          ? html`<button part="button load-more" @click=${() => this.list.load(true)}>${l.t('commentsLoadMore')}</button>`
          : nothing}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rw-comments': RwComments;
  }
}
