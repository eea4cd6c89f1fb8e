// Which thread ids exist: the contract's one rule, used by the widget's client and the service alike.
// Every id the rule admits is addressable through the URL the client builds, and no two ids share a URL.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { api, ApiError } from '../../src/api.js';
import { checkThread, LIMITS } from '../../src/internal/contract.js';
import type { Store } from '../../server/store.js';
import { client, comment, key, MODERATOR, openStore, type Call } from './helpers.js';

let store: Store;
let cleanup: () => Promise<void>;
let call: Call;
let server: ServerType;
let endpoint: string;

before(async () => {
  ({ store, cleanup } = await openStore());
  const made = client(store);
  call = made.call;
  server = serve({ fetch: made.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
after(async () => {
  await new Promise((r) => server.close(r));
  await cleanup();
});

const approveAll = async () => {
  const queue = await call('/api/moderation/comments?limit=100', { token: MODERATOR });
  for (const c of queue.body.comments) await call(`/api/moderation/comments/${c.id}/decision`, { json: { decision: 'approve' }, token: MODERATOR });
};

test('"." and ".." are not thread ids: the contract, the client and the service all refuse them', async () => {
  for (const id of ['.', '..']) {
    assert.ok(checkThread(id), id);
    await assert.rejects(api.comments(endpoint, id, {}), (e: ApiError) => e.code === 'invalid' && !!e.fields.thread, `client refuses ${id}`);
    await assert.rejects(api.post(endpoint, id, comment(1), key()), (e: ApiError) => e.code === 'invalid');
    await assert.rejects(api.counts(endpoint, ['a', id]), (e: ApiError) => e.code === 'invalid');
    const counts = await call('/api/counts', { json: { threads: [id] } });
    assert.equal(counts.res.status, 422, `counts of ${id}`);
  }
});

test('every other thread id round-trips through the real client and HTTP server, each to its own thread', async () => {
  const ids = ['%FF', '%25FF', '%', '%2E', '...', '.a', 'a.', './a', 'a/..', '../a', 'news/2024/walk', 'a?b#c', ' lead', '😀', 'é', 'e\u0301', '\u202eevil', '+', 'a%2Fb', 'a/b', '\\'];
  ids.push('x'.repeat(LIMITS.thread));
  for (const id of ids) assert.equal(checkThread(id), null, id);
  for (const [n, id] of ids.entries()) await api.post(endpoint, id, comment(n), key());
  await approveAll();
  for (const [n, id] of ids.entries()) {
    const page = await api.comments(endpoint, id, {});
    assert.equal(page.thread, id);
    assert.equal(page.total, 1, `${JSON.stringify(id)} sees only its own comment`);
    assert.equal(page.comments[0].author, `Reader ${n}`, JSON.stringify(id));
  }
  const { counts } = await api.counts(endpoint, ids);
  for (const id of ids) assert.equal(counts[id], 1, JSON.stringify(id));
});

test('a path segment that is not valid percent-encoded UTF-8 is refused, so %FF never aliases %25FF', async () => {
  for (const bad of ['%FF', '%C0%AF', '%ED%A0%80', '%E2%82', '%']) {
    const list = await call(`/api/threads/${bad}/comments`);
    assert.equal(list.res.status, 422, `${bad}: ${list.text}`);
    assert.ok(list.body.error.fields.thread);
    const posted = await call(`/api/threads/${bad}/comments`, { json: comment(1), headers: { 'idempotency-key': key() } });
    assert.equal(posted.res.status, 422, bad);
  }
});
