// The rendered-page cache of GET /threads/:thread/comments: reused until the thread changes,
// a 304 costs no query, and a page read before a change is never stored after it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../server/db/db.js';
import { PageCache } from '../../server/page-cache.js';
import { Store } from '../../server/store.js';
import { client, comment, freshDatabase, postApproved, uniqueThread, type Call } from './helpers.js';

let queries = 0;
let store: Store;
let call: Call;
let remove: () => void;

before(async () => {
  const database = await freshDatabase();
  remove = database.remove;
  const db = await database.open();
  // The real database, with every statement counted.
  const counted: Db = {
    ...db,
    query: (sql, params) => (queries++, db.query(sql, params)),
    transaction: (fn) => db.transaction((tx) => fn({ query: (sql, params) => (queries++, tx.query(sql, params)) })),
  };
  store = await Store.open(counted);
  ({ call } = client(store));
});
after(async () => {
  await store.close();
  remove();
});

const path = (thread: string, query = '') => `/api/threads/${encodeURIComponent(thread)}/comments${query}`;

describe('page cache', () => {
  test('a page is read once until its thread changes; a 304 costs no query', async () => {
    const thread = uniqueThread('cached');
    await postApproved(call, thread, comment('one'));
    const first = await call(path(thread));
    assert.equal(first.body.total, 1);
    const etag = first.res.headers.get('etag')!;
    const before = queries;
    const again = await call(path(thread));
    assert.equal(again.text, first.text);
    assert.equal(again.res.headers.get('etag'), etag);
    assert.equal(again.res.headers.get('content-type'), 'application/json; charset=UTF-8');
    const notModified = await call(path(thread), { headers: { 'if-none-match': etag } });
    assert.equal(notModified.res.status, 304);
    assert.equal(queries, before, 'neither the repeat nor the 304 touched the database');

    const newest = await call(path(thread, '?sort=newest&limit=1'));
    assert.equal(newest.res.status, 200);
    assert.ok(queries > before, 'another sort and limit is another page');

    await postApproved(call, thread, comment('two'));
    const changed = await call(path(thread), { headers: { 'if-none-match': etag } });
    assert.equal(changed.res.status, 200, 'an approval drops the thread’s pages');
    assert.equal(changed.body.total, 2);
    assert.equal((await call(path(thread, '?sort=newest&limit=1'))).body.comments[0].text, 'Comment number two');
  });

  test('posting (pending) and rejecting leave the pages cached; other threads are untouched', async () => {
    const thread = uniqueThread('kept');
    const other = uniqueThread('other');
    await postApproved(call, thread, comment('kept'));
    await call(path(thread));
    await call(path(other));
    const posted = await call(path(thread), { json: comment('pending'), headers: { 'idempotency-key': `kept-${thread}` } });
    assert.equal(posted.res.status, 202);
    await postApproved(call, other, comment('elsewhere'));
    const before = queries;
    assert.equal((await call(path(thread))).body.total, 1);
    assert.equal(queries, before);
  });
});

describe('PageCache', () => {
  const page = { body: Buffer.from('{}'), etag: 'W/"x"' };

  test('a page read before an invalidation is not stored after it', () => {
    const cache = new PageCache();
    cache.reset(true);
    const ticket = cache.ticket('t');
    cache.invalidate('t'); // the thread changed while the page was being read
    cache.set('t', 'k', ticket, page);
    assert.equal(cache.get('t', 'k'), undefined);
    cache.set('t', 'k', cache.ticket('t'), page);
    assert.equal(cache.get('t', 'k'), page);
  });

  test('nothing is cached while notifications may be missed; a reset drops everything', () => {
    const cache = new PageCache();
    cache.set('t', 'k', cache.ticket('t'), page);
    assert.equal(cache.get('t', 'k'), undefined, 'not listening yet');
    cache.reset(true);
    const ticket = cache.ticket('t');
    cache.set('t', 'k', ticket, page);
    assert.equal(cache.get('t', 'k'), page);
    cache.reset(false);
    assert.equal(cache.get('t', 'k'), undefined);
    cache.set('t', 'k', cache.ticket('t'), page);
    assert.equal(cache.get('t', 'k'), undefined, 'the listener is down');
    const stale = cache.ticket('t');
    cache.reset(true);
    cache.set('t', 'k', stale, page);
    assert.equal(cache.get('t', 'k'), undefined, 'read while the listener was down');
  });

  test('a change drops its thread at commit and answers once the other instances have acknowledged', async () => {
    const [here, there, third] = [new PageCache(), new PageCache(), new PageCache()];
    for (const cache of [here, there, third]) {
      cache.reset(true);
      cache.set('t', 'k', cache.ticket('t'), page);
    }
    const change = here.announce('t');
    let answered = false;
    const done = change.committed(2).then(() => (answered = true));
    assert.equal(here.get('t', 'k'), undefined, 'dropped at commit');
    here.set('t', 'k', here.ticket('t'), page);
    // The notification reaches every listener, this instance included.
    assert.equal(here.received(change.payload), null, 'its own notification neither drops the page again nor is acknowledged');
    assert.equal(here.get('t', 'k'), page);
    const ack = there.received(change.payload)!;
    assert.equal(there.get('t', 'k'), undefined);
    for (const cache of [here, there, third]) cache.received(ack);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(answered, false, 'one of two acknowledgements');
    const ack2 = third.received(change.payload)!;
    for (const cache of [here, there, third]) cache.received(ack2);
    await done;
  });

  test('acknowledgements that arrive before the count are kept; alone, a change answers at once', async () => {
    const [here, there] = [new PageCache(), new PageCache()];
    const change = here.announce('t');
    here.received(there.received(change.payload)!);
    await change.committed(1);
    await here.announce('u').committed(0);
  });

  test('bounded in bytes: the least recently stored threads go first', () => {
    const cache = new PageCache(7); // bytes: three pages of 2 fit, a fourth does not
    cache.reset(true);
    for (const t of ['a', 'b', 'c', 'd']) cache.set(t, 'k', cache.ticket(t), page);
    assert.equal(cache.get('a', 'k'), undefined);
    for (const t of ['b', 'c', 'd']) assert.equal(cache.get(t, 'k'), page);
    cache.set('b', 'k', cache.ticket('b'), page); // replacing a page does not count it twice
    assert.equal(cache.get('c', 'k'), page);
    cache.invalidate('c');
    cache.set('e', 'k', cache.ticket('e'), page);
    assert.equal(cache.get('d', 'k'), page, 'the invalidated thread’s bytes were given back');
  });
});
