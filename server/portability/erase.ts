/**
 * Erasure on request (GDPR article 17). A removed comment disappears from the public list, the
 * counts and the queue; its author, email and text are gone from the database. A top-level comment
 * that others replied to stays as a placeholder row (status 'removed', empty author, email and
 * text), so their replies keep their place under "a removed comment"; every other removed row is
 * deleted with its idempotency key (whose fingerprint is a hash of the author, email and text).
 * The rate limit holds client addresses only, never a name or an email.
 */
import type { Announced, Queryable, Store } from '../store.js';

export interface ErasureResult {
  /** Comments removed (deleted or left as a placeholder). */
  comments: number;
  /** Threads whose public pages changed. */
  threads: string[];
}

/**
 * Removes `ids` inside `tx` and announces each thread they were shown on. Replies among `ids`
 * themselves do not keep a placeholder alive: only replies by others do.
 */
async function removeComments(store: Store, tx: Queryable, ids: string[]): Promise<{ result: ErasureResult; announced: Announced[] }> {
  if (!ids.length) return { result: { comments: 0, threads: [] }, announced: [] };
  const { rows: kept } = await tx.query<{ id: string }>(
    `SELECT DISTINCT parent_id AS id FROM comments WHERE parent_id = ANY($1::text[]) AND NOT (id = ANY($1::text[]))`,
    [ids],
  );
  const placeholders = kept.map((r) => r.id);
  const { rows: shown } = await tx.query<{ thread: string }>(
    `SELECT DISTINCT thread FROM comments WHERE id = ANY($1::text[]) AND status = 'approved'`,
    [ids],
  );
  await tx.query(
    `UPDATE comments SET author = '', email = '', body = '', status = 'removed', reason = NULL, token_hash = '', decided_at = NULL, client = NULL
     WHERE id = ANY($1::text[])`,
    [placeholders],
  );
  await tx.query(`DELETE FROM idempotency_keys WHERE comment_id = ANY($1::text[])`, [ids]);
  // One statement for parents and their replies: the foreign key is checked at its end.
  await tx.query(`DELETE FROM comments WHERE id = ANY($1::text[]) AND NOT (id = ANY($2::text[]))`, [ids, placeholders]);
  const threads = shown.map((r) => r.thread).sort();
  const announced: Announced[] = [];
  for (const thread of threads) announced.push(await store.announceChange(tx, thread));
  return { result: { comments: ids.length, threads }, announced };
}

/** Erases every comment of `email` (any status, compared case-insensitively) and records who asked. */
export async function eraseCommenter(store: Store, email: string, byWhom: string): Promise<ErasureResult> {
  const address = email.trim();
  if (!address) throw new Error('eraseCommenter: an email address is required');
  const { result, announced } = await store.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `SELECT id FROM comments WHERE lower(email) = lower($1) AND status <> 'removed' FOR UPDATE`,
      [address],
    );
    const removed = await removeComments(store, tx, rows.map((r) => r.id));
    await tx.query(`INSERT INTO erasures (at, by_whom, comments) VALUES ($1, $2, $3)`, [new Date(), byWhom, removed.result.comments]);
    return removed;
  });
  await store.othersDropped(announced);
  return result;
}

/**
 * "Delete my comment": the reader proved with their status token that `id` is theirs (checked by
 * the caller). Returns false when the comment no longer exists.
 */
export async function eraseOwnComment(store: Store, id: string): Promise<boolean> {
  const { found, announced } = await store.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(`SELECT id FROM comments WHERE id = $1 AND status <> 'removed' FOR UPDATE`, [id]);
    if (!rows.length) return { found: false, announced: [] as Announced[] };
    const removed = await removeComments(store, tx, [id]);
    await tx.query(`INSERT INTO erasures (at, by_whom, comments) VALUES ($1, $2, $3)`, [new Date(), 'the commenter (status token)', 1]);
    return { found: true, announced: removed.announced };
  });
  await store.othersDropped(announced);
  return found;
}
