import { html, nothing } from 'lit';
import { REASONS, type QueueComment, type Reason } from '../../internal/contract.js';
import { commentTime as time } from '../../english-date-time.js';
import type { LocaleController } from '../../locale-controller.js';
import { safeUrl } from '../article/safe-url.js';
import { reasonText } from '../comments/messages.js';
import { markWords } from './marks.js';

/** What one queue item needs from its element. */
export interface ItemHost {
  l: LocaleController;
  current: number;
  selected: Set<string>;
  reasons: Map<string, Reason>;
  keydown(event: KeyboardEvent, item: QueueComment, index: number): void;
  focused(index: number): void;
  toggle(id: string): void;
  decide(items: QueueComment[], decision: 'approve' | 'reject'): void;
  commenter(item: QueueComment): void;
  block(item: QueueComment, kind: 'email' | 'client'): void;
}

export const KEYS = 'J K ArrowDown ArrowUp A R X';

function decidedLine(l: LocaleController, item: QueueComment) {
  if (item.status === 'pending' || !item.decidedBy || !item.decidedAt) return nothing;
  const status = l.t(item.status === 'approved' ? 'moderationStatusApproved' : 'moderationStatusRejected');
  const values = { status, name: item.decidedBy, time: time(l, item.decidedAt) };
  return html`<p part="decided">${item.reason
    ? l.t('moderationDecidedByReason', { ...values, reason: reasonText(l, item.reason) })
    : l.t('moderationDecidedBy', values)}</p>`;
}

/** Watch words as text inside <mark>, never as HTML. */
const marked = (l: LocaleController, text: string, words: string[]) =>
  markWords(text, words).map((piece) => (piece.mark ? html`<mark title=${l.t('moderationWatchWord')}>${piece.text}</mark>` : piece.text));

export function renderItem(host: ItemHost, item: QueueComment, index: number) {
  const l = host.l;
  const id = item.id;
  const href = item.threadUrl ? safeUrl(item.threadUrl) : undefined;
  const title = item.threadTitle || item.thread;
  const record = item.commenter;
  return html`<li>
    <article part="comment" tabindex=${index === host.current ? 0 : -1} aria-labelledby=${'a' + id} aria-keyshortcuts=${KEYS} data-id=${id}
      @keydown=${(e: KeyboardEvent) => host.keydown(e, item, index)} @focus=${() => host.focused(index)}>
      <p part="meta">
        ${item.status === 'pending'
          ? html`<input part="select" type="checkbox" .checked=${host.selected.has(id)} @change=${() => host.toggle(id)}
              aria-label=${l.t('moderationSelect', { author: item.author })} />`
          : nothing}
        <span class="where">${l.t('moderationArticle')}: ${href ? html`<a part="article" href=${href} dir="auto">${title}</a>` : html`<span dir="auto">${title}</span>`}</span>
        <b id=${'a' + id} dir="auto">${item.author}</b> <span class="email">&lt;${item.email}&gt;</span>
        <time datetime=${item.createdAt}>${time(l, item.createdAt)}</time>
      </p>
      ${item.parent
        ? html`<blockquote part="parent"><p>${l.t('moderationReplyTo', { author: item.parent.author })}</p><p dir="auto">${item.parent.text}</p></blockquote>`
        : nothing}
      <p part="text" dir="auto">${marked(l, item.text, item.watchWords)}</p>
      <p part="record">
        <span>${l.t('moderationRecord', { approved: record.approved, rejected: record.rejected, pending: record.pending })}</span>
        <button part="button link" class="link" @click=${() => host.commenter(item)}>${l.t('moderationTheirComments', { author: item.author })}</button>
      </p>
      ${decidedLine(l, item)}
      ${item.status === 'pending'
        ? html`<div class="actions">
            <button part="button approve" class="primary" aria-keyshortcuts="A" @click=${() => host.decide([item], 'approve')}>
              ${l.t('moderationApprove')} <kbd>A</kbd>
            </button>
            <label part="label" for=${'r' + id}>${l.t('moderationReason')}</label>
            <select part="reason" id=${'r' + id} required @change=${(e: Event) => host.reasons.set(id, (e.target as HTMLSelectElement).value as Reason)}>
              <option value="" ?selected=${!host.reasons.has(id)}>${l.t('moderationChooseReason')}</option>
              ${REASONS.map((reason) => html`<option value=${reason} ?selected=${host.reasons.get(id) === reason}>${reasonText(l, reason)}</option>`)}
            </select>
            <button part="button reject" aria-keyshortcuts="R" @click=${() => host.decide([item], 'reject')}>${l.t('moderationReject')} <kbd>R</kbd></button>
            <button part="button block" @click=${() => host.block(item, 'email')}>${l.t('moderationBlockEmail')}</button>
            <button part="button block" @click=${() => host.block(item, 'client')}>${l.t('moderationBlockClient')}</button>
          </div>`
        : nothing}
    </article>
  </li>`;
}
