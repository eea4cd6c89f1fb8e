/**
 * The moderation queue with context: each comment with its article (title and link), the comment
 * a reply answers, the commenter's record, who decided and when, and the watch words it contains.
 * Filters by status, thread and commenter; newest or oldest first; cursor paging through all.
 */
import type { QueuePage, QueueStatus, QueueThread, Reason, Sort, Status } from '../../src/internal/contract.js';
import type { Queryable } from '../db/db.js';
import { decodeCursor, encodeCursor, sha256 } from '../store.js';
import { matchWatchWords } from './blocks.js';

export interface QueueQuery {
  status: QueueStatus;
  sort: Sort;
  thread: string | null;
  /** Another comment's id: list the comments of that comment's author (same email). */
  commenterOf: string | null;
  limit: number;
  cursor: string | null;
}

/** Sent in every transaction that changes what a queue shows, so each instance's ETags change. */
export const QUEUE_CHANNEL = 'rw_queue';

interface Row {
  id: string;
  thread: string;
  parent_id: string | null;
  author: string;
  email: string;
  body: string;
  status: Status;
  reason: Reason | null;
  created_at: unknown;
  decided_at: unknown;
  decided_by_name: string | null;
  title: string | null;
  url: string | null;
  p_author: string | null;
  p_body: string | null;
  approved: number;
  rejected: number;
  pending: number;
}
const iso = (v: unknown) => (v === null || v === undefined ? null : (v instanceof Date ? v : new Date(String(v))).toISOString());

export async function listQueue(db: Queryable, query: QueueQuery, watchWords: string[]): Promise<QueuePage> {
  const desc = query.sort === 'newest';
  const scope = sha256(JSON.stringify([query.status, query.sort, query.thread, query.commenterOf])).slice(0, 16);
  const where: string[] = [];
  const params: unknown[] = [query.limit + 1];
  // 'all' is every decided or waiting comment; an erased comment's placeholder ('removed') is no one's.
  if (query.status !== 'all') where.push(`c.status = $${params.push(query.status)}`);
  else where.push(`c.status IN ('pending', 'approved', 'rejected')`);
  if (query.thread !== null) where.push(`c.thread = $${params.push(query.thread)}`);
  if (query.commenterOf !== null) where.push(`c.email = (SELECT email FROM comments WHERE id = $${params.push(query.commenterOf)})`);
  const filter = where.length ? where.join(' AND ') : 'TRUE';
  const countParams = params.slice(1);
  let after = '';
  if (query.cursor) {
    const [at, id] = decodeCursor(scope, query.cursor);
    after = `AND (c.created_at, c.id) ${desc ? '<' : '>'} ($${params.push(at)}::timestamptz, $${params.push(id)}::text)`;
  }
  const order = desc ? 'c.created_at DESC, c.id DESC' : 'c.created_at, c.id';
  // Count placeholders are renumbered from $1: the count query has no LIMIT parameter.
  const countFilter = filter.replace(/\$(\d+)/g, (_, n) => `$${Number(n) - 1}`);
  const [page, count] = await Promise.all([
    db.query<Row>(
      `SELECT c.id, c.thread, c.parent_id, c.author, c.email, c.body, c.status, c.reason, c.created_at, c.decided_at, c.decided_by_name,
              t.title, t.url, p.author AS p_author, p.body AS p_body,
              (SELECT count(*) FILTER (WHERE o.status = 'approved') FROM comments o WHERE o.email = c.email AND o.id <> c.id)::int AS approved,
              (SELECT count(*) FILTER (WHERE o.status = 'rejected') FROM comments o WHERE o.email = c.email AND o.id <> c.id)::int AS rejected,
              (SELECT count(*) FILTER (WHERE o.status = 'pending') FROM comments o WHERE o.email = c.email AND o.id <> c.id)::int AS pending
       FROM comments c
       LEFT JOIN threads t ON t.thread = c.thread
       LEFT JOIN comments p ON p.id = c.parent_id
       WHERE ${filter} ${after}
       ORDER BY ${order} LIMIT $1`,
      params,
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM comments c WHERE ${countFilter}`, countParams),
  ]);
  const rows = page.rows.slice(0, query.limit);
  const comments = rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    author: r.author,
    text: r.body,
    createdAt: iso(r.created_at)!,
    thread: r.thread,
    email: r.email,
    status: r.status,
    reason: r.reason,
    threadTitle: r.title,
    threadUrl: r.url,
    parent: r.parent_id && r.p_author !== null ? { id: r.parent_id, author: r.p_author, text: r.p_body ?? '' } : null,
    commenter: { approved: Number(r.approved), rejected: Number(r.rejected), pending: Number(r.pending) },
    decidedBy: r.decided_by_name,
    decidedAt: iso(r.decided_at),
    watchWords: matchWatchWords(r.body, watchWords),
  }));
  const last = comments.at(-1);
  const nextCursor = page.rows.length > query.limit && last ? encodeCursor(scope, last) : null;
  return { status: query.status, total: Number(count.rows[0].n), comments, nextCursor };
}

/** Articles with comments waiting, most waiting first. */
export async function pendingThreads(db: Queryable): Promise<QueueThread[]> {
  const { rows } = await db.query<{ thread: string; title: string | null; url: string | null; pending: number }>(
    `SELECT c.thread, t.title, t.url, count(*)::int AS pending FROM comments c LEFT JOIN threads t ON t.thread = c.thread
     WHERE c.status = 'pending' GROUP BY c.thread, t.title, t.url ORDER BY pending DESC, c.thread LIMIT 500`,
  );
  return rows.map((r) => ({ thread: r.thread, title: r.title, url: r.url, pending: Number(r.pending) }));
}

/** Keeps the article's latest title and canonical URL as its comments send them. */
export async function rememberThread(tx: Queryable, thread: string, title: string | null, url: string | null) {
  if (title === null && url === null) {
    await tx.query(`INSERT INTO threads (thread, updated_at) VALUES ($1, now()) ON CONFLICT (thread) DO NOTHING`, [thread]);
    return;
  }
  await tx.query(
    `INSERT INTO threads (thread, title, url, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (thread) DO UPDATE SET title = COALESCE(EXCLUDED.title, threads.title), url = COALESCE(EXCLUDED.url, threads.url), updated_at = now()`,
    [thread, title, url],
  );
}
