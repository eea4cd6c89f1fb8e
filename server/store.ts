/**
 * Everything the service keeps, written once in plain PostgreSQL over the narrow `Db` interface.
 * PGlite implements `Db` today (server/pglite.ts); a PostgreSQL server needs only another small
 * adapter with the same three methods (see README.md, section "The comments service"). The routes never see SQL.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}
/** The shape both PGlite and a node-postgres client (wrapped in BEGIN/COMMIT) can offer. */
export interface Db extends Queryable {
  transaction<R>(fn: (tx: Queryable) => Promise<R>): Promise<R>;
  close(): Promise<void>;
  /** Connection pool usage for `/api/metrics`, from backends that have a pool. */
  poolStats?(): PoolStats;
}

import type { PoolStats } from './metrics.js';
import type { Decision, ModeratedComment, PublicComment, Reason, Sort, Status } from '../src/internal/contract.js';

export { REASONS, STATUSES } from '../src/internal/contract.js';
export type { Decision, ModeratedComment, PublicComment, Reason, Sort, Status };
export interface NewComment {
  thread: string;
  author: string;
  email: string;
  text: string;
  parentId: string | null;
}
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
];

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
function encodeCursor(scope: string, row: { createdAt: string; id: string }) {
  return Buffer.from(JSON.stringify([scope, row.createdAt, row.id])).toString('base64url');
}
function decodeCursor(scope: string, cursor: string): [string, string] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== scope) throw new InvalidCursor();
  const [, at, id] = parsed;
  if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) throw new InvalidCursor();
  return [at, id];
}

interface Row {
  id: string;
  parent_id: string | null;
  author: string;
  body: string;
  created_at: unknown;
}
const toPublic = (r: Row): PublicComment => ({
  id: r.id,
  parentId: r.parent_id,
  author: r.author,
  text: r.body,
  createdAt: iso(r.created_at),
});

export class Store {
  private constructor(
    private db: Db,
    private tokenSecret: string,
  ) {}

  static async open(db: Db): Promise<Store> {
    await db.transaction(async (tx) => {
      await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
      // Two processes starting against one PostgreSQL server must not both migrate.
      await tx.query(`SELECT pg_advisory_xact_lock(872365)`);
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
    return new Store(db, rows[0].value);
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
           SELECT id, parent_id, author, body, created_at
           FROM comments
           WHERE thread = $1 AND status = 'approved' AND parent_id IS NULL ${after}
           ORDER BY ${order}
           LIMIT $2
         ), top AS (
           SELECT page.*, row_number() OVER (ORDER BY ${order}) AS pos FROM page
         )
         SELECT id, parent_id, author, body, created_at, pos, 0 AS depth FROM top
         UNION ALL
         SELECT c.id, c.parent_id, c.author, c.body, c.created_at, top.pos, 1 AS depth
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
  async createComment(input: NewComment, idempotencyKey: string): Promise<CreateResult> {
    const keyHash = sha256(idempotencyKey);
    const fingerprint = sha256(JSON.stringify([input.thread, input.author, input.email, input.text, input.parentId]));
    const token = createHmac('sha256', this.tokenSecret).update(`status-token\0${idempotencyKey}`).digest('base64url');
    return this.db.transaction(async (tx): Promise<CreateResult> => {
      const seen = await tx.query<{ fingerprint: string; comment_id: string }>(
        `SELECT fingerprint, comment_id FROM idempotency_keys WHERE key_hash = $1`,
        [keyHash],
      );
      if (seen.rows[0]) {
        return seen.rows[0].fingerprint === fingerprint ? { kind: 'replayed', id: seen.rows[0].comment_id, token } : { kind: 'key-conflict' };
      }
      if (input.parentId !== null) {
        const parent = await tx.query<{ thread: string; status: Status; parent_id: string | null }>(
          `SELECT thread, status, parent_id FROM comments WHERE id = $1`,
          [input.parentId],
        );
        const p = parent.rows[0];
        // One message for unknown, pending, rejected and other-thread parents: a reply form
        // must not reveal which comments exist in the queue.
        if (!p || p.thread !== input.thread || p.status !== 'approved') {
          return { kind: 'invalid-parent', message: 'You can only reply to an approved comment of this thread.' };
        }
        if (p.parent_id !== null) return { kind: 'invalid-parent', message: 'Replies are one level deep: reply to the original comment.' };
      }
      const id = randomBytes(16).toString('base64url');
      const now = new Date();
      await tx.query(
        `INSERT INTO comments (id, thread, parent_id, author, email, body, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, input.thread, input.parentId, input.author, input.email, input.text, sha256(token), now],
      );
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
  async decide(id: string, decision: 'approve' | 'reject', reason: Reason | null): Promise<DecideResult> {
    const status: Status = decision === 'approve' ? 'approved' : 'rejected';
    const wanted = decision === 'approve' ? null : reason;
    const answer = (s: Status, r: Reason | null): Decision => (r ? { id, status: s, reason: r } : { id, status: s });
    return this.db.transaction(async (tx): Promise<DecideResult> => {
      const { rows } = await tx.query<{ status: Status; reason: Reason | null }>(`SELECT status, reason FROM comments WHERE id = $1 FOR UPDATE`, [id]);
      const current = rows[0];
      if (!current) return { kind: 'not-found' };
      if (current.status === 'pending') {
        await tx.query(`UPDATE comments SET status = $2, reason = $3, decided_at = $4 WHERE id = $1`, [id, status, wanted, new Date()]);
        return { kind: 'ok', decision: answer(status, wanted) };
      }
      const same = current.status === status && current.reason === wanted;
      return { kind: same ? 'ok' : 'conflict', decision: answer(current.status, current.reason) };
    });
  }
}
