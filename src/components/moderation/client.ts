/**
 * The moderation API as `<rw-moderation>` uses it. The queue is fetched with the last answer's
 * ETag, so an open queue can ask every QUEUE_POLL_MS for almost nothing.
 */
import { ApiError, parseBody, readCapped, request } from '../../api.js';
import * as answers from './answers.js';
import type { BlockKind, QueuePage, QueueStatus, Reason, Sort } from '../../internal/contract.js';

export interface QueueFilter {
  status: QueueStatus;
  sort: Sort;
  thread: string;
  /** A comment id: show that commenter's comments. */
  commenterOf: string;
}

export function queuePath(filter: QueueFilter, cursor: string | null = null, limit = 20) {
  const q = new URLSearchParams({ status: filter.status, sort: filter.sort, limit: String(limit) });
  if (filter.thread) q.set('thread', filter.thread);
  if (filter.commenterOf) q.set('commenterOf', filter.commenterOf);
  if (cursor) q.set('cursor', cursor);
  return `/moderation/comments?${q}`;
}

/** null: unchanged since `etag`. */
export async function fetchQueue(endpoint: string, token: string, path: string, etag: string | null): Promise<{ page: QueuePage; etag: string | null } | null> {
  let res: Response;
  try {
    res = await fetch(endpoint.replace(/\/+$/, '') + path, {
      headers: { accept: 'application/json', authorization: `Bearer ${token}`, ...(etag ? { 'if-none-match': etag } : {}) },
      // The service answers no-store; the tag is sent by hand.
      cache: 'no-store',
      signal: AbortSignal.timeout(15000),
    });
  } catch (error) {
    throw new ApiError('network', String((error as Error)?.message ?? error));
  }
  if (res.status === 304) return null;
  // Held to the same cap as every other answer: a hostile or broken service cannot make the open
  // console read 50 MB every few seconds.
  let text: string;
  try {
    text = await readCapped(res);
  } catch (error) {
    throw error instanceof ApiError ? error : new ApiError('network', String((error as Error)?.message ?? error), res.status);
  }
  const data = (await parseBody(text)) as { error?: { message?: string } } | null;
  if (!res.ok || !data) throw answerError(res, data);
  try {
    return { page: answers.queuePage(data), etag: res.headers.get('etag') };
  } catch (error) {
    throw new ApiError('invalid-answer', String((error as Error).message), res.status);
  }
}

function answerError(res: Response, data: { error?: { message?: string } } | null) {
  return new ApiError(res.status === 401 ? 'unauthorized' : res.status >= 500 ? 'server' : `http-${res.status}`, data?.error?.message ?? String(res.status), res.status);
}

/** What an export holds: one thread, one commenter's comments, or the whole site. */
export type ExportTarget = { thread: string } | { email: string } | Record<string, never>;

/**
 * The export document as a Blob. It is fetched, not linked, because the token travels in a
 * header, never in a URL that history and server logs would keep.
 */
export async function fetchExport(endpoint: string, token: string, target: ExportTarget): Promise<Blob> {
  const q = new URLSearchParams(target as Record<string, string>);
  let res: Response;
  try {
    res = await fetch(`${endpoint.replace(/\/+$/, '')}/moderation/export${q.size ? `?${q}` : ''}`, {
      headers: { accept: 'application/json', authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
  } catch (error) {
    throw new ApiError('network', String((error as Error)?.message ?? error));
  }
  if (!res.ok) throw answerError(res, await res.json().catch(() => null));
  try {
    return await res.blob();
  } catch (error) {
    throw new ApiError('network', String((error as Error)?.message ?? error), res.status);
  }
}

export const moderationApi = (endpoint: string, token: string) => ({
  me: () => request(endpoint, '/moderation/me', answers.actor, { token }),
  threads: () => request(endpoint, '/moderation/threads', answers.threads, { token }),
  decide: (ids: string[], decision: 'approve' | 'reject', reason?: Reason) =>
    request(endpoint, '/moderation/decisions', answers.bulk, { token, body: { ids, decision, reason } }),
  audit: (cursor: string | null) =>
    request(endpoint, `/moderation/audit?limit=50${cursor ? `&cursor=${cursor}` : ''}`, answers.audit, { token }),
  blocks: () => request(endpoint, '/moderation/blocks', answers.blocks, { token }),
  /** `by`: the address itself, or `{commentId}` to block the address that comment came from. */
  block: (kind: BlockKind, by: string | { commentId: string }, reason: Reason) =>
    request(endpoint, '/moderation/blocks', answers.oneBlock, { token, body: { kind, reason, ...(typeof by === 'string' ? { value: by } : by) } }),
  unblock: (id: string) => request(endpoint, `/moderation/blocks/${encodeURIComponent(id)}`, (v) => v, { token, method: 'DELETE' }).catch(ignoreEmpty),
  watchWords: () => request(endpoint, '/moderation/watch-words', answers.watchWords, { token }),
  setWatchWords: (words: string[]) => request(endpoint, '/moderation/watch-words', answers.watchWords, { token, method: 'PUT', body: { words } }),
  moderators: () => request(endpoint, '/moderation/moderators', answers.moderators, { token }),
  addModerator: (name: string, email: string) =>
    request(endpoint, '/moderation/moderators', answers.added, { token, body: email ? { name, email } : { name } }),
  erase: (email: string) => request(endpoint, '/moderation/erasures', answers.erasure, { token, body: { email } }),
  removeModerator: (id: string) => request(endpoint, `/moderation/moderators/${encodeURIComponent(id)}`, (v) => v, { token, method: 'DELETE' }).catch(ignoreEmpty),
});
export type ModerationApi = ReturnType<typeof moderationApi>;

// A 204 has no JSON body; `request` reports that as `invalid-json` although it succeeded.
function ignoreEmpty(error: unknown) {
  if (error instanceof ApiError && error.code === 'invalid-json') return null;
  throw error;
}
