// Shared set-up for the service tests: a real PGlite store in a temporary folder, and a request
// helper that checks every public answer for leaked email addresses.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { Hono } from 'hono';
import { createApp, type AppOptions } from '../../server/app.js';
import { openPglite } from '../../server/pglite.js';
import { Store } from '../../server/store.js';

export const MODERATOR = 'test-moderator-token-0123456789';
/** Every test email uses this domain, so a leak is one substring search away. */
export const EMAIL_DOMAIN = '@leak-check.example';

/**
 * PostgreSQL's initdb is most of the cost of opening a new data folder (seconds on a busy machine),
 * so it runs once per PGlite version into .tmp/ and each test copies that empty cluster. Migrations
 * still run in every test folder.
 */
export async function initdbTemplate(): Promise<string> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const version = JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version;
  const template = join(root, '.tmp', `pglite-initdb-${version}`);
  if (existsSync(template)) return template;
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const building = `${template}.${process.pid}`;
  const pg = await PGlite.create(building);
  await pg.close();
  try {
    renameSync(building, template);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another test file finished first
  }
  return template;
}

/** A fresh temporary data folder holding an empty, initialised cluster. */
export async function freshDataDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'rw-service-test-'));
  cpSync(await initdbTemplate(), dir, { recursive: true });
  return dir;
}

export async function openStore() {
  const dir = await freshDataDir();
  const store = await Store.open(await openPglite(dir));
  return {
    dir,
    store,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
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
