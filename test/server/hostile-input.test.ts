// Malformed and hostile public input: every answer is a 4xx in the documented error shape, never a 500.
// In-process through app.request() on a real store; the Node-stream body reader has its own file (body.test.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LIMITS } from '../../src/internal/contract.js';
import type { Store } from '../../server/store.js';
import { client, comment, key, MODERATOR, useStore, postApproved, uniqueThread, type Call } from './helpers.js';

let store: Store;
let call: Call;
useStore((opened) => ({ store, call } = opened));

const path = (thread: string, query = '') => `/api/threads/${encodeURIComponent(thread)}/comments${query}`;
const post = (thread: string, body: unknown, idempotencyKey = key()) => call(path(thread), { json: body, headers: { 'idempotency-key': idempotencyKey } });
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const raw = (thread: string, bytes: Uint8Array | string, contentType = 'application/json') =>
  call(path(thread), { method: 'POST', body: bytes as BodyInit, headers: { 'content-type': contentType, 'idempotency-key': key() } });

function assert4xx(r: { res: Response; body: any; text: string }, what: string) {
  assert.ok(r.res.status >= 400 && r.res.status < 500, `${what}: ${r.res.status} ${r.text}`);
  assert.equal(typeof r.body?.error?.code, 'string', what);
}

describe('forged cursors', () => {
  const forged = {
    'a date PostgreSQL cannot read ("1")': 'WyJvIiwiMSIsIngiXQ',
    'the earliest JavaScript date': cursorOf(['o', '-271821-04-20T00:00:00.000Z', 'x']),
    'the latest JavaScript date': cursorOf(['o', '+275760-09-13T00:00:00.000Z', 'x']),
    'year 0': cursorOf(['o', '0000-01-01T00:00:00.000Z', 'x']),
    'an id holding U+0000': cursorOf(['o', '2026-01-01T00:00:00.000Z', 'a\u0000b']),
    'a huge number as id': cursorOf(['o', '2026-01-01T00:00:00.000Z', 1e308]),
    'a date with a time zone offset text': cursorOf(['o', '2026-01-01 00:00:00 Europe/Nowhere', 'x']),
    'an id longer than any comment id': cursorOf(['o', '2026-01-01T00:00:00.000Z', 'x'.repeat(300)]),
  };
  for (const [what, cursor] of Object.entries(forged)) {
    test(`public list: ${what} is a 422 on cursor`, async () => {
      const r = await call(path('forged', `?cursor=${cursor}`));
      assert.equal(r.res.status, 422, r.text);
      assert.ok(r.body.error.fields.cursor);
    });
    test(`moderation list: ${what} is a 422 on cursor`, async () => {
      const forModeration = cursorOf(['pending', ...JSON.parse(Buffer.from(cursor, 'base64url').toString()).slice(1)]);
      const r = await call(`/api/moderation/comments?cursor=${forModeration}`, { token: MODERATOR });
      assert.equal(r.res.status, 422, r.text);
    });
  }

  test('a real cursor still pages', async () => {
    const thread = uniqueThread('pages');
    for (let i = 0; i < 3; i++) await postApproved(call, thread, comment(i));
    const first = await call(path(thread, '?limit=2'));
    const second = await call(path(thread, `?limit=2&cursor=${first.body.nextCursor}`));
    assert.equal(second.res.status, 200, second.text);
    assert.equal(second.body.comments.length, 1);
  });
});

describe('ids and numbers in the path and query', () => {
  test('a comment id holding U+0000 or too long is refused, not a 500', async () => {
    for (const id of ['a%00b', 'x'.repeat(LIMITS.commentId + 1), '%C0%80', '%E2%80%AE']) {
      assert4xx(await call(`/api/comments/${id}/status`, { token: 'x'.repeat(40) }), `status of ${id}`);
      assert4xx(await call(`/api/moderation/comments/${id}/decision`, { json: { decision: 'approve' }, token: MODERATOR }), `decision on ${id}`);
    }
  });

  test('huge numbers in the query are a 422', async () => {
    for (const q of ['?limit=99999999999999999999999', '?limit=1e400', '?limit=-0', '?limit=0x10', '?limit=%00']) {
      const r = await call(path('numbers', q));
      assert.equal(r.res.status, 422, `${q}: ${r.text}`);
    }
  });

  test('huge numbers and odd JSON in bodies are a 4xx', async () => {
    for (const body of ['{"threads": [1e999]}', '{"threads": 1e999}', '[' .repeat(5000) + ']'.repeat(5000), '{"threads": ["\\ud800"]}', '"\\u0000"']) {
      assert4xx(await call('/api/counts', { method: 'POST', body, headers: { 'content-type': 'application/json' } }), `counts ${body.slice(0, 30)}`);
    }
  });
});

describe('the honeypot cannot be tricked into a 500', () => {
  test('"website": {"toString": 1} and other non-strings', async () => {
    for (const website of [{ toString: 1 }, { valueOf: 1, toString: null }, [], [1], 0, 1, true, { a: 1 }]) {
      const r = await post(uniqueThread('hp'), comment(1, { website }));
      assert.ok(r.res.status === 202 || (r.res.status >= 400 && r.res.status < 500), `${JSON.stringify(website)}: ${r.res.status} ${r.text}`);
    }
  });
});

describe('bodies are UTF-8 JSON, exactly', () => {
  test('invalid UTF-8 is refused with 400, not stored with U+FFFD', async () => {
    const head = new TextEncoder().encode(`{"author":"Ana","email":"a@b.example","text":"caf`);
    const tail = new TextEncoder().encode(`"}`);
    for (const bad of [[0xe9], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xff], [0xf4, 0x90, 0x80, 0x80]]) {
      const r = await raw(uniqueThread('utf8'), new Uint8Array([...head, ...bad, ...tail]));
      assert.equal(r.res.status, 400, `${bad}: ${r.text}`);
    }
    const pending = (await call('/api/moderation/comments?limit=100', { token: MODERATOR })).body.comments;
    assert.ok(!pending.some((c: any) => c.text.includes('\ufffd')), 'nothing was stored with U+FFFD');
  });

  test('a charset other than UTF-8 is a 415; UTF-8 in any spelling is read', async () => {
    const body = JSON.stringify(comment(1));
    for (const type of ['application/json; charset=iso-8859-1', 'application/json;charset="latin1"', 'application/json; charset=utf-16']) {
      const r = await raw(uniqueThread('charset'), body, type);
      assert.equal(r.res.status, 415, `${type}: ${r.text}`);
      assert.equal(r.body.error.code, 'unsupported-media-type');
    }
    for (const type of ['application/json; charset=utf-8', 'application/json; charset="UTF-8"', 'application/json;charset=utf8', 'application/merge-patch+json']) {
      assert.equal((await raw(uniqueThread('charset'), body, type)).res.status, 202, type);
    }
  });

  test('a byte order mark is not JSON', async () => {
    assert.equal((await raw(uniqueThread('bom'), '\ufeff' + JSON.stringify(comment(1)))).res.status, 400);
  });
});

describe('the byte limit admits every valid comment', () => {
  // Every UTF-16 unit as a \u escape: an emoji becomes a surrogate pair of escapes, 12 bytes.
  const escape = (s: string) => Array.from({ length: s.length }, (_, i) => `\\u${s.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');

  test('5,000 emoji sent as \\u escapes are accepted and stored exactly', async () => {
    const thread = uniqueThread('emoji');
    const text = '😀'.repeat(LIMITS.text);
    const r = await raw(thread, `{"author":"Ana","email":"ana@leak-check.example","text":"${escape(text)}"}`);
    assert.equal(r.res.status, 202, r.text.slice(0, 200));
    const pending = await call(`/api/moderation/comments?limit=100`, { token: MODERATOR });
    assert.ok(pending.body.comments.some((c: any) => c.thread === thread && c.text === text));
  });

  test('every field at its maximum length, every character escaped as surrogate pairs, is accepted', async () => {
    const thread = uniqueThread('worst');
    const parentId = await postApproved(call, thread, comment(1));
    const body =
      `{"author":"${escape('😀'.repeat(LIMITS.author))}",` +
      `"email":"${escape('😀'.repeat(LIMITS.email - 5) + '@a.bc')}",` +
      `"text":"${escape('😀'.repeat(LIMITS.text))}",` +
      `"parentId":"${escape(parentId)}"}`;
    assert.ok(body.length > 32 * 1024, 'the case the old 32 KB limit refused');
    assert.ok(body.length <= LIMITS.bodyBytes, `${body.length} bytes is within LIMITS.bodyBytes`);
    const r = await raw(thread, body);
    assert.equal(r.res.status, 202, r.text.slice(0, 300));
  });

  test('counts of the most thread ids, each at its longest and escaped, are read', async () => {
    const threads = Array.from({ length: LIMITS.countsThreads }, (_, i) => `${i}`.padStart(3, '0') + '😀'.repeat(LIMITS.thread - 3));
    const body = `{"threads":[${threads.map((t) => `"${escape(t)}"`).join(',')}]}`;
    const r = await call('/api/counts', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    assert.equal(r.res.status, 200, r.text.slice(0, 200));
    assert.equal(Object.keys(r.body.counts).length, LIMITS.countsThreads);
  });

  test('one byte over the limit is a 413', async () => {
    const body = JSON.stringify({ ...comment(1), pad: 'p'.repeat(LIMITS.bodyBytes) });
    const r = await raw(uniqueThread('over'), body);
    assert.equal(r.res.status, 413);
    assert.equal(r.body.error.code, 'too-large');
  });
});

describe('a little fuzzing: no public request is ever a 5xx', () => {
  // A small deterministic generator, so a failure can be replayed from its seed.
  let seed = 0x2f6b1d;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const hostile: unknown[] = [
    null, true, 0, -1, 1e308, -1e308, 2 ** 53 + 1, '', ' ', '\u0000', '\ud800', '\ufeff', '..', '.', '%FF', '%25FF', 'a/b', '😀'.repeat(300),
    'x'.repeat(6000), [], [null], {}, { toString: 1 }, { valueOf: 1 }, { __proto__: { a: 1 } }, '__proto__', 'constructor', ['a', 1, null],
    Array.from({ length: 101 }, (_, i) => `t${i}`), '2026-01-01T00:00:00Z', '-271821-04-20T00:00:00.000Z',
  ];
  const fields = ['author', 'email', 'text', 'parentId', 'website', 'threads', 'decision', 'reason', '__proto__', 'constructor'];
  const randomBody = () => {
    const roll = rand();
    if (roll < 0.15) return JSON.stringify(pick(hostile));
    if (roll < 0.25) return Buffer.from(Array.from({ length: 1 + Math.floor(rand() * 40) }, () => Math.floor(rand() * 256)));
    const object: Record<string, unknown> = rand() < 0.5 ? comment(1) : {};
    for (let i = 0; i < 1 + rand() * 4; i++) object[pick(fields)] = pick(hostile);
    if (rand() < 0.1) object.website = pick(hostile);
    return JSON.stringify(object);
  };
  const asText = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? 'undefined'));
  const randomText = () => {
    const roll = rand();
    if (roll < 0.2) return cursorOf([pick(['o', 'n', 'pending']), pick(hostile.concat(['1', '0000-01-01T00:00:00.000Z'])), pick(hostile.concat(['a\u0000']))]);
    if (roll < 0.35) return `%${Math.floor(rand() * 256).toString(16).padStart(2, '0').toUpperCase()}`;
    if (roll < 0.5) return encodeURIComponent(asText(pick(hostile)).replace(/\p{Cs}/gu, '?'));
    return pick(['..', '.', '%', '%%', '%C0%AF', '%00', '%ED%A0%80', 'x'.repeat(250), '?', '%2F', '%2E%2E', 'a%20b']);
  };
  const types = ['application/json', 'application/json; charset=utf-8', 'application/json; charset=iso-8859-1', 'text/plain', 'application/json; charset=', 'application/json; =', '', 'application/x+json'];

  test('400 random requests across every public route', async () => {
    const limited = client(store, { rateLimitPerMinute: 1000, trustProxy: true }).call;
    for (let i = 0; i < 400; i++) {
      const routes: (() => { method: string; url: string; body?: string | Buffer })[] = [
        () => ({ method: 'GET', url: `/api/threads/${randomText()}/comments?${pick(['sort', 'limit', 'cursor', 'x'])}=${randomText()}&cursor=${randomText()}` }),
        () => ({ method: 'POST', url: `/api/threads/${randomText()}/comments`, body: randomBody() }),
        () => ({ method: 'GET', url: `/api/comments/${randomText()}/status` }),
        () => ({ method: 'POST', url: '/api/counts', body: randomBody() }),
        () => ({ method: pick(['GET', 'OPTIONS', 'PUT', 'DELETE']), url: `/api/${pick(['health', 'counts', 'threads/x/comments', 'comments/x/status'])}?${randomText()}` }),
        () => ({ method: 'POST', url: `/api/moderation/comments/${randomText()}/decision`, body: randomBody() }),
      ];
      const r = pick(routes)();
      const headers: Record<string, string> = {
        'content-type': pick(types),
        'x-forwarded-for': pick(['', '7.7.7.7', '[2001:db8::1]:443', 'garbage', '::ffff:707:707', '1.2.3.4, 999.1.1.1', ',,,', 'unknown']),
      };
      if (rand() < 0.7) headers['idempotency-key'] = pick(['k', 'x'.repeat(201), `key-${i}`, '\t', 'é']);
      if (rand() < 0.6) headers.authorization = pick([`Bearer ${MODERATOR}`, 'Bearer', 'Bearer x', 'Basic abc', `Bearer ${'x'.repeat(5000)}`, 'Bearer \u00e9']);
      if (rand() < 0.2) headers['if-none-match'] = pick(['*', 'W/"x"', '""', ',']);
      const answer = await limited(r.url, { method: r.method, headers, body: r.body as BodyInit | undefined });
      assert.ok(answer.res.status < 500, `#${i} ${r.method} ${r.url} (${JSON.stringify(headers)}) → ${answer.res.status} ${answer.text.slice(0, 200)}`);
    }
  });
});
