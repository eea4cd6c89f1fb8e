/**
 * The moderation answers checked at the client's edge, as src/internal/answers.ts checks the
 * readers' ones: what is malformed is dropped, what is missing entirely is an `invalid-answer`.
 */
import { count, InvalidAnswer, isDate, isObject, list, moderated, object, text } from '../../internal/answers.js';
import {
  AUDIT_ACTIONS,
  BLOCK_KINDS,
  isReason,
  isStatus,
  LIMITS,
  QUEUE_STATUSES,
  type Actor,
  type AuditEntry,
  type Block,
  type BulkResult,
  type Erasure,
  type Moderator,
  type QueueComment,
  type QueuePage,
  type QueueThread,
} from '../../internal/contract.js';

const TITLE = LIMITS.articleTitle;
const optional = (value: unknown, max: number) => (text(value, max) ? value : null);
const words = (value: unknown) => (Array.isArray(value) ? value.filter((w): w is string => text(w, LIMITS.watchWord)).slice(0, LIMITS.watchWords) : []);

function queueComment(value: unknown): QueueComment | null {
  const base = moderated(value);
  if (!base || !isObject(value)) return null;
  const parent = isObject(value.parent) && text(value.parent.id, LIMITS.commentId) && text(value.parent.author, LIMITS.author) && text(value.parent.text, LIMITS.text)
    ? { id: value.parent.id, author: value.parent.author, text: value.parent.text }
    : null;
  const record = isObject(value.commenter) ? value.commenter : {};
  const n = (v: unknown) => (count(v) ? v : 0);
  return {
    ...base,
    threadTitle: optional(value.threadTitle, TITLE),
    threadUrl: optional(value.threadUrl, LIMITS.articleUrl),
    parent,
    commenter: { approved: n(record.approved), rejected: n(record.rejected), pending: n(record.pending) },
    decidedBy: optional(value.decidedBy, LIMITS.moderatorName + 40),
    decidedAt: isDate(value.decidedAt) ? value.decidedAt : null,
    watchWords: words(value.watchWords),
  };
}

export function queuePage(value: unknown): QueuePage {
  const page = object(value, 'queue');
  const comments = list(page.comments, 'queue', LIMITS.pageSize).flatMap((c) => queueComment(c) ?? []);
  return {
    status: (QUEUE_STATUSES as readonly unknown[]).includes(page.status) ? (page.status as QueuePage['status']) : 'pending',
    total: count(page.total) ? Math.max(page.total, comments.length) : comments.length,
    comments,
    nextCursor: text(page.nextCursor, LIMITS.cursor) && page.nextCursor ? page.nextCursor : null,
  };
}

export function actor(value: unknown): Actor {
  const a = object(value, 'me');
  if (!text(a.id, 100) || !text(a.name, LIMITS.moderatorName + 40) || (a.role !== 'admin' && a.role !== 'moderator')) throw new InvalidAnswer('me: no id, name or role');
  return { id: a.id, name: a.name, role: a.role };
}

export function threads(value: unknown): { threads: QueueThread[] } {
  const rows = list(object(value, 'threads').threads, 'threads', 500);
  return {
    threads: rows.flatMap((t) =>
      isObject(t) && text(t.thread, LIMITS.thread) && count(t.pending)
        ? [{ thread: t.thread, title: optional(t.title, TITLE), url: optional(t.url, LIMITS.articleUrl), pending: t.pending }]
        : [],
    ),
  };
}

export function bulk(value: unknown): { results: BulkResult[] } {
  const rows = list(object(value, 'decisions').results, 'decisions', LIMITS.bulkDecisions);
  return {
    results: rows.flatMap((r): BulkResult[] =>
      isObject(r) && text(r.id, LIMITS.commentId)
        ? [{
            id: r.id,
            ok: r.ok === true,
            ...(isStatus(r.status) ? { status: r.status } : {}),
            ...(isReason(r.reason) ? { reason: r.reason } : {}),
            ...(isObject(r.error) && typeof r.error.code === 'string' ? { error: { code: r.error.code as never, message: String(r.error.message ?? '') } } : {}),
          }]
        : [],
    ),
  };
}

export function audit(value: unknown): { entries: AuditEntry[]; nextCursor: string | null } {
  const page = object(value, 'audit');
  const entries = list(page.entries, 'audit', LIMITS.pageSize).flatMap((e): AuditEntry[] =>
    isObject(e) && count(e.seq) && isDate(e.at) && text(e.actorId, 100) && text(e.actorName, 200) && (AUDIT_ACTIONS as readonly unknown[]).includes(e.action)
      ? [{
          seq: e.seq,
          at: e.at,
          actorId: e.actorId,
          actorName: e.actorName,
          action: e.action as AuditEntry['action'],
          commentId: optional(e.commentId, LIMITS.commentId),
          reason: isReason(e.reason) ? e.reason : null,
          detail: optional(e.detail, LIMITS.watchWords * (LIMITS.watchWord + 2)),
        }]
      : [],
  );
  return { entries, nextCursor: text(page.nextCursor, 30) && page.nextCursor ? page.nextCursor : null };
}

function block(value: unknown): Block | null {
  if (!isObject(value) || !text(value.id, 100) || !(BLOCK_KINDS as readonly unknown[]).includes(value.kind) || !text(value.value, LIMITS.email)) return null;
  if (!isReason(value.reason) || !isDate(value.createdAt) || !text(value.createdBy, 200)) return null;
  return { id: value.id, kind: value.kind as Block['kind'], value: value.value, reason: value.reason, note: optional(value.note, 300), createdAt: value.createdAt, createdBy: value.createdBy };
}
export const blocks = (value: unknown) => ({ blocks: list(object(value, 'blocks').blocks, 'blocks', 10_000).flatMap((b) => block(b) ?? []) });
export function oneBlock(value: unknown): Block {
  const b = block(value);
  if (!b) throw new InvalidAnswer('block: malformed');
  return b;
}

export const watchWords = (value: unknown) => ({ words: words(object(value, 'watch words').words) });

function moderator(value: unknown): Moderator | null {
  if (!isObject(value) || !text(value.id, 100) || !text(value.name, LIMITS.moderatorName) || !isDate(value.createdAt)) return null;
  return { id: value.id, name: value.name, email: optional(value.email, LIMITS.email), createdAt: value.createdAt };
}
export const moderators = (value: unknown) => ({ moderators: list(object(value, 'moderators').moderators, 'moderators', 10_000).flatMap((m) => moderator(m) ?? []) });
export function added(value: unknown): Moderator & { secret: string } {
  const m = moderator(value);
  const secret = isObject(value) ? value.secret : null;
  if (!m || !text(secret, 200) || !secret) throw new InvalidAnswer('moderator: no secret');
  return { ...m, secret };
}

export function erasure(value: unknown): Erasure {
  const o = object(value, 'erasure');
  if (!count(o.erased)) throw new InvalidAnswer('erasure: no count');
  return { erased: o.erased, threads: Array.isArray(o.threads) ? o.threads.filter((t): t is string => text(t, LIMITS.thread)) : [] };
}
