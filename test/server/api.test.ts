// The public contract of the comments service, in-process through app.request() on a real store.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { RateLimiter } from '../../server/rate-limit.js';
import { LIMITS } from '../../src/internal/contract.js';
import type { Store } from '../../server/store.js';
import { client, comment, EMAIL_DOMAIN, key, MODERATOR, useStore, postApproved, uniqueThread, type Call } from './helpers.js';

let store: Store;
let call: Call;
useStore((opened) => ({ store, call } = opened));

const path = (thread: string, query = '') => `/api/threads/${encodeURIComponent(thread)}/comments${query}`;
const post = (thread: string, body: unknown, idempotencyKey: string | null = key(), headers: Record<string, string> = {}) =>
  call(path(thread), { json: body, headers: idempotencyKey === null ? headers : { 'idempotency-key': idempotencyKey, ...headers } });

describe('health and unknown routes', () => {
  test('GET /api/health answers ok', async () => {
    const { res, body } = await call('/api/health');
    assert.equal(res.status, 200);
    assert.deepEqual(body, { ok: true });
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  });

  test('unknown routes are a JSON 404, inside and outside the base path', async () => {
    for (const p of ['/api/nope', '/api/threads', '/', '/api/comments/x/y']) {
      const { res, body } = await call(p);
      assert.equal(res.status, 404, p);
      assert.equal(body.error.code, 'not-found');
    }
  });

  test('a wrong method on a known path is a JSON 405 with Allow', async () => {
    const { res, body } = await call('/api/counts');
    assert.equal(res.status, 405);
    assert.equal(body.error.code, 'method-not-allowed');
    assert.match(res.headers.get('allow')!, /POST/);
    const del = await call(path('t'), { method: 'DELETE' });
    assert.equal(del.res.status, 405);
    assert.match(del.res.headers.get('allow')!, /GET.*POST/);
  });
});

describe('posting a comment', () => {
  test('202 with id, pending status and a token; the comment is pending, not public', async () => {
    const thread = uniqueThread('post');
    const { res, body } = await post(thread, comment(1));
    assert.equal(res.status, 202);
    assert.equal(body.status, 'pending');
    assert.match(body.id, /^[\w-]{16,}$/);
    assert.match(body.token, /^[\w-]{32,}$/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const list = await call(path(thread));
    assert.equal(list.body.total, 0);
    assert.deepEqual(list.body.comments, []);
  });

  test('ids are random and opaque', async () => {
    const thread = uniqueThread('ids');
    const a = await post(thread, comment(1));
    const b = await post(thread, comment(2));
    assert.notEqual(a.body.id, b.body.id);
    assert.notEqual(a.body.token, b.body.token);
  });

  test('the same Idempotency-Key and body returns the same answer and stores one comment', async () => {
    const thread = uniqueThread('idem');
    const k = key();
    const body = comment(1);
    const first = await post(thread, body, k);
    const again = await post(thread, body, k);
    const spaced = await post(thread, { ...body, author: '  Reader 1 ', extra: 'ignored' }, k);
    assert.equal(first.res.status, 202);
    assert.deepEqual(again.body, first.body);
    assert.equal(again.res.status, 202);
    assert.deepEqual(spaced.body, first.body, 'trimmed values and unknown fields do not make a different body');
    const queue = await call('/api/moderation/comments?limit=100', { token: MODERATOR });
    assert.equal(queue.body.comments.filter((c: any) => c.thread === thread).length, 1);
  });

  test('the same Idempotency-Key with a different body is a 409', async () => {
    const thread = uniqueThread('idem409');
    const k = key();
    const body = comment(1);
    assert.equal((await post(thread, body, k)).res.status, 202);
    const other = await post(thread, { ...body, text: 'changed' }, k);
    assert.equal(other.res.status, 409);
    assert.equal(other.body.error.code, 'idempotency-key-reused');
    const otherThread = await post(uniqueThread('idem409b'), body, k);
    assert.equal(otherThread.res.status, 409, 'the thread is part of the request');
  });

  test('a missing or overlong Idempotency-Key is a 400', async () => {
    const missing = await post(uniqueThread('nokey'), comment(1), null);
    assert.equal(missing.res.status, 400);
    assert.equal(missing.body.error.code, 'idempotency-key-required');
    const long = await post(uniqueThread('longkey'), comment(1), 'k'.repeat(201));
    assert.equal(long.res.status, 400);
    assert.equal((await post(uniqueThread('maxkey'), comment(1), 'k'.repeat(200))).res.status, 202);
  });

  test('422 with a message per field', async () => {
    const { res, body } = await post(uniqueThread('invalid'), { author: '  ', email: 'not-an-address', text: '' });
    assert.equal(res.status, 422);
    assert.equal(body.error.code, 'invalid');
    assert.deepEqual(Object.keys(body.error.fields).sort(), ['author', 'email', 'text']);
    for (const message of Object.values(body.error.fields)) assert.ok(String(message).length > 5);
  });

  test('length limits count characters after trimming', async () => {
    const thread = uniqueThread('lengths');
    const ok = await post(thread, { author: ` ${'a'.repeat(80)} `, email: `x${EMAIL_DOMAIN}`, text: `${'😀'.repeat(5000)}\n` });
    assert.equal(ok.res.status, 202, ok.text);
    const long = await post(thread, { author: 'a'.repeat(81), email: `x${EMAIL_DOMAIN}`, text: 'b'.repeat(5001) });
    assert.equal(long.res.status, 422);
    assert.deepEqual(Object.keys(long.body.error.fields).sort(), ['author', 'text']);
  });

  test('wrong types, bad emails and non-object bodies are 422', async () => {
    const thread = uniqueThread('types');
    const typed = await post(thread, { author: 42, email: ['x'], text: { a: 1 } });
    assert.equal(typed.res.status, 422);
    assert.deepEqual(Object.keys(typed.body.error.fields).sort(), ['author', 'email', 'text']);
    for (const email of ['a@b', '@b.co', 'a b@c.co', 'a@@b.co', `${'a'.repeat(250)}@b.co`]) {
      const r = await post(thread, comment(1, { email }));
      assert.equal(r.res.status, 422, email);
      assert.ok(r.body.error.fields.email);
    }
    assert.equal((await post(thread, [1, 2])).res.status, 422);
    assert.equal((await post(thread, 'text')).res.status, 422);
  });

  test('control characters are refused; line breaks, tabs and right-to-left text are kept', async () => {
    const thread = uniqueThread('chars');
    const bad = await post(thread, comment(1, { author: 'Ana\u0000', text: 'bell \u0007' }));
    assert.equal(bad.res.status, 422);
    assert.deepEqual(Object.keys(bad.body.error.fields).sort(), ['author', 'text']);
    assert.equal((await post(thread, comment(1, { author: 'Ana\nBob' }))).res.status, 422);
    assert.equal((await post(thread, comment(1, { text: 'lone \ud800 surrogate' }))).res.status, 422);

    const text = 'سڵاو، ئەمە بەشێکە\r\nمرحبا \u2067English\u2069 ok\tend';
    const author = '\u200fهاوڕێ';
    const id = await postApproved(call, thread, comment(1, { author, text }));
    const list = await call(path(thread));
    const stored = list.body.comments.find((c: any) => c.id === id);
    assert.equal(stored.author, author);
    assert.equal(stored.text, text.replace('\r\n', '\n'));
  });

  test('415 without a JSON content type, 400 for malformed JSON', async () => {
    const form = await call(path(uniqueThread('type')), {
      method: 'POST',
      body: 'author=a',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': key() },
    });
    assert.equal(form.res.status, 415);
    assert.equal(form.body.error.code, 'unsupported-media-type');
    const broken = await call(path(uniqueThread('json')), {
      method: 'POST',
      body: '{"author": ',
      headers: { 'content-type': 'application/json', 'idempotency-key': key() },
    });
    assert.equal(broken.res.status, 400);
    assert.equal(broken.body.error.code, 'invalid-json');
  });

  test('thread ids have 1 to 200 characters and may hold any other text', async () => {
    const long = await post('t'.repeat(201), comment(1));
    assert.equal(long.res.status, 422);
    assert.ok(long.body.error.fields.thread);
    assert.equal((await call(path('t'.repeat(201)))).res.status, 422);
    const odd = `news/2024/${uniqueThread('a?b#c ü')}`;
    const id = await postApproved(call, odd, comment(1));
    const list = await call(path(odd));
    assert.equal(list.body.thread, odd);
    assert.equal(list.body.comments[0].id, id);
    assert.equal((await post('t'.repeat(200), comment(1))).res.status, 202);
  });
});

describe('body limit', () => {
  const big = JSON.stringify(comment(1, { pad: 'x'.repeat(LIMITS.bodyBytes) }));

  test('413 when Content-Length declares more than LIMITS.bodyBytes', async () => {
    const { res, body } = await call(path(uniqueThread('big')), {
      method: 'POST',
      body: big,
      headers: { 'content-type': 'application/json', 'content-length': String(big.length), 'idempotency-key': key() },
    });
    assert.equal(res.status, 413);
    assert.equal(body.error.code, 'too-large');
  });

  test('413 when a streamed body without Content-Length grows past LIMITS.bodyBytes', async () => {
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 4096) controller.enqueue(bytes.slice(i, i + 4096));
        controller.close();
      },
    });
    const { res } = await call(path(uniqueThread('stream')), {
      method: 'POST',
      body: stream,
      duplex: 'half',
      headers: { 'content-type': 'application/json', 'idempotency-key': key() },
    } as RequestInit);
    assert.equal(res.status, 413);
  });

  test('a body just under the limit is read', async () => {
    const body = comment(1, { text: 'y'.repeat(4000), padding: 'p'.repeat(28 * 1024) });
    assert.ok(JSON.stringify(body).length < 32 * 1024);
    assert.equal((await post(uniqueThread('under'), body)).res.status, 202);
  });

  test('the moderation and counts endpoints have the same limit', async () => {
    const threads = Array.from({ length: 100 }, () => 'z'.repeat(200));
    const counts = await call('/api/counts', { json: { threads, pad: 'p'.repeat(LIMITS.bodyBytes) } });
    assert.equal(counts.res.status, 413);
    const decision = await call('/api/moderation/comments/x/decision', { json: { decision: 'approve', pad: 'p'.repeat(LIMITS.bodyBytes) }, token: MODERATOR });
    assert.equal(decision.res.status, 413);
  });
});

describe('reading a thread', () => {
  let thread: string;
  const ids: string[] = [];
  const replies: Record<string, string[]> = {};

  before(async () => {
    thread = uniqueThread('paging');
    for (let i = 0; i < 25; i++) {
      ids.push(await postApproved(call, thread, comment(i)));
      await new Promise((r) => setTimeout(r, 2));
    }
    // Replies to the first and the 21st comment, posted after everything else.
    for (const parent of [ids[0], ids[20], ids[0]]) {
      (replies[parent] ??= []).push(await postApproved(call, thread, comment(`reply to ${parent}`, { parentId: parent })));
    }
    // Noise that must never show: pending and rejected comments, and another thread.
    await post(thread, comment('pending'));
    const rejected = await post(thread, comment('rejected'));
    await call(`/api/moderation/comments/${rejected.body.id}/decision`, { json: { decision: 'reject', reason: 'off-topic' }, token: MODERATOR });
    await postApproved(call, uniqueThread('other'), comment('elsewhere'));
  });

  async function walk(query: string) {
    const seen: any[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await call(path(thread, `?${query}${cursor ? `&cursor=${cursor}` : ''}`));
      assert.equal(r.res.status, 200, r.text);
      assert.equal(r.body.total, 28, 'total counts approved top-level comments and replies');
      assert.equal(r.body.thread, thread);
      seen.push(r.body.comments);
      cursor = r.body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    return seen;
  }

  test('oldest first by default, 20 top-level comments a page, replies right after their parent', async () => {
    const pages = await walk('');
    assert.equal(pages.length, 2);
    const first = pages[0];
    assert.deepEqual(
      first.filter((c: any) => c.parentId === null).map((c: any) => c.id),
      ids.slice(0, 20),
    );
    assert.deepEqual(first.slice(1, 3).map((c: any) => c.id), replies[ids[0]], 'replies oldest first after the parent');
    assert.equal(first.length, 22);
    const second = pages[1];
    assert.deepEqual(second.map((c: any) => c.id), [ids[20], replies[ids[20]][0], ...ids.slice(21)]);
    for (const c of first) assert.deepEqual(Object.keys(c).sort(), ['author', 'createdAt', 'id', 'parentId', 'text']);
    assert.ok(!JSON.stringify(pages).includes('pending') && !JSON.stringify(pages).includes('rejected'));
  });

  test('newest first pages backwards over top-level comments; replies stay oldest first', async () => {
    const pages = await walk('sort=newest&limit=7');
    assert.equal(pages.length, 4);
    const top = pages.flat().filter((c: any) => c.parentId === null).map((c: any) => c.id);
    assert.deepEqual(top, [...ids].reverse());
    const flat = pages.flat();
    const at = flat.findIndex((c: any) => c.id === ids[0]);
    assert.deepEqual(flat.slice(at + 1).map((c: any) => c.id), replies[ids[0]]);
    const dates = top.map((id) => flat.find((c: any) => c.id === id).createdAt);
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  test('limit 1..100; anything else is a 422, as are a bad sort or cursor', async () => {
    assert.equal((await call(path(thread, '?limit=100'))).body.comments.length, 28);
    const one = await call(path(thread, '?limit=1'));
    assert.equal(one.body.comments.length, 3);
    for (const q of ['?limit=0', '?limit=101', '?limit=abc', '?limit=5.5', '?sort=best', '?cursor=@@@', '?cursor=bm9wZQ']) {
      const r = await call(path(thread, q));
      assert.equal(r.res.status, 422, q);
      assert.equal(r.body.error.code, 'invalid');
    }
    const newest = await call(path(thread, '?sort=newest&limit=2'));
    const mixed = await call(path(thread, `?sort=oldest&cursor=${newest.body.nextCursor}`));
    assert.equal(mixed.res.status, 422, 'a cursor belongs to its sort order');
  });

  test('an unknown thread is an empty list, not a 404', async () => {
    const r = await call(path(uniqueThread('empty')));
    assert.equal(r.res.status, 200);
    assert.equal(r.body.total, 0);
    assert.deepEqual(r.body.comments, []);
    assert.equal(r.body.nextCursor, null);
  });

  test('ETag and Cache-Control let a CDN cache briefly; If-None-Match gives 304', async () => {
    const first = await call(path(thread));
    const etag = first.res.headers.get('etag')!;
    assert.match(etag, /^W\/"[\w-]+"$/);
    assert.match(first.res.headers.get('cache-control')!, /public, max-age=5/);
    const again = await call(path(thread), { headers: { 'if-none-match': etag } });
    assert.equal(again.res.status, 304);
    assert.equal(again.text, '');
    assert.equal(again.res.headers.get('etag'), etag);
    assert.equal((await call(path(thread), { headers: { 'if-none-match': `"other", ${etag.slice(2)}` } })).res.status, 304);
    const otherPage = await call(path(thread, '?limit=5'));
    assert.notEqual(otherPage.res.headers.get('etag'), etag);

    await postApproved(call, thread, comment('late', { parentId: ids[3] }));
    const changed = await call(path(thread), { headers: { 'if-none-match': etag } });
    assert.equal(changed.res.status, 200);
    assert.notEqual(changed.res.headers.get('etag'), etag);
    assert.equal(changed.body.total, 29);
  });

  test('HEAD answers like GET without a body', async () => {
    const r = await call(path(thread), { method: 'HEAD' });
    assert.equal(r.res.status, 200);
    assert.equal(r.text, '');
    assert.ok(r.res.headers.get('etag'));
  });
});

describe('replies', () => {
  test('one level deep, to an approved comment of the same thread', async () => {
    const thread = uniqueThread('replies');
    const parent = await postApproved(call, thread, comment('parent'));
    const reply = await postApproved(call, thread, comment('reply', { parentId: parent }));
    const pending = (await post(thread, comment('pending'))).body.id;
    const rejected = (await post(thread, comment('rejected'))).body.id;
    await call(`/api/moderation/comments/${rejected}/decision`, { json: { decision: 'reject', reason: 'abuse' }, token: MODERATOR });
    const elsewhere = await postApproved(call, uniqueThread('replies-other'), comment('elsewhere'));

    for (const [parentId, why] of [
      [reply, 'a reply to a reply'],
      [pending, 'a reply to a pending comment'],
      [rejected, 'a reply to a rejected comment'],
      [elsewhere, 'a reply to another thread'],
      ['no-such-comment', 'a reply to nothing'],
      [42, 'a parentId that is not a string'],
    ] as const) {
      const r = await post(thread, comment('x', { parentId }));
      assert.equal(r.res.status, 422, why);
      assert.ok(r.body.error.fields.parentId, why);
    }
    const ok = await post(thread, comment('ok', { parentId: parent }));
    assert.equal(ok.res.status, 202);
    assert.equal((await post(thread, comment('null parent', { parentId: null }))).res.status, 202);
  });
});

describe('following one comment', () => {
  test('the token shows pending, then the decision with its reason', async () => {
    const thread = uniqueThread('status');
    const { body } = await post(thread, comment(1));
    const status = (token?: string, id = body.id) => call(`/api/comments/${id}/status`, { token });

    const pending = await status(body.token);
    assert.equal(pending.res.status, 200);
    assert.deepEqual(pending.body, { status: 'pending' });
    assert.equal(pending.res.headers.get('cache-control'), 'no-store');

    await call(`/api/moderation/comments/${body.id}/decision`, { json: { decision: 'reject', reason: 'promotion' }, token: MODERATOR });
    assert.deepEqual((await status(body.token)).body, { status: 'rejected', reason: 'promotion' });

    const other = await post(thread, comment(2));
    await call(`/api/moderation/comments/${other.body.id}/decision`, { json: { decision: 'approve' }, token: MODERATOR });
    assert.deepEqual((await status(other.body.token, other.body.id)).body, { status: 'approved' });
  });

  test('401 without a token, with another comment’s token, or for an unknown id', async () => {
    const thread = uniqueThread('status401');
    const a = (await post(thread, comment(1))).body;
    const b = (await post(thread, comment(2))).body;
    const missing = await call(`/api/comments/${a.id}/status`);
    assert.equal(missing.res.status, 401);
    assert.equal(missing.res.headers.get('www-authenticate'), 'Bearer');
    assert.equal((await call(`/api/comments/${a.id}/status`, { token: b.token })).res.status, 401);
    assert.equal((await call(`/api/comments/${a.id}/status`, { token: MODERATOR })).res.status, 401);
    assert.equal((await call(`/api/comments/${a.id}/status`, { headers: { authorization: a.token } })).res.status, 401, 'Bearer scheme required');
    const unknown = await call(`/api/comments/nope/status`, { token: a.token });
    assert.equal(unknown.res.status, 401, 'as a wrong token: a honeypot answer\'s id must look like any other');
  });

  test('the replayed answer carries a token that works', async () => {
    const k = key();
    const thread = uniqueThread('replay-token');
    const body = comment(1);
    await post(thread, body, k);
    const replay = (await post(thread, body, k)).body;
    assert.equal((await call(`/api/comments/${replay.id}/status`, { token: replay.token })).res.status, 200);
  });
});

describe('counts', () => {
  test('approved comments per thread, zero for unknown threads', async () => {
    const a = uniqueThread('count-a');
    const b = uniqueThread('count-b');
    await postApproved(call, a, comment(1));
    const parent = await postApproved(call, a, comment(2));
    await postApproved(call, a, comment(3, { parentId: parent }));
    await post(a, comment('pending'));
    await postApproved(call, b, comment(1));
    const r = await call('/api/counts', { json: { threads: [a, b, 'nothing-here', a] } });
    assert.equal(r.res.status, 200);
    assert.deepEqual(r.body, { counts: { [a]: 3, [b]: 1, 'nothing-here': 0 } });
    assert.deepEqual((await call('/api/counts', { json: { threads: [] } })).body, { counts: {} });
  });

  test('up to 100 valid thread ids, else 422', async () => {
    const hundred = Array.from({ length: 100 }, (_, i) => `t${i}`);
    assert.equal((await call('/api/counts', { json: { threads: hundred } })).res.status, 200);
    for (const threads of [[...hundred, 'one-more'], 'x', [1], [''], ['t'.repeat(201)]]) {
      const r = await call('/api/counts', { json: { threads } });
      assert.equal(r.res.status, 422, JSON.stringify(threads).slice(0, 40));
      assert.ok(r.body.error.fields.threads);
    }
    assert.equal((await call('/api/counts', { json: {} })).res.status, 422);
  });

  test('__proto__ as a thread id is just a thread', async () => {
    const r = await call('/api/counts', { json: { threads: ['__proto__', 'constructor'] } });
    assert.deepEqual(r.body, JSON.parse('{"counts": {"__proto__": 0, "constructor": 0}}'));
  });
});

describe('honeypot', () => {
  test('a filled website field gets a plausible 202 and nothing is stored', async () => {
    const thread = uniqueThread('honeypot');
    const before = (await call('/api/moderation/comments?limit=100', { token: MODERATOR })).body.total;
    const r = await post(thread, comment(1, { website: 'https://spam.example' }));
    assert.equal(r.res.status, 202);
    assert.equal(r.body.status, 'pending');
    assert.match(r.body.id, /^[\w-]{16,}$/);
    assert.match(r.body.token, /^[\w-]{32,}$/);
    const after = (await call('/api/moderation/comments?limit=100', { token: MODERATOR })).body.total;
    assert.equal(after, before);
    assert.deepEqual((await call(`/api/comments/${r.body.id}/status`, { token: r.body.token })).body, { status: 'pending' }, 'as a real pending comment');
    assert.equal((await post(thread, comment(1, { website: '' }))).res.status, 202, 'an empty honeypot is a person');
    assert.equal((await call('/api/moderation/comments?limit=100', { token: MODERATOR })).body.total, before + 1);
  });
});

describe('rate limit', () => {
  test('the seventh post within a minute from one address is a 429 with Retry-After', async () => {
    const limited = client(store, { rateLimitPerMinute: 6, trustProxy: true });
    const from = (address: string, n: number) =>
      limited.call(path(uniqueThread('rate')), { json: comment(n), headers: { 'idempotency-key': key(), 'x-forwarded-for': `203.0.113.9, ${address}` } });
    for (let i = 0; i < 6; i++) assert.equal((await from('198.51.100.1', i)).res.status, 202);
    const blocked = await from('198.51.100.1', 7);
    assert.equal(blocked.res.status, 429);
    assert.equal(blocked.body.error.code, 'rate-limited');
    const wait = Number(blocked.res.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
    assert.equal((await from('198.51.100.2', 8)).res.status, 202, 'another address is not affected');
    assert.equal((await limited.call('/api/health')).res.status, 200, 'reads are not limited');
    assert.equal((await limited.call(path('any'))).res.status, 200);
  });

  test('without trustProxy, X-Forwarded-For cannot dodge the limit', async () => {
    const limited = client(store, { rateLimitPerMinute: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const r = await limited.call(path(uniqueThread('spoof')), {
        json: comment(i),
        headers: { 'idempotency-key': key(), 'x-forwarded-for': `192.0.2.${i}` },
      });
      statuses.push(r.res.status);
    }
    assert.deepEqual(statuses, [202, 202, 429]);
  });

  test('0 turns the limit off', async () => {
    const open = client(store, { rateLimitPerMinute: 0 });
    for (let i = 0; i < 12; i++) assert.equal((await open.call(path(uniqueThread('off')), { json: comment(i), headers: { 'idempotency-key': key() } })).res.status, 202);
  });

  test('the window slides: a slot frees 60 seconds after the oldest hit; past hits are deleted', async () => {
    let now = Date.now() - 3_600_000;
    const limiter = new RateLimiter(store.db, 2, () => now);
    const who = `slide-${key()}`;
    assert.equal(await limiter.hit(who), 0);
    now += 20_000;
    assert.equal(await limiter.hit(who), 0);
    now += 10_000;
    assert.equal(await limiter.hit(who), 30, 'the oldest hit leaves the window in 30 s');
    now += 30_001;
    assert.equal(await limiter.hit(who), 0);
    assert.equal(await limiter.hit(who), 20);
    const kept = await store.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM rate_hits WHERE client = $1`, [who]);
    assert.equal(kept.rows[0].n, 2, 'the hit that left the window was swept');
  });

  test('two limiters on one database (two instances) share one count, also at the same moment', async () => {
    const instances = [new RateLimiter(store.db, 5), new RateLimiter(store.db, 5)];
    const who = `shared-${key()}`;
    const waits = await Promise.all(Array.from({ length: 20 }, (_, i) => instances[i % 2].hit(who)));
    assert.equal(waits.filter((w) => w === 0).length, 5);
    assert.ok(waits.every((w) => w === 0 || (w >= 59 && w <= 60)), String(waits));
  });
});

describe('CORS', () => {
  const allowed = 'https://news.example';
  let cors: Call;
  before(() => {
    cors = client(store, { allowedOrigins: [allowed, 'https://other.example'] }).call;
  });

  test('an allowed origin gets Access-Control-Allow-Origin and exposed ETag / Retry-After', async () => {
    const r = await cors(path('cors'), { headers: { origin: allowed } });
    assert.equal(r.res.status, 200);
    assert.equal(r.res.headers.get('access-control-allow-origin'), allowed);
    assert.match(r.res.headers.get('access-control-expose-headers')!, /ETag/);
    assert.match(r.res.headers.get('access-control-expose-headers')!, /Retry-After/);
    assert.match(r.res.headers.get('vary')!, /Origin/);
  });

  test('a disallowed origin gets no CORS headers', async () => {
    const r = await cors(path('cors'), { headers: { origin: 'https://evil.example' } });
    assert.equal(r.res.headers.get('access-control-allow-origin'), null);
    const pre = await cors(path('cors'), {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(pre.res.headers.get('access-control-allow-origin'), null);
  });

  test('preflight allows POST with content-type, authorization and idempotency-key', async () => {
    const pre = await cors(path('cors'), {
      method: 'OPTIONS',
      headers: { origin: allowed, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
    });
    assert.equal(pre.res.status, 204);
    assert.equal(pre.res.headers.get('access-control-allow-origin'), allowed);
    assert.match(pre.res.headers.get('access-control-allow-methods')!, /POST/);
    const headers = pre.res.headers.get('access-control-allow-headers')!.toLowerCase();
    for (const h of ['content-type', 'authorization', 'idempotency-key']) assert.ok(headers.includes(h), h);
    const mod = await cors('/api/moderation/comments', {
      method: 'OPTIONS',
      headers: { origin: allowed, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    assert.equal(mod.res.status, 204, 'a preflight needs no token');
  });

  test('errors carry CORS headers too, so the page can read them', async () => {
    const r = await cors(path('t'.repeat(201)), { headers: { origin: allowed } });
    assert.equal(r.res.status, 422);
    assert.equal(r.res.headers.get('access-control-allow-origin'), allowed);
  });

  test('"*" allows any origin; no origins configured means no CORS at all', async () => {
    const any = client(store, { allowedOrigins: ['*'] }).call;
    assert.equal((await any(path('cors'), { headers: { origin: 'https://anyone.example' } })).res.headers.get('access-control-allow-origin'), '*');
    const none = await call(path('cors'), { headers: { origin: allowed } });
    assert.equal(none.res.headers.get('access-control-allow-origin'), null);
  });
});
