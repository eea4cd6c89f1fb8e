// The embedded database runs one operation per turn of the event loop, in arrival order, so new
// connections are accepted between operations instead of waiting behind every queued query.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { oneAtATime } from '../../server/db/turn-queue.js';
import type { Db, Queryable } from '../../server/db/db.js';
import { openStore } from './helpers.js';

/** A Db with a lock that hands over the way PGlite's does: from one waiting query to the next in promise callbacks. */
function instant(log: string[]): Db {
  let lock: Promise<unknown> = Promise.resolve();
  const locked = <R>(work: () => R): Promise<R> => {
    const run = lock.then(work);
    lock = run.catch(() => {});
    return run;
  };
  const tx: Queryable = { query: async (sql) => (log.push(`tx ${sql}`), { rows: [] }) };
  return {
    query: (sql) => locked(() => (log.push(sql), { rows: [{ sql }] as any[] })),
    transaction: <R>(fn: (q: Queryable) => Promise<R>) => locked(() => fn(tx)) as unknown as Promise<R>,
    listen: async () => {},
    close: () => locked(() => void log.push('close')),
  };
}

test('the event loop turns between two queued operations', async () => {
  const log: string[] = [];
  const db = oneAtATime(instant(log));
  const done = Promise.all([db.query('a'), db.query('b'), db.query('c')]);
  setImmediate(() => log.push('turn'));
  await done;
  assert.deepEqual(log, ['a', 'turn', 'b', 'c'], 'the loop turned after the first operation; arrival order kept');
});

test('without it, queued operations run back to back and the loop never turns', async () => {
  const log: string[] = [];
  const raw = instant(log);
  const done = Promise.all([raw.query('a'), raw.query('b'), raw.query('c')]);
  setImmediate(() => log.push('turn'));
  await done;
  assert.deepEqual(log, ['a', 'b', 'c'], 'all three ran before the loop could turn: the reason for the queue');
});

test('answers, errors and transactions pass through; a failure does not stop the queue', async () => {
  const log: string[] = [];
  const inner = instant(log);
  const db = oneAtATime({ ...inner, query: (sql, params) => (sql === 'boom' ? Promise.reject(new Error('boom')) : inner.query(sql, params)) });
  const [ok, failed, tx, after] = await Promise.allSettled([
    db.query('a'),
    db.query('boom'),
    db.transaction(async (t) => (await t.query('inside'), 'committed')),
    db.query('z'),
  ]);
  assert.deepEqual(ok.status === 'fulfilled' && ok.value.rows, [{ sql: 'a' }]);
  assert.equal(failed.status === 'rejected' && failed.reason.message, 'boom');
  assert.equal(tx.status === 'fulfilled' && tx.value, 'committed');
  assert.equal(after.status, 'fulfilled');
  assert.deepEqual(log, ['a', 'tx inside', 'z']);
});

test('the real store works through it under concurrent use', async () => {
  const { store, cleanup } = await openStore();
  try {
    const posts = await Promise.all(
      Array.from({ length: 30 }, (_, i) => store.createComment({ thread: 'q', author: 'A', email: 'a@b.example', text: `t${i}`, parentId: null }, `k${i}`)),
    );
    assert.equal(new Set(posts.map((p) => p.kind === 'created' && p.id)).size, 30);
    const counts = await store.counts(['q']);
    assert.equal(counts.q, 0, 'pending comments are not counted');
  } finally {
    await cleanup();
  }
});
