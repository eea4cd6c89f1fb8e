// Shared set-up for the service tests: a real store on a fresh database of the backend under
// test, and a request helper that checks every public answer for leaked email addresses.
// TEST_BACKEND=postgres (scripts/test.mjs runs the suite once per backend) uses a new database on
// the PostgreSQL server at TEST_POSTGRES_URL, or on a server of this process's own when unset;
// otherwise PGlite in a temporary folder.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { rmSync } from 'node:fs';
import type { Hono } from 'hono';
import { createApp, type AppOptions } from '../../server/app.js';
import { openDatabase } from '../../server/db/open.js';
import { Store } from '../../server/store.js';
import { freshDataDir as freshDir } from '../support/pglite-template.mjs';
import { createDatabase, startPostgres } from '../support/postgres.mjs';

export const MODERATOR = 'test-moderator-token-0123456789';
/** Every test email uses this domain, so a leak is one substring search away. */
export const EMAIL_DOMAIN = '@leak-check.example';

/** A fresh temporary data folder holding an empty, initialised cluster. */
export const freshDataDir = () => freshDir('rw-service-test-');

export const BACKEND: 'pglite' | 'postgres' = process.env.TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';

let server: Promise<string> | undefined;
/** The admin URL of the tests' PostgreSQL server (started here, once, if nobody gave one). */
export function testPostgresUrl(): Promise<string> {
  server ??= process.env.TEST_POSTGRES_URL
    ? Promise.resolve(process.env.TEST_POSTGRES_URL)
    : startPostgres().then((pg) => {
        process.once('exit', () => pg.stopSync());
        return pg.url;
      });
  return server;
}

/**
 * A fresh, empty database of the backend under test: how to open it in this process, the
 * environment for a service process (server/main.ts), and how to remove it.
 */
export async function freshDatabase(backend = BACKEND) {
  if (backend === 'postgres') {
    const url = await createDatabase(await testPostgresUrl());
    const config = { databaseUrl: url, databasePoolSize: 4, dataDir: '' };
    return { env: { DATABASE_URL: url } as Record<string, string>, open: () => openDatabase(config), remove: () => {} };
  }
  const dir = await freshDataDir();
  const config = { databaseUrl: null, databasePoolSize: 1, dataDir: dir };
  return { env: { DATA_DIR: dir } as Record<string, string>, open: () => openDatabase(config), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A fresh store and an in-process client of the app on it for one test file: opened before its
 * tests (handed to `ready`), closed after them.
 */
export function useStore(ready: (opened: { store: Store; call: Call }) => void) {
  let cleanup = async () => {};
  before(async () => {
    const opened = await openStore();
    cleanup = opened.cleanup;
    ready({ store: opened.store, call: client(opened.store).call });
  });
  after(() => cleanup());
}

export async function openStore() {
  const database = await freshDatabase();
  const store = await Store.open(await database.open());
  return {
    store,
    async cleanup() {
      await store.close();
      database.remove();
    },
  };
}

export type Call = (path: string, init?: RequestInit & { json?: unknown; token?: string }) => Promise<{ res: Response; body: any; text: string }>;

export function client(store: Store, options: Partial<AppOptions> = {}): { app: Hono<any>; call: Call } {
  const app = createApp({ store, moderatorToken: MODERATOR, rateLimitPerMinute: 0, ...options });
  const call: Call = async (path, init = {}) => {
    const headers = new Headers(init.headers);
    if (init.json !== undefined) headers.set('content-type', 'application/json');
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    const method = init.method ?? (init.json !== undefined ? 'POST' : 'GET');
    const res = await app.request(path, { ...init, method, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
    const text = await res.text();
    if (!path.startsWith('/api/moderation/')) {
      assert.ok(!text.includes(EMAIL_DOMAIN), `public answer of ${method} ${path} leaks an email: ${text}`);
    }
    let body: any = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    if (res.status >= 400) {
      assert.equal(typeof body?.error?.code, 'string', `${res.status} without a JSON error: ${text}`);
      assert.equal(typeof body.error.message, 'string');
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    }
    return { res, body, text };
  };
  return { app, call };
}

let counter = 0;
export const key = () => `key-${process.pid}-${++counter}`;
export const uniqueThread = (name: string) => `${name}-${++counter}`;

export function comment(n: number | string, extra: Record<string, unknown> = {}) {
  return { author: `Reader ${n}`, email: `reader${++counter}${EMAIL_DOMAIN}`, text: `Comment number ${n}`, ...extra };
}

/** Posts a comment and approves it through the moderation API; returns its id. */
export async function postApproved(call: Call, thread: string, body: Record<string, unknown>) {
  const posted = await call(`/api/threads/${encodeURIComponent(thread)}/comments`, { json: body, headers: { 'idempotency-key': key() } });
  assert.equal(posted.res.status, 202, posted.text);
  const decided = await call(`/api/moderation/comments/${posted.body.id}/decision`, { json: { decision: 'approve' }, token: MODERATOR });
  assert.equal(decided.res.status, 200, decided.text);
  return posted.body.id as string;
}
