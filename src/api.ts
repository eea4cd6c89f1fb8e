/**
 * The HTTP client of the comments service, shared by `<rw-comments>`, `<rw-comment-count>` and
 * `<rw-moderation>`. Every failure becomes an `ApiError` with a code an element can explain to a
 * reader: `network` (unreachable), `timeout`, `aborted`, `rate-limited` (with `retryAfter`
 * seconds), `invalid` (422, with per-field messages), `unauthorized`, `not-found`, `server`, and
 * `invalid-json`, `invalid-answer` or `answer-too-large` for a success that is not what the
 * contract says. Bodies are read with a byte cap and checked in `internal/answers.ts`.
 */
import * as answers from './internal/answers.js';
import { checkThread, LIMITS, type CommentInput, type CommentPage, type ModeratedComment, type PostedComment, type PublicComment, type Reason, type Sort, type Status } from './internal/contract.js';

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
  /** Abandons the request (code `aborted`), e.g. when a newer one supersedes it. */
  signal?: AbortSignal;
  /** `no-cache`: revalidate a cached answer (after a decision the reader has learned of). */
  cache?: RequestCache;
}

/**
 * The body as text, never more than `limit` bytes: a declared length over it is refused unread,
 * and a stream is cancelled as soon as it passes it, so a 50 MB answer costs what 4 MB cost.
 */
export async function readCapped(response: Response, limit: number = LIMITS.answerBytes): Promise<string> {
  const tooLarge = () => new ApiError('answer-too-large', `The answer is larger than ${limit} bytes.`, response.status);
  if (Number(response.headers.get('content-length')) > limit) {
    void response.body?.cancel();
    throw tooLarge();
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  // The pieces are kept as bytes and decoded once at the end: decoding each and joining strings
  // cost a queue of thousands a long task of its own.
  const pieces: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel();
      throw tooLarge();
    }
    pieces.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * A body's JSON, or null for an empty or non-JSON one (judged by its status instead). A large body
 * is parsed in a task of its own and what follows runs in the next: with the last piece read and
 * the rendering of what it holds, they made one long task for a queue of thousands.
 */
export async function parseBody(body: string): Promise<unknown> {
  const large = body.length > 100000;
  const breath = () => (large ? new Promise((resolve) => setTimeout(resolve)) : undefined);
  await breath();
  let data: unknown = null;
  try {
    data = body ? JSON.parse(body) : null;
  } catch {
    /* not JSON */
  }
  await breath();
  return data;
}

/** Aborted when either is; `AbortSignal.any` is recent (Safari 17.4), hence the fallback. */
function either(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (AbortSignal.any) return AbortSignal.any([a, b]);
  const both = new AbortController();
  for (const signal of [a, b]) signal.addEventListener('abort', () => both.abort(signal.reason), { once: true });
  return both.signal;
}

const failure = (error: unknown, signal?: AbortSignal) => {
  if (error instanceof ApiError) return error;
  const name = (error as Error)?.name;
  const code = signal?.aborted ? 'aborted' : name === 'TimeoutError' ? 'timeout' : 'network';
  return new ApiError(code, String((error as Error)?.message ?? error));
};

/** Only strings, each of a sane length: the messages are shown to the reader. */
function problemOf(data: unknown): { message?: string; fields: Record<string, string> } {
  const problem = (data as { error?: { message?: unknown; fields?: unknown } } | null)?.error;
  const fields: Record<string, string> = {};
  if (problem?.fields && typeof problem.fields === 'object') {
    for (const [name, message] of Object.entries(problem.fields)) if (typeof message === 'string') fields[name] = message.slice(0, 500);
  }
  return { message: typeof problem?.message === 'string' ? problem.message.slice(0, 500) : undefined, fields };
}

export async function request<T>(endpoint: string, path: string, read: (data: unknown) => T, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const timeout = AbortSignal.timeout(options.timeout ?? 15000);
  const signal = options.signal ? either(options.signal, timeout) : timeout;
  let response: Response;
  let body: string;
  try {
    response = await fetch(endpoint.replace(/\/+$/, '') + path, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal,
      ...(options.cache ? { cache: options.cache } : {}),
    });
    body = await readCapped(response);
  } catch (error) {
    throw failure(error, options.signal);
  }
  const data = await parseBody(body);
  if (response.ok && data !== null) {
    try {
      return read(data);
    } catch (error) {
      throw new ApiError('invalid-answer', String((error as Error).message), response.status);
    }
  }
  const problem = problemOf(data);
  throw new ApiError(
    CODES[response.status] ?? (response.ok ? 'invalid-json' : response.status >= 500 ? 'server' : `http-${response.status}`),
    problem.message ?? `${response.status} ${response.statusText}`,
    response.status,
    problem.fields,
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
  comments: async (endpoint: string, id: string, query: { sort?: Sort; limit?: number; cursor?: string | null }, signal?: AbortSignal, cache?: RequestCache) => {
    const params = new URLSearchParams();
    if (query.sort) params.set('sort', query.sort);
    if (query.limit) params.set('limit', String(query.limit));
    if (query.cursor) params.set('cursor', query.cursor);
    return request(endpoint, `${thread(id)}/comments?${params}`, answers.commentPage, { signal, cache });
  },
  post: async (endpoint: string, id: string, comment: NewComment, idempotencyKey: string) =>
    request(endpoint, `${thread(id)}/comments`, answers.posted, { body: comment, headers: { 'idempotency-key': idempotencyKey } }),
  status: (endpoint: string, id: string, token: string) =>
    request(endpoint, `/comments/${encodeURIComponent(id)}/status`, answers.status, { token }),
  /** "Delete my comment": the status token proves it is the reader's. */
  deleteComment: (endpoint: string, id: string, token: string) =>
    request(endpoint, `/comments/${encodeURIComponent(id)}`, answers.deleted, { token, method: 'DELETE' }),
  counts: async (endpoint: string, threads: string[]) => {
    threads.forEach(thread);
    return request(endpoint, '/counts', answers.counts, { body: { threads } });
  },
};
