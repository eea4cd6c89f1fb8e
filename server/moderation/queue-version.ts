/**
 * Lets an open queue poll every couple of seconds for almost nothing: every change to what a
 * queue shows sends `pg_notify('rw_queue', …)` in its transaction, and each instance counts them.
 * While the count is unchanged, a poll with the previous ETag is answered 304 without a query.
 * The instance id is part of the tag, so a poll sent to another instance is answered in full.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/db.js';
import { QUEUE_CHANNEL } from './queue.js';

export class QueueVersion {
  private version = 0;
  private live = false;
  private readonly instance = randomBytes(6).toString('base64url');

  static async start(db: Db): Promise<QueueVersion> {
    const v = new QueueVersion();
    await db.listen(
      QUEUE_CHANNEL,
      () => v.version++,
      (listening) => {
        v.live = listening;
        v.version++;
      },
    );
    v.live = true;
    return v;
  }

  /** The tag of an answer to `request` (path and query), or null while changes may go unheard. Taken before reading. */
  tag(request: string): string | null {
    if (!this.live) return null;
    return `W/"q.${this.instance}.${this.version}.${createHash('sha256').update(request).digest('base64url').slice(0, 16)}"`;
  }
}
