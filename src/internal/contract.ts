/**
 * The comments contract: the one place where the widget and the service agree on statuses, reasons,
 * limits, the email rule, error codes and the JSON shapes of every answer. Both sides import this
 * module; nothing here touches the DOM or Node, so it loads anywhere.
 */

export const STATUSES = ['pending', 'approved', 'rejected'] as const;
export type Status = (typeof STATUSES)[number];

/** The community guidelines a rejection can cite, in the order readers see them. */
export const REASONS = ['profanity', 'threat', 'personal-attack', 'vulgarity', 'abuse', 'promotion', 'off-topic'] as const;
export type Reason = (typeof REASONS)[number];

export const SORTS = ['oldest', 'newest'] as const;
export type Sort = (typeof SORTS)[number];

/** Code points, so an emoji or an Arabic letter counts as one character. */
export const codePoints = (value: string) => [...value].length;

/** Lengths count Unicode code points after trimming. */
const FIELDS = {
  author: 80,
  email: 254,
  text: 5000,
  thread: 200,
  commentId: 100,
  idempotencyKey: 200,
  pageSize: 100,
  defaultPageSize: 20,
  countsThreads: 100,
  articleTitle: 300,
  articleUrl: 2000,
  moderatorName: 80,
  watchWord: 60,
  watchWords: 200,
  bulkDecisions: 100,
  /**
   * Bytes of an answer a client reads: a full page (100 top-level comments with their replies, at
   * the longest lengths) fits; a service that sends more is broken or hostile, and is cut off.
   */
  answerBytes: 4 * 1024 * 1024,
  /** Comments a client takes from one answer, replies included; the rest is dropped unread. */
  answerComments: 500,
  /** Characters of an opaque paging cursor. */
  cursor: 1000,
} as const;

/**
 * The most bytes one counted character can take in a JSON body: an astral character (an emoji) sent
 * as two `\uXXXX` escapes is 12 bytes, and so is CR LF sent as `\u000d\u000a` (it becomes one LF).
 * Every other character is shorter, escaped or not.
 */
const MAX_JSON_BYTES_PER_CHARACTER = 12;
/** Keys, quotes, commas and a reasonable amount of whitespace and unknown fields around the values. */
const BODY_ROOM = 4096;
const worstComment = (FIELDS.author + FIELDS.email + FIELDS.text + FIELDS.commentId + FIELDS.articleTitle + FIELDS.articleUrl) * MAX_JSON_BYTES_PER_CHARACTER;
const worstWatchWords = FIELDS.watchWords * (FIELDS.watchWord * MAX_JSON_BYTES_PER_CHARACTER + 3);
const worstCounts = FIELDS.countsThreads * (FIELDS.thread * MAX_JSON_BYTES_PER_CHARACTER + 3);

export const LIMITS = {
  ...FIELDS,
  /**
   * Bytes of a request body: the largest valid body of any route (every field at its maximum length,
   * every character in its longest JSON escaping) plus room, so the limit never refuses a valid
   * request. It is the biggest of the two: a counts request of 100 thread ids of 200 characters.
   */
  bodyBytes: Math.max(worstComment, worstCounts, worstWatchWords) + BODY_ROOM,
} as const;

// Control characters have no place in a name, an address or an id. Lone surrogates cannot be stored as UTF-8.
export const CONTROL_CHARACTERS = /[\p{Cc}\p{Cs}]/u;

/**
 * The rule for thread ids, shared by the widget's client and the service: 1 to 200 characters, no
 * control characters, and not "." or "..", which every URL parser removes as a path step, so no
 * request could ever reach such a thread. Returns the problem, or null for a valid id.
 */
export function checkThread(thread: string): string | null {
  const n = codePoints(thread);
  if (n < 1 || n > LIMITS.thread) return `A thread id has 1 to ${LIMITS.thread} characters.`;
  if (CONTROL_CHARACTERS.test(thread)) return 'A thread id must not contain control characters.';
  if (thread === '.' || thread === '..') return 'A thread id cannot be "." or "..": URLs cannot address them.';
  return null;
}

/** A pragmatic address check: something, one @, a domain with at least one dot, no spaces. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
export const isEmail = (value: string) => EMAIL_PATTERN.test(value);


/** `error.code` of every error answer the service sends. */
export const ERROR_CODES = [
  'invalid',
  'invalid-json',
  'unsupported-media-type',
  'too-large',
  'idempotency-key-required',
  'idempotency-key-reused',
  'rate-limited',
  'unauthorized',
  'not-found',
  'method-not-allowed',
  'decision-final',
  'forbidden',
  'conflict',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
}

/**
 * An approved comment as anyone may see it: never an email address. `removed: true` marks the
 * place of a top-level comment erased on request that others had replied to: its author and text
 * are empty, and the widget shows it as "a removed comment" with its replies.
 */
export interface PublicComment {
  id: string;
  parentId: string | null;
  author: string;
  text: string;
  createdAt: string;
  removed?: true;
}

/** `GET /threads/:thread/comments`. */
export interface CommentPage {
  thread: string;
  total: number;
  comments: PublicComment[];
  nextCursor: string | null;
}

/** The body of `POST /threads/:thread/comments`. */
export interface CommentInput {
  author: string;
  email: string;
  text: string;
  parentId?: string | null;
  /** The article's title and canonical URL, kept per thread for the moderation queue. */
  articleTitle?: string | null;
  articleUrl?: string | null;
}

/** The `202` answer to a post. */
export interface PostedComment {
  id: string;
  status: 'pending';
  token: string;
}

/** `GET /comments/:id/status`. */
export interface StatusAnswer {
  status: Status;
  reason?: Reason;
}

/** `DELETE /comments/:id` ("Delete my comment"). */
export interface DeletedAnswer {
  id: string;
  deleted: true;
}

/** `POST /counts`. */
export interface CountsAnswer {
  counts: Record<string, number>;
}

/** A comment in the moderation queue. */
export interface ModeratedComment extends PublicComment {
  thread: string;
  email: string;
  status: Status;
  reason: Reason | null;
}

/** `GET /moderation/comments`. */
export interface ModerationPage {
  status: Status;
  total: number;
  comments: ModeratedComment[];
  nextCursor: string | null;
}

/** The answer to a decision. */
export interface Decision {
  id: string;
  status: Status;
  reason?: Reason;
}

export const isStatus = (value: unknown): value is Status => (STATUSES as readonly unknown[]).includes(value);
export const isReason = (value: unknown): value is Reason => (REASONS as readonly unknown[]).includes(value);

// ---- Moderation (README.md, section "Moderation") ----

/** Who acts: the administrator (MODERATOR_TOKEN), a named moderator, or the block list. */
export type Role = 'admin' | 'moderator';
export interface Actor {
  id: string;
  name: string;
  role: Role;
}

/** A named moderator; `secret` only in the answer that created it, never again. */
/** `POST /moderation/erasures`: how many comments were removed, and the threads whose public pages changed. */
export interface Erasure {
  erased: number;
  threads: string[];
}

export interface Moderator {
  id: string;
  name: string;
  email: string | null;
  createdAt: string;
  secret?: string;
}

export const QUEUE_STATUSES = [...STATUSES, 'all'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/** A comment in the queue, with its article, its parent, its commenter's record and its decision. */
export interface QueueComment extends ModeratedComment {
  threadTitle: string | null;
  threadUrl: string | null;
  parent: { id: string; author: string; text: string } | null;
  /** Other comments by the same email address, by status. */
  commenter: { approved: number; rejected: number; pending: number };
  decidedBy: string | null;
  decidedAt: string | null;
  /** Watch words found in the text (lower case), for highlighting only. */
  watchWords: string[];
}

/** `GET /moderation/comments`. */
export interface QueuePage {
  status: QueueStatus;
  total: number;
  comments: QueueComment[];
  nextCursor: string | null;
}

/** `GET /moderation/threads`: pending counts per article. */
export interface QueueThread {
  thread: string;
  title: string | null;
  url: string | null;
  pending: number;
}

export interface BulkResult {
  id: string;
  ok: boolean;
  status?: Status;
  reason?: Reason;
  error?: { code: ErrorCode; message: string };
}

export const BLOCK_KINDS = ['email', 'client'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];
export interface Block {
  id: string;
  kind: BlockKind;
  value: string;
  reason: Reason;
  note: string | null;
  createdAt: string;
  createdBy: string;
}

export const AUDIT_ACTIONS = ['approve', 'reject', 'block', 'unblock', 'moderator-added', 'moderator-removed', 'watch-words'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string;
  actorName: string;
  action: AuditAction;
  commentId: string | null;
  reason: Reason | null;
  detail: string | null;
}

/**
 * How often an open moderation queue asks for changes (with If-None-Match: a 304 without a query
 * while nothing changed), so a new pending comment shows within 5 s including the request.
 */
export const QUEUE_POLL_MS = 2000;

/** How often an open article asks about the reader's own pending comments (an outcome shows within 10 s). */
export const OUTCOME_POLL_MS = 4000;
