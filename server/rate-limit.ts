/**
 * Sliding-window limit per client key: at most `perMinute` posts in any 60 seconds, counted in the
 * database so that every instance on one database enforces one shared limit. The hits of one
 * client are counted and recorded under a transaction-scoped advisory lock on that client, so two
 * instances cannot both take its last slot. Past hits are deleted about once a minute per instance.
 */
import type { Db } from './db/db.js';

const CLIENT_LOCK_CLASS = 872367;

export class RateLimiter {
  private lastSweep = 0;

  constructor(
    private db: Db,
    private perMinute: number,
    private now: () => number = Date.now,
    private windowMs = 60_000,
  ) {}

  /** Records a hit. Resolves 0 when allowed, else the whole seconds to wait before the next one. */
  async hit(client: string): Promise<number> {
    if (this.perMinute <= 0) return 0;
    const now = this.now();
    const wait = await this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [CLIENT_LOCK_CLASS, client]);
      const { rows } = await tx.query<{ at: string }>(`SELECT at FROM rate_hits WHERE client = $1 AND at > $2 ORDER BY at LIMIT $3`, [
        client,
        now - this.windowMs,
        this.perMinute,
      ]);
      if (rows.length >= this.perMinute) return Math.max(1, Math.ceil((Number(rows[0].at) + this.windowMs - now) / 1000));
      await tx.query(`INSERT INTO rate_hits (client, at) VALUES ($1, $2)`, [client, now]);
      return 0;
    });
    if (now - this.lastSweep >= this.windowMs) {
      this.lastSweep = now;
      await this.db.query(`DELETE FROM rate_hits WHERE at <= $1`, [now - this.windowMs]);
    }
    return wait;
  }
}
