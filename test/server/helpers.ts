// Shared set-up for the service tests: a real PGlite store in a temporary folder, and a request
// helper that checks every public answer for leaked email addresses.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import type { Hono } from 'hono';
import { createApp, type AppOptions } from '../../server/app.js';
import { openPglite } from '../../server/pglite.js';
import { Store } from '../../server/store.js';
import { freshDataDir as freshDir } from '../support/pglite-template.mjs';

export const MODERATOR = 'test-moderator-token-0123456789';
/** Every test email uses this domain, so a leak is one substring search away. */
export const EMAIL_DOMAIN = '@leak-check.example';

/** A fresh temporary data folder holding an empty, initialised cluster. */
export const freshDataDir = () => freshDir('rw-service-test-');

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
