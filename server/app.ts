/**
 * The HTTP contract of the comments service (README.md, section "The comments service" is its reference). Routes validate,
 * call the Store and shape JSON; they never see SQL. Every error is `{error: {code, message, fields?}}`.
 */
import { createHash } from 'node:crypto';
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { DatabaseUnavailable } from './db/db.js';
import { readJsonBody, type BodyResult } from './body.js';
import { requestClientKey } from './client-address.js';
import { Honeypot, isHoneypotFilled } from './honeypot.js';
import { pathSegment } from './path-segment.js';
import { Unavailable } from './disk-space.js';
import { isClientAbort, jsonLogger, observeRequests, routeOf, type Logger } from './log.js';
import type { Metrics } from './metrics.js';
import { RateLimiter } from './rate-limit.js';
import { checkArticle, onOurSites } from './moderation/validate.js';
import { moderationRoutes } from './routes/moderation.js';
import { InvalidCursor, matchesHash, sha256, type Store } from './store.js';
import { portabilityRoutes } from './portability/routes.js';
import {
  checkComment,
  checkCounts,
  checkListQuery,
  checkCommentId,
  checkThread,
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

export function bearer(c: Context): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  return match ? match[1] : null;
}
export function unauthorized(c: Context, message: string) {
  c.header('WWW-Authenticate', 'Bearer');
  return fail(c, 401, 'unauthorized', message);
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

/** A public page, from the cache or just rendered; a matching If-None-Match costs no query. */
function sendPage(c: Context, body: Uint8Array<ArrayBuffer>, etag: string) {
  c.header('ETag', etag);
  c.header('Cache-Control', CACHE_PUBLIC);
  if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
  c.header('Content-Type', 'application/json; charset=UTF-8');
  return c.body(body, 200);
}

function unavailable(c: Context, message: string) {
  c.header('Retry-After', '5');
  c.header('Cache-Control', 'no-store');
  return fail(c, 503, 'unavailable', message);
}

export function createApp(options: AppOptions): Hono<Env> {
  const { store, basePath = '/api', trustProxy = false } = options;
  if (!options.moderatorToken) throw new Error('createApp: moderatorToken is required');
  const moderatorHash = sha256(options.moderatorToken);
  const limiter = new RateLimiter(store.db, options.rateLimitPerMinute ?? 6);
  const origins = options.allowedOrigins ?? [];

  const honeypot = new Honeypot(options.moderatorToken);
  const clientAddress = (c: Context<Env>) => requestClientKey(c.req.header('x-forwarded-for'), c.env?.incoming?.socket?.remoteAddress, trustProxy);
  // The router keeps undecodable percent-escapes as they are; these take the segment strictly.
  const threadOf = (c: Context<Env>) => pathSegment(c.req.url, 1);
  const checkThreadOf = (thread: string | null) => (thread === null ? 'A thread id must be valid UTF-8, percent-encoded.' : checkThread(thread));

  const root = new Hono<Env>();
  const api = new Hono<Env>();
  const log = options.log ?? jsonLogger();
  // A client that hung up mid-upload is no fault of ours: one info line, never an error with a stack.
  const bodyRefused = (c: Context<Env>, body: Extract<BodyResult, { ok: false }>) => {
    if (body.aborted) log.aborted({ method: c.req.method, route: routeOf(c) });
    return fail(c, body.status, body.code, body.message);
  };
  const observers = [options.log?.request, options.metrics?.observe].filter((f) => f !== undefined);
  if (observers.length) root.use('*', observeRequests(...observers));

  root.use('*', async (c, next) => {
    await next();
    // On the response's own headers: c.header() on a finished response would copy it into a
    // stream-bodied one, which costs about a third of a cached page's CPU.
    const headers = c.res.headers;
    headers.set('X-Content-Type-Options', 'nosniff');
    if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
  });
  if (origins.length) {
    root.use(
      `${basePath}/*`,
      cors({
        origin: origins.includes('*') ? '*' : (origin) => (origins.includes(origin) ? origin : null),
        allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
        allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'If-None-Match'],
        exposeHeaders: ['ETag', 'Retry-After'],
        maxAge: 600,
      }),
    );
  }

  api.get('/health', async (c) => {
    try {
      await store.ping();
    } catch (error) {
      if (!(error instanceof DatabaseUnavailable)) throw error;
      return unavailable(c, 'The database is unreachable.');
    }
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
    const segment = threadOf(c);
    const threadProblem = checkThreadOf(segment);
    const query = checkListQuery(c.req.query());
    if (segment === null || threadProblem || !query.ok) {
      return invalid(c, { ...(threadProblem ? { thread: threadProblem } : {}), ...(query.ok ? {} : query.fields) });
    }
    const thread = segment;
    const pageKey = `${query.value.sort}\0${query.value.limit}\0${query.value.cursor ?? ''}`;
    const cached = store.pages.get(thread, pageKey);
    if (cached) return sendPage(c, cached.body, cached.etag);
    const ticket = store.pages.ticket(thread);
    let page;
    try {
      page = await store.listThread(thread, query.value);
    } catch (error) {
      if (error instanceof InvalidCursor) return invalid(c, { cursor: 'cursor must be a nextCursor value from a previous page with the same sort.' });
      throw error;
    }
    const json = JSON.stringify({ thread, total: page.total, comments: page.comments, nextCursor: page.nextCursor });
    const body = new TextEncoder().encode(json);
    const etag = weakEtag(json);
    store.pages.set(thread, pageKey, ticket, { body, etag });
    return sendPage(c, body, etag);
  });

  api.post('/threads/:thread/comments', async (c) => {
    const wait = await limiter.hit(clientAddress(c));
    if (wait) {
      c.header('Retry-After', String(wait));
      return fail(c, 429, 'rate-limited', `Too many comments from your address. Try again in ${wait} seconds.`);
    }
    const body = await readJsonBody(c);
    if (!body.ok) return bodyRefused(c, body);
    const key = c.req.header('idempotency-key') ?? '';
    if (key.length < 1 || key.length > 200) {
      return fail(c, 400, 'idempotency-key-required', 'Send an Idempotency-Key header of 1 to 200 characters, new for each comment.');
    }
    const thread = threadOf(c);
    const threadProblem = checkThreadOf(thread);
    const comment = checkComment(thread ?? '', body.value);
    const article = checkArticle(body.value as Record<string, unknown>);
    if (threadProblem || !comment.ok || !article.ok) {
      return invalid(c, { ...(threadProblem ? { thread: threadProblem } : {}), ...(comment.ok ? {} : comment.fields), ...(article.ok ? {} : article.fields) });
    }
    // Checked after validation, so a bot's body is refused exactly as a person's would be.
    if (isHoneypotFilled(body.value)) {
      // The reply check too: a 202 where a person would get 422 would tell the bot what it hit.
      const parentProblem = await store.replyProblem(comment.value.thread, comment.value.parentId);
      return parentProblem ? invalid(c, { parentId: parentProblem }) : c.json(honeypot.answer(key), 202);
    }
    const result = await store.createComment({ ...comment.value, ...onOurSites(article.value, origins), client: clientAddress(c) }, key);
    if (result.kind === 'key-conflict') {
      return fail(c, 409, 'idempotency-key-reused', 'This Idempotency-Key was already used for a different comment. Use a new key.');
    }
    if (result.kind === 'invalid-parent') return invalid(c, { parentId: result.message });
    return c.json({ id: result.id, status: 'pending', token: result.token }, 202);
  });

  api.get('/comments/:id/status', async (c) => {
    const token = bearer(c);
    if (!token) return unauthorized(c, 'Send the token you received with your comment as a Bearer token.');
    // An unknown id gets the same 401 as a wrong token, so a honeypot answer's id looks like any other.
    const wrong = () => unauthorized(c, 'This token does not belong to this comment.');
    const id = pathSegment(c.req.url, 1);
    if (checkCommentId(id)) return wrong();
    const found = await store.statusOf(id!);
    if (!found) return honeypot.owns(id!, token) ? c.json({ status: 'pending' }) : wrong();
    if (!matchesHash(token, found.tokenHash)) return wrong();
    return c.json(found.reason ? { status: found.status, reason: found.reason } : { status: found.status });
  });

  api.post('/counts', async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return bodyRefused(c, body);
    const threads = checkCounts(body.value);
    if (!threads.ok) return invalid(c, threads.fields);
    return c.json({ counts: await store.counts(threads.value) });
  });

  api.route('/moderation', moderationRoutes({ store, moderatorHash, queueVersion: store.queueVersion, bodyRefused, backup: options.backup }));

  portabilityRoutes(api, store, { fail, bearer, unauthorized, moderatorHash });


  // Known paths with an unsupported method: 405 with Allow (OPTIONS answers the Allow list).
  const allowed: [string, string][] = [
    ['/health', 'GET, HEAD'],
    ['/threads/:thread/comments', 'GET, HEAD, POST'],
    ['/comments/:id/status', 'GET, HEAD'],
    ['/counts', 'POST'],
    ['/comments/:id', 'DELETE'],
    ['/moderation/export', 'GET, HEAD'],
    ['/moderation/erasures', 'POST'],
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
    if (error instanceof DatabaseUnavailable) return unavailable(c, 'The comments service cannot reach its database. Please try again shortly.');
    if (error instanceof Unavailable) {
      c.header('Retry-After', String(error.retryAfterSeconds));
      return fail(c, 503, error.code, error.message);
    }
    log.error({ method: c.req.method, route: routeOf(c), error });
    return fail(c, 500, 'internal', 'Something went wrong on our side. Please try again.');
  });
  return root;
}
