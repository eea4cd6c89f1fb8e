// A bot that fills the honeypot must not be able to tell its answers from real ones: same validation,
// same status endpoint behaviour, same replay behaviour. In-process on a real store.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Store } from '../../server/store.js';
import { client, comment, key, MODERATOR, useStore, uniqueThread, type Call } from './helpers.js';

let store: Store;
let call: Call;
useStore((opened) => ({ store, call } = opened));

const path = (thread: string) => `/api/threads/${encodeURIComponent(thread)}/comments`;
const post = (thread: string, body: unknown, idempotencyKey = key()) => call(path(thread), { json: body, headers: { 'idempotency-key': idempotencyKey } });
const bot = (n: number, extra: Record<string, unknown> = {}) => comment(n, { website: 'https://spam.example', ...extra });
const shape = (r: { res: Response; body: any }) => ({ status: r.res.status, code: r.body?.error?.code, auth: r.res.headers.get('www-authenticate') });

test('the status endpoint answers a honeypot id exactly as a real one: wrong token and right token', async () => {
  const real = await post(uniqueThread('real'), comment(1));
  const fake = await post(uniqueThread('fake'), bot(1));
  assert.equal(real.res.status, 202);
  assert.equal(fake.res.status, 202);
  const wrong = 'w'.repeat(43);
  assert.deepEqual(shape(await call(`/api/comments/${fake.body.id}/status`, { token: wrong })), shape(await call(`/api/comments/${real.body.id}/status`, { token: wrong })));
  const own = await call(`/api/comments/${fake.body.id}/status`, { token: fake.body.token });
  const ownReal = await call(`/api/comments/${real.body.id}/status`, { token: real.body.token });
  assert.equal(own.res.status, ownReal.res.status);
  assert.deepEqual(own.body, ownReal.body);
  assert.deepEqual(own.body, { status: 'pending' });
  // Another honeypot answer's token does not open this one.
  const other = await post(uniqueThread('fake'), bot(2));
  assert.equal((await call(`/api/comments/${fake.body.id}/status`, { token: other.body.token })).res.status, 401);
});

test('an unknown id and a wrong token give the same answer', async () => {
  const real = await post(uniqueThread('real'), comment(1));
  const unknown = shape(await call(`/api/comments/AAAAAAAAAAAAAAAAAAAAAA/status`, { token: 'w'.repeat(43) }));
  assert.deepEqual(unknown, shape(await call(`/api/comments/${real.body.id}/status`, { token: 'w'.repeat(43) })));
});

test('a body a real post would refuse with 422 is refused the same way with the honeypot filled', async () => {
  for (const extra of [{ email: 'not-an-address' }, { text: '' }, { author: 'x'.repeat(81) }, { parentId: 7 }, { parentId: 'AAAAAAAAAAAAAAAAAAAAAA' }]) {
    const person = await post(uniqueThread('v'), comment(1, extra));
    const robot = await post(uniqueThread('v'), bot(1, extra));
    assert.equal(person.res.status, 422);
    assert.equal(robot.res.status, 422, `${JSON.stringify(extra)}: ${robot.text}`);
    assert.deepEqual(robot.body, person.body);
  }
  const badThread = await post('t'.repeat(201), bot(1));
  assert.equal(badThread.res.status, 422);
});

test('a replayed Idempotency-Key gets the same honeypot answer, and nothing is stored', async () => {
  const before = (await call('/api/moderation/comments?limit=1', { token: MODERATOR })).body.total;
  const thread = uniqueThread('replay');
  const k = key();
  const first = await post(thread, bot(1), k);
  const again = await post(thread, bot(1), k);
  assert.equal(again.res.status, 202);
  assert.deepEqual(again.body, first.body);
  assert.notEqual((await post(thread, bot(1))).body.id, first.body.id, 'another key, another id');
  assert.match(first.body.id, /^[\w-]{22}$/, 'as long as a real id');
  assert.match(first.body.token, /^[\w-]{43}$/, 'as long as a real token');
  assert.equal((await call('/api/moderation/comments?limit=1', { token: MODERATOR })).body.total, before);
});

test('the same key gives the same honeypot answer from another instance of the service', async () => {
  const other = client(store).call;
  const k = key();
  const thread = uniqueThread('instances');
  assert.deepEqual((await other(path(thread), { json: bot(1), headers: { 'idempotency-key': k } })).body, (await post(thread, bot(1), k)).body);
});
