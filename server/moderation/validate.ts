/** Input checks of the moderation API and of the article context sent with a post. */
import {
  BLOCK_KINDS,
  codePoints,
  CONTROL_CHARACTERS,
  isEmail,
  isReason,
  LIMITS,
  QUEUE_STATUSES,
  REASONS,
  type BlockKind,
  type QueueStatus,
  type Reason,
  type Sort,
} from '../../src/internal/contract.js';
import { parseAddress } from '../client-address.js';
import { checkCommentId, checkPaging, checkThread, isObject, type Checked, type Fields } from '../validate.js';
import type { QueueQuery } from './queue.js';

const done = <T>(fields: Fields, value: T): Checked<T> => (Object.keys(fields).length ? { ok: false, fields } : { ok: true, value });

function optionalText(fields: Fields, body: Record<string, unknown>, name: string, max: number): string | null {
  const raw = body[name];
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return null;
  if (typeof raw !== 'string') fields[name] = `${name} must be a string.`;
  else if (codePoints(raw.trim()) > max) fields[name] = `${name} must be at most ${max} characters.`;
  else if (CONTROL_CHARACTERS.test(raw)) fields[name] = `${name} contains characters that are not allowed.`;
  else return raw.trim();
  return null;
}

/** `articleTitle` and `articleUrl` of a post; a URL must be an absolute http(s) address. */
export function checkArticle(body: Record<string, unknown>): Checked<{ articleTitle: string | null; articleUrl: string | null }> {
  const fields: Fields = {};
  const articleTitle = optionalText(fields, body, 'articleTitle', LIMITS.articleTitle);
  let articleUrl = optionalText(fields, body, 'articleUrl', LIMITS.articleUrl);
  if (articleUrl !== null) {
    let ok = false;
    try {
      ok = /^https?:$/.test(new URL(articleUrl).protocol);
    } catch {
      /* reported below */
    }
    if (!ok) {
      fields.articleUrl = 'articleUrl must be an absolute http or https address.';
      articleUrl = null;
    }
  }
  return done(fields, { articleTitle, articleUrl });
}

/**
 * The article context as the thread will keep it: when the service lists its sites
 * (ALLOWED_ORIGINS), a title and link that do not come with an address on one of them are dropped
 * (the comment itself is kept), so a poster cannot make the moderators' queue and notifications link to a page of theirs.
 */
export function onOurSites<T extends { articleTitle: string | null; articleUrl: string | null }>(article: T, origins: readonly string[]): T {
  if (origins.length === 0 || origins.includes('*')) return article;
  const ours = article.articleUrl !== null && origins.includes(new URL(article.articleUrl).origin);
  return ours ? article : { ...article, articleTitle: null, articleUrl: null };
}

export function checkQueueQuery(query: Record<string, string | undefined>): Checked<QueueQuery> {
  const fields: Fields = {};
  const status = (query.status ?? 'pending') as QueueStatus;
  if (!(QUEUE_STATUSES as readonly string[]).includes(status)) fields.status = `status must be one of ${QUEUE_STATUSES.join(', ')}.`;
  const sort = (query.sort ?? 'oldest') as Sort;
  if (sort !== 'oldest' && sort !== 'newest') fields.sort = 'sort must be "oldest" or "newest".';
  const thread = query.thread ?? null;
  const threadProblem = thread === null ? null : checkThread(thread);
  if (threadProblem) fields.thread = threadProblem;
  const commenterOf = query.commenterOf ?? null;
  if (commenterOf !== null && checkCommentId(commenterOf)) fields.commenterOf = 'commenterOf must be the id of a comment.';
  return done(fields, { status, sort, thread, commenterOf, ...checkPaging(fields, query) });
}

export function checkAuditQuery(query: Record<string, string | undefined>): Checked<{ limit: number; before: number | null; commentId: string | null }> {
  const fields: Fields = {};
  const { limit } = checkPaging(fields, { limit: query.limit });
  const before = query.cursor ? (/^\d{1,18}$/.test(query.cursor) ? Number(query.cursor) : NaN) : null;
  if (Number.isNaN(before)) fields.cursor = 'cursor must be a nextCursor value from a previous page.';
  const commentId = query.commentId ?? null;
  if (commentId !== null && checkCommentId(commentId)) fields.commentId = 'commentId must be the id of a comment.';
  return done(fields, { limit, before, commentId });
}

/** The body of `POST /moderation/decisions`: several comments, one decision. */
export function checkBulk(body: unknown): Checked<{ ids: string[]; decision: 'approve' | 'reject'; reason: Reason | null }> {
  const fields: Fields = {};
  if (!isObject(body)) return { ok: false, fields: { ids: 'Send {ids, decision, reason}.' } };
  const ids = body.ids;
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > LIMITS.bulkDecisions || ids.some((id) => typeof id !== 'string' || checkCommentId(id))) {
    fields.ids = `ids must be an array of 1 to ${LIMITS.bulkDecisions} comment ids.`;
  }
  const decision = body.decision;
  if (decision !== 'approve' && decision !== 'reject') fields.decision = 'decision must be "approve" or "reject".';
  if (decision === 'reject' && !isReason(body.reason)) fields.reason = `A rejection needs a guideline reason: one of ${REASONS.join(', ')}.`;
  const reason = decision === 'reject' && isReason(body.reason) ? body.reason : null;
  return done(fields, { ids: [...new Set(ids as string[])], decision: decision as 'approve' | 'reject', reason });
}

/** A block names its address (`value`), or a comment whose author's address it blocks (`commentId`). */
export function checkBlock(body: unknown): Checked<{ kind: BlockKind; value: string; commentId: string | null; reason: Reason; note: string | null }> {
  if (!isObject(body)) return { ok: false, fields: { kind: 'Send {kind, value or commentId, reason, note?}.' } };
  const fields: Fields = {};
  const kind = body.kind as BlockKind;
  if (!(BLOCK_KINDS as readonly unknown[]).includes(kind)) fields.kind = 'kind must be "email" or "client".';
  const commentId = typeof body.commentId === 'string' && !checkCommentId(body.commentId) ? body.commentId : null;
  if (body.commentId !== undefined && commentId === null) fields.commentId = 'commentId must be the id of a comment.';
  const value = typeof body.value === 'string' ? body.value.trim() : '';
  if (commentId === null && kind === 'email' && !isEmail(value)) fields.value = 'value must be an email address.';
  if (commentId === null && kind === 'client' && parseAddress(value) === null) fields.value = 'value must be an IPv4 or IPv6 address.';
  if (!isReason(body.reason)) fields.reason = `A block needs a guideline reason: one of ${REASONS.join(', ')}.`;
  const note = optionalText(fields, body, 'note', 300);
  return done(fields, { kind, value, commentId, reason: body.reason as Reason, note });
}

export function checkWatchWords(body: unknown): Checked<string[]> {
  const words = isObject(body) ? body.words : undefined;
  const valid =
    Array.isArray(words) &&
    words.length <= LIMITS.watchWords &&
    words.every((w) => typeof w === 'string' && w.trim() !== '' && codePoints(w.trim()) <= LIMITS.watchWord && !CONTROL_CHARACTERS.test(w));
  return valid ? { ok: true, value: words as string[] } : { ok: false, fields: { words: `words must be an array of at most ${LIMITS.watchWords} words of 1 to ${LIMITS.watchWord} characters.` } };
}

export function checkModerator(body: unknown): Checked<{ name: string; email: string | null }> {
  if (!isObject(body)) return { ok: false, fields: { name: 'Send {name, email?}.' } };
  const fields: Fields = {};
  const name = optionalText(fields, body, 'name', LIMITS.moderatorName);
  if (name === null && !fields.name) fields.name = 'name is required.';
  const email = optionalText(fields, body, 'email', LIMITS.email);
  if (email !== null && !isEmail(email)) fields.email = 'email must be a valid address, like name@example.com.';
  return done(fields, { name: name ?? '', email });
}
