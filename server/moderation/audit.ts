/**
 * The moderation audit: one row per decision and per change to who may moderate or what is
 * blocked, written in the same transaction as the change. The table refuses UPDATE, DELETE and
 * TRUNCATE by trigger (server/moderation/schema.ts), so no route and no bug can rewrite it.
 */
import type { Actor, AuditAction, AuditEntry, Reason } from '../../src/internal/contract.js';
import type { Queryable } from '../db/db.js';

export function recordAudit(
  tx: Queryable,
  actor: Pick<Actor, 'id' | 'name'>,
  action: AuditAction,
  entry: { commentId?: string | null; reason?: Reason | null; detail?: string | null; at?: Date } = {},
) {
  return tx.query(`INSERT INTO moderation_audit (at, actor_id, actor_name, action, comment_id, reason, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
    entry.at ?? new Date(),
    actor.id,
    actor.name,
    action,
    entry.commentId ?? null,
    entry.reason ?? null,
    entry.detail ?? null,
  ]);
}

interface AuditRow {
  seq: string | number;
  at: unknown;
  actor_id: string;
  actor_name: string;
  action: AuditAction;
  comment_id: string | null;
  reason: Reason | null;
  detail: string | null;
}

/** Newest first; `before` is the `seq` of the last entry of the previous page. */
export async function listAudit(db: Queryable, options: { limit: number; before: number | null; commentId?: string | null }) {
  const params: unknown[] = [options.limit + 1];
  const where: string[] = [];
  if (options.before !== null) where.push(`seq < $${params.push(options.before)}`);
  if (options.commentId) where.push(`comment_id = $${params.push(options.commentId)}`);
  const { rows } = await db.query<AuditRow>(
    `SELECT seq, at, actor_id, actor_name, action, comment_id, reason, detail FROM moderation_audit
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $1`,
    params,
  );
  const entries: AuditEntry[] = rows.slice(0, options.limit).map((r) => ({
    seq: Number(r.seq),
    at: new Date(String(r.at instanceof Date ? r.at.toISOString() : r.at)).toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    commentId: r.comment_id,
    reason: r.reason,
    detail: r.detail,
  }));
  return { entries, nextCursor: rows.length > options.limit ? String(entries.at(-1)!.seq) : null };
}
