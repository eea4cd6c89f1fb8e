// Erasure on request: by email (store, moderation API) and "Delete my comment" (the reader's
// status token). Replies by others stay under a removed placeholder; no trace of the name or the
// address is left in any table; cached pages change at once, on every instance (PostgreSQL).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Store } from '../../server/store.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eraseCommenter } from '../../server/portability/erase.js';
import { importComments } from '../../server/portability/import.js';
import { disqusXml } from './portability/source-files.js';
import { BACKEND, MODERATOR, client, comment, freshDatabase, key, openStore, postApproved, type Call } from './helpers.js';

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups) await cleanup();
});
async function fresh() {
  const opened = await openStore();
  cleanups.push(opened.cleanup);
  return opened.store;
}
const page = async (call: Call, thread: string) => (await call(`/api/threads/${encodeURIComponent(thread)}/comments`)).body;

/** Every row of every table of ours, as text: where a name or an address could hide. */
async function everything(store: Store): Promise<string> {
  const { rows: tables } = await store.db.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`);
  let out = '';
  for (const { t } of tables) {
    const { rows } = await store.db.query<{ j: string }>(`SELECT row_to_json(x)::text AS j FROM "${t}" x`);
    out += rows.map((r) => r.j).join('\n');
  }
  return out;
}

describe('erase a commenter by email', () => {
  it('removes every comment of theirs, keeps replies by others under a removed comment, leaves no trace', async () => {
    const store = await fresh();
    const { call } = client(store);
    const thread = 'erase-story';
    const email = 'Erin.Gone@leak-check.example';
    const theirs = await postApproved(call, thread, comment('mine', { author: 'Erin Gone', email }));
    const reply = await postApproved(call, thread, comment('a reply by someone else', { parentId: theirs }));
    await postApproved(call, thread, comment('their own reply', { author: 'Erin Gone', email, parentId: theirs }));
    const alone = await postApproved(call, thread, comment('alone', { author: 'Erin Gone', email }));
    await call(`/api/threads/${thread}/comments`, { json: comment('pending', { author: 'Erin Gone', email: email.toLowerCase() }), headers: { 'idempotency-key': key() } });
    const rejected = await call(`/api/threads/${thread}/comments`, { json: comment('rejected', { author: 'Erin Gone', email }), headers: { 'idempotency-key': key() } });
    await call(`/api/moderation/comments/${rejected.body.id}/decision`, { json: { decision: 'reject', reason: 'abuse' }, token: MODERATOR });
    const before = await page(call, thread); // cached now
    assert.equal(before.total, 4);

    const result = await eraseCommenter(store, email.toUpperCase(), 'test moderator');
    assert.equal(result.comments, 5);
    assert.deepEqual(result.threads, [thread]);

    const after = await page(call, thread);
    assert.equal(after.total, 1);
    assert.deepEqual(after.comments, [
      { id: theirs, parentId: null, author: '', text: '', createdAt: before.comments[0].createdAt, removed: true },
      before.comments.find((c: { id: string }) => c.id === reply),
    ]);
    assert.ok(!after.comments.some((c: { id: string }) => c.id === alone));
    assert.deepEqual((await call('/api/counts', { json: { threads: [thread] } })).body.counts, { [thread]: 1 });
    for (const status of ['pending', 'approved', 'rejected']) {
      const queue = await call(`/api/moderation/comments?status=${status}`, { token: MODERATOR });
      assert.ok(!queue.text.includes('Erin'), `${status} queue still shows them`);
    }
    const dump = await everything(store);
    assert.ok(!/erin/i.test(dump), 'the name or the address is still in the database');
    const { rows } = await store.db.query<{ by_whom: string; comments: number }>(`SELECT by_whom, comments FROM erasures`);
    assert.deepEqual(rows, [{ by_whom: 'test moderator', comments: 5 }]);
  });

  it('an erased imported comment does not come back when the old file is imported again', async () => {
    const store = await fresh();
    const dir = mkdtempSync(join(tmpdir(), 'rw-erase-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'site.xml'), disqusXml());
    await importComments(store, 'disqus', join(dir, 'site.xml'));
    await eraseCommenter(store, 'ann@leak-check.example', 'test');
    const again = await importComments(store, 'disqus', join(dir, 'site.xml'));
    assert.equal(again.added, 0);
    const { rows } = await store.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM comments WHERE author = 'Ann' OR email = 'ann@leak-check.example'`);
    assert.equal(Number(rows[0].n), 0);
  });

  it('over the moderation API, for administrators only', async () => {
    const store = await fresh();
    const { call } = client(store);
    await postApproved(call, 'api-erase', comment('x', { email: 'api@leak-check.example' }));
    assert.equal((await call('/api/moderation/erasures', { json: { email: 'api@leak-check.example' } })).res.status, 401);
    assert.equal((await call('/api/moderation/erasures', { json: { email: 'nope' }, token: MODERATOR })).res.status, 422);
    const done = await call('/api/moderation/erasures', { json: { email: 'api@leak-check.example' }, token: MODERATOR });
    assert.equal(done.res.status, 200);
    assert.deepEqual(done.body, { erased: 1, threads: ['api-erase'] });
    assert.equal((await page(call, 'api-erase')).total, 0);
  });

  it('reaches the cached pages of every instance at once', { skip: BACKEND !== 'postgres' && 'two instances on one database need PostgreSQL' }, async () => {
    const database = await freshDatabase('postgres');
    const a = await Store.open(await database.open());
    const b = await Store.open(await database.open());
    cleanups.push(() => a.close(), () => b.close());
    const callA = client(a).call;
    const callB = client(b).call;
    await postApproved(callA, 'shared', comment('to go', { email: 'shared@leak-check.example' }));
    assert.equal((await page(callB, 'shared')).total, 1); // cached on b
    await eraseCommenter(a, 'shared@leak-check.example', 'test');
    assert.equal((await page(callB, 'shared')).total, 0);
  });
});

describe('Delete my comment', () => {
  it('the status token removes that one comment, pending or published; any other token is refused', async () => {
    const store = await fresh();
    const { call } = client(store);
    const thread = 'own-delete';
    const posts = [];
    for (const n of [1, 2]) {
      const posted = await call(`/api/threads/${thread}/comments`, { json: comment(`own ${n}`), headers: { 'idempotency-key': key() } });
      posts.push(posted.body as { id: string; token: string });
    }
    await call(`/api/moderation/comments/${posts[1].id}/decision`, { json: { decision: 'approve' }, token: MODERATOR });
    await page(call, thread);
    assert.equal((await call(`/api/comments/${posts[0].id}`, { method: 'DELETE', token: posts[1].token })).res.status, 401);
    assert.equal((await call(`/api/comments/${posts[0].id}`, { method: 'DELETE' })).res.status, 401);
    for (const p of posts) {
      const deleted = await call(`/api/comments/${p.id}`, { method: 'DELETE', token: p.token });
      assert.equal(deleted.res.status, 200);
      assert.deepEqual(deleted.body, { id: p.id, deleted: true });
      // Gone: the token no longer answers, and deleting again is refused the same way.
      assert.equal((await call(`/api/comments/${p.id}/status`, { token: p.token })).res.status, 401);
      assert.equal((await call(`/api/comments/${p.id}`, { method: 'DELETE', token: p.token })).res.status, 401);
    }
    assert.equal((await page(call, thread)).total, 0);
    assert.equal((await call('/api/moderation/comments?status=pending', { token: MODERATOR })).body.total, 0);
  });
});
