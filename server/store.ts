/**
 * Everything the service keeps, written once in plain PostgreSQL over the narrow `Db` interface
 * (server/db/db.ts), which PGlite and a PostgreSQL server both implement. Several service
 * instances may share one database: every write below is safe against the same write running at
 * the same moment in another process. The routes never see SQL.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { listenerName, type Db, type Queryable } from './db/db.js';
import { PageCache, THREADS_CHANNEL } from './page-cache.js';
import { recordAudit } from './moderation/audit.js';
import { findBlock } from './moderation/blocks.js';
import { QUEUE_CHANNEL, rememberThread } from './moderation/queue.js';
import { MODERATION_MIGRATION } from './moderation/schema.js';
import { QueueVersion } from './moderation/queue-version.js';
import { PORTABILITY_MIGRATION } from './portability/schema.js';

export type { Db, Queryable };

import type { Actor, Decision, ModeratedComment, PublicComment, Reason, Sort, Status } from '../src/internal/contract.js';

export { REASONS, STATUSES } from '../src/internal/contract.js';
export type { Decision, ModeratedComment, PublicComment, Reason, Sort, Status };
export interface NewComment {
  thread: string;
  author: string;
  email: string;
  text: string;
  parentId: string | null;
  articleTitle?: string | null;
  articleUrl?: string | null;
  /** The poster's client key, for blocks by client address. */
  client?: string | null;
}
/** Who a block-list rejection is recorded as. */
export const BLOCK_LIST: Actor = { id: 'block', name: 'Block list', role: 'admin' };
export type OutboxKind = 'webhook' | 'digest';
export type CreateResult =
  | { kind: 'created' | 'replayed'; id: string; token: string }
  | { kind: 'key-conflict' }
  | { kind: 'invalid-parent'; message: string };
export type DecideResult = { kind: 'ok'; decision: Decision } | { kind: 'not-found' } | { kind: 'conflict'; decision: Decision };
export interface Page<T> {
  total: number;
  comments: T[];
  nextCursor: string | null;
}

export class InvalidCursor extends Error {}

const MIGRATIONS: string[][] = [
  [
    `CREATE TABLE comments (
      id text PRIMARY KEY,
      thread text NOT NULL,
      parent_id text REFERENCES comments (id),
      author text NOT NULL,
      email text NOT NULL,
      body text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
      reason text,
      token_hash text NOT NULL,
      created_at timestamptz NOT NULL,
      decided_at timestamptz
    )`,
    // Counts, totals and the per-thread lists all start from (thread, status).
    `CREATE INDEX comments_thread_status_created ON comments (thread, status, created_at, id)`,
    // The public page walks approved top-level comments of one thread in either direction.
    `CREATE INDEX comments_thread_top ON comments (thread, created_at, id) WHERE status = 'approved' AND parent_id IS NULL`,
    `CREATE INDEX comments_replies ON comments (parent_id, created_at, id) WHERE parent_id IS NOT NULL`,
    `CREATE INDEX comments_queue ON comments (status, created_at, id)`,
    `CREATE TABLE idempotency_keys (
      key_hash text PRIMARY KEY,
      fingerprint text NOT NULL,
      comment_id text NOT NULL REFERENCES comments (id),
      created_at timestamptz NOT NULL
    )`,
    `CREATE TABLE service_secrets (name text PRIMARY KEY, value text NOT NULL)`,
  ],
  [
    // Recent posts per client key (epoch milliseconds), shared by every instance (server/rate-limit.ts).
    `CREATE TABLE rate_hits (client text NOT NULL, at bigint NOT NULL)`,
    `CREATE INDEX rate_hits_client_at ON rate_hits (client, at)`,
    `CREATE INDEX rate_hits_at ON rate_hits (at)`,
  ],
  MODERATION_MIGRATION,
  // 4: issue 12, import, export and erasure (server/portability/schema.ts).
  PORTABILITY_MIGRATION,
];

// Advisory lock keys (two-int form: class, object), kept apart from the migration lock below.
const KEY_LOCK_CLASS = 872366;

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Constant-time comparison of a presented secret with a stored SHA-256 hex digest. */
export function matchesHash(presented: string, storedHex: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = Buffer.from(storedHex, 'hex');
  return b.length === a.length && timingSafeEqual(a, b);
}

const iso = (value: unknown) => (value instanceof Date ? value : new Date(String(value))).toISOString();

// Cursors are opaque to clients: base64url JSON of [scope, createdAt, id]. The scope (sort order or
// moderation status) stops a cursor from one listing being replayed against another.
export function encodeCursor(scope: string, row: { createdAt: string; id: string }) {
  return Buffer.from(JSON.stringify([scope, row.createdAt, row.id])).toString('base64url');
}
// What encodeCursor writes: toISOString() of a date PostgreSQL can store, and one of our ids. A
// forged cursor is refused here, never sent to the database (which would fail on a date out of its
// range, a date only JavaScript reads, or U+0000 in text).
const CURSOR_DATE = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const CURSOR_ID = /^[\w-]{1,100}$/;
export function decodeCursor(scope: string, cursor: string): [string, string] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== scope) throw new InvalidCursor();
  const [, at, id] = parsed;
  if (typeof at !== 'string' || typeof id !== 'string' || !CURSOR_ID.test(id)) throw new InvalidCursor();
  const year = CURSOR_DATE.exec(at)?.[1];
  if (!year || year === '0000' || Number.isNaN(Date.parse(at)) || new Date(at).toISOString() !== at) throw new InvalidCursor();
  return [at, id];
}

interface Row {
  id: string;
  parent_id: string | null;
  author: string;
  body: string;
  created_at: unknown;
  status?: string;
}
// An erased comment that others replied to keeps its place as a placeholder (server/portability/erase.ts).
const toPublic = (r: Row): PublicComment =>
  r.status === 'removed'
    ? { id: r.id, parentId: null, author: '', text: '', createdAt: iso(r.created_at), removed: true }
    : { id: r.id, parentId: r.parent_id, author: r.author, text: r.body, createdAt: iso(r.created_at) };

export class Store {
  /** Rendered public pages, dropped exactly when their thread changes (server/page-cache.ts). */
  readonly pages = new PageCache();
  /** Notifications queued for each new pending comment (set by server/main.ts from the configuration). */
  outboxKinds: OutboxKind[] = [];
  /** Cheap ETags for the moderation queue (server/moderation/queue-version.ts). */
  queueVersion: QueueVersion | null = null;

  private constructor(
    readonly db: Db,
    private tokenSecret: string,
  ) {}

  static async open(db: Db): Promise<Store> {
    await db.transaction(async (tx) => {
      // Instances starting at once on one database must not both migrate. The lock comes first:
      // even CREATE TABLE IF NOT EXISTS fails with a duplicate key when two run at the same moment.
      await tx.query(`SELECT pg_advisory_xact_lock(872365)`);
      await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
      const { rows } = await tx.query<{ v: number | null }>(`SELECT max(version) AS v FROM schema_migrations`);
      for (let version = (rows[0]?.v ?? 0) + 1; version <= MIGRATIONS.length; version++) {
        for (const statement of MIGRATIONS[version - 1]) await tx.query(statement);
        await tx.query(`INSERT INTO schema_migrations (version) VALUES ($1)`, [version]);
      }
      await tx.query(`INSERT INTO service_secrets (name, value) VALUES ('status-token', $1) ON CONFLICT (name) DO NOTHING`, [
        randomBytes(32).toString('base64url'),
      ]);
    });
    const { rows } = await db.query<{ value: string }>(`SELECT value FROM service_secrets WHERE name = 'status-token'`);
    const store = new Store(db, rows[0].value);
    await db.listen(
      THREADS_CHANNEL,
      (payload) => {
        const ack = store.pages.received(payload);
        // Best effort: without it the changing instance answers after a short wait anyway.
        if (ack) db.query(`SELECT pg_notify($1, $2)`, [THREADS_CHANNEL, ack]).catch(() => {});
      },
      (listening) => store.pages.reset(listening),
    );
    store.pages.reset(true);
    store.queueVersion = await QueueVersion.start(db);
    return store;
  }

  /** Throws (DatabaseUnavailable on an outage) unless the database answers. */
  async ping(): Promise<void> {
    await this.db.query(`SELECT 1`);
  }

  close() {
    return this.db.close();
  }

  /**
   * One page of approved top-level comments in the chosen order, each followed by its approved
   * replies oldest first, so a page is complete on its own. `limit` counts top-level comments.
   */
  async listThread(thread: string, options: { sort: Sort; limit: number; cursor?: string | null }): Promise<Page<PublicComment>> {
    const desc = options.sort === 'newest';
    const scope = desc ? 'n' : 'o';
    const params: unknown[] = [thread, options.limit + 1];
    let after = '';
    if (options.cursor) {
      params.push(...decodeCursor(scope, options.cursor));
      after = `AND (created_at, id) ${desc ? '<' : '>'} ($3::timestamptz, $4::text)`;
    }
    const order = desc ? 'created_at DESC, id DESC' : 'created_at, id';
    const [page, count] = await Promise.all([
      this.db.query<Row & { pos: number; depth: number }>(
        `WITH page AS (
           SELECT id, parent_id, author, body, created_at, status
           FROM comments
           WHERE thread = $1 AND status IN ('approved', 'removed') AND parent_id IS NULL ${after}
             AND (status = 'approved' OR EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = comments.id AND r.status = 'approved'))
           ORDER BY ${order}
           LIMIT $2
         ), top AS (
           SELECT page.*, row_number() OVER (ORDER BY ${order}) AS pos FROM page
         )
         SELECT id, parent_id, author, body, created_at, status, pos, 0 AS depth FROM top
         UNION ALL
         SELECT c.id, c.parent_id, c.author, c.body, c.created_at, c.status, top.pos, 1 AS depth
         FROM top JOIN comments c ON c.parent_id = top.id AND c.status = 'approved'
         WHERE top.pos < $2
         ORDER BY pos, depth, created_at, id`,
        params,
      ),
      this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM comments WHERE thread = $1 AND status = 'approved'`, [thread]),
    ]);
    let rows = page.rows;
    let nextCursor: string | null = null;
    const extra = rows.find((r) => Number(r.pos) > options.limit);
    if (extra) {
      rows = rows.filter((r) => r !== extra);
      const last = rows.filter((r) => Number(r.depth) === 0).at(-1)!;
      nextCursor = encodeCursor(scope, { createdAt: iso(last.created_at), id: last.id });
    }
    return { total: Number(count.rows[0].n), comments: rows.map(toPublic), nextCursor };
  }

  /** Approved comments per thread; threads without any answer 0. */
  async counts(threads: string[]): Promise<Record<string, number>> {
    const counts: Record<string, number> = Object.create(null);
    for (const t of threads) counts[t] = 0;
    if (!threads.length) return counts;
    const { rows } = await this.db.query<{ thread: string; n: number }>(
      `SELECT thread, count(*)::int AS n FROM comments WHERE thread = ANY($1::text[]) AND status = 'approved' GROUP BY thread`,
      [threads],
    );
    for (const r of rows) counts[r.thread] = Number(r.n);
    return counts;
  }

  /**
   * Stores a pending comment once per Idempotency-Key. The status token is derived from the key
   * with a secret kept in the database, so a replay can return the same token although only its
   * hash is stored; whoever can replay the key could read the answer anyway.
   */
  /** Why a reply to `parentId` in `thread` would be refused, or null (also for a top-level comment). */
  replyProblem(thread: string, parentId: string | null): Promise<string | null> {
    return replyProblem(this.db, thread, parentId);
  }

  async createComment(input: NewComment, idempotencyKey: string): Promise<CreateResult> {
    const keyHash = sha256(idempotencyKey);
    const fingerprint = sha256(JSON.stringify([input.thread, input.author, input.email, input.text, input.parentId]));
    const token = createHmac('sha256', this.tokenSecret).update(`status-token\0${idempotencyKey}`).digest('base64url');
    return this.db.transaction(async (tx): Promise<CreateResult> => {
      // The same key sent to several instances at once: the first transaction stores it, the
      // others wait here until it commits, then find it below and replay its answer.
      await tx.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [KEY_LOCK_CLASS, keyHash]);
      const seen = await tx.query<{ fingerprint: string; comment_id: string }>(
        `SELECT fingerprint, comment_id FROM idempotency_keys WHERE key_hash = $1`,
        [keyHash],
      );
      if (seen.rows[0]) {
        return seen.rows[0].fingerprint === fingerprint ? { kind: 'replayed', id: seen.rows[0].comment_id, token } : { kind: 'key-conflict' };
      }
      const parentProblem = await replyProblem(tx, input.thread, input.parentId);
      if (parentProblem) return { kind: 'invalid-parent', message: parentProblem };
      const id = randomBytes(16).toString('base64url');
      const now = new Date();
      // A blocked commenter's comment is stored as rejected with the block's reason, no moderator needed.
      const block = await findBlock(tx, input.email, input.client ?? null);
      await tx.query(
        `INSERT INTO comments (id, thread, parent_id, author, email, body, token_hash, created_at, client, status, reason, decided_at, decided_by, decided_by_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [id, input.thread, input.parentId, input.author, input.email, input.text, sha256(token), now, input.client ?? null,
          block ? 'rejected' : 'pending', block?.reason ?? null, block ? now : null, block ? BLOCK_LIST.id : null, block ? BLOCK_LIST.name : null],
      );
      await rememberThread(tx, input.thread, input.articleTitle ?? null, input.articleUrl ?? null);
      if (block) await recordAudit(tx, BLOCK_LIST, 'reject', { commentId: id, reason: block.reason, at: now });
      else {
        for (const kind of this.outboxKinds) await tx.query(`INSERT INTO outbox (kind, comment_id, next_at) VALUES ($1, $2, $3)`, [kind, id, now]);
        await tx.query(`SELECT pg_notify($1, $2)`, [QUEUE_CHANNEL, id]);
      }
      await tx.query(`INSERT INTO idempotency_keys (key_hash, fingerprint, comment_id, created_at) VALUES ($1, $2, $3, $4)`, [
        keyHash,
        fingerprint,
        id,
        now,
      ]);
      return { kind: 'created', id, token };
    });
  }

  async statusOf(id: string): Promise<{ status: Status; reason: Reason | null; tokenHash: string } | null> {
    const { rows } = await this.db.query<{ status: Status; reason: Reason | null; token_hash: string }>(
      `SELECT status, reason, token_hash FROM comments WHERE id = $1`,
      [id],
    );
    return rows[0] ? { status: rows[0].status, reason: rows[0].reason, tokenHash: rows[0].token_hash } : null;
  }

  /** The moderation queue of one status, oldest first, with everything a moderator needs. */
  async listForModeration(options: { status: Status; limit: number; cursor?: string | null }): Promise<Page<ModeratedComment>> {
    const params: unknown[] = [options.status, options.limit + 1];
    let after = '';
    if (options.cursor) {
      params.push(...decodeCursor(options.status, options.cursor));
      after = `AND (created_at, id) > ($3::timestamptz, $4::text)`;
    }
    const [page, count] = await Promise.all([
      this.db.query<Row & { thread: string; email: string; status: Status; reason: Reason | null }>(
        `SELECT id, thread, parent_id, author, email, body, status, reason, created_at
         FROM comments WHERE status = $1 ${after} ORDER BY created_at, id LIMIT $2`,
        params,
      ),
      this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM comments WHERE status = $1`, [options.status]),
    ]);
    const rows = page.rows.slice(0, options.limit);
    const comments = rows.map((r) => ({ ...toPublic(r), thread: r.thread, email: r.email, status: r.status, reason: r.reason }));
    const nextCursor = page.rows.length > options.limit ? encodeCursor(options.status, comments.at(-1)!) : null;
    return { total: Number(count.rows[0].n), comments, nextCursor };
  }

  /** Decisions are final: the same decision again is answered as before, another one is refused. */
  async decide(id: string, decision: 'approve' | 'reject', reason: Reason | null, actor: Actor): Promise<DecideResult> {
    const status: Status = decision === 'approve' ? 'approved' : 'rejected';
    const wanted = decision === 'approve' ? null : reason;
    const answer = (s: Status, r: Reason | null): Decision => (r ? { id, status: s, reason: r } : { id, status: s });
    let published = null as Announced | null;
    const result = await this.db.transaction(async (tx): Promise<DecideResult> => {
      // A decision racing another (from any instance) waits here for it, then sees its result.
      const { rows } = await tx.query<{ status: Status; reason: Reason | null }>(`SELECT status, reason FROM comments WHERE id = $1 FOR UPDATE`, [id]);
      const current = rows[0];
      if (!current) return { kind: 'not-found' };
      if (current.status === 'pending') {
        const now = new Date();
        const { rows: changed } = await tx.query<{ thread: string }>(
          `UPDATE comments SET status = $2, reason = $3, decided_at = $4, decided_by = $5, decided_by_name = $6 WHERE id = $1 RETURNING thread`,
          [id, status, wanted, now, actor.id, actor.name],
        );
        await recordAudit(tx, actor, decision === 'approve' ? 'approve' : 'reject', { commentId: id, reason: wanted, at: now });
        await tx.query(`SELECT pg_notify($1, $2)`, [QUEUE_CHANNEL, id]);
        if (status === 'approved') published = await this.announceChange(tx, changed[0].thread);
        return { kind: 'ok', decision: answer(status, wanted) };
      }
      const same = current.status === status && current.reason === wanted;
      return { kind: same ? 'ok' : 'conflict', decision: answer(current.status, current.reason) };
    });
    if (published) await this.othersDropped([published]);
    return result;
  }

  /**
   * Inside a transaction that changes what `thread` shows: tells every instance, when (and only
   * if) it commits, to drop the thread's pages. Pass the result to othersDropped after the commit.
   */
  async announceChange(tx: Queryable, thread: string): Promise<Announced> {
    const published = this.pages.announce(thread);
    await tx.query(`SELECT pg_notify($1, $2)`, [THREADS_CHANNEL, published.payload]);
    return published;
  }

  /** Resolves once every other instance has dropped the announced threads' pages (server/page-cache.ts). */
  async othersDropped(announced: Announced[]): Promise<void> {
    if (!announced.length) return;
    const { rows: listeners } = await this.db
      .query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`, [
        listenerName(THREADS_CHANNEL),
      ])
      .catch(() => ({ rows: [{ n: 0 }] }));
    const others = Math.max(0, Number(listeners[0]?.n ?? 0) - (this.pages.listening ? 1 : 0));
    await Promise.all(announced.map((a) => a.committed(others)));
  }
}

export type Announced = ReturnType<PageCache['announce']>;

async function replyProblem(q: Queryable, thread: string, parentId: string | null): Promise<string | null> {
  if (parentId === null) return null;
  const { rows } = await q.query<{ thread: string; status: Status; parent_id: string | null }>(
    `SELECT thread, status, parent_id FROM comments WHERE id = $1`,
    [parentId],
  );
  const p = rows[0];
  // One message for unknown, pending, rejected and other-thread parents: a reply form must not
  // reveal which comments exist in the queue.
  if (!p || p.thread !== thread || p.status !== 'approved') return 'You can only reply to an approved comment of this thread.';
  if (p.parent_id !== null) return 'Replies are one level deep: reply to the original comment.';
  return null;
}
