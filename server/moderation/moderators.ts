/**
 * Named moderators. Each has a secret of their own, shown once when added and stored only as its
 * SHA-256. Every request looks the secret up in the database, so removing a moderator takes
 * effect at once on every instance sharing it (an indexed lookup, cheaper than keeping caches
 * in step).
 */
import { randomBytes } from 'node:crypto';
import type { Actor, Moderator } from '../../src/internal/contract.js';
import type { Db } from '../db/db.js';
import { sha256 } from '../store.js';
import { recordAudit } from './audit.js';

/** The administrator, who holds MODERATOR_TOKEN. */
export const ADMIN: Actor = { id: 'admin', name: 'Administrator', role: 'admin' };

const SECRET_PREFIX = 'rwm_';

interface Row {
  id: string;
  name: string;
  email: string | null;
  created_at: unknown;
}
const toModerator = (r: Row): Moderator => ({
  id: r.id,
  name: r.name,
  email: r.email,
  createdAt: (r.created_at instanceof Date ? r.created_at : new Date(String(r.created_at))).toISOString(),
});

export class Moderators {
  constructor(private db: Db) {}

  /** The moderator holding `secret`, or null (unknown or removed). */
  async authenticate(secret: string): Promise<Actor | null> {
    if (!secret.startsWith(SECRET_PREFIX)) return null;
    const { rows } = await this.db.query<{ id: string; name: string }>(
      `SELECT id, name FROM moderators WHERE secret_hash = $1 AND removed_at IS NULL`,
      [sha256(secret)],
    );
    return rows[0] ? { id: rows[0].id, name: rows[0].name, role: 'moderator' } : null;
  }

  async list(): Promise<Moderator[]> {
    const { rows } = await this.db.query<Row>(`SELECT id, name, email, created_at FROM moderators WHERE removed_at IS NULL ORDER BY created_at, id`);
    return rows.map(toModerator);
  }

  /** Addresses of moderators who gave one, for the digest. */
  async emails(): Promise<string[]> {
    const { rows } = await this.db.query<{ email: string }>(`SELECT email FROM moderators WHERE removed_at IS NULL AND email IS NOT NULL`);
    return rows.map((r) => r.email);
  }

  async add(by: Actor, name: string, email: string | null): Promise<Moderator & { secret: string }> {
    const id = randomBytes(9).toString('base64url');
    const secret = SECRET_PREFIX + randomBytes(32).toString('base64url');
    const now = new Date();
    await this.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO moderators (id, name, email, secret_hash, created_at) VALUES ($1, $2, $3, $4, $5)`, [id, name, email, sha256(secret), now]);
      await recordAudit(tx, by, 'moderator-added', { detail: `${name} (${id})`, at: now });
    });
    return { id, name, email, createdAt: now.toISOString(), secret };
  }

  /** False when there is no such (active) moderator. */
  async remove(by: Actor, id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ name: string }>(`UPDATE moderators SET removed_at = now() WHERE id = $1 AND removed_at IS NULL RETURNING name`, [id]);
      if (!rows[0]) return false;
      await recordAudit(tx, by, 'moderator-removed', { detail: `${rows[0].name} (${id})` });
      return true;
    });
  }
}
