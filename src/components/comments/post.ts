import { api, ApiError, type NewComment } from '../../api.js';
import { emit } from '../../events.js';
import { articleContext } from './article-context.js';
import type { DraftController } from './draft-controller.js';
import { clearDraft, newKey } from './draft.js';
import { explain } from './messages.js';
import { rememberReader } from './reader.js';
import { check, FIELDS, type Field } from './validate.js';

/**
 * Posting the form's draft: the same checks as the service, the request with the draft's
 * Idempotency-Key, and what the form says after it. A chunk of its own in the script-tag bundle,
 * fetched as soon as the reader starts writing (DraftController.prepare): a page that is only read
 * never downloads it.
 */
export async function post(form: DraftController, honeypot: string): Promise<void> {
  const { host, draft, locale } = form;
  const errors: Partial<Record<Field, string>> = {};
  for (const field of FIELDS) {
    const problem = check(field, draft[field], locale);
    if (problem) errors[field] = problem;
  }
  form.tell({ errors, alarm: '' });
  if (await focusInvalid(form)) return;
  const parentId = form.replyTo?.id;
  const comment: NewComment = { author: draft.author.trim(), email: draft.email.trim(), text: draft.text.trim() };
  if (parentId) comment.parentId = parentId;
  Object.assign(comment, articleContext(host));
  if (honeypot) comment.website = honeypot;
  if (emit(host, 'rw-comment-submit', { thread: host.thread, comment }, true).defaultPrevented) return;
  const body = JSON.stringify(comment);
  if (draft.sent && draft.sent !== body) draft.key = newKey();
  draft.sent = body;
  // Saved BEFORE the request: if its answer is lost, a reload retries with the same key.
  form.save();
  const thread = host.thread;
  form.tell({ busy: true, say: locale.t('formSubmitting') });
  try {
    const posted = await api.post(host.endpoint, thread, comment, draft.key);
    clearDraft(thread);
    if (form.remember) rememberReader({ author: comment.author, email: comment.email });
    if (thread !== host.thread) return;
    form.mine.add({
      id: posted.id,
      token: posted.token,
      status: posted.status,
      author: comment.author,
      text: comment.text,
      parentId: parentId ?? null,
      createdAt: new Date().toISOString(),
    });
    // The name and email stay in the form for this page; only "Remember me" keeps them in storage.
    form.restart({ author: draft.author, email: draft.email, text: '', key: newKey() });
    form.tell({ replyTo: null, say: '', thanked: true });
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
      form.tell({ say: '', errors: mapped });
      void focusInvalid(form);
    } else form.tell({ say: '', alarm: message });
  } finally {
    form.tell({ busy: false });
  }
}

async function focusInvalid(form: DraftController): Promise<boolean> {
  await form.host.updateComplete;
  const field = form.host.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]');
  field?.focus();
  return !!field;
}
