/**
 * The client's edge: every answer of the comments service is checked against the contract's
 * shapes and limits before an element sees it. A broken or hostile service must never make an
 * element throw while rendering, so what is malformed is dropped (one bad comment, not the list)
 * and what is missing entirely becomes an `invalid-answer` error.
 */
import {
  codePoints,
  isReason,
  isStatus,
  LIMITS,
  type CommentPage,
  type CountsAnswer,
  type Decision,
  type DeletedAnswer,
  type ModeratedComment,
  type PostedComment,
  type PublicComment,
  type StatusAnswer,
} from './contract.js';

/** Thrown when an answer lacks what every answer of its kind must have. */
export class InvalidAnswer extends Error {
  override name = 'InvalidAnswer';
}

type Json = Record<string, unknown>;
export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
export const text = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max * 2 && codePoints(value) <= max;
export const isDate = (value: unknown): value is string => typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));
export const count = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

export function object(value: unknown, what: string): Json {
  if (!isObject(value)) throw new InvalidAnswer(`${what}: not an object`);
  return value;
}

export function list(value: unknown, what: string, max: number): unknown[] {
  if (!Array.isArray(value)) throw new InvalidAnswer(`${what}: comments is not a list`);
  // Bounded before anything else is looked at: 10,000 entries cost no more than the first few.
  return value.slice(0, max);
}

function publicComment(value: unknown): PublicComment | null {
  if (!isObject(value)) return null;
  const { id, parentId, author, text: body, createdAt } = value;
  if (!text(id, LIMITS.commentId) || !id) return null;
  if (parentId != null && !text(parentId, LIMITS.commentId)) return null;
  if (!text(author, LIMITS.author) || !text(body, LIMITS.text) || !isDate(createdAt)) return null;
  const comment: PublicComment = { id, parentId: (parentId as string | null | undefined) ?? null, author, text: body, createdAt };
  // The place of a comment erased on request, kept for the replies others wrote to it.
  if (value.removed === true) comment.removed = true;
  return comment;
}

const cursor = (value: unknown) => (text(value, LIMITS.cursor) && value ? value : null);

export function commentPage(value: unknown): CommentPage {
  const page = object(value, 'comment page');
  const comments = list(page.comments, 'comment page', LIMITS.answerComments).flatMap((c) => publicComment(c) ?? []);
  return {
    thread: typeof page.thread === 'string' ? page.thread : '',
    // A wrong total is not worth losing the list over: what arrived is the least there is.
    total: count(page.total) ? Math.max(page.total, comments.length) : comments.length,
    comments,
    nextCursor: cursor(page.nextCursor),
  };
}

export function posted(value: unknown): PostedComment {
  const answer = object(value, 'posted comment');
  if (!text(answer.id, LIMITS.commentId) || !answer.id || typeof answer.token !== 'string' || answer.token.length > 1000) {
    throw new InvalidAnswer('posted comment: no id or token');
  }
  return { id: answer.id, token: answer.token, status: 'pending' };
}

export function deleted(value: unknown): DeletedAnswer {
  const answer = object(value, 'deleted comment');
  if (!text(answer.id, LIMITS.commentId) || answer.deleted !== true) throw new InvalidAnswer('deleted comment: no id or not deleted');
  return { id: answer.id, deleted: true };
}

export function status(value: unknown): StatusAnswer {
  const answer = object(value, 'status');
  if (!isStatus(answer.status)) throw new InvalidAnswer('status: unknown status');
  // An unknown reason is dropped: "Not published" is still true without it.
  return isReason(answer.reason) ? { status: answer.status, reason: answer.reason } : { status: answer.status };
}

export function counts(value: unknown): CountsAnswer {
  const answer = object(value, 'counts');
  const known: Record<string, number> = Object.create(null);
  for (const [thread, n] of Object.entries(object(answer.counts, 'counts'))) if (count(n)) known[thread] = n;
  return { counts: known };
}

export function moderated(value: unknown): ModeratedComment | null {
  const comment = publicComment(value);
  const { thread, email, status: state, reason } = value as Json;
  if (!comment || !text(thread, LIMITS.thread) || !text(email, LIMITS.email) || !isStatus(state)) return null;
  return { ...comment, thread, email, status: state, reason: isReason(reason) ? reason : null };
}

/** A moderation page has no replies: never more than the largest page size. */
export function queue(value: unknown): { comments: ModeratedComment[] } {
  return { comments: list(object(value, 'queue').comments, 'queue', LIMITS.pageSize).flatMap((c) => moderated(c) ?? []) };
}

export function decision(value: unknown): Decision {
  const answer = object(value, 'decision');
  if (!text(answer.id, LIMITS.commentId) || !isStatus(answer.status)) throw new InvalidAnswer('decision: no id or status');
  return isReason(answer.reason) ? { id: answer.id, status: answer.status, reason: answer.reason } : { id: answer.id, status: answer.status };
}
