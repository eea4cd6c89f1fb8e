/**
 * Blocked commenters (by email address or client address) and the newsroom's watch words. A block
 * makes the service store a new comment as rejected with the block's guideline reason, without a
 * moderator; watch words are only highlighted in the queue, never acted on.
 */
import { randomBytes } from 'node:crypto';
import type { Actor, Block, BlockKind, Reason } from '../../src/internal/contract.js';
import type { Db, Queryable } from '../db/db.js';
import { clientKey } from '../client-address.js';
import { recordAudit } from './audit.js';

interface Row {
  id: string;
  kind: BlockKind;
  value: string;
  reason: Reason;
  note: string | null;
  created_at: unknown;
  created_by: string;
}
const toBlock = (r: Row): Block => ({
  id: r.id,
  kind: r.kind,
  value: r.value,
  reason: r.reason,
  note: r.note,
  createdAt: (r.created_at instanceof Date ? r.created_at : new Date(String(r.created_at))).toISOString(),
  createdBy: r.created_by,
});

/** Emails compare case-insensitively; addresses as the rate limit keys them (an IPv6 /64). */
export const blockValue = (kind: BlockKind, value: string) => (kind === 'email' ? value.trim().toLowerCase() : clientKey(value.trim()));

/** The active block matching a new comment, if any (inside the posting transaction). */
export async function findBlock(tx: Queryable, email: string, client: string | null): Promise<{ reason: Reason } | null> {
  const { rows } = await tx.query<{ reason: Reason }>(
    `SELECT reason FROM blocks WHERE lifted_at IS NULL AND ((kind = 'email' AND value = $1) OR (kind = 'client' AND value = $2)) ORDER BY created_at LIMIT 1`,
    [email.toLowerCase(), client ?? ''],
  );
  return rows[0] ?? null;
}

export class Blocks {
  constructor(private db: Db) {}

  /** The address of a comment's author, as a block of `kind` would name it; null if unknown. */
  async addressOf(commentId: string, kind: BlockKind): Promise<string | null> {
    const { rows } = await this.db.query<{ email: string; client: string | null }>(`SELECT email, client FROM comments WHERE id = $1`, [commentId]);
    return (kind === 'email' ? rows[0]?.email : rows[0]?.client) ?? null;
  }

  async list(): Promise<Block[]> {
    const { rows } = await this.db.query<Row>(`SELECT * FROM blocks WHERE lifted_at IS NULL ORDER BY created_at DESC, id`);
    return rows.map(toBlock);
  }

  /** Null when the same value is blocked already. */
  async add(by: Actor, kind: BlockKind, raw: string, reason: Reason, note: string | null): Promise<Block | null> {
    const value = blockValue(kind, raw);
    const id = randomBytes(9).toString('base64url');
    const now = new Date();
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<Row>(
        `INSERT INTO blocks (id, kind, value, reason, note, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (kind, value) WHERE lifted_at IS NULL DO NOTHING RETURNING *`,
        [id, kind, value, reason, note, now, by.name],
      );
      if (!rows[0]) return null;
      // The append-only audit names the block, never the address: an erasure must be able to remove that.
      await recordAudit(tx, by, 'block', { reason, detail: `${kind} block ${id}`, at: now });
      return toBlock(rows[0]);
    });
  }

  async lift(by: Actor, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<Row>(`UPDATE blocks SET lifted_at = now(), lifted_by = $2 WHERE id = $1 AND lifted_at IS NULL RETURNING *`, [id, by.name]);
      if (!rows[0]) return false;
      await recordAudit(tx, by, 'unblock', { detail: `${rows[0].kind} block ${id}` });
      return true;
    });
  }

  async watchWords(): Promise<string[]> {
    const { rows } = await this.db.query<{ word: string }>(`SELECT word FROM watch_words ORDER BY word`);
    return rows.map((r) => r.word);
  }

  /** Replaces the whole list (the newsroom edits it as one list). */
  async setWatchWords(by: Actor, words: string[]): Promise<string[]> {
    const clean = [...new Set(words.map((w) => w.trim().toLowerCase()).filter(Boolean))].sort();
    await this.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM watch_words`);
      if (clean.length) await tx.query(`INSERT INTO watch_words (word) SELECT unnest($1::text[])`, [clean]);
      await recordAudit(tx, by, 'watch-words', { detail: clean.join(', ') });
    });
    return clean;
  }
}

/** The watch words a text contains, as whole words or phrases, case-insensitively. */
export function matchWatchWords(text: string, words: string[]): string[] {
  const lower = text.toLowerCase();
  return words.filter((w) => {
    let at = lower.indexOf(w);
    while (at !== -1) {
      const before = lower[at - 1];
      const after = lower[at + w.length];
      if (!(before && /[\p{L}\p{N}]/u.test(before)) && !(after && /[\p{L}\p{N}]/u.test(after))) return true;
      at = lower.indexOf(w, at + 1);
    }
    return false;
  });
}
