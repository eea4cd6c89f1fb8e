// Several service processes on one PostgreSQL database behave as one service: idempotent posts,
// final decisions, the rate limit and the page cache hold across instances; one instance killed
// with -9 loses nothing acknowledged; a database outage gives 503s and heals by itself.
// PostgreSQL only (an embedded PGlite folder belongs to one process): skipped in the PGlite run.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { listenerName } from '../../server/db/db.js';
import { THREADS_CHANNEL } from '../../server/page-cache.js';
import { startPostgres } from '../support/postgres.mjs';
import { BACKEND, comment, freshDatabase } from './helpers.js';
import { decide, post, queue, start, TOKEN, type Running } from './service-process.js';

const skip = BACKEND !== 'postgres' && 'several instances need a PostgreSQL server (TEST_BACKEND=postgres)';

async function instances(n: number, env: Record<string, string> = {}, database?: Record<string, string>) {
  const db = database ?? (await freshDatabase('postgres')).env;
  // Started together: their migrations race for the advisory lock on a fresh database.
  return Promise.all(Array.from({ length: n }, () => start({ ...db, RATE_LIMIT_PER_MINUTE: '0', DATABASE_POOL_SIZE: '5', ...env })));
}
const stopAll = (running: Running[]) => Promise.all(running.map((r) => (r.child.kill('SIGTERM'), r.exited)));
const threadUrl = (base: string, thread: string) => `${base}/threads/${encodeURIComponent(thread)}/comments`;

describe('several instances on one database', { skip, timeout: 180_000 }, () => {
  test('start at once on a fresh database; one Idempotency-Key sent 50 times in parallel stores one comment', async () => {
    const running = await instances(3);
    after(() => stopAll(running));
    const body = comment('once');
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => post(running[i % 3].url, 'idem', body, 'the-same-key')));
    const texts = await Promise.all(answers.map((a) => a.text()));
    assert.deepEqual(answers.map((a) => a.status), Array(50).fill(202), texts.find((t) => !t.startsWith('{"id"')) ?? '');
    assert.equal(new Set(texts).size, 1, 'every answer is the same');
    const stored = (await queue(running[0].url, 'pending')).filter((c) => c.text === body.text);
    assert.equal(stored.length, 1);
    assert.equal(stored[0].id, JSON.parse(texts[0]).id);

    const other = await Promise.all(Array.from({ length: 12 }, (_, i) => post(running[i % 3].url, 'idem', comment('different'), 'the-same-key')));
    for (const a of other) {
      assert.equal(a.status, 409);
      assert.equal((await a.json()).error.code, 'idempotency-key-reused');
    }
  });

  test('parallel decisions on one comment from different instances: exactly one wins, the other gets 409', async () => {
    const running = await instances(2);
    after(() => stopAll(running));
    for (let i = 0; i < 10; i++) {
      const { id } = await (await post(running[0].url, 'decide', comment(`decide ${i}`), `decide-${i}`)).json();
      const [a, b] = await Promise.all([
        decide(running[0].url, id, { decision: 'approve' }),
        decide(running[1].url, id, { decision: 'reject', reason: 'promotion' }),
      ]);
      const statuses = [a.status, b.status].sort();
      assert.deepEqual(statuses, [200, 409], `round ${i}`);
      const winner = await (a.status === 200 ? a : b).json();
      const loser = await (a.status === 200 ? b : a).json();
      assert.equal(loser.error.code, 'decision-final');
      assert.deepEqual(loser.current, winner, 'the loser is told what won');
    }
  });

  test('the rate limit is shared: RATE_LIMIT_PER_MINUTE posts a minute in all, not per instance', async () => {
    const running = await instances(3, { RATE_LIMIT_PER_MINUTE: '4' });
    after(() => stopAll(running));
    const answers = await Promise.all(Array.from({ length: 15 }, (_, i) => post(running[i % 3].url, 'limited', comment(`limited ${i}`), `limited-${i}`)));
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 202).length, 4, String(statuses));
    assert.equal(statuses.filter((s) => s === 429).length, 11, String(statuses));
    for (const a of answers.filter((x) => x.status === 429)) assert.ok(Number(a.headers.get('retry-after')) >= 1);
  });

  test('kill -9 of one instance under a posting load: the others keep answering; every 202 is stored once', async () => {
    const running = await instances(3);
    after(() => stopAll(running));
    const [victim, ...survivors] = running;
    const acknowledged = new Map<string, string>(); // key → id
    const refused: string[] = [];
    const bodies = new Map<string, object>();
    const body = (k: string) => bodies.get(k) ?? bodies.set(k, { ...comment(k), text: `load comment ${k}` }).get(k)!;
    let n = 0;
    let stop = false;
    const worker = async (w: number) => {
      while (!stop) {
        const k = `load-${w}-${n++}`;
        const target = running[n % 3];
        try {
          const a = await post(target.url, 'load', body(k), k);
          if (a.status === 202) acknowledged.set(k, (await a.json()).id);
          else throw new Error(`${a.status} ${await a.text()}`);
        } catch (error) {
          if (target !== victim) throw error;
          refused.push(k); // the killed instance: a load balancer would retry elsewhere
        }
      }
    };
    const workers = Array.from({ length: 6 }, (_, w) => worker(w));
    await new Promise((r) => setTimeout(r, 1_000));
    victim.child.kill('SIGKILL');
    await victim.exited;
    const before = acknowledged.size;
    await new Promise((r) => setTimeout(r, 1_000));
    stop = true;
    await Promise.all(workers);
    assert.ok(before > 10, `posts acknowledged before the kill: ${before}`);
    assert.ok(acknowledged.size > before + 10, `the survivors kept answering (${acknowledged.size - before} after the kill)`);
    assert.ok(refused.length > 0, 'some posts went to the killed instance');

    // Retrying what the killed instance never answered, with the same keys, on a survivor.
    for (const k of refused) {
      const a = await post(survivors[0].url, 'load', body(k), k);
      assert.equal(a.status, 202);
      const id = (await a.json()).id;
      acknowledged.set(k, id);
    }
    const stored = await queue(survivors[1].url, 'pending');
    const byText = new Map<string, string[]>();
    for (const c of stored) byText.set(c.text, [...(byText.get(c.text) ?? []), c.id]);
    for (const [k, id] of acknowledged) assert.deepEqual(byText.get(`load comment ${k}`), [id], `key ${k} stored exactly once`);
    assert.equal(stored.length, acknowledged.size, 'nothing else was stored');
  });

  test('the page cache: approve on one instance, the other serves the change on its next GET', async () => {
    const database = (await freshDatabase('postgres')).env;
    const running = await instances(2, {}, database);
    after(() => stopAll(running));
    // Each instance listens on a connection the approving one can count (and wait for).
    const admin = new pg.Client({ connectionString: database.DATABASE_URL });
    await admin.connect();
    const listeners = await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`, [
      listenerName(THREADS_CHANNEL),
    ]);
    await admin.end();
    assert.equal(listeners.rows[0].n, 2);
    const [a, b] = running;
    const { id } = await (await post(a.url, 'cached', comment('first'), 'cached-1')).json();
    assert.equal((await decide(a.url, id, { decision: 'approve' })).status, 200);
    const first = await fetch(threadUrl(b.url, 'cached'));
    assert.equal((await first.json()).total, 1);
    const etag = first.headers.get('etag')!;
    assert.equal((await fetch(threadUrl(b.url, 'cached'), { headers: { 'if-none-match': etag } })).status, 304);
    for (let i = 2; i <= 12; i++) {
      const posted = await (await post(a.url, 'cached', comment(`more ${i}`), `cached-${i}`)).json();
      assert.equal((await decide(a.url, posted.id, { decision: 'approve' })).status, 200);
      const next = await fetch(threadUrl(b.url, 'cached'), { headers: { 'if-none-match': etag } });
      assert.equal(next.status, 200, 'not the cached page');
      assert.equal((await next.json()).total, i);
    }
  });
});

describe('the database going away and coming back', { skip, timeout: 180_000 }, () => {
  test('503 with Retry-After, health says why, and the service recovers by itself', async () => {
    const server = await startPostgres();
    after(() => server.stop());
    const running = await instances(2, {}, { DATABASE_URL: await server.createDatabase() });
    after(() => stopAll(running));
    const [a, b] = running;
    const { id } = await (await post(a.url, 'outage', comment('before'), 'outage-1')).json();
    assert.equal((await decide(a.url, id, { decision: 'approve' })).status, 200);
    assert.equal((await fetch(threadUrl(b.url, 'outage'))).status, 200);

    await server.stopServer();
    const t0 = Date.now();
    const during = comment('during');
    const attempts = [
      post(a.url, 'outage', during, 'outage-2'),
      fetch(threadUrl(b.url, 'outage')),
      fetch(`${a.url}/comments/${id}/status`, { headers: { authorization: 'Bearer x' } }),
      fetch(`${b.url}/moderation/comments`, { headers: { authorization: `Bearer ${TOKEN}` } }),
    ];
    for (const r of await Promise.all(attempts)) {
      assert.equal(r.status, 503, `${r.url}`);
      assert.ok(Number(r.headers.get('retry-after')) >= 1);
      assert.equal((await r.json()).error.code, 'unavailable');
    }
    const health = await fetch(`${a.url}/health`);
    assert.equal(health.status, 503);
    assert.match((await health.json()).error.message, /database is unreachable/);
    assert.ok(Date.now() - t0 < 15_000, `answered within the timeouts (${Date.now() - t0} ms)`);

    await server.startServer();
    const deadline = Date.now() + 30_000;
    for (const r of running) {
      while ((await fetch(`${r.url}/health`)).status !== 200) {
        assert.ok(Date.now() < deadline, 'recovered within 30 s');
        await new Promise((res) => setTimeout(res, 200));
      }
    }
    const again = await post(a.url, 'outage', during, 'outage-2');
    assert.equal(again.status, 202);
    const { id: second } = await again.json();
    assert.equal((await decide(b.url, second, { decision: 'approve' })).status, 200);
    // b's listener reconnected and dropped its cache: it shows a's approval.
    assert.equal((await (await fetch(threadUrl(a.url, 'outage'))).json()).total, 2);
    assert.equal((await (await fetch(threadUrl(b.url, 'outage'))).json()).total, 2);
    for (const r of running) assert.equal(r.child.exitCode, null, 'no instance crashed');
  });

  test('a database that hangs (SIGSTOP) gives 503s within the timeouts, not a hang; it heals after SIGCONT', { timeout: 90_000 }, async () => {
    const server = await startPostgres();
    after(() => server.stop());
    const [a] = await instances(1, {}, { DATABASE_URL: await server.createDatabase() });
    after(() => stopAll([a]));
    assert.equal((await post(a.url, 'hang', comment('before'), 'hang-1')).status, 202);
    const during = comment('during');
    const frozen = server.pids();
    for (const pid of frozen) process.kill(pid, 'SIGSTOP');
    try {
      const t0 = Date.now();
      const answers = await Promise.all([
        post(a.url, 'hang', during, 'hang-2'),
        fetch(threadUrl(a.url, 'hang')),
        fetch(`${a.url}/health`),
      ]);
      for (const r of answers) {
        assert.equal(r.status, 503, r.url);
        assert.equal((await r.json()).error.code, 'unavailable');
      }
      // The statement timeout (10 s) and the client's own (12 s) bound the wait.
      assert.ok(Date.now() - t0 < 20_000, `answered in ${Date.now() - t0} ms`);
    } finally {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
    }
    const deadline = Date.now() + 30_000;
    while ((await fetch(`${a.url}/health`)).status !== 200) {
      assert.ok(Date.now() < deadline, 'recovered within 30 s');
      await new Promise((res) => setTimeout(res, 200));
    }
    assert.equal((await post(a.url, 'hang', during, 'hang-2')).status, 202, 'the retry with the same key is stored');
  });
});
