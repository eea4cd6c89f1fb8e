import { html, nothing } from 'lit';
import { ApiError } from '../../api.js';
import type { Actor, AuditEntry, Block, Moderator, QueueComment, QueueStatus, Reason, Sort } from '../../internal/contract.js';
import { addDefaults } from '../../i18n.js';
import type { LocaleController } from '../../locale-controller.js';
import { RwElement } from '../../internal/rw-element.js';
import { REASONS } from '../../internal/contract.js';
import comments from '../../locales/en-comments.js';
import moderation from '../../locales/en-moderation.js';
import { session } from '../../kept.js';
import { drawnCheckbox } from '../../styles/checkbox.js';
import { controls, tokens } from '../../styles/tokens.js';
import { reasonText } from '../comments/messages.js';
import { fetchExport, moderationApi, type ExportTarget } from './client.js';
import { renderItem, type ItemHost } from './item.js';
import { renderAudit, renderBlocks, renderModerators, type PanelsHost } from './panels.js';
import { download, exportFileName, renderPortability, type PortabilityHost } from './portability.js';
import { QueueController } from './queue-controller.js';
import { styles } from './moderation.styles.js';

// Moderation shows the guideline names of the comments catalogue and its own messages.
addDefaults({ ...comments, ...moderation });

const TOKEN_KEY = 'rw-moderator-token';

/**
 * The moderators' queue: asks for the administrator token or a moderator's own secret (kept for
 * the tab in sessionStorage), lists comments with their article, the comment a reply answers, the
 * commenter's record and who decided, filtered by article, status and order, new pending ones
 * appearing within 5 s; approves or rejects one or several at once (a rejection needs a chosen
 * guideline reason: there is no default). Also blocks, watch words, the administrator's
 * moderators and the audit. Keyboard-first: the comments form one tab stop; J/K or the arrow keys
 * move between them, X selects, A approves and R rejects with the chosen reason.
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
 * @csspart select - The checkbox that selects a comment for a bulk decision.
 * @csspart article - The link to a comment's article.
 * @csspart parent - The comment a reply answers.
 * @csspart record - The commenter's record.
 * @csspart decided - Who decided, when, and why.
 * @csspart block - The Block this email buttons.
 * @csspart link - Buttons that look like links.
 * @csspart tabs - The views (queue, blocks, moderators, audit).
 * @csspart filters - The filters of the queue.
 * @csspart secret - A new moderator's secret, shown once.
 * @csspart confirm - The confirmation of an erasure.
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
export class RwModeration extends RwElement implements ItemHost, PanelsHost, PortabilityHost {
  static override styles = [tokens, controls, styles, drawnCheckbox('[part~=select]')];
  static override properties = {
    endpoint: {},
    token: { state: true },
    actor: { state: true },
    view: { state: true },
    current: { state: true },
    say: { state: true },
    alarm: { state: true },
    secret: { state: true },
    erasing: { state: true },
  };

  /** Base URL of the comments service. */
  endpoint = '';
  token = session.get(TOKEN_KEY) ?? '';
  /** Who is signed in; null until the service has accepted the token. */
  actor: Actor | null = null;
  view: 'queue' | 'blocks' | 'moderators' | 'audit' | 'data' = 'queue';
  /** Index of the comment that holds the roving tab stop. */
  current = 0;
  say = '';
  alarm = '';
  /** @internal */
  selected = new Set<string>();
  /** @internal */
  reasons = new Map<string, Reason>();
  /** @internal */
  bulkReason: Reason | '' = '';
  /** @internal */
  blocks: Block[] = [];
  /** @internal */
  watchWords: string[] = [];
  /** @internal */
  moderators: Moderator[] = [];
  /** @internal */
  audit: AuditEntry[] = [];
  /** @internal */
  auditCursor: string | null = null;
  secret: { name: string; secret: string } | null = null;
  /** @internal */
  erasing: string | null = null;

  /** @internal */
  readonly queue = new QueueController(this);

  /** @internal The renderers in item.ts and panels.ts read the locale as `l`. */
  get l(): LocaleController {
    return this.locale;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.token) this.signInWith(this.token);
  }

  /** Kept for publishers' code written against the first queue: loads the queue again. */
  refresh(): Promise<void> {
    return this.queue.start();
  }

  private get api() {
    return moderationApi(this.endpoint, this.token);
  }

  /** @internal */
  get items(): QueueComment[] {
    return this.queue.items;
  }

  /** @internal */
  failed(error: unknown) {
    const code = error instanceof ApiError ? error.code : 'network';
    if (code === 'unauthorized') {
      this.signOut();
      this.alarm = this.l.t('moderationBadToken');
    } else this.alarm = error instanceof ApiError && error.status === 422 ? error.message : this.l.t('moderationError');
    this.emit('rw-error', { code, message: this.alarm });
  }

  private async signInWith(token: string) {
    this.token = token;
    this.alarm = '';
    try {
      const actor = await this.api.me();
      if (token !== this.token) return;
      session.set(TOKEN_KEY, token);
      this.actor = actor;
      await this.queue.start();
    } catch (error) {
      this.failed(error);
    }
  }

  signOut(): void {
    session.remove(TOKEN_KEY);
    this.queue.stop();
    this.token = '';
    this.actor = null;
    this.secret = this.erasing = null;
    this.say = this.alarm = '';
  }

  /** @internal */
  focused(index: number) {
    this.current = index;
  }

  /** @internal */
  toggle(id: string) {
    if (!this.selected.delete(id)) this.selected.add(id);
    this.requestUpdate();
  }

  /** @internal */
  async decide(items: QueueComment[], decision: 'approve' | 'reject') {
    const bulk = items.length > 1;
    const reason = decision === 'reject' ? (bulk ? this.bulkReason : this.reasons.get(items[0].id)) || undefined : undefined;
    this.alarm = '';
    if (decision === 'reject' && !reason) {
      this.alarm = this.l.t('moderationReasonNeeded', { author: bulk ? this.l.t('moderationSelected', { n: items.length }) : items[0].author });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(bulk ? '#bulk-reason' : `#r${items[0].id}`)?.focus();
      return;
    }
    const index = this.queue.items.indexOf(items[0]);
    try {
      const { results } = await this.api.decide(items.map((i) => i.id), decision, reason);
      // Decided meanwhile (another moderator, another tab): it leaves the queue all the same.
      this.queue.decided(results.map((r) => r.id));
      for (const r of results) this.selected.delete(r.id);
      const failed = results.filter((r) => !r.ok && r.error?.code !== 'decision-final').length;
      this.say = bulk
        ? this.l.t('moderationBulkDone', { ok: results.length - failed, failed })
        : this.l.t(decision === 'approve' ? 'moderationApproved' : 'moderationRejected', { author: items[0].author });
    } catch (error) {
      return this.failed(error);
    }
    this.current = Math.max(0, Math.min(index, this.queue.items.length - 1));
    await this.updateComplete;
    this.focusCurrent();
  }

  /** @internal */
  commenter(item: QueueComment) {
    this.commenterName = item.author;
    this.queue.setFilter({ commenterOf: item.id, status: 'all', thread: '' });
  }
  private commenterName = '';

  /** @internal */
  async block(item: QueueComment, kind: 'email' | 'client') {
    const reason = this.reasons.get(item.id);
    if (!reason) {
      this.alarm = this.l.t('moderationReasonNeeded', { author: item.author });
      await this.updateComplete;
      return this.renderRoot.querySelector<HTMLElement>(`#r${item.id}`)?.focus();
    }
    await this.addBlock(kind, kind === 'email' ? item.email : { commentId: item.id }, reason);
  }

  /** @internal */
  async addBlock(kind: 'email' | 'client', value: string | { commentId: string }, reason: Reason) {
    this.alarm = '';
    try {
      const block = await this.api.block(kind, value, reason);
      this.say = this.l.t('moderationBlocked', { value: block.value, reason: reasonText(this.l, reason) });
      if (this.view === 'blocks') this.blocks = (await this.api.blocks()).blocks;
    } catch (error) {
      this.failed(error);
    }
  }

  /** @internal */
  async liftBlock(block: Block) {
    try {
      await this.api.unblock(block.id);
      this.blocks = (await this.api.blocks()).blocks;
    } catch (error) {
      this.failed(error);
    }
  }

  /** @internal */
  async saveWatchWords(words: string[]) {
    try {
      this.watchWords = (await this.api.setWatchWords(words)).words;
      this.say = this.l.t('moderationWatchSaved');
    } catch (error) {
      this.failed(error);
    }
  }

  /** @internal */
  async addModerator(name: string, email: string) {
    try {
      const added = await this.api.addModerator(name, email);
      this.secret = { name: added.name, secret: added.secret };
      this.moderators = (await this.api.moderators()).moderators;
    } catch (error) {
      this.failed(error);
    }
  }

  /** @internal */
  async removeModerator(m: Moderator) {
    try {
      await this.api.removeModerator(m.id);
      this.say = this.l.t('moderationModeratorRemoved', { name: m.name });
      this.moderators = (await this.api.moderators()).moderators;
    } catch (error) {
      this.failed(error);
    }
  }

  /** @internal */
  async exportData(target: ExportTarget) {
    this.alarm = '';
    try {
      const file = exportFileName(target);
      download(this.renderRoot, await fetchExport(this.endpoint, this.token, target), file);
      this.say = this.l.t('moderationExported', { file });
    } catch (error) {
      this.failed(error);
    }
  }

  /** @internal */
  async askErase(email: string) {
    this.alarm = this.say = '';
    this.erasing = email;
    await this.updateComplete;
    // The confirmation is the next thing to read and answer.
    this.renderRoot.querySelector<HTMLElement>('#erase-yes')?.focus();
  }

  /** @internal */
  cancelErase() {
    this.erasing = null;
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#ee')?.focus());
  }

  /** @internal */
  async erase(email: string) {
    this.alarm = '';
    try {
      const { erased } = await this.api.erase(email);
      this.erasing = null;
      this.say = this.l.t('moderationErased', { email, n: erased });
      await this.updateComplete;
      const input = this.renderRoot.querySelector<HTMLInputElement>('#ee');
      if (input) {
        input.value = '';
        input.focus();
      }
    } catch (error) {
      this.failed(error);
    }
  }

  /** @internal */
  async moreAudit() {
    try {
      const page = await this.api.audit(this.auditCursor);
      this.audit = [...this.audit, ...page.entries];
      this.auditCursor = page.nextCursor;
    } catch (error) {
      this.failed(error);
    }
  }

  private async show(view: RwModeration['view']) {
    this.view = view;
    this.secret = null;
    this.erasing = null;
    try {
      if (view === 'blocks') [this.blocks, this.watchWords] = await Promise.all([this.api.blocks().then((b) => b.blocks), this.api.watchWords().then((w) => w.words)]);
      if (view === 'moderators') this.moderators = (await this.api.moderators()).moderators;
      if (view === 'audit') {
        this.audit = [];
        this.auditCursor = null;
        await this.moreAudit();
      }
    } catch (error) {
      this.failed(error);
    }
  }

  private focusCurrent() {
    this.renderRoot.querySelector<HTMLElement>('[part~=comment][tabindex="0"]')?.focus();
  }

  /** @internal */
  keydown(event: KeyboardEvent, item: QueueComment, index: number) {
    // Only on the comment itself: letters typed in the reason <select> keep their native meaning.
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    const count = this.queue.items.length;
    const move = { j: 1, arrowdown: 1, k: -1, arrowup: -1, home: -index, end: count } as Record<string, number>;
    if (key in move) {
      this.current = Math.max(0, Math.min(index + move[key], count - 1));
      this.updateComplete.then(() => this.focusCurrent());
    } else if (item.status !== 'pending') return;
    else if (key === 'a') this.decide([item], 'approve');
    else if (key === 'r') this.decide([item], 'reject');
    else if (key === 'x') this.toggle(item.id);
    else return;
    event.preventDefault();
  }

  private signIn(event: Event) {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector('input')!;
    const token = input.value.trim();
    if (token) this.signInWith(token);
  }

  private filters() {
    const l = this.l;
    const q = this.queue;
    const set = (change: Parameters<QueueController['setFilter']>[0]) => {
      this.selected.clear();
      this.current = 0;
      q.setFilter(change);
    };
    const statuses: QueueStatus[] = ['pending', 'approved', 'rejected', 'all'];
    const statusKey = { pending: 'moderationStatusPending', approved: 'moderationStatusApproved', rejected: 'moderationStatusRejected', all: 'moderationStatusAll' } as const;
    return html`<div part="filters" class="filters">
      <span class="control"><label part="label" for="fs">${l.t('moderationFilterStatus')}</label>
        <select part="input" id="fs" @change=${(e: Event) => set({ status: (e.target as HTMLSelectElement).value as QueueStatus })}>
          ${statuses.map((s) => html`<option value=${s} ?selected=${q.filter.status === s}>${l.t(statusKey[s])}</option>`)}
        </select></span>
      <span class="control"><label part="label" for="ft">${l.t('moderationFilterThread')}</label>
        <select part="input" id="ft" @change=${(e: Event) => set({ thread: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!q.filter.thread}>${l.t('moderationFilterAllThreads')}</option>
          ${q.threads.map((t) => html`<option value=${t.thread} ?selected=${q.filter.thread === t.thread}>${l.t('moderationThreadPending', { title: t.title || t.thread, n: t.pending })}</option>`)}
        </select></span>
      <span class="control"><label part="label" for="fo">${l.t('moderationFilterSort')}</label>
        <select part="input" id="fo" @change=${(e: Event) => set({ sort: (e.target as HTMLSelectElement).value as Sort })}>
          <option value="oldest" ?selected=${q.filter.sort === 'oldest'}>${l.t('moderationOldest')}</option>
          <option value="newest" ?selected=${q.filter.sort === 'newest'}>${l.t('moderationNewest')}</option>
        </select></span>
      ${q.filter.commenterOf
        ? html`<span>${l.t('moderationCommenterFilter', { author: this.commenterName })}</span>
            <button part="button" @click=${() => set({ commenterOf: '', status: 'pending' })}>${l.t('moderationClearCommenter')}</button>`
        : nothing}
    </div>`;
  }

  private bulkBar() {
    const l = this.l;
    const chosen = this.queue.items.filter((i) => this.selected.has(i.id));
    if (!chosen.length) return nothing;
    return html`<div class="actions bulk" role="group" aria-label=${l.t('moderationSelected', { n: chosen.length })}>
      <span>${l.t('moderationSelected', { n: chosen.length })}</span>
      <button part="button approve" class="primary" @click=${() => this.decide(chosen, 'approve')}>${l.t('moderationApproveSelected')}</button>
      <label part="label" for="bulk-reason">${l.t('moderationReason')}</label>
      <select part="reason" id="bulk-reason" required @change=${(e: Event) => (this.bulkReason = (e.target as HTMLSelectElement).value as Reason)}>
        <option value="" ?selected=${!this.bulkReason}>${l.t('moderationChooseReason')}</option>
        ${REASONS.map((r) => html`<option value=${r} ?selected=${this.bulkReason === r}>${reasonText(l, r)}</option>`)}
      </select>
      <button part="button reject" @click=${() => this.decide(chosen, 'reject')}>${l.t('moderationRejectSelected')}</button>
    </div>`;
  }

  private queueView() {
    const l = this.l;
    const q = this.queue;
    if (!q.loaded) return nothing;
    return html`${this.filters()}
      <p part="hint">${l.t('moderationKeys')}</p>
      <p>${q.filter.status === 'pending' && !q.filter.thread && !q.filter.commenterOf
        ? l.t('moderationPendingCount', { n: q.total })
        : l.t('moderationShowing', { shown: q.items.length, n: q.total })}</p>
      ${this.bulkBar()}
      ${q.items.length
        ? html`<ol part="list">${q.slices.take(q.items).map((item, index) => renderItem(this, item, index))}</ol>`
        : html`<p>${l.t('moderationEmpty')}</p>`}
      ${q.nextCursor ? html`<button part="button" @click=${() => q.more().catch((e) => this.failed(e))}>${l.t('moderationMore')}</button>` : nothing}`;
  }

  protected override render() {
    const l = this.l;
    const alarm = html`<p part="error" role="alert" id="error">${this.alarm}</p>`;
    if (!this.token || !this.actor) {
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
    const views = [
      ['queue', 'moderationTabQueue'],
      ['blocks', 'moderationTabBlocks'],
      ...(this.actor.role === 'admin' ? [['moderators', 'moderationTabModerators']] : []),
      ['audit', 'moderationTabAudit'],
      // The service refuses exports and erasures to moderators; they do not see the view at all.
      ...(this.actor.role === 'admin' ? [['data', 'moderationTabData']] : []),
    ] as [RwModeration['view'], Parameters<LocaleController['t']>[0]][];
    return html`
      <div class="bar">
        <h2 part="heading">${l.t('moderationHeading')}</h2>
        <span>${l.t('moderationSignedInAs', { name: this.actor.name })}</span>
        <button part="button" @click=${() => this.refresh()}>${l.t('moderationRefresh')}</button>
        <button part="button" @click=${() => this.signOut()}>${l.t('moderationSignOut')}</button>
      </div>
      <nav part="tabs" class="actions" aria-label=${l.t('moderationHeading')}>
        ${views.map(([v, key]) => html`<button part="button" aria-current=${this.view === v ? 'page' : 'false'} @click=${() => this.show(v)}>${l.t(key)}</button>`)}
      </nav>
      <p part="status" role="status">${this.say}</p>
      ${alarm}
      ${this.view === 'queue' ? this.queueView() : this.view === 'blocks' ? renderBlocks(this) : this.view === 'moderators' ? renderModerators(this) : this.view === 'data' ? renderPortability(this) : renderAudit(this)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rw-moderation': RwModeration;
  }
}
