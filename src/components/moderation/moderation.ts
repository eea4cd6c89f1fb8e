import { html } from 'lit';
import { api, ApiError, type PendingComment } from '../../api.js';
import { REASONS, type Reason } from '../../internal/contract.js';
import { addDefaults } from '../../i18n.js';
import { RwElement } from '../../internal/rw-element.js';
import { Slices } from '../../internal/slices.js';
import comments from '../../locales/en-comments.js';
import moderation from '../../locales/en-moderation.js';
import { session } from '../../storage.js';
import { controls, tokens } from '../../styles/tokens.js';
import { reasonText } from '../comments/messages.js';
import { styles } from './moderation.styles.js';

// Moderation shows the guideline names of the comments catalogue and its own messages.
addDefaults({ ...comments, ...moderation });

const TOKEN_KEY = 'rw-moderator-token';

/**
 * The moderators' queue: asks for the moderator token (kept for the tab in sessionStorage), lists
 * the pending comments oldest first with thread, author, email, date and text, and approves or
 * rejects each one with a guideline reason. Keyboard-first: the comments form one tab stop;
 * J/K or the arrow keys move between them, A approves and R rejects with the chosen reason.
 *
 * @tag rw-moderation
 * @attr endpoint - Base URL of the comments service, e.g. `/api`.
 * @attr theme - `light`, `dark` or `auto`.
 *
 * @csspart heading - The heading.
 * @csspart form - The token form.
 * @csspart field - The token field.
 * @csspart label - Labels (token, reason).
 * @csspart input - The token input.
 * @csspart error - A failure message.
 * @csspart status - The polite announcement after each decision.
 * @csspart hint - The keyboard help.
 * @csspart list - The queue.
 * @csspart comment - One pending comment (focusable; the roving tab stop).
 * @csspart meta - Thread, author, email and date of a comment.
 * @csspart text - A comment's text, shown as text.
 * @csspart reason - The reason `<select>`.
 * @csspart button - Every button.
 * @csspart approve - The Approve buttons.
 * @csspart reject - The Reject buttons.
 * @csspart submit - The Sign in button.
 *
 * @cssprop --rw-font-ui - UI font.
 * @cssprop --rw-font-body - Font of the comments' text.
 * @cssprop --rw-color-text - Text colour.
 * @cssprop --rw-color-muted - Meta information.
 * @cssprop --rw-color-accent - Approve button.
 * @cssprop --rw-color-on-accent - Text on the accent colour.
 * @cssprop --rw-color-surface - Control background.
 * @cssprop --rw-color-subtle - Background of the focused comment.
 * @cssprop --rw-color-border - Borders.
 * @cssprop --rw-color-danger - Errors.
 * @cssprop --rw-color-focus - Focus ring.
 * @cssprop --rw-space - Spacing unit.
 * @cssprop --rw-radius - Corner radius.
 * @cssprop --rw-font-headline - Shared token (not used by this element).
 * @cssprop --rw-measure - Shared token (not used by this element).
 *
 * @fires rw-error - A request failed: `detail: {code, message}`.
 */
export class RwModeration extends RwElement {
  static override styles = [tokens, controls, styles];
  static override properties = {
    endpoint: {},
    token: { state: true },
    items: { state: true },
    current: { state: true },
    say: { state: true },
    alarm: { state: true },
  };

  /** Base URL of the comments service. */
  endpoint = '';
  private token = session.get(TOKEN_KEY) ?? '';
  // The pending comments, oldest first; null while loading.
  private items: PendingComment[] | null = null;
  // Index of the comment that holds the roving tab stop.
  private current = 0;
  private say = '';
  private alarm = '';
  private reasons = new Map<string, Reason>();
  private slices = new Slices(this);

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.token) this.refresh();
  }

  private failed(error: unknown) {
    const code = error instanceof ApiError ? error.code : 'network';
    if (code === 'unauthorized') {
      this.signOut();
      this.alarm = this.locale.t('moderationBadToken');
    } else this.alarm = this.locale.t('moderationError');
    this.emit('rw-error', { code, message: this.alarm });
  }

  /** Loads the queue again (also checks the token). */
  async refresh(): Promise<void> {
    const token = this.token;
    this.alarm = '';
    try {
      const { comments } = await api.queue(this.endpoint, token);
      if (token !== this.token) return;
      session.set(TOKEN_KEY, token);
      this.items = comments;
      this.slices.from();
      this.current = Math.min(this.current, Math.max(comments.length - 1, 0));
    } catch (error) {
      this.failed(error);
    }
  }

  signOut(): void {
    session.remove(TOKEN_KEY);
    this.token = '';
    this.items = null;
    this.say = this.alarm = '';
  }

  private async decide(item: PendingComment, decision: 'approve' | 'reject') {
    const reason = decision === 'reject' ? (this.reasons.get(item.id) ?? REASONS[0]) : undefined;
    this.alarm = '';
    try {
      await api.decide(this.endpoint, this.token, item.id, decision, reason);
    } catch (error) {
      // Decided meanwhile (another moderator, another tab): it leaves the queue all the same.
      if (!(error instanceof ApiError && (error.code === 'not-found' || error.status === 409))) return this.failed(error);
    }
    const index = this.items!.indexOf(item);
    this.items = this.items!.filter((other) => other !== item);
    this.current = Math.min(index, this.items.length - 1);
    this.say = this.locale.t(decision === 'approve' ? 'moderationApproved' : 'moderationRejected', { author: item.author });
    await this.updateComplete;
    this.focusCurrent();
  }

  private focusCurrent() {
    this.renderRoot.querySelector<HTMLElement>('[part~=comment][tabindex="0"]')?.focus();
  }

  private keydown(event: KeyboardEvent, item: PendingComment, index: number) {
    // Only on the comment itself: letters typed in the reason <select> keep their native meaning.
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    const move = { j: 1, arrowdown: 1, k: -1, arrowup: -1, home: -index, end: this.items!.length } as Record<string, number>;
    if (key in move) {
      this.current = Math.max(0, Math.min(index + move[key], this.items!.length - 1));
      this.updateComplete.then(() => this.focusCurrent());
    } else if (key === 'a') this.decide(item, 'approve');
    else if (key === 'r') this.decide(item, 'reject');
    else return;
    event.preventDefault();
  }

  private signIn(event: Event) {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector('input')!;
    this.token = input.value.trim();
    if (this.token) this.refresh();
  }

  private item(item: PendingComment, index: number) {
    const l = this.locale;
    const id = item.id;
    return html`<li>
      <article part="comment" tabindex=${index === this.current ? 0 : -1} aria-labelledby=${'a' + id}
        @keydown=${(e: KeyboardEvent) => this.keydown(e, item, index)} @focus=${() => (this.current = index)}>
        <p part="meta">
          <span>${l.t('moderationThread')}: <code>${item.thread}</code></span>
          <b id=${'a' + id} dir="auto">${item.author}</b> <span>&lt;${item.email}&gt;</span>
          <time datetime=${item.createdAt}>${l.date(item.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
        </p>
        <p part="text" dir="auto">${item.text}</p>
        <div class="actions">
          <button part="button approve" class="primary" @click=${() => this.decide(item, 'approve')}>${l.t('moderationApprove')}</button>
          <label part="label" for=${'r' + id}>${l.t('moderationReason')}</label>
          <select part="reason" id=${'r' + id} @change=${(e: Event) => this.reasons.set(id, (e.target as HTMLSelectElement).value as Reason)}>
            ${REASONS.map((reason) => html`<option value=${reason} ?selected=${this.reasons.get(id) === reason}>${reasonText(l, reason)}</option>`)}
          </select>
          <button part="button reject" @click=${() => this.decide(item, 'reject')}>${l.t('moderationReject')}</button>
        </div>
      </article>
    </li>`;
  }

  protected override render() {
    const l = this.locale;
    const alarm = html`<p part="error" role="alert" id="error">${this.alarm}</p>`;
    if (!this.token || !this.items) {
      return html`<form part="form" @submit=${this.signIn}>
        <h2 part="heading">${l.t('moderationHeading')}</h2>
        <div part="field">
          <label part="label" for="token">${l.t('moderationToken')}</label>
          <input part="input" id="token" type="password" autocomplete="current-password" required
            aria-invalid=${!!this.alarm} aria-describedby="error" .value=${this.token} />
        </div>
        ${alarm}
        <button part="button submit" class="primary">${l.t('moderationSignIn')}</button>
      </form>`;
    }
    return html`
      <div class="bar">
        <h2 part="heading">${l.t('moderationHeading')}</h2>
        <p>${l.t('moderationPendingCount', { n: this.items.length })}</p>
        <button part="button" @click=${() => this.refresh()}>${l.t('moderationRefresh')}</button>
        <button part="button" @click=${() => this.signOut()}>${l.t('moderationSignOut')}</button>
      </div>
      <p part="hint">${l.t('moderationKeys')}</p>
      <p part="status" role="status">${this.say}</p>
      ${alarm}
      ${this.items.length
        ? html`<ol part="list">${this.slices.take(this.items).map((item, index) => this.item(item, index))}</ol>`
        : html`<p>${l.t('moderationEmpty')}</p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rw-moderation': RwModeration;
  }
}
