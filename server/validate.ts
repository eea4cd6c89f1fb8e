/**
 * Input checks for every endpoint. Each returns either the clean value or per-field messages that
 * the routes send as a 422 `{error: {code: "invalid", fields}}`. Lengths count Unicode code points
 * after trimming, so an emoji or an Arabic letter counts as one character.
 */
import { checkThread, codePoints as length, CONTROL_CHARACTERS, REASONS, EMAIL_PATTERN as EMAIL, isReason, isStatus, LIMITS, type Reason, type Sort, type Status } from '../src/internal/contract.js';
import type { NewComment } from './store.js';

export type Fields = Record<string, string>;
export type Checked<T> = { ok: true; value: T } | { ok: false; fields: Fields };

// Comment text keeps its line breaks and tabs. Bidi marks and isolates (format characters, not
// controls) stay intact so right-to-left text is stored exactly as written.
const CONTROLS = CONTROL_CHARACTERS;
const TEXT_CONTROLS = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\p{Cs}]/u;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export { checkThread };

/** Comment ids in paths are ours (base64url); anything else cannot name a comment. */
export function checkCommentId(id: string | null): string | null {
  return id !== null && id.length >= 1 && id.length <= LIMITS.commentId && !CONTROLS.test(id) ? null : 'There is no comment with this id.';
}

function requiredString(fields: Fields, body: Record<string, unknown>, name: string, label: string, max: number, controls: RegExp) {
  const raw = body[name];
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    fields[name] = `${label} is required.`;
    return '';
  }
  if (typeof raw !== 'string') {
    fields[name] = `${label} must be a string.`;
    return '';
  }
  const value = raw.trim();
  if (length(value) > max) fields[name] = `${label} must be at most ${max} characters.`;
  else if (controls.test(value)) fields[name] = `${label} contains characters that are not allowed.`;
  return value;
}

export function checkComment(thread: string, input: unknown): Checked<NewComment> {
  if (!isObject(input)) return { ok: false, fields: { body: 'Send a JSON object with author, email and text.' } };
  const fields: Fields = {};
  const body = typeof input.text === 'string' ? { ...input, text: input.text.replace(/\r\n?/g, '\n') } : input;
  const author = requiredString(fields, body, 'author', 'Name', LIMITS.author, CONTROLS);
  const email = requiredString(fields, body, 'email', 'Email', LIMITS.email, CONTROLS);
  if (email && !fields.email && !EMAIL.test(email)) fields.email = 'Email must be a valid address, like name@example.com.';
  const text = requiredString(fields, body, 'text', 'Comment', LIMITS.text, TEXT_CONTROLS);
  let parentId: string | null = null;
  if (body.parentId !== undefined && body.parentId !== null) {
    if (typeof body.parentId !== 'string' || length(body.parentId) < 1 || length(body.parentId) > LIMITS.commentId || CONTROLS.test(body.parentId)) {
      fields.parentId = 'parentId must be the id of a comment.';
    } else parentId = body.parentId;
  }
  if (Object.keys(fields).length) return { ok: false, fields };
  return { ok: true, value: { thread, author, email, text, parentId } };
}

export interface ListQuery {
  sort: Sort;
  limit: number;
  cursor: string | null;
}

/** `limit` and `cursor` of any paged listing, public or moderation. */
export function checkPaging(fields: Fields, query: Record<string, string | undefined>) {
  let limit: number = LIMITS.defaultPageSize;
  if (query.limit !== undefined) {
    limit = /^\d{1,3}$/.test(query.limit) ? Number(query.limit) : NaN;
    if (!(limit >= 1 && limit <= LIMITS.pageSize)) fields.limit = `limit must be a whole number from 1 to ${LIMITS.pageSize}.`;
  }
  const cursor = query.cursor || null;
  if (cursor !== null && (cursor.length > 500 || !/^[\w-]+$/.test(cursor))) fields.cursor = 'cursor must be a nextCursor value from a previous page.';
  return { limit, cursor };
}

export function checkListQuery(query: Record<string, string | undefined>): Checked<ListQuery> {
  const fields: Fields = {};
  const sort = (query.sort ?? 'oldest') as Sort;
  if (sort !== 'oldest' && sort !== 'newest') fields.sort = 'sort must be "oldest" or "newest".';
  const { limit, cursor } = checkPaging(fields, query);
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, value: { sort, limit, cursor } };
}

export function checkModerationQuery(query: Record<string, string | undefined>): Checked<{ status: Status; limit: number; cursor: string | null }> {
  const fields: Fields = {};
  const status = (query.status ?? 'pending') as Status;
  if (!isStatus(status)) fields.status = 'status must be "pending", "approved" or "rejected".';
  const { limit, cursor } = checkPaging(fields, query);
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, value: { status, limit, cursor } };
}

export function checkCounts(body: unknown): Checked<string[]> {
  const threads = isObject(body) ? body.threads : undefined;
  if (!Array.isArray(threads)) return { ok: false, fields: { threads: 'threads must be an array of thread ids.' } };
  if (threads.length > LIMITS.countsThreads) return { ok: false, fields: { threads: `Ask for at most ${LIMITS.countsThreads} threads at once.` } };
  for (const t of threads) {
    const problem = typeof t === 'string' ? checkThread(t) : 'A thread id must be a string.';
    if (problem) return { ok: false, fields: { threads: problem } };
  }
  return { ok: true, value: [...new Set(threads as string[])] };
}

export function checkDecision(body: unknown): Checked<{ decision: 'approve' | 'reject'; reason: Reason | null }> {
  if (!isObject(body)) return { ok: false, fields: { decision: 'decision must be "approve" or "reject".' } };
  const { decision, reason } = body;
  if (decision !== 'approve' && decision !== 'reject') return { ok: false, fields: { decision: 'decision must be "approve" or "reject".' } };
  if (decision === 'approve') return { ok: true, value: { decision, reason: null } };
  if (!isReason(reason)) {
    return { ok: false, fields: { reason: `A rejection needs a guideline reason: one of ${REASONS.join(', ')}.` } };
  }
  return { ok: true, value: { decision, reason: reason as Reason } };
}
