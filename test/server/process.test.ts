// The service as a real process (`node --import tsx server/main.ts`): configuration errors, the
// start-up line other tools parse, durability of acknowledged writes across `kill -9`, clean stop
// (SIGTERM and SIGINT share one handler in server/main.ts).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ConfigError, readConfig } from '../../server/config.js';
import { comment, EMAIL_DOMAIN, freshDatabase } from './helpers.js';
import { decide, post, run, start, TOKEN } from './service-process.js';

const temp = mkdtempSync(join(tmpdir(), 'rw-service-process-'));
after(() => rmSync(temp, { recursive: true, force: true }));

describe('configuration', () => {
  test('readConfig: defaults, and every mistake reported by name', () => {
    const config = readConfig({ MODERATOR_TOKEN: 't' });
    assert.deepEqual(config, {
      port: 8787,
      host: '127.0.0.1',
      dataDir: './data',
      databaseUrl: null,
      databasePoolSize: 10,
      moderatorToken: 't',
      allowedOrigins: [],
      rateLimitPerMinute: 6,
      trustProxy: false,
      metricsToken: '',
      maxConnections: 1000,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      minFreeDiskBytes: 64 * 2 ** 20,
    });
    const full = readConfig({
      MODERATOR_TOKEN: 't',
      PORT: '0',
      HOST: '0.0.0.0',
      DATA_DIR: '/srv/comments',
      ALLOWED_ORIGINS: 'https://a.example, http://localhost:5173/ ,*',
      RATE_LIMIT_PER_MINUTE: '0',
      TRUST_PROXY: '1',
    });
    assert.deepEqual(full.allowedOrigins, ['https://a.example', 'http://localhost:5173', '*']);
    assert.equal(full.port, 0);
    assert.equal(full.rateLimitPerMinute, 0);
    assert.equal(full.trustProxy, true);
    assert.throws(
      () => readConfig({ PORT: 'eighty', RATE_LIMIT_PER_MINUTE: '-1', ALLOWED_ORIGINS: 'news.example,https://a.example/path', TRUST_PROXY: 'yes' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        const text = error.message;
        for (const name of ['MODERATOR_TOKEN', 'PORT', 'RATE_LIMIT_PER_MINUTE', 'news.example', 'https://a.example/path', 'TRUST_PROXY']) {
          assert.ok(text.includes(name), `${name} in ${text}`);
        }
        return true;
      },
    );
    assert.throws(() => readConfig({ MODERATOR_TOKEN: 't', PORT: '70000' }), /PORT/);
    const pg = readConfig({ MODERATOR_TOKEN: 't', DATABASE_URL: 'postgres://comments@db.internal:5432/comments', DATABASE_POOL_SIZE: '4' });
    assert.equal(pg.databaseUrl, 'postgres://comments@db.internal:5432/comments');
    assert.equal(pg.databasePoolSize, 4);
    assert.throws(
      () => readConfig({ MODERATOR_TOKEN: 't', DATABASE_URL: 'mysql://u:secret-password@h/db', DATABASE_POOL_SIZE: '0' }),
      (error: unknown) => {
        const text = (error as Error).message;
        assert.match(text, /DATABASE_URL must be a PostgreSQL URL/);
        assert.match(text, /DATABASE_POOL_SIZE must be at least 1/);
        assert.ok(!text.includes('secret-password'), 'a password in the URL is never echoed');
        return true;
      },
    );
  });

  test('tokens: no whitespace inside, and at least 32 characters in production', () => {
    const long = 'x'.repeat(32);
    assert.throws(() => readConfig({ MODERATOR_TOKEN: 'two words' }), /MODERATOR_TOKEN must not contain spaces/);
    assert.throws(() => readConfig({ MODERATOR_TOKEN: long, METRICS_TOKEN: 'a\tb' }), /METRICS_TOKEN must not contain spaces/);
    assert.equal(readConfig({ MODERATOR_TOKEN: 'short' }).moderatorToken, 'short', 'development may use a short token');
    assert.throws(
      () => readConfig({ NODE_ENV: 'production', MODERATOR_TOKEN: 'short', METRICS_TOKEN: 'also-short' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.problems.length, 2, 'both reported at once');
        assert.match(error.problems[0], /^MODERATOR_TOKEN must be at least 32 characters with NODE_ENV=production \(got 5\)/);
        assert.match(error.problems[1], /^METRICS_TOKEN/);
        return true;
      },
    );
    assert.equal(readConfig({ NODE_ENV: 'production', MODERATOR_TOKEN: `  ${long}\n` }).moderatorToken, long, 'surrounding whitespace is trimmed');
    assert.throws(() => readConfig({ MODERATOR_TOKEN: 't', MAX_CONNECTIONS: '0', HEADERS_TIMEOUT_SECONDS: '40' }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /MAX_CONNECTIONS must be a whole number from 1/);
      assert.match(error.message, /REQUEST_TIMEOUT_SECONDS must be at least HEADERS_TIMEOUT_SECONDS/);
      return true;
    });
  });

  test('the process exits 1 with a clear message when MODERATOR_TOKEN is missing', async () => {
    const r = run({ DATA_DIR: join(temp, 'never-created'), PORT: '0', RATE_LIMIT_PER_MINUTE: 'many' });
    assert.equal(await r.exited, 1);
    assert.match(r.stderr(), /MODERATOR_TOKEN is required/);
    assert.match(r.stderr(), /RATE_LIMIT_PER_MINUTE must be a whole number/, 'all mistakes at once');
    assert.equal(r.stdout(), '');
  });
});

test('an unreachable DATABASE_URL stops the start with a message naming it (exit 1), the password never shown', async () => {
  const closed = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  const r = run({ MODERATOR_TOKEN: TOKEN, PORT: '0', DATABASE_URL: `postgres://comments:secret-password@127.0.0.1:${closed}/comments` });
  assert.equal(await r.exited, 1);
  assert.match(r.stderr(), /cannot reach the PostgreSQL server of DATABASE_URL: .*ECONNREFUSED/);
  assert.ok(!r.stderr().includes('secret-password'));
  assert.equal(r.stdout(), '');
});

describe('durability', { timeout: 300_000 }, () => {
  test('every acknowledged post and decision survives kill -9; then a clean SIGTERM stop', async () => {
    const database = await freshDatabase();
    after(() => database.remove());
    const first = await start({ ...database.env, RATE_LIMIT_PER_MINUTE: '0' });
    const thread = 'durable/thread';

    // A burst of concurrent posts, as several readers would send them.
    const keys = Array.from({ length: 12 }, (_, i) => `durable-key-${i}`);
    const bodies = keys.map((_, i) => comment(`durable ${i}`));
    const answers = await Promise.all(keys.map((k, i) => post(first.url, thread, bodies[i], k)));
    const posted: { id: string; token: string }[] = [];
    for (const a of answers) {
      assert.equal(a.status, 202);
      posted.push(await a.json());
    }
    const approve = posted.slice(0, 4).map((p) => p.id);
    const reject = posted.slice(4, 6).map((p) => p.id);
    const decisions = await Promise.all([
      ...approve.map((id) => decide(first.url, id, { decision: 'approve' })),
      ...reject.map((id) => decide(first.url, id, { decision: 'reject', reason: 'off-topic' })),
    ]);
    const reply = await post(first.url, thread, comment('durable reply', { parentId: approve[0] }), 'durable-reply');
    // The last acknowledgement arrives; the process is killed at once, with no chance to flush.
    assert.equal(reply.status, 202);
    first.child.kill('SIGKILL');
    const replyAnswer = await reply.json();
    for (const d of decisions) assert.equal(d.status, 200);
    assert.equal(await first.exited, null);

    const second = await start({ ...database.env, RATE_LIMIT_PER_MINUTE: '2', ALLOWED_ORIGINS: 'https://news.example' });
    const all = new Map<string, any>();
    for (const status of ['pending', 'approved', 'rejected']) {
      const r = await fetch(`${second.url}/moderation/comments?status=${status}&limit=100`, { headers: { authorization: `Bearer ${TOKEN}` } });
      for (const c of (await r.json()).comments) all.set(c.id, c);
    }
    assert.equal(all.size, 13);
    for (const [i, p] of posted.entries()) {
      const stored = all.get(p.id);
      assert.ok(stored, `comment ${i} survived`);
      assert.equal(stored.text, bodies[i].text);
      assert.equal(stored.status, approve.includes(p.id) ? 'approved' : reject.includes(p.id) ? 'rejected' : 'pending');
    }
    assert.equal(all.get(replyAnswer.id).parentId, approve[0]);
    for (const id of reject) assert.equal(all.get(id).reason, 'off-topic');

    const publicList = await (await fetch(`${second.url}/threads/${encodeURIComponent(thread)}/comments`)).json();
    assert.equal(publicList.total, 4);
    assert.ok(!JSON.stringify(publicList).includes(EMAIL_DOMAIN));
    const status = await fetch(`${second.url}/comments/${posted[4].id}/status`, { headers: { authorization: `Bearer ${posted[4].token}` } });
    assert.deepEqual(await status.json(), { status: 'rejected', reason: 'off-topic' }, 'token hashes survived');

    // Idempotency records survived too: replaying an acknowledged post gives the same answer,
    // and it counts against the real socket address's rate limit (2 a minute here).
    const replay = await post(second.url, thread, bodies[7], keys[7], { origin: 'https://news.example' });
    assert.equal(replay.status, 202);
    assert.deepEqual(await replay.json(), posted[7]);
    assert.equal(replay.headers.get('access-control-allow-origin'), 'https://news.example');
    assert.equal((await post(second.url, thread, comment('two'), 'after-restart-2')).status, 202);
    const limited = await post(second.url, thread, comment('three'), 'after-restart-3');
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) > 0);

    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0, 'SIGTERM closes the database and exits 0');
    assert.match(second.stderr(), /SIGTERM, closing/);
    assert.equal(second.stdout().trimEnd().split('\n').length, 1, 'exactly one line on stdout');
  });
});
