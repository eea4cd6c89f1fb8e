/**
 * The HTTP client of the comments service, shared by `<rw-comments>`, `<rw-comment-count>` and
 * `<rw-moderation>`. Every failure becomes an `ApiError` with a code an element can explain to a
 * reader: `network` (unreachable), `timeout`, `rate-limited` (with `retryAfter` seconds),
 * `invalid` (422, with per-field messages), `unauthorized`, `not-found`, `server`.
 */
import type { CommentInput, CommentPage, CountsAnswer, Decision, ModeratedComment, PostedComment, PublicComment, Reason, Sort, Status, StatusAnswer } from './internal/contract.js';

import { checkThread } from './internal/contract.js';

export { REASONS } from './internal/contract.js';
export type { CommentPage, PostedComment, Reason };
export type Comment = PublicComment;
export type CommentStatus = Status;
export type PendingComment = ModeratedComment;
export interface NewComment extends CommentInput {
  [extra: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    public code: string,
    message: string,
    public status = 0,
    public fields: Record<string, string> = {},
    public retryAfter = 0,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const CODES: Record<number, string> = { 401: 'unauthorized', 404: 'not-found', 413: 'too-large', 422: 'invalid', 429: 'rate-limited' };

export interface RequestOptions {
  method?: string;
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  /** Milliseconds before the request is abandoned with a `timeout` error. */
  timeout?: number;
}

export async function request<T>(endpoint: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(endpoint.replace(/\/+$/, '') + path, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeout ?? 15000),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new ApiError(timedOut ? 'timeout' : 'network', String((error as Error)?.message ?? error));
  }
  let data: any = null;
  try {
    data = await response.json();
  } catch {
    /* an empty or non-JSON body is judged by its status below */
  }
  if (response.ok && data !== null) return data as T;
  const problem = data?.error ?? {};
  throw new ApiError(
    CODES[response.status] ?? (response.ok ? 'invalid-json' : response.status >= 500 ? 'server' : `http-${response.status}`),
    problem.message ?? `${response.status} ${response.statusText}`,
    response.status,
    problem.fields ?? {},
    Number(response.headers.get('retry-after')) || 0,
  );
}

/** The path of a thread; an id the contract refuses (no URL can address ".") fails here, as the service would. */
function thread(id: string) {
  const problem = checkThread(id);
  if (problem) throw new ApiError('invalid', problem, 0, { thread: problem });
  return `/threads/${encodeURIComponent(id)}`;
}

export const api = {
  comments: async (endpoint: string, id: string, query: { sort?: Sort; limit?: number; cursor?: string | null }) => {
    const params = new URLSearchParams();
    if (query.sort) params.set('sort', query.sort);
    if (query.limit) params.set('limit', String(query.limit));
    if (query.cursor) params.set('cursor', query.cursor);
    return request<CommentPage>(endpoint, `${thread(id)}/comments?${params}`);
  },
  post: async (endpoint: string, id: string, comment: NewComment, idempotencyKey: string) =>
    request<PostedComment>(endpoint, `${thread(id)}/comments`, { body: comment, headers: { 'idempotency-key': idempotencyKey } }),
  status: (endpoint: string, id: string, token: string) =>
    request<StatusAnswer>(endpoint, `/comments/${encodeURIComponent(id)}/status`, { token }),
  counts: async (endpoint: string, threads: string[]) => {
    threads.forEach(thread);
    return request<CountsAnswer>(endpoint, '/counts', { body: { threads } });
  },
  queue: (endpoint: string, token: string) =>
    request<{ comments: PendingComment[] }>(endpoint, '/moderation/comments?status=pending', { token }),
  decide: (endpoint: string, token: string, id: string, decision: 'approve' | 'reject', reason?: Reason) =>
    request<Decision>(endpoint, `/moderation/comments/${encodeURIComponent(id)}/decision`, {
      token,
      body: { decision, reason },
    }),
};
