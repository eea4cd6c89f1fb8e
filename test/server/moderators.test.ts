// Issue 10, the service: named moderators, who decided, the append-only audit, the queue with its
// context, blocks, watch words, bulk decisions and the queue's cheap ETags. Runs on both backends.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Store } from '../../server/store.js';
import { client, comment, key, MODERATOR, useStore, uniqueThread, type Call } from './helpers.js';

let store: Store;
let call: Call;
useStore((opened) => ({ store, call } = opened));

const post = async (thread: string, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
  const r = await call(`/api/threads/${encodeURIComponent(thread)}/comments`, { json: body, headers: { 'idempotency-key': key(), ...headers } });
  assert.equal(r.res.status, 202, r.text);
  return r.body as { id: string; token: string };
};
const decide = (id: string, json: unknown, token = MODERATOR) => call(`/api/moderation/comments/${id}/decision`, { json, token });
const addModerator = async (name: string, email?: string) => {
  const r = await call('/api/moderation/moderators', { json: { name, email }, token: MODERATOR });
  assert.equal(r.res.status, 201, r.text);
  return r.body as { id: string; name: string; secret: string };
};

describe('named moderators', () => {
  test('the administrator adds a moderator whose secret is shown once, works, and stops at once when removed', async () => {
    const rozhan = await addModerator('Rozhan', 'rozhan@news.example');
    assert.match(rozhan.secret, /^rwm_/);
    const listed = await call('/api/moderation/moderators', { token: MODERATOR });
    const mine = listed.body.moderators.find((m: any) => m.id === rozhan.id);
    assert.equal(mine.name, 'Rozhan');
    assert.equal(mine.secret, undefined, 'the secret is never shown again');
    assert.ok(!listed.text.includes(rozhan.secret));
    const { rows } = await store.db.query<{ secret_hash: string }>(`SELECT secret_hash FROM moderators WHERE id = $1`, [rozhan.id]);
    assert.notEqual(rows[0].secret_hash, rozhan.secret, 'stored only as a hash');

    assert.deepEqual((await call('/api/moderation/me', { token: rozhan.secret })).body, { id: rozhan.id, name: 'Rozhan', role: 'moderator' });
    const forbidden = await call('/api/moderation/moderators', { json: { name: 'Sneaky' }, token: rozhan.secret });
    assert.equal(forbidden.res.status, 403, 'a moderator cannot add moderators');
    assert.equal((await call('/api/moderation/moderators', { token: rozhan.secret })).res.status, 403);

    const removed = await call(`/api/moderation/moderators/${rozhan.id}`, { method: 'DELETE', token: MODERATOR });
    assert.equal(removed.res.status, 204);
    assert.equal((await call('/api/moderation/comments', { token: rozhan.secret })).res.status, 401, 'a removed secret stops working at once');
    assert.equal((await call(`/api/moderation/moderators/${rozhan.id}`, { method: 'DELETE', token: MODERATOR })).res.status, 404);
  });

  test('a removed secret stops working on another instance of the same database at once', async () => {
    const other = client(store).call; // a second app: nothing is cached between requests
    const m = await addModerator('Ines');
    assert.equal((await other('/api/moderation/me', { token: m.secret })).res.status, 200);
    await call(`/api/moderation/moderators/${m.id}`, { method: 'DELETE', token: MODERATOR });
    assert.equal((await other('/api/moderation/me', { token: m.secret })).res.status, 401);
  });
});

describe('who decided, and the audit', () => {
  test('a decision records who and when; the queue and the audit show it', async () => {
    const m = await addModerator('Rozhan');
    const { id } = await post(uniqueThread('audit'), comment('attack'));
    const before = Date.now();
    assert.equal((await decide(id, { decision: 'reject', reason: 'personal-attack' }, m.secret)).res.status, 200);
    const queue = await call('/api/moderation/comments?status=rejected&sort=newest&limit=100', { token: MODERATOR });
    const shown = queue.body.comments.find((c: any) => c.id === id);
    assert.equal(shown.decidedBy, 'Rozhan');
    assert.equal(shown.reason, 'personal-attack');
    assert.ok(Date.parse(shown.decidedAt) >= before - 1000);
    const audit = await call(`/api/moderation/audit?commentId=${id}`, { token: MODERATOR });
    assert.equal(audit.res.status, 200);
    assert.deepEqual(
      audit.body.entries.map((e: any) => [e.actorName, e.action, e.reason]),
      [['Rozhan', 'reject', 'personal-attack']],
    );
  });

  test('the audit is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE', async () => {
    const { id } = await post(uniqueThread('audit-lock'), comment(1));
    await decide(id, { decision: 'approve' });
    await assert.rejects(store.db.query(`UPDATE moderation_audit SET actor_name = 'someone else'`), /append-only/);
    await assert.rejects(store.db.query(`DELETE FROM moderation_audit`), /append-only/);
    await assert.rejects(store.db.query(`TRUNCATE moderation_audit`), /append-only/);
    const audit = await call(`/api/moderation/audit?commentId=${id}`, { token: MODERATOR });
    assert.equal(audit.body.entries[0].actorName, 'Administrator');
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      assert.equal((await call('/api/moderation/audit', { method, token: MODERATOR })).res.status, 405, `${method} /audit`);
    }
  });

  test('the audit pages newest first', async () => {
    for (let i = 0; i < 3; i++) await decide((await post(uniqueThread('ap'), comment(i))).id, { decision: 'approve' });
    const first = await call('/api/moderation/audit?limit=2', { token: MODERATOR });
    assert.equal(first.body.entries.length, 2);
    const second = await call(`/api/moderation/audit?limit=2&cursor=${first.body.nextCursor}`, { token: MODERATOR });
    assert.ok(second.body.entries[0].seq < first.body.entries[1].seq);
  });
});

describe('the queue with context', () => {
  test('article title and link, the parent of a reply, the commenter record and a way to list their comments', async () => {
    const thread = uniqueThread('ctx');
    const article = { articleTitle: 'Budget vote tonight', articleUrl: 'https://news.example/budget' };
    const top = await post(thread, comment('top', article));
    await decide(top.id, { decision: 'approve' });
    const email = `repeat-${thread}@leak-check.example`;
    const earlier = await post(thread, comment('e1', { email }));
    await decide(earlier.id, { decision: 'reject', reason: 'off-topic' });
    const earlier2 = await post(thread, comment('e2', { email, parentId: top.id }));
    await decide(earlier2.id, { decision: 'approve' });
    const reply = await post(thread, comment('reply', { email, parentId: top.id }));

    const page = await call(`/api/moderation/comments?thread=${encodeURIComponent(thread)}`, { token: MODERATOR });
    assert.equal(page.res.status, 200, page.text);
    const shown = page.body.comments.find((c: any) => c.id === reply.id);
    assert.equal(shown.threadTitle, 'Budget vote tonight');
    assert.equal(shown.threadUrl, 'https://news.example/budget');
    assert.deepEqual(shown.parent, { id: top.id, author: 'Reader top', text: 'Comment number top' });
    assert.deepEqual(shown.commenter, { approved: 1, rejected: 1, pending: 0 });

    const history = await call(`/api/moderation/comments?status=all&commenterOf=${reply.id}&sort=newest`, { token: MODERATOR });
    assert.deepEqual(history.body.comments.map((c: any) => c.id), [reply.id, earlier2.id, earlier.id]);
  });

  test('a post refuses an article URL that is not http(s)', async () => {
    const r = await call(`/api/threads/x-${Date.now()}/comments`, { json: comment(1, { articleUrl: 'javascript:alert(1)' }), headers: { 'idempotency-key': key() } });
    assert.equal(r.res.status, 422);
    assert.ok(r.body.error.fields.articleUrl);
  });

  test('with ALLOWED_ORIGINS, a title and link from another site never become the thread’s (the comment is kept)', async () => {
    const sites = client(store, { allowedOrigins: ['https://news.example'] }).call;
    const thread = uniqueThread('sites');
    const at = `/api/threads/${encodeURIComponent(thread)}/comments`;
    const send = async (article: Record<string, unknown>) => {
      const r = await sites(at, { json: comment('c', article), headers: { 'idempotency-key': key() } });
      assert.equal(r.res.status, 202, r.text);
    };
    const shownContext = async () => {
      const page = await call(`/api/moderation/comments?thread=${encodeURIComponent(thread)}&sort=newest`, { token: MODERATOR });
      return { title: page.body.comments[0].threadTitle, url: page.body.comments[0].threadUrl, count: page.body.comments.length };
    };
    await send({ articleTitle: 'Official: you won a prize', articleUrl: 'https://phish.example/login' });
    assert.deepEqual(await shownContext(), { title: null, url: null, count: 1 });
    await send({ articleTitle: 'Budget vote tonight', articleUrl: 'https://news.example/budget' });
    await send({ articleTitle: 'Read this instead' });
    await send({ articleTitle: 'Official: you won a prize', articleUrl: 'https://news.example.phish.example/budget' });
    assert.deepEqual(await shownContext(), { title: 'Budget vote tonight', url: 'https://news.example/budget', count: 4 });
  });

  test('filters by thread and status, newest or oldest, cursor paging through everything, pending counts per thread', async () => {
    const thread = uniqueThread('filter');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await post(thread, comment(i, { articleTitle: 'Filtered' }))).id);
    await decide(ids[0], { decision: 'approve' });
    const seen: string[] = [];
    let cursor = '';
    for (let n = 0; n < 10; n++) {
      const page = await call(`/api/moderation/comments?thread=${thread}&sort=newest&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: MODERATOR });
      assert.equal(page.body.total, 4);
      seen.push(...page.body.comments.map((c: any) => c.id));
      if (!page.body.nextCursor) break;
      cursor = page.body.nextCursor;
    }
    assert.deepEqual(seen, ids.slice(1).reverse());
    const wrongScope = await call(`/api/moderation/comments?thread=${thread}&sort=oldest&limit=2&cursor=${cursor}`, { token: MODERATOR });
    assert.equal(wrongScope.res.status, 422, 'a cursor of another listing is refused');
    const threads = await call('/api/moderation/threads', { token: MODERATOR });
    assert.deepEqual(threads.body.threads.find((t: any) => t.thread === thread), { thread, title: 'Filtered', url: null, pending: 4 });
  });
});

describe('blocks and watch words', () => {
  test('a blocked email gets its comments rejected with the reason, without a moderator; lifting the block ends it', async () => {
    const email = `blocked-${Date.now()}@leak-check.example`;
    const block = await call('/api/moderation/blocks', { json: { kind: 'email', value: email.toUpperCase(), reason: 'promotion', note: 'spam run' }, token: MODERATOR });
    assert.equal(block.res.status, 201, block.text);
    assert.equal((await call('/api/moderation/blocks', { json: { kind: 'email', value: email, reason: 'abuse' }, token: MODERATOR })).res.status, 409);
    const posted = await post(uniqueThread('blocked'), comment(1, { email }));
    const status = await call(`/api/comments/${posted.id}/status`, { token: posted.token });
    assert.deepEqual(status.body, { status: 'rejected', reason: 'promotion' });
    const list = await call('/api/moderation/blocks', { token: MODERATOR });
    assert.ok(list.body.blocks.some((b: any) => b.id === block.body.id && b.value === email && b.note === 'spam run'));
    const rejected = await call(`/api/moderation/comments?status=rejected&commenterOf=${posted.id}`, { token: MODERATOR });
    assert.equal(rejected.body.comments[0].decidedBy, 'Block list');

    assert.equal((await call(`/api/moderation/blocks/${block.body.id}`, { method: 'DELETE', token: MODERATOR })).res.status, 204);
    const after = await post(uniqueThread('unblocked'), comment(2, { email }));
    assert.deepEqual((await call(`/api/comments/${after.id}/status`, { token: after.token })).body, { status: 'pending' });
  });

  test('a blocked client address', async () => {
    const { app } = client(store, { trustProxy: true });
    const block = await call('/api/moderation/blocks', { json: { kind: 'client', value: '203.0.113.77', reason: 'abuse' }, token: MODERATOR });
    assert.equal(block.res.status, 201, block.text);
    const res = await app.request(`/api/threads/${uniqueThread('ip')}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key(), 'x-forwarded-for': '203.0.113.77' },
      body: JSON.stringify(comment(1)),
    });
    const posted = await res.json();
    assert.deepEqual((await call(`/api/comments/${posted.id}/status`, { token: posted.token })).body, { status: 'rejected', reason: 'abuse' });
    await call(`/api/moderation/blocks/${block.body.id}`, { method: 'DELETE', token: MODERATOR });
  });

  test('a client address blocked by one of its comments, which the moderator never sees the address of', async () => {
    const { app } = client(store, { trustProxy: true });
    const send = async (n: number) => {
      const res = await app.request(`/api/threads/${uniqueThread('by-comment')}/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key(), 'x-forwarded-for': '2001:db8:77::5' },
        body: JSON.stringify(comment(n)),
      });
      return (await res.json()) as { id: string; token: string };
    };
    const first = await send(1);
    const queue = await call(`/api/moderation/comments?commenterOf=${first.id}`, { token: MODERATOR });
    assert.ok(!queue.text.includes('2001:db8'), 'the queue shows no client address');
    const block = await call('/api/moderation/blocks', { json: { kind: 'client', commentId: first.id, reason: 'threat' }, token: MODERATOR });
    assert.equal(block.res.status, 201, block.text);
    assert.equal(block.body.value, '2001:db8:77:0::/64', 'keyed as the rate limit keys it: the /64');
    const next = await send(2);
    assert.deepEqual((await call(`/api/comments/${next.id}/status`, { token: next.token })).body, { status: 'rejected', reason: 'threat' });
    assert.equal((await call('/api/moderation/blocks', { json: { kind: 'client', commentId: 'nope', reason: 'threat' }, token: MODERATOR })).res.status, 404);
    await call(`/api/moderation/blocks/${block.body.id}`, { method: 'DELETE', token: MODERATOR });
  });

  test('a block needs a guideline reason', async () => {
    const r = await call('/api/moderation/blocks', { json: { kind: 'email', value: 'x@news.example' }, token: MODERATOR });
    assert.equal(r.res.status, 422);
    assert.ok(r.body.error.fields.reason);
  });

  test('watch words are highlighted, never acted on', async () => {
    const saved = await call('/api/moderation/watch-words', { method: 'PUT', json: { words: ['Casino', 'free money', 'casino'] }, token: MODERATOR });
    assert.deepEqual(saved.body.words, ['casino', 'free money']);
    const { id } = await post(uniqueThread('watch'), comment(1, { text: 'Win FREE money at the Casino! Not casinos.' }));
    const page = await call(`/api/moderation/comments?commenterOf=${id}`, { token: MODERATOR });
    assert.deepEqual(page.body.comments[0].watchWords, ['casino', 'free money']);
    assert.equal(page.body.comments[0].status, 'pending', 'still waiting for a moderator');
    await call('/api/moderation/watch-words', { method: 'PUT', json: { words: [] }, token: MODERATOR });
  });
});

describe('bulk decisions and rejecting', () => {
  test('several comments decided together, each result reported, decisions stay final', async () => {
    const thread = uniqueThread('bulk');
    const a = await post(thread, comment('a'));
    const b = await post(thread, comment('b'));
    await decide(b.id, { decision: 'approve' });
    const r = await call('/api/moderation/decisions', { json: { ids: [a.id, b.id, 'missing'], decision: 'reject', reason: 'vulgarity' }, token: MODERATOR });
    assert.equal(r.res.status, 200, r.text);
    assert.deepEqual(r.body.results.map((x: any) => [x.id, x.ok, x.status ?? null, x.error?.code ?? null]), [
      [a.id, true, 'rejected', null],
      [b.id, false, 'approved', 'decision-final'],
      ['missing', false, null, 'not-found'],
    ]);
  });

  test('a bulk rejection without a reason is refused: there is no default reason', async () => {
    const { id } = await post(uniqueThread('noreason'), comment(1));
    const r = await call('/api/moderation/decisions', { json: { ids: [id], decision: 'reject' }, token: MODERATOR });
    assert.equal(r.res.status, 422);
    assert.ok(r.body.error.fields.reason);
  });
});

describe('the open queue polls cheaply', () => {
  test('304 with the same ETag until a new pending comment arrives, then 200 with it', async () => {
    const path = '/api/moderation/comments?sort=newest&limit=5';
    const first = await call(path, { token: MODERATOR });
    let etag = first.res.headers.get('etag')!;
    assert.ok(etag);
    assert.equal(first.res.headers.get('cache-control'), 'no-store');
    // Notifications of the earlier tests' changes may still be arriving on a server backend.
    let again;
    for (let i = 0; i < 50; i++) {
      again = await call(path, { token: MODERATOR, headers: { 'if-none-match': etag } });
      if (again.res.status === 304) break;
      etag = again.res.headers.get('etag')!;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(again!.res.status, 304);
    assert.equal(again!.text, '');
    const { id } = await post(uniqueThread('poll'), comment('new'));
    // The notification reaches this instance's listener once the post has committed.
    let fresh;
    for (let i = 0; i < 50; i++) {
      fresh = await call(path, { token: MODERATOR, headers: { 'if-none-match': etag } });
      if (fresh.res.status === 200) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(fresh!.res.status, 200);
    assert.equal(fresh!.body.comments[0].id, id);
  });

  test('a queue on another origin may send If-None-Match (the CORS preflight allows it)', async () => {
    const { call: cross } = client(store, { allowedOrigins: ['https://desk.example'] });
    const preflight = await cross('/api/moderation/comments', {
      method: 'OPTIONS',
      headers: { origin: 'https://desk.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization, if-none-match' },
    });
    assert.match(preflight.res.headers.get('access-control-allow-headers') ?? '', /If-None-Match/i);
    assert.match(preflight.res.headers.get('access-control-allow-methods') ?? '', /DELETE/);
  });
});

describe('readers see the outcome', () => {
  test('right after a decision, the status, the public list and the counts agree (the page cache drops the thread at once)', async () => {
    const thread = uniqueThread('agree');
    const list = () => call(`/api/threads/${thread}/comments`);
    assert.equal((await list()).body.total, 0); // now cached
    const posted = await post(thread, comment('agree'));
    await call('/api/moderation/decisions', { json: { ids: [posted.id], decision: 'approve' }, token: MODERATOR });
    const [status, page, counts] = await Promise.all([
      call(`/api/comments/${posted.id}/status`, { token: posted.token }),
      list(),
      call('/api/counts', { json: { threads: [thread] } }),
    ]);
    assert.equal(status.body.status, 'approved');
    assert.deepEqual(page.body.comments.map((c: any) => c.id), [posted.id]);
    assert.equal(page.body.total, 1);
    assert.equal(counts.body.counts[thread], 1);
    assert.equal(counts.res.headers.get('cache-control'), 'no-store');
  });
});
