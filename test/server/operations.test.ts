// What operations sees of the running service: JSON log lines that never carry personal data or
// secrets, /api/metrics, and limits that keep slow clients from taking it down.
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { rmSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { comment, freshDataDir } from './helpers.js';
import { post, start, TOKEN, type Running } from './service-process.js';

const METRICS = 'metrics-token-for-the-operations-test';
let service: Running;
let dataDir: string;

async function service_() {
  dataDir = await freshDataDir();
  service = await start({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0', METRICS_TOKEN: METRICS, MAX_CONNECTIONS: '40', HEADERS_TIMEOUT_SECONDS: '1', REQUEST_TIMEOUT_SECONDS: '2' });
}
after(() => {
  service?.child.kill('SIGKILL');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const port = () => Number(new URL(service.url).port);
const open = () =>
  new Promise<Socket>((resolve, reject) => {
    const socket = connect(port(), '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
/** Resolves with what the server sent once it closes the socket, or null if still open after `ms`. */
const closedWithin = (socket: Socket, ms: number) =>
  new Promise<string | null>((resolve) => {
    let data = '';
    socket.on('data', (d) => (data += d));
    const timer = setTimeout(() => resolve(null), ms);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(data);
    });
  });
const timed = async (f: () => Promise<Response>) => {
  const t = performance.now();
  const res = await f();
  return { res, ms: performance.now() - t };
};

describe('operations', { timeout: 180_000 }, () => {
  test('one JSON line per request and per error, with no email, token or comment text', async () => {
    await service_();
    const email = `log-marker-4711@leak-check.example`;
    const text = 'LOG-MARKER-TEXT the comment itself';
    const posted = await post(service.url, 'log/thread-marker', comment('log', { email, text }), 'log-marker-key');
    assert.equal(posted.status, 202);
    const { id, token } = await posted.json();
    assert.equal((await fetch(`${service.url}/comments/${id}/status`, { headers: { authorization: `Bearer ${token}` } })).status, 200);
    assert.equal((await fetch(`${service.url}/moderation/comments`, { headers: { authorization: `Bearer ${TOKEN}` } })).status, 200);
    assert.equal((await fetch(`${service.url}/moderation/comments`, { headers: { authorization: 'Bearer wrong-token' } })).status, 401);
    assert.equal((await fetch(`${service.url}/no/such/path?email=${encodeURIComponent(email)}`)).status, 404);

    // An upload the client abandons halfway: the log says so, without an internal error and stack.
    const socket = await open();
    socket.write(`POST /api/threads/t/comments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nIdempotency-Key: abandoned\r\nContent-Length: 500\r\n\r\n{"author":"A","email":"${email}"`);
    await new Promise((r) => setTimeout(r, 200));
    socket.destroy();
    await new Promise((r) => setTimeout(r, 500));

    const lines = service.stderr().trim().split('\n');
    const entries = lines.map((line) => JSON.parse(line));
    const requests = entries.filter((e) => e.msg === 'request');
    assert.deepEqual(
      requests.map((e) => [e.method, e.route, e.status]),
      [
        ['POST', '/api/threads/:thread/comments', 202],
        ['GET', '/api/comments/:id/status', 200],
        ['GET', '/api/moderation/comments', 200],
        ['GET', '/api/moderation/comments', 401],
        ['GET', '(unmatched)', 404],
        ['POST', '/api/threads/:thread/comments', 400],
      ],
    );
    for (const e of requests) {
      assert.ok(!Number.isNaN(Date.parse(e.time)) && typeof e.ms === 'number', JSON.stringify(e));
    }
    assert.equal(entries.filter((e) => e.level === 'error').length, 0, 'an abandoned upload is not an internal error');
    assert.equal(entries.filter((e) => e.msg === 'client aborted').length, 1);
    const all = service.stderr();
    for (const secret of [email, 'leak-check.example', 'LOG-MARKER-TEXT', token, TOKEN, 'wrong-token', id, 'thread-marker']) {
      assert.ok(!all.includes(secret), `${secret} is not in the log`);
    }
  });

  test('GET /api/metrics: Prometheus text behind METRICS_TOKEN', async () => {
    const denied = await fetch(`${service.url}/metrics`);
    assert.equal(denied.status, 401);
    assert.equal((await fetch(`${service.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status, 401, 'the moderator token is not the metrics token');
    const res = await fetch(`${service.url}/metrics`, { headers: { authorization: `Bearer ${METRICS}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    assert.match(text, /^http_requests_total\{method="POST",route="\/api\/threads\/:thread\/comments",status="202"\} 1$/m);
    assert.match(text, /^http_requests_total\{method="GET",route="\/api\/metrics",status="401"\} 2$/m);
    assert.match(text, /^http_request_duration_seconds_bucket\{le="0\.05",method="POST",route="\/api\/threads\/:thread\/comments"\} \d+$/m);
    assert.match(text, /^comments_pending 1$/m);
    assert.match(text, /^durability_barriers_total [1-9]\d*$/m);
    assert.match(text, /^process_resident_memory_bytes \d+/m);
    assert.ok(!text.includes('leak-check.example'));
  });

  test('slow clients: others are answered, slow headers and bodies are cut off, connections are capped', async () => {
    // Slow headers on 30 connections (the cap is 40): the service answers everyone else at once.
    const slow = await Promise.all(Array.from({ length: 30 }, () => open()));
    for (const s of slow) s.write('GET /api/health HTTP/1.1\r\nHost: x\r\n');
    const { res, ms } = await timed(() => fetch(`${service.url}/health`));
    assert.equal(res.status, 200);
    assert.ok(ms < 2000, `health answered in ${Math.round(ms)} ms under the load`);
    // HEADERS_TIMEOUT_SECONDS=1: each slow sender is answered 408 and closed within a few seconds.
    const cut = await Promise.all(slow.map((s) => closedWithin(s, 5000)));
    assert.ok(cut.every((data) => data !== null && /^HTTP\/1\.1 408/.test(data)), `slow headers are closed: ${cut.filter((d) => d === null).length} still open`);

    // A body that never completes is cut off at REQUEST_TIMEOUT_SECONDS=2.
    const body = await open();
    body.write('POST /api/counts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"thr');
    const started = performance.now();
    assert.notEqual(await closedWithin(body, 6000), null, 'a slow body is not held');
    assert.ok(performance.now() - started < 6000);

    // Past MAX_CONNECTIONS=40 a new connection is closed at once; once the slow ones are cut off,
    // the service is reachable again by itself.
    const hold = await Promise.all(Array.from({ length: 40 }, () => open()));
    for (const s of hold) s.write('GET /api/health HTTP/1.1\r\n');
    const extra = await open();
    assert.notEqual(await closedWithin(extra, 1000), null, 'the 41st connection is refused');
    await Promise.all(hold.map((s) => closedWithin(s, 5000)));
    assert.equal((await fetch(`${service.url}/health`)).status, 200);

    service.child.kill('SIGTERM');
    assert.equal(await service.exited, 0);
  });
});
