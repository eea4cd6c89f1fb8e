// Request bodies over a real HTTP server, where they are read from the Node request stream:
// the byte limit on declared and streamed sizes, strict UTF-8, and an upload the client abandons.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { LIMITS } from '../../src/internal/contract.js';
import type { Store } from '../../server/store.js';
import { client, comment, key, openStore } from './helpers.js';

let store: Store;
let cleanup: () => Promise<void>;
let server: ServerType;
let port: number;

before(async () => {
  ({ store, cleanup } = await openStore());
  server = serve({ fetch: client(store).app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  port = (server.address() as AddressInfo).port;
});
after(async () => {
  await new Promise((r) => server.close(r));
  await cleanup();
});

/** Sends a raw HTTP/1.1 request, body in chunks; resolves with the status line and body of the answer. */
function rawRequest(head: string, chunks: (string | Uint8Array)[], { abortAfterBody = false } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', async () => {
      socket.write(head);
      for (const chunk of chunks) {
        socket.write(chunk);
        await new Promise((r) => setTimeout(r, 5));
      }
      if (abortAfterBody) {
        socket.destroy();
        resolve({ status: 0, body: '' });
      }
    });
    let answer = '';
    socket.on('data', (d) => {
      answer += d;
      const m = /^HTTP\/1\.1 (\d+)[^]*?\r\n\r\n([^]*)$/.exec(answer);
      if (m && /\}\s*$/.test(m[2].replace(/\r\n0\r\n\r\n$/, ''))) {
        socket.destroy();
        resolve({ status: Number(m[1]), body: m[2] });
      }
    });
    socket.on('error', (e) => (abortAfterBody ? undefined : reject(e)));
  });
}
const head = (path: string, headers: Record<string, string>) =>
  `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
const chunked = (parts: (string | Uint8Array)[]) => [...parts.flatMap((p) => [`${Buffer.byteLength(p as string).toString(16)}\r\n`, p, '\r\n']), '0\r\n\r\n'];

test('a comment and a counts request are read from the socket', async () => {
  const body = JSON.stringify(comment(1));
  const r = await rawRequest(head('/api/threads/socket/comments', { 'Content-Length': String(Buffer.byteLength(body)), 'Idempotency-Key': key() }), [body.slice(0, 20), body.slice(20)]);
  assert.equal(r.status, 202, r.body);
  const counts = JSON.stringify({ threads: ['socket'] });
  const c = await rawRequest(head('/api/counts', { 'Transfer-Encoding': 'chunked' }), chunked([counts]));
  assert.equal(c.status, 200, c.body);
});

test('413 for a declared size over the limit, before any byte of the body', async () => {
  const r = await rawRequest(head('/api/counts', { 'Content-Length': String(LIMITS.bodyBytes + 1) }), []);
  assert.equal(r.status, 413);
  assert.match(r.body, /too-large/);
});

test('413 for a chunked body that grows past the limit', async () => {
  const part = 'x'.repeat(16 * 1024);
  const parts = ['{"threads":[],"pad":"', ...Array(Math.ceil(LIMITS.bodyBytes / part.length) + 1).fill(part), '"}'];
  const r = await rawRequest(head('/api/counts', { 'Transfer-Encoding': 'chunked' }), chunked(parts));
  assert.equal(r.status, 413);
});

test('400 for bytes that are not UTF-8, split across chunks', async () => {
  const bytes = [new TextEncoder().encode('{"threads":["caf'), new Uint8Array([0xc3]), new Uint8Array([0x28]), new TextEncoder().encode('"]}')];
  const r = await rawRequest(head('/api/counts', { 'Transfer-Encoding': 'chunked' }), chunked(bytes));
  assert.equal(r.status, 400, r.body);
  assert.match(r.body, /UTF-8/);
  // A character split across chunks is still one character.
  const split = [new TextEncoder().encode('{"threads":["caf'), new Uint8Array([0xc3]), new Uint8Array([0xa9]), new TextEncoder().encode('"]}')];
  const ok = await rawRequest(head('/api/counts', { 'Transfer-Encoding': 'chunked' }), chunked(split));
  assert.equal(ok.status, 200, ok.body);
  assert.match(ok.body, /café/);
});

test('an upload the client abandons is not logged as an internal error, and the service goes on', async () => {
  const logged: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void logged.push(args);
  try {
    for (const path of ['/api/counts', '/api/threads/abandoned/comments']) {
      await rawRequest(head(path, { 'Content-Length': '5000', 'Idempotency-Key': key() }), ['{"threads": ["a'], { abortAfterBody: true });
    }
    await new Promise((r) => setTimeout(r, 200));
  } finally {
    console.error = original;
  }
  assert.deepEqual(logged, [], 'nothing was logged');
  const r = await fetch(`http://127.0.0.1:${port}/api/health`);
  assert.equal(r.status, 200);
});

test('the README states the byte limit the contract computes', async () => {
  const { readFileSync } = await import('node:fs');
  const readme = readFileSync('README.md', 'utf8');
  assert.ok(readme.includes(`${LIMITS.bodyBytes.toLocaleString('en')} bytes`), `README gives ${LIMITS.bodyBytes.toLocaleString('en')} bytes`);
});
