// Issue 10's figures, against the real service (a child process on PGlite):
//  - post → moderator's queue: an open queue polls GET /moderation/comments every QUEUE_POLL_MS
//    with If-None-Match; time from the post's 202 to the poll that shows the comment;
//  - post → webhook receiver (the outbox worker, MODERATION_WEBHOOK_URL);
//  - the cost of a poll: 304 (nothing new) against 200.
// node bench/probes/moderation-latency.mjs [trials]
import { createServer } from 'node:http';
import { startService, MODERATOR_TOKEN, uniqueKey } from '../lib/service.mjs';

const QUEUE_POLL_MS = 2000; // src/internal/contract.ts
const trials = Number(process.argv[2] ?? 10);
const hooks = new Map();
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    hooks.set(JSON.parse(body).id, performance.now());
    res.writeHead(204).end();
  });
});
await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
const service = await startService({ env: { MODERATION_WEBHOOK_URL: `http://127.0.0.1:${receiver.address().port}/hook` } });
const auth = { authorization: `Bearer ${MODERATOR_TOKEN}` };
const queueUrl = `${service.api}/moderation/comments?sort=newest&limit=20`;

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `median ${q(0.5).toFixed(0)} ms, p95 ${q(0.95).toFixed(0)} ms, max ${s.at(-1).toFixed(0)} ms (n=${s.length})`;
};

// An open queue: polls on its own schedule, unaware of when posts happen.
let etag = null;
const seen = new Map();
const cost = { 304: [], 200: [] };
let polling = true;
const poller = (async () => {
  while (polling) {
    const t0 = performance.now();
    const res = await fetch(queueUrl, { headers: { ...auth, ...(etag ? { 'if-none-match': etag } : {}) } });
    const text = await res.text();
    cost[res.status]?.push(performance.now() - t0);
    if (res.status === 200) {
      etag = res.headers.get('etag');
      for (const c of JSON.parse(text).comments) if (!seen.has(c.id)) seen.set(c.id, performance.now());
    }
    await new Promise((r) => setTimeout(r, QUEUE_POLL_MS));
  }
})();

const toQueue = [];
const toHook = [];
for (let i = 0; i < trials; i++) {
  // Posts at random moments of the poll cycle.
  await new Promise((r) => setTimeout(r, 500 + Math.random() * QUEUE_POLL_MS));
  const res = await fetch(`${service.api}/threads/latency-${i}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': uniqueKey() },
    body: JSON.stringify({ author: 'Bench', email: 'bench@example.com', text: `Latency probe ${i}` }),
  });
  const posted = performance.now();
  const { id } = await res.json();
  while (!seen.has(id) || !hooks.has(id)) await new Promise((r) => setTimeout(r, 10));
  toQueue.push(seen.get(id) - posted);
  toHook.push(hooks.get(id) - posted);
}
polling = false;
await poller;
// Idle polls of an up-to-date queue.
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  const res = await fetch(queueUrl, { headers: { ...auth, 'if-none-match': etag } });
  await res.arrayBuffer();
  if (res.status === 304) cost[304].push(performance.now() - t0);
  else etag = res.headers.get('etag');
}
console.log(`post → open queue (poll every ${QUEUE_POLL_MS} ms with If-None-Match): ${stats(toQueue)}`);
console.log(`post → webhook receiver: ${stats(toHook)}`);
console.log(`poll answered 304: ${stats(cost[304])}`);
console.log(`poll answered 200: ${stats(cost[200])}`);
await service.stop();
receiver.close();
