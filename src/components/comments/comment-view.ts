import { html, nothing, type TemplateResult } from 'lit';
import type { Comment } from '../../api.js';
import type { LocaleController } from '../../locale-controller.js';
import type { DraftController } from './draft-controller.js';
import { renderForm } from './form.js';
import { reasonText } from './messages.js';
import type { MineController } from './mine-controller.js';
import type { Mine } from './pending.js';
import { shown } from './shown.js';

/** What the comment templates read: the language, the form (for replies) and the reader's own comments. */
export interface CommentView {
  locale: LocaleController;
  form: DraftController;
  mine: MineController;
}

/** One comment; its text and author are always rendered as text. */
function article(view: CommentView, c: Comment, tail: unknown, part = 'comment') {
  return html`<article part=${part} dir="auto" tabindex="-1" data-id=${c.id}>
    <b part="author">${c.author}</b>
    <time part="date" datetime=${c.createdAt}>${shown(view.locale, c).date}</time>
    <p part="text">${c.text}</p>
    ${tail}
  </article>`;
}

/** "Delete my comment", and why it failed if it did. */
function deleteButton(view: CommentView, m: Mine) {
  const deleting = view.mine.deleting.get(m.id);
  return html`<button part="button" ?disabled=${deleting === 'busy'} @click=${() => view.mine.remove(m)}>${view.locale.t('commentDelete')}</button>
    ${deleting === 'failed' ? html`<p part="error" role="alert">${view.locale.t('commentDeleteFailed')}</p>` : nothing}`;
}

/** The reader's own comment, with its moderation state. */
export function renderMine(view: CommentView, m: Mine): TemplateResult {
  const l = view.locale;
  const status =
    m.status === 'rejected'
      ? m.reason
        ? l.t('statusRejectedReason', { reason: reasonText(l, m.reason) })
        : l.t('statusRejected')
      : l.t(m.status === 'approved' ? 'statusApproved' : 'statusPending');
  return html`<li>
    ${article(
      view,
      m,
      html`<p part="status" class=${m.status}>${status}</p>
        ${m.status === 'rejected'
          ? html`<button part="button" @click=${() => view.mine.dismiss(m)}>${l.t('commentDismiss')}</button>`
          : deleteButton(view, m)}`,
      'comment mine',
    )}
  </li>`;
}

/**
 * A top-level comment with its Reply button, the reply form when open, its replies and the
 * reader's own replies. An erased comment that others replied to keeps its place as "a removed
 * comment": no author, no date, no Reply button (the service refuses replies to it).
 */
export function renderThread(view: CommentView, c: Comment, replies: Comment[] = [], mine: Mine[] = []): TemplateResult {
  const { locale: l, form } = view;
  const open = form.replyTo?.id === c.id;
  const own = c.removed ? undefined : view.mine.listedMine(c.id);
  return html`<li>
    ${c.removed
      ? html`<article part="comment" class="removed" dir="auto" tabindex="-1" data-id=${c.id}><p part="text">${l.t('commentRemoved')}</p></article>`
      : article(
          view,
          c,
          html`${c.parentId
            ? nothing
            : html`<button part="button reply" aria-expanded=${open} aria-label=${shown(l, c).replyLabel}
                @click=${() => form.reply(open ? null : c)}>${l.t('commentReply')}</button>`}
            ${own ? deleteButton(view, own) : nothing}`,
        )}
    ${open ? renderForm(form) : nothing}
    ${replies.length || mine.length
      ? html`<ol part="list">${replies.map((r) => renderThread(view, r))}${mine.map((m) => renderMine(view, m))}</ol>`
      : nothing}
  </li>`;
}
