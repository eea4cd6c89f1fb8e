/**
 * The HTTP contract of the comments service (README.md, section "The comments service" is its reference). Routes validate,
 * call the Store and shape JSON; they never see SQL. Every error is `{error: {code, message, fields?}}`.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { Unavailable } from './disk-space.js';
import { isClientAbort, jsonLogger, observeRequests, routeOf, type Logger } from './log.js';
import type { Metrics } from './metrics.js';
import { RateLimiter } from './rate-limit.js';
import { InvalidCursor, matchesHash, sha256, type Store } from './store.js';
import {
  checkComment,
  checkCounts,
  checkDecision,
  checkListQuery,
  checkModerationQuery,
  checkThread,
  isHoneypotFilled,
  readJsonBody,
  type Fields,
} from './validate.js';

export interface AppOptions {
  store: Store;
  moderatorToken: string;
  /** Origins allowed to call the API from a browser; `['*']` allows any. Empty: same origin only. */
  allowedOrigins?: string[];
  /** Posts per client address per minute; 0 turns the limit off. Default 6. */
  rateLimitPerMinute?: number;
  basePath?: string;
  /** Take the client address from the last X-Forwarded-For entry (one trusted proxy in front). */
  trustProxy?: boolean;
  /** JSON lines per request and per error (server/log.ts). Without it only errors are logged. */
  log?: Logger;
  /** Serves `GET /api/metrics` and counts every request; `metricsToken` guards it when set. */
  metrics?: Metrics;
  metricsToken?: string;
  /** A consistent copy of the whole database (the embedded one), for `POST /api/moderation/backup`. */
  backup?: () => Promise<Blob>;
  /** What `GET /api/health` reports beyond "the process answers" (the embedded database's disk). */
  health?: () => Promise<{ ok: true } | { ok: false; reason: string }>;
}

type Env = { Bindings: Partial<HttpBindings> };

const CACHE_PUBLIC = 'public, max-age=5, stale-while-revalidate=30';

export function fail(c: Context, status: number, code: string, message: string, fields?: Fields) {
  return c.json({ error: fields ? { code, message, fields } : { code, message } }, status as 400);
}
const invalid = (c: Context, fields: Fields) => fail(c, 422, 'invalid', 'Some fields are not valid.', fields);

function bearer(c: Context): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  return match ? match[1] : null;
}
function unauthorized(c: Context, message: string) {
  c.header('WWW-Authenticate', 'Bearer');
  return fail(c, 401, 'unauthorized', message);
}

/** IPv6 clients usually own a whole /64, so they are limited per /64 rather than per address. */
export function clientKey(address: string): string {
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (v4) return v4[1];
  if (!address.includes(':')) return address;
  const [head, tail = ''] = address.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':') + '::/64';
}

function weakEtag(body: string) {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}
function etagMatches(header: string | undefined, etag: string) {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === bare;
  });
}

export function createApp(options: AppOptions): Hono<Env> {
  const { store, basePath = '/api', trustProxy = false } = options;
  if (!options.moderatorToken) throw new Error('createApp: moderatorToken is required');
  const moderatorHash = sha256(options.moderatorToken);
  const limiter = new RateLimiter(options.rateLimitPerMinute ?? 6);
  const origins = options.allowedOrigins ?? [];

  const clientAddress = (c: Context<Env>) => {
    if (trustProxy) {
      const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      if (forwarded.length) return clientKey(forwarded[forwarded.length - 1]);
    }
    return clientKey(c.env?.incoming?.socket?.remoteAddress ?? 'unknown');
  };

  const root = new Hono<Env>();
  const api = new Hono<Env>();
  const log = options.log ?? jsonLogger();
  const observers = [options.log?.request, options.metrics?.observe].filter((f) => f !== undefined);
  if (observers.length) root.use('*', observeRequests(...observers));

  root.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  if (origins.length) {
    root.use(
      `${basePath}/*`,
      cors({
        origin: origins.includes('*') ? '*' : (origin) => (origins.includes(origin) ? origin : null),
        allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
        allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key'],
        exposeHeaders: ['ETag', 'Retry-After'],
        maxAge: 600,
      }),
    );
  }

  api.get('/health', async (c) => {
    const health = (await options.health?.()) ?? { ok: true };
    return c.json(health, health.ok ? 200 : 503);
  });

  const metrics = options.metrics;
  const metricsHash = options.metricsToken ? sha256(options.metricsToken) : null;
  if (metrics) {
    api.get('/metrics', async (c) => {
      const token = bearer(c);
      if (metricsHash && !(token && matchesHash(token, metricsHash))) return unauthorized(c, 'Send METRICS_TOKEN as a Bearer token.');
      c.header('Content-Type', metrics.contentType);
      return c.body(await metrics.text());
    });
  }

  api.get('/threads/:thread/comments', async (c) => {
    const thread = c.req.param('thread');
    const threadProblem = checkThread(thread);
    const query = checkListQuery(c.req.query());
    if (threadProblem || !query.ok) return invalid(c, { ...(threadProblem ? { thread: threadProblem } : {}), ...(query.ok ? {} : query.fields) });
    let page;
    try {
      page = await store.listThread(thread, query.value);
    } catch (error) {
      if (error instanceof InvalidCursor) return invalid(c, { cursor: 'cursor must be a nextCursor value from a previous page with the same sort.' });
      throw error;
    }
    const body = JSON.stringify({ thread, total: page.total, comments: page.comments, nextCursor: page.nextCursor });
    const etag = weakEtag(body);
    c.header('ETag', etag);
    c.header('Cache-Control', CACHE_PUBLIC);
    if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    c.header('Content-Type', 'application/json; charset=UTF-8');
    return c.body(body, 200);
  });

  api.post('/threads/:thread/comments', async (c) => {
    const wait = limiter.hit(clientAddress(c));
    if (wait) {
      c.header('Retry-After', String(wait));
      return fail(c, 429, 'rate-limited', `Too many comments from your address. Try again in ${wait} seconds.`);
    }
    const body = await readJsonBody(c.req.raw);
    if (!body.ok) return fail(c, body.status, body.code, body.message);
    const key = c.req.header('idempotency-key') ?? '';
    if (key.length < 1 || key.length > 200) {
      return fail(c, 400, 'idempotency-key-required', 'Send an Idempotency-Key header of 1 to 200 characters, new for each comment.');
    }
    if (isHoneypotFilled(body.value)) {
      // Looks exactly like a success so the bot learns nothing; nothing is stored.
      return c.json({ id: randomBytes(16).toString('base64url'), status: 'pending', token: randomBytes(32).toString('base64url') }, 202);
    }
    const thread = c.req.param('thread');
    const threadProblem = checkThread(thread);
    const comment = checkComment(thread, body.value);
    if (threadProblem || !comment.ok) return invalid(c, { ...(threadProblem ? { thread: threadProblem } : {}), ...(comment.ok ? {} : comment.fields) });
    const result = await store.createComment(comment.value, key);
    if (result.kind === 'key-conflict') {
      return fail(c, 409, 'idempotency-key-reused', 'This Idempotency-Key was already used for a different comment. Use a new key.');
    }
    if (result.kind === 'invalid-parent') return invalid(c, { parentId: result.message });
    return c.json({ id: result.id, status: 'pending', token: result.token }, 202);
  });

  api.get('/comments/:id/status', async (c) => {
    const token = bearer(c);
    if (!token) return unauthorized(c, 'Send the token you received with your comment as a Bearer token.');
    const found = await store.statusOf(c.req.param('id'));
    if (!found) return fail(c, 404, 'not-found', 'There is no comment with this id.');
    if (!matchesHash(token, found.tokenHash)) return unauthorized(c, 'This token does not belong to this comment.');
    return c.json(found.reason ? { status: found.status, reason: found.reason } : { status: found.status });
  });

  api.post('/counts', async (c) => {
    const body = await readJsonBody(c.req.raw);
    if (!body.ok) return fail(c, body.status, body.code, body.message);
    const threads = checkCounts(body.value);
    if (!threads.ok) return invalid(c, threads.fields);
    return c.json({ counts: await store.counts(threads.value) });
  });

  api.use('/moderation/*', async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const token = bearer(c);
    if (!token) return unauthorized(c, 'Send the moderator token as a Bearer token.');
    if (!matchesHash(token, moderatorHash)) return unauthorized(c, 'The moderator token is not correct.');
    return next();
  });

  api.get('/moderation/comments', async (c) => {
    const query = checkModerationQuery(c.req.query());
    if (!query.ok) return invalid(c, query.fields);
    try {
      const page = await store.listForModeration(query.value);
      return c.json({ status: query.value.status, total: page.total, comments: page.comments, nextCursor: page.nextCursor });
    } catch (error) {
      if (error instanceof InvalidCursor) return invalid(c, { cursor: 'cursor must be a nextCursor value from a previous page with the same status.' });
      throw error;
    }
  });

  api.post('/moderation/comments/:id/decision', async (c) => {
    const body = await readJsonBody(c.req.raw);
    if (!body.ok) return fail(c, body.status, body.code, body.message);
    const decision = checkDecision(body.value);
    if (!decision.ok) return invalid(c, decision.fields);
    const result = await store.decide(c.req.param('id'), decision.value.decision, decision.value.reason);
    if (result.kind === 'not-found') return fail(c, 404, 'not-found', 'There is no comment with this id.');
    if (result.kind === 'conflict') {
      return c.json({ error: { code: 'decision-final', message: `This comment was already ${result.decision.status}; decisions are final.` }, current: result.decision }, 409);
    }
    return c.json(result.decision);
  });

  const backup = options.backup;
  if (backup) {
    api.post('/moderation/backup', async (c) => {
      const archive = await backup();
      c.header('Content-Type', 'application/gzip');
      c.header('Content-Disposition', 'attachment; filename="comments-backup.tar.gz"');
      return c.body(await archive.arrayBuffer());
    });
  }

  // Known paths with an unsupported method: 405 with Allow (OPTIONS answers the Allow list).
  const allowed: [string, string][] = [
    ['/health', 'GET, HEAD'],
    ['/threads/:thread/comments', 'GET, HEAD, POST'],
    ['/comments/:id/status', 'GET, HEAD'],
    ['/counts', 'POST'],
    ['/moderation/comments', 'GET, HEAD'],
    ['/moderation/comments/:id/decision', 'POST'],
  ];
  for (const [path, allow] of allowed) {
    api.all(path, (c) => {
      c.header('Allow', `${allow}, OPTIONS`);
      if (c.req.method === 'OPTIONS') return c.body(null, 204);
      return fail(c, 405, 'method-not-allowed', `Use ${allow} for this path.`);
    });
  }

  root.route(basePath, api);
  root.notFound((c) => fail(c, 404, 'not-found', 'There is nothing at this address.'));
  root.onError((error, c) => {
    if (isClientAbort(c, error)) {
      // Nobody is left to read the answer; the status only shows in the request log.
      log.aborted({ method: c.req.method, route: routeOf(c) });
      return fail(c, 400, 'aborted', 'The request was not received completely.');
    }
    if (error instanceof Unavailable) {
      c.header('Retry-After', String(error.retryAfterSeconds));
      return fail(c, 503, error.code, error.message);
    }
    log.error({ method: c.req.method, route: routeOf(c), error });
    return fail(c, 500, 'internal', 'Something went wrong on our side. Please try again.');
  });
  return root;
}
