/**
 * The moderation API, mounted at `/moderation` (README.md, section "Moderation"). The
 * administrator signs in with MODERATOR_TOKEN, a named moderator with their own secret; only the
 * administrator manages moderators. Every answer is `no-store`; errors as in server/app.ts.
 */
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import type { Actor, BulkResult } from '../../src/internal/contract.js';
import { readJsonBody, type BodyResult } from '../body.js';
import { bearer, fail, unauthorized } from '../app.js';
import { listAudit } from '../moderation/audit.js';
import { Blocks } from '../moderation/blocks.js';
import { ADMIN, Moderators } from '../moderation/moderators.js';
import { listQueue, pendingThreads } from '../moderation/queue.js';
import type { QueueVersion } from '../moderation/queue-version.js';
import { checkAuditQuery, checkBlock, checkBulk, checkModerator, checkQueueQuery, checkWatchWords } from '../moderation/validate.js';
import { pathSegment } from '../path-segment.js';
import { InvalidCursor, matchesHash, type Store } from '../store.js';
import { checkCommentId, checkDecision, type Fields } from '../validate.js';

type Env = { Bindings: Partial<HttpBindings>; Variables: { actor: Actor } };

const invalid = (c: Context, fields: Fields) => fail(c, 422, 'invalid', 'Some fields are not valid.', fields);
// readJsonBody reads only the Node request; the moderation variables are no concern of it.
const readBody = (c: Context<Env>) => readJsonBody(c as unknown as Context<{ Bindings: Partial<HttpBindings> }>);
const notFound = (c: Context) => fail(c, 404, 'not-found', 'There is no comment with this id.');

const etagMatches = (header: string | undefined, etag: string) => !!header && header.split(',').some((t) => t.trim() === etag || t.trim() === '*');

export interface ModerationOptions {
  store: Store;
  moderatorHash: string;
  queueVersion: QueueVersion | null;
  /** The answer to a body that could not be read (server/app.ts logs aborted uploads). */
  bodyRefused: (c: Context<any>, body: Extract<BodyResult, { ok: false }>) => Response;
  /** A consistent copy of the whole database (the embedded one), for `POST /moderation/backup`. */
  backup?: () => Promise<Blob>;
}

export function moderationRoutes({ store, moderatorHash, queueVersion, bodyRefused, backup }: ModerationOptions) {
  const moderators = new Moderators(store.db);
  const blocks = new Blocks(store.db);
  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const token = bearer(c);
    if (!token) return unauthorized(c, 'Send the administrator token or your moderator secret as a Bearer token.');
    const actor = matchesHash(token, moderatorHash) ? ADMIN : await moderators.authenticate(token);
    if (!actor) return unauthorized(c, 'This token is not the administrator token nor the secret of a current moderator.');
    c.set('actor', actor);
    return next();
  });
  const adminOnly = (c: Context<Env>) => (c.get('actor').role === 'admin' ? null : fail(c, 403, 'forbidden', 'Only the administrator may do this.'));

  app.get('/me', (c) => c.json(c.get('actor')));

  app.get('/comments', async (c) => {
    const query = checkQueueQuery(c.req.query());
    if (!query.ok) return invalid(c, query.fields);
    const url = new URL(c.req.url);
    const tag = queueVersion?.tag(url.pathname + url.search);
    if (tag) {
      c.header('ETag', tag);
      // Still no-store (no cache keeps a moderator's view): the queue's client keeps the last
      // answer itself and sends its tag in If-None-Match.
      if (etagMatches(c.req.header('if-none-match'), tag)) return c.body(null, 304);
    }
    try {
      return c.json(await listQueue(store.db, query.value, await blocks.watchWords()));
    } catch (error) {
      if (error instanceof InvalidCursor) return invalid(c, { cursor: 'cursor must be a nextCursor value from a previous page with the same filters.' });
      throw error;
    }
  });

  app.get('/threads', async (c) => c.json({ threads: await pendingThreads(store.db) }));

  app.post('/comments/:id/decision', async (c) => {
    const body = await readBody(c);
    if (!body.ok) return bodyRefused(c, body);
    const decision = checkDecision(body.value);
    if (!decision.ok) return invalid(c, decision.fields);
    const id = pathSegment(c.req.url, 1);
    if (checkCommentId(id)) return notFound(c);
    const result = await store.decide(id!, decision.value.decision, decision.value.reason, c.get('actor'));
    if (result.kind === 'not-found') return notFound(c);
    if (result.kind === 'conflict') {
      return c.json({ error: { code: 'decision-final', message: `This comment was already ${result.decision.status}; decisions are final.` }, current: result.decision }, 409);
    }
    return c.json(result.decision);
  });

  // Each comment is decided on its own (one transaction each), so one final or missing comment
  // never undoes the others; every result is reported.
  app.post('/decisions', async (c) => {
    const body = await readBody(c);
    if (!body.ok) return bodyRefused(c, body);
    const bulk = checkBulk(body.value);
    if (!bulk.ok) return invalid(c, bulk.fields);
    const results: BulkResult[] = [];
    for (const id of bulk.value.ids) {
      const result = await store.decide(id, bulk.value.decision, bulk.value.reason, c.get('actor'));
      if (result.kind === 'ok') results.push({ ok: true, ...result.decision });
      else if (result.kind === 'not-found') results.push({ id, ok: false, error: { code: 'not-found', message: 'There is no comment with this id.' } });
      else results.push({ ...result.decision, ok: false, error: { code: 'decision-final', message: `This comment was already ${result.decision.status}; decisions are final.` } });
    }
    return c.json({ results });
  });

  app.get('/audit', async (c) => {
    const query = checkAuditQuery(c.req.query());
    if (!query.ok) return invalid(c, query.fields);
    return c.json(await listAudit(store.db, query.value));
  });

  app.get('/blocks', async (c) => c.json({ blocks: await blocks.list() }));
  app.post('/blocks', async (c) => {
    const body = await readBody(c);
    if (!body.ok) return bodyRefused(c, body);
    const block = checkBlock(body.value);
    if (!block.ok) return invalid(c, block.fields);
    // By comment: a moderator never sees a client address, yet can block the one a comment came from.
    const value = block.value.commentId ? await blocks.addressOf(block.value.commentId, block.value.kind) : block.value.value;
    if (value === null) return fail(c, 404, 'not-found', 'There is no comment with this id, or no address is known for it.');
    const added = await blocks.add(c.get('actor'), block.value.kind, value, block.value.reason, block.value.note);
    if (!added) return fail(c, 409, 'conflict', 'This address is blocked already.');
    return c.json(added, 201);
  });
  app.delete('/blocks/:id', async (c) => {
    const lifted = await blocks.lift(c.get('actor'), c.req.param('id'));
    return lifted ? c.body(null, 204) : fail(c, 404, 'not-found', 'There is no active block with this id.');
  });

  app.get('/watch-words', async (c) => c.json({ words: await blocks.watchWords() }));
  app.put('/watch-words', async (c) => {
    const body = await readBody(c);
    if (!body.ok) return bodyRefused(c, body);
    const words = checkWatchWords(body.value);
    if (!words.ok) return invalid(c, words.fields);
    const saved = await blocks.setWatchWords(c.get('actor'), words.value);
    // Highlights are part of the queue's answers: their ETags must change.
    await store.db.query(`SELECT pg_notify('rw_queue', 'watch-words')`);
    return c.json({ words: saved });
  });

  app.get('/moderators', async (c) => adminOnly(c) ?? c.json({ moderators: await moderators.list() }));
  app.post('/moderators', async (c) => {
    const denied = adminOnly(c);
    if (denied) return denied;
    const body = await readBody(c);
    if (!body.ok) return bodyRefused(c, body);
    const input = checkModerator(body.value);
    if (!input.ok) return invalid(c, input.fields);
    return c.json(await moderators.add(c.get('actor'), input.value.name, input.value.email), 201);
  });
  app.delete('/moderators/:id', async (c) => {
    const denied = adminOnly(c);
    if (denied) return denied;
    const removed = await moderators.remove(c.get('actor'), c.req.param('id'));
    return removed ? c.body(null, 204) : fail(c, 404, 'not-found', 'There is no moderator with this id.');
  });

  if (backup) {
    // The whole database, email addresses and moderators included: the administrator's only.
    app.post('/backup', async (c) => {
      const denied = adminOnly(c);
      if (denied) return denied;
      const archive = await backup();
      c.header('Content-Type', 'application/gzip');
      c.header('Content-Disposition', 'attachment; filename="comments-backup.tar.gz"');
      return c.body(await archive.arrayBuffer());
    });
  }

  // Known paths with an unsupported method: 405 with Allow (OPTIONS answers the Allow list).
  const allowed: [string, string][] = [
    ['/me', 'GET, HEAD'],
    ['/comments', 'GET, HEAD'],
    ['/threads', 'GET, HEAD'],
    ['/comments/:id/decision', 'POST'],
    ['/decisions', 'POST'],
    ['/audit', 'GET, HEAD'],
    ['/blocks', 'GET, HEAD, POST'],
    ['/blocks/:id', 'DELETE'],
    ['/watch-words', 'GET, HEAD, PUT'],
    ['/moderators', 'GET, HEAD, POST'],
    ['/moderators/:id', 'DELETE'],
  ];
  for (const [path, allow] of allowed) {
    app.all(path, (c) => {
      c.header('Allow', `${allow}, OPTIONS`);
      if (c.req.method === 'OPTIONS') return c.body(null, 204);
      return fail(c, 405, 'method-not-allowed', `Use ${allow} for this path.`);
    });
  }
  return app;
}
