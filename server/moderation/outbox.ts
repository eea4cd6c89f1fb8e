/**
 * Delivers notifications of new pending comments from the `outbox` table, in the background, so a
 * post never waits for them and nothing is lost across restarts. Any instance may work: a row is
 * claimed with FOR UPDATE SKIP LOCKED and leased by moving its `next_at`, then delivered outside
 * the transaction (a slow receiver never holds a database lock).
 *
 * - webhook: one POST per comment, retried with exponential backoff (2 s, 4 s, … at most 1 h).
 * - digest: one mail listing every new pending comment, at most once per DIGEST_MINUTES across
 *   all instances (the `mail_digest` row is the shared schedule); the first soon after the first comment.
 */
import nodemailer from 'nodemailer';
import type { Db } from '../db/db.js';
import type { NotifyConfig } from './notify-config.js';
import { Moderators } from './moderators.js';

const LEASE_SECONDS = 60;
const MAX_BACKOFF_SECONDS = 3600;
const EXCERPT = 280;

interface Item {
  outbox: string;
  attempts: number;
  id: string;
  thread: string;
  author: string;
  body: string;
  created_at: unknown;
  title: string | null;
  url: string | null;
}

const iso = (v: unknown) => (v instanceof Date ? v : new Date(String(v))).toISOString();
const excerpt = (text: string) => ([...text].length > EXCERPT ? [...text].slice(0, EXCERPT - 1).join('') + '…' : text);

export class Outbox {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private moderators: Moderators;

  constructor(
    private db: Db,
    private config: NotifyConfig,
    private options: { pollMs?: number; log?: (message: string) => void } = {},
  ) {
    this.moderators = new Moderators(db);
  }

  /** The kinds a new pending comment queues under this configuration. */
  static kinds(config: NotifyConfig): ('webhook' | 'digest')[] {
    return [...(config.webhookUrl ? (['webhook'] as const) : []), ...(config.smtpUrl ? (['digest'] as const) : [])];
  }

  start() {
    const tick = () => {
      this.running = this.runOnce()
        .catch((error) => this.log(`notifications: ${(error as Error).message}`))
        .finally(() => {
          this.running = null;
          if (this.timer) this.timer = setTimeout(tick, this.options.pollMs ?? 2000);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  async runOnce() {
    if (this.config.webhookUrl) await this.webhooks(this.config.webhookUrl);
    if (this.config.smtpUrl) await this.digest();
  }

  private log(message: string) {
    (this.options.log ?? console.error)(message);
  }

  private claim(kind: 'webhook' | 'digest', limit: number): Promise<Item[]> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<Item>(
        `SELECT o.id AS outbox, o.attempts, c.id, c.thread, c.author, c.body, c.created_at, t.title, t.url
         FROM outbox o JOIN comments c ON c.id = o.comment_id LEFT JOIN threads t ON t.thread = c.thread
         WHERE o.kind = $1 AND o.done_at IS NULL AND o.next_at <= now() AND c.status <> 'removed'
         ORDER BY o.id LIMIT $2 FOR UPDATE OF o SKIP LOCKED`,
        [kind, limit],
      );
      // An erased comment's placeholder is announced to no one.
      await tx.query(
        `UPDATE outbox o SET done_at = now() FROM comments c WHERE c.id = o.comment_id AND o.kind = $1 AND o.done_at IS NULL AND c.status = 'removed'`,
        [kind],
      );
      if (rows.length) {
        await tx.query(`UPDATE outbox SET next_at = now() + make_interval(secs => $2) WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.outbox), LEASE_SECONDS]);
      }
      return rows;
    });
  }

  private link(id: string) {
    return this.config.moderationUrl ? `${this.config.moderationUrl}#comment=${encodeURIComponent(id)}` : null;
  }

  private async webhooks(target: string) {
    for (const item of await this.claim('webhook', 20)) {
      // No email address: a webhook often lands in a chat room.
      const payload = {
        type: 'comment.pending',
        id: item.id,
        thread: item.thread,
        threadTitle: item.title,
        threadUrl: item.url,
        author: item.author,
        excerpt: excerpt(item.body),
        createdAt: iso(item.created_at),
        queueUrl: this.link(item.id),
      };
      let problem: string | null = null;
      try {
        const res = await fetch(target, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'reading-widget-comments' },
          body: JSON.stringify(payload),
          signal: AbortSignal.timeout(10_000),
        });
        await res.body?.cancel();
        if (!res.ok) problem = `HTTP ${res.status}`;
      } catch (error) {
        problem = (error as Error).message;
      }
      await this.settle(item, problem);
      if (problem) this.log(`notifications: webhook for comment ${item.id} failed (${problem}); retrying`);
    }
  }

  private async settle(item: Pick<Item, 'outbox' | 'attempts'>, problem: string | null) {
    if (!problem) return void (await this.db.query(`UPDATE outbox SET done_at = now(), last_error = NULL WHERE id = $1`, [item.outbox]));
    const backoff = Math.min(2 ** (item.attempts + 1), MAX_BACKOFF_SECONDS);
    await this.db.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2, next_at = now() + make_interval(secs => $3) WHERE id = $1`, [
      item.outbox,
      problem.slice(0, 500),
      backoff,
    ]);
  }

  private async digest() {
    // The schedule row is leased, not locked, so the mail is sent outside any transaction.
    const { rows: due } = await this.db.query(
      `UPDATE mail_digest SET lease_until = now() + make_interval(secs => $1)
       WHERE id = 1 AND (lease_until IS NULL OR lease_until < now())
         AND (last_sent_at IS NULL OR last_sent_at <= now() - make_interval(mins => $2))
         AND EXISTS (SELECT 1 FROM outbox WHERE kind = 'digest' AND done_at IS NULL AND next_at <= now())
       RETURNING id`,
      [LEASE_SECONDS, this.config.digestMinutes],
    );
    if (!due.length) return;
    let sent = false;
    let failed = false;
    try {
      const items = await this.claim('digest', 200);
      const to = [...new Set([...this.config.moderatorEmails, ...(await this.moderators.emails())])];
      if (items.length && to.length) {
        await this.send(to, items);
        sent = true;
      }
      const ids = items.map((i) => i.outbox);
      if (sent || !to.length) await this.db.query(`UPDATE outbox SET done_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
      else for (const i of items) await this.settle(i, 'no mail sent');
    } catch (error) {
      failed = true;
      this.log(`notifications: digest mail failed (${(error as Error).message}); retrying in ${LEASE_SECONDS} s`);
      await this.db.query(`UPDATE outbox SET attempts = attempts + 1, next_at = now() WHERE kind = 'digest' AND done_at IS NULL`);
    } finally {
      // After a failure the lease runs out by itself: the next attempt comes a minute later, not on the next tick.
      if (!failed) await this.db.query(`UPDATE mail_digest SET lease_until = NULL${sent ? ', last_sent_at = now()' : ''} WHERE id = 1`);
    }
  }

  private async send(to: string[], items: Item[]) {
    const transport = nodemailer.createTransport(this.config.smtpUrl!);
    try {
      const lines = items.map((i) => {
        const where = i.title ?? i.thread;
        return `${i.author} on "${where}" (${iso(i.created_at)}):\n${excerpt(i.body)}\n${this.link(i.id)}\n`;
      });
      await transport.sendMail({
        from: this.config.mailFrom!,
        to,
        subject: `${items.length} new comment${items.length === 1 ? '' : 's'} waiting for moderation`,
        text: `${lines.join('\n')}\nThe queue: ${this.config.moderationUrl}\n`,
      });
    } finally {
      transport.close();
    }
  }
}
