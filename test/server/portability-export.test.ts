// Export as our JSON document and its round trip (export → empty database → import → export gives
// the same document), by thread, site and commenter, from the store and the moderation API.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eraseCommenter } from '../../server/portability/erase.js';
import { exportComments } from '../../server/portability/export.js';
import { importComments } from '../../server/portability/import.js';
import type { Scope } from '../../server/portability/document.js';
import type { Store } from '../../server/store.js';
import { MODERATOR, client, comment, key, openStore, postApproved } from './helpers.js';
import { disqusXml, wxrXml } from './portability/source-files.js';

const dir = mkdtempSync(join(tmpdir(), 'rw-export-'));
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});
async function fresh() {
  const opened = await openStore();
  cleanups.push(opened.cleanup);
  return opened.store;
}
async function text(store: Store, scope: Scope) {
  let out = '';
  for await (const chunk of exportComments(store.db, scope)) out += chunk;
  return out;
}

describe('export', () => {
  let store: Store;
  before(async () => {
    store = await fresh();
    writeFileSync(join(dir, 'site.xml'), wxrXml());
    await importComments(store, 'wxr', join(dir, 'site.xml'));
    // Comments written through the API too: a token-bearing comment, a rejection with a reason,
    // and an erased commenter whose reply keeps a placeholder.
    const { call } = client(store);
    const parent = await postApproved(call, '/2020/03/other', comment('to be erased', { email: 'gone@leak-check.example' }));
    await postApproved(call, '/2020/03/other', comment('reply', { parentId: parent }));
    const posted = await call(`/api/threads/${encodeURIComponent('/2020/03/other')}/comments`, { json: comment('rude'), headers: { 'idempotency-key': key() } });
    await call(`/api/moderation/comments/${posted.body.id}/decision`, { json: { decision: 'reject', reason: 'abuse' }, token: MODERATOR });
    await eraseCommenter(store, 'gone@leak-check.example', 'test');
  });

  it('writes a document of the documented schema, parents before replies', async () => {
    const doc = JSON.parse(await text(store, { site: true }));
    assert.equal(doc.format, 'reading-widget-comments');
    assert.equal(doc.version, 1);
    assert.deepEqual(doc.scope, { site: true });
    assert.deepEqual(doc.threads.map((t: { id: string }) => t.id), ['/2020/02/story', '/2020/03/other']);
    const seen = new Set<string>();
    for (const c of doc.comments) {
      if (c.parentId) assert.ok(seen.has(c.parentId), `reply ${c.id} before its parent`);
      seen.add(c.id);
    }
    const placeholder = doc.comments.find((c: { status: string }) => c.status === 'removed');
    assert.deepEqual([placeholder.author, placeholder.email, placeholder.text], ['', '', '']);
    assert.ok(doc.comments.some((c: { reason: string }) => c.reason === 'abuse'));
    const schema = JSON.parse(readFileSync(new URL('../../docs/comments-export.schema.json', import.meta.url), 'utf8'));
    assert.deepEqual(Object.keys(doc).sort(), [...schema.required].sort());
    assert.deepEqual(Object.keys(doc.comments[0]).sort(), [...schema.$defs.comment.required].sort());
  });

  for (const scope of [{ site: true }, { thread: '/2020/03/other' }] as Scope[]) {
    it(`round trip of ${JSON.stringify(scope)}: export → empty database → import → export gives the same document`, async () => {
      const first = await text(store, scope);
      writeFileSync(join(dir, 'export.json'), first);
      const empty = await fresh();
      const report = await importComments(empty, 'json', join(dir, 'export.json'));
      assert.deepEqual(report.skipped, []);
      assert.equal(await text(empty, scope), first);
    });
  }

  it('exports one commenter by email, case-insensitively, and nothing of anyone else', async () => {
    const doc = JSON.parse(await text(store, { email: 'ANN@leak-check.example' }));
    assert.deepEqual(doc.comments.map((c: { author: string }) => c.author), ['Ann']);
    assert.deepEqual(doc.threads.map((t: { id: string }) => t.id), ['/2020/02/story']);
  });

  it('streams from the moderation API to administrators only', async () => {
    const { call } = client(store);
    assert.equal((await call('/api/moderation/export')).res.status, 401);
    const got = await call('/api/moderation/export?thread=%2F2020%2F02%2Fstory', { token: MODERATOR });
    assert.equal(got.res.status, 200);
    assert.match(got.res.headers.get('content-disposition') ?? '', /attachment/);
    assert.equal(got.text, await text(store, { thread: '/2020/02/story' }));
    assert.equal((await call('/api/moderation/export?email=nope', { token: MODERATOR })).res.status, 422);
  });

  it('keeps memory flat: pages of 1000 comments through a cursor', async () => {
    const big = await fresh();
    writeFileSync(join(dir, 'many.xml'), disqusXml());
    const { rows } = await big.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM comments`);
    assert.equal(Number(rows[0].n), 0);
    // 2,500 comments cross two page boundaries in each pass (top-level, then replies).
    await big.db.query(
      `INSERT INTO comments (id, thread, parent_id, author, email, body, status, token_hash, created_at)
       SELECT 'c' || g, 't', NULL, 'A', 'a@leak-check.example', 'x', 'approved', '', timestamp '2021-01-01' + g * interval '1 second'
       FROM generate_series(1, 2500) g`,
    );
    const doc = JSON.parse(await text(big, { site: true }));
    assert.equal(doc.comments.length, 2500);
    assert.equal(new Set(doc.comments.map((c: { id: string }) => c.id)).size, 2500);
  });
});
