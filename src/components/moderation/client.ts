/**
 * The moderation API as `<rw-moderation>` uses it. The queue is fetched with the last answer's
 * ETag, so an open queue can ask every QUEUE_POLL_MS for almost nothing.
 */
import { ApiError, request } from '../../api.js';
import type {
  Actor,
  AuditEntry,
  Block,
  BlockKind,
  BulkResult,
  Moderator,
  QueuePage,
  QueueStatus,
  QueueThread,
  Reason,
  Sort,
} from '../../internal/contract.js';

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
  const data = await res.json().catch(() => null);
  if (!res.ok || !data) throw new ApiError(res.status === 401 ? 'unauthorized' : res.status >= 500 ? 'server' : `http-${res.status}`, data?.error?.message ?? String(res.status), res.status);
  return { page: data as QueuePage, etag: res.headers.get('etag') };
}

export const moderationApi = (endpoint: string, token: string) => ({
  me: () => request<Actor>(endpoint, '/moderation/me', { token }),
  threads: () => request<{ threads: QueueThread[] }>(endpoint, '/moderation/threads', { token }),
  decide: (ids: string[], decision: 'approve' | 'reject', reason?: Reason) =>
    request<{ results: BulkResult[] }>(endpoint, '/moderation/decisions', { token, body: { ids, decision, reason } }),
  audit: (cursor: string | null) =>
    request<{ entries: AuditEntry[]; nextCursor: string | null }>(endpoint, `/moderation/audit?limit=50${cursor ? `&cursor=${cursor}` : ''}`, { token }),
  blocks: () => request<{ blocks: Block[] }>(endpoint, '/moderation/blocks', { token }),
  block: (kind: BlockKind, value: string, reason: Reason) => request<Block>(endpoint, '/moderation/blocks', { token, body: { kind, value, reason } }),
  unblock: (id: string) => request<unknown>(endpoint, `/moderation/blocks/${encodeURIComponent(id)}`, { token, method: 'DELETE' }).catch(ignoreEmpty),
  watchWords: () => request<{ words: string[] }>(endpoint, '/moderation/watch-words', { token }),
  setWatchWords: (words: string[]) => request<{ words: string[] }>(endpoint, '/moderation/watch-words', { token, method: 'PUT', body: { words } }),
  moderators: () => request<{ moderators: Moderator[] }>(endpoint, '/moderation/moderators', { token }),
  addModerator: (name: string, email: string) =>
    request<Moderator & { secret: string }>(endpoint, '/moderation/moderators', { token, body: email ? { name, email } : { name } }),
  removeModerator: (id: string) => request<unknown>(endpoint, `/moderation/moderators/${encodeURIComponent(id)}`, { token, method: 'DELETE' }).catch(ignoreEmpty),
});
export type ModerationApi = ReturnType<typeof moderationApi>;

// A 204 has no JSON body; `request` reports that as `invalid-json` although it succeeded.
function ignoreEmpty(error: unknown) {
  if (error instanceof ApiError && error.code === 'invalid-json') return null;
  throw error;
}
