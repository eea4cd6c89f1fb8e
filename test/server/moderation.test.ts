// The moderator's side: the token, the queue and final, idempotent decisions.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { comment, EMAIL_DOMAIN, key, MODERATOR, useStore, uniqueThread, type Call } from './helpers.js';

let call: Call;
useStore((opened) => ({ call } = opened));

const post = async (thread: string, body: Record<string, unknown>) => {
  const r = await call(`/api/threads/${encodeURIComponent(thread)}/comments`, { json: body, headers: { 'idempotency-key': key() } });
  assert.equal(r.res.status, 202, r.text);
  return r.body as { id: string; token: string };
};
const decide = (id: string, json: unknown, token = MODERATOR) => call(`/api/moderation/comments/${id}/decision`, { json, token });
const queue = (query = '', token = MODERATOR) => call(`/api/moderation/comments${query}`, { token });

describe('moderator token', () => {
  test('401 without a token, with a wrong one, or with another scheme', async () => {
    const { id } = await post(uniqueThread('auth'), comment(1));
    const attempts: [string, RequestInit & { token?: string }][] = [
      ['/api/moderation/comments', {}],
      ['/api/moderation/comments', { token: 'wrong' }],
      ['/api/moderation/comments', { token: MODERATOR.slice(0, -1) }],
      ['/api/moderation/comments', { token: `${MODERATOR}x` }],
      ['/api/moderation/comments', { headers: { authorization: `Basic ${MODERATOR}` } }],
      [`/api/moderation/comments/${id}/decision`, { method: 'POST', body: '{"decision":"approve"}', headers: { 'content-type': 'application/json' } }],
      [`/api/moderation/comments/${id}/decision`, { method: 'POST', body: '{"decision":"approve"}', headers: { 'content-type': 'application/json' }, token: 'nope' }],
    ];
    for (const [path, init] of attempts) {
      const r = await call(path, init);
      assert.equal(r.res.status, 401, `${path} ${JSON.stringify(init)}`);
      assert.equal(r.body.error.code, 'unauthorized');
      assert.equal(r.res.headers.get('www-authenticate'), 'Bearer');
      assert.ok(!r.text.includes(EMAIL_DOMAIN));
    }
    const stillPending = await call(`/api/comments/${id}/status`, { token: (await post(uniqueThread('x'), comment(2))).token });
    assert.equal(stillPending.res.status, 401, 'a comment token is not a moderator token, nor the other way round');
    const list = await queue();
    assert.equal(list.res.status, 200);
    assert.equal(list.res.headers.get('cache-control'), 'no-store');
  });
});

describe('the queue', () => {
  test('pending comments oldest first, with thread, email and parent', async () => {
    const thread = uniqueThread('queue');
    const first = await post(thread, comment('first'));
    await decide(first.id, { decision: 'approve' });
    const reply = await post(thread, comment('reply', { parentId: first.id }));
    const next = await post(uniqueThread('queue-other'), comment('other'));
    const { res, body } = await queue('?limit=100');
    assert.equal(res.status, 200);
    assert.equal(body.status, 'pending');
    const mine = body.comments.filter((c: any) => [reply.id, next.id].includes(c.id));
    assert.deepEqual(mine.map((c: any) => c.id), [reply.id, next.id]);
    const shown = mine[0];
    assert.equal(shown.thread, thread);
    assert.equal(shown.parentId, first.id);
    assert.equal(shown.status, 'pending');
    assert.equal(shown.author, 'Reader reply');
    assert.equal(shown.text, 'Comment number reply');
    assert.match(shown.email, new RegExp(`${EMAIL_DOMAIN}$`));
    assert.ok(!Number.isNaN(Date.parse(shown.createdAt)));
    assert.ok(body.comments.every((c: any) => c.status === 'pending'));
    const dates = body.comments.map((c: any) => c.createdAt);
    assert.deepEqual(dates, [...dates].sort());
  });

  test('approved and rejected lists; cursor paging over the whole queue', async () => {
    const thread = uniqueThread('pages');
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await post(thread, comment(i))).id);
    const total = (await queue()).body.total;
    assert.ok(total >= 7);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: any = await queue(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(r.res.status, 200);
      assert.ok(r.body.comments.length <= 3);
      assert.equal(r.body.total, total);
      seen.push(...r.body.comments.map((c: any) => c.id));
      cursor = r.body.nextCursor;
    } while (cursor);
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, total);
    assert.deepEqual(seen.filter((id) => ids.includes(id)), ids);

    await decide(ids[0], { decision: 'approve' });
    await decide(ids[1], { decision: 'reject', reason: 'threat' });
    const approved = await queue('?status=approved&limit=100');
    assert.ok(approved.body.comments.some((c: any) => c.id === ids[0]));
    assert.ok(approved.body.comments.every((c: any) => c.status === 'approved'));
    const rejected = await queue('?status=rejected&limit=100');
    const shown = rejected.body.comments.find((c: any) => c.id === ids[1]);
    assert.equal(shown.reason, 'threat');
    assert.ok(!(await queue('?limit=100')).body.comments.some((c: any) => c.id === ids[0] || c.id === ids[1]));

    const cursorOfPending = (await queue('?limit=1')).body.nextCursor;
    assert.equal((await queue(`?status=approved&cursor=${cursorOfPending}`)).res.status, 422, 'a cursor belongs to its status');
  });

  test('422 for an unknown status or a bad limit', async () => {
    for (const q of ['?status=spam', '?limit=0', '?limit=101', '?cursor=%%%']) {
      const r = await queue(q);
      assert.equal(r.res.status, 422, q);
      assert.equal(r.body.error.code, 'invalid');
    }
  });
});

describe('decisions', () => {
  test('approve shows the comment publicly; repeating it answers the same', async () => {
    const thread = uniqueThread('approve');
    const { id } = await post(thread, comment(1));
    const first = await decide(id, { decision: 'approve' });
    assert.equal(first.res.status, 200);
    assert.deepEqual(first.body, { id, status: 'approved' });
    const again = await decide(id, { decision: 'approve' });
    assert.equal(again.res.status, 200);
    assert.deepEqual(again.body, first.body);
    const list = await call(`/api/threads/${thread}/comments`);
    assert.deepEqual(list.body.comments.map((c: any) => c.id), [id]);
  });

  test('reject needs a guideline reason; the same rejection again is idempotent', async () => {
    const { id } = await post(uniqueThread('reject'), comment(1));
    for (const body of [{ decision: 'reject' }, { decision: 'reject', reason: 'rude' }, { decision: 'reject', reason: '' }]) {
      const r = await decide(id, body);
      assert.equal(r.res.status, 422, JSON.stringify(body));
      assert.ok(r.body.error.fields.reason);
    }
    for (const body of [{}, { decision: 'delete' }, null, [1]]) {
      const r = await decide(id, body);
      assert.equal(r.res.status, 422, JSON.stringify(body));
      assert.ok(r.body.error.fields.decision);
    }
    const rejected = await decide(id, { decision: 'reject', reason: 'personal-attack' });
    assert.equal(rejected.res.status, 200);
    assert.deepEqual(rejected.body, { id, status: 'rejected', reason: 'personal-attack' });
    assert.deepEqual((await decide(id, { decision: 'reject', reason: 'personal-attack' })).body, rejected.body);
  });

  test('every guideline code is a valid reason', async () => {
    for (const reason of ['profanity', 'threat', 'personal-attack', 'vulgarity', 'abuse', 'promotion', 'off-topic']) {
      const { id } = await post(uniqueThread('reasons'), comment(reason));
      assert.equal((await decide(id, { decision: 'reject', reason })).res.status, 200, reason);
    }
  });

  test('a decision is final: another decision is a 409 and changes nothing', async () => {
    const thread = uniqueThread('final');
    const a = await post(thread, comment(1));
    await decide(a.id, { decision: 'approve' });
    const flip = await decide(a.id, { decision: 'reject', reason: 'abuse' });
    assert.equal(flip.res.status, 409);
    assert.equal(flip.body.error.code, 'decision-final');
    assert.deepEqual(flip.body.current, { id: a.id, status: 'approved' });

    const b = await post(thread, comment(2));
    await decide(b.id, { decision: 'reject', reason: 'abuse' });
    assert.equal((await decide(b.id, { decision: 'approve' })).res.status, 409);
    assert.equal((await decide(b.id, { decision: 'reject', reason: 'threat' })).res.status, 409, 'the reason is part of the decision');
    const statusB = await call(`/api/comments/${b.id}/status`, { token: b.token });
    assert.deepEqual(statusB.body, { status: 'rejected', reason: 'abuse' });
    const list = await call(`/api/threads/${thread}/comments`);
    assert.deepEqual(list.body.comments.map((c: any) => c.id), [a.id]);
  });

  test('404 for an unknown comment; there is no edit endpoint', async () => {
    const r = await decide('no-such-id', { decision: 'approve' });
    assert.equal(r.res.status, 404);
    assert.equal(r.body.error.code, 'not-found');
    const { id } = await post(uniqueThread('noedit'), comment(1));
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const edit = await call(`/api/moderation/comments/${id}/decision`, { method, token: MODERATOR });
      assert.equal(edit.res.status, 405, method);
      assert.equal((await call(`/api/moderation/comments/${id}`, { method, token: MODERATOR })).res.status, 404, method);
    }
  });

  test('concurrent decisions on one comment: one wins, the other sees it', async () => {
    const { id } = await post(uniqueThread('race'), comment(1));
    const [x, y] = await Promise.all([decide(id, { decision: 'approve' }), decide(id, { decision: 'reject', reason: 'abuse' })]);
    assert.deepEqual([x.res.status, y.res.status].sort(), [200, 409]);
  });
});
