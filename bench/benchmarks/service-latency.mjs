// 7. The comments service under mixed load at 10, 50 and 200 connections (autocannon, in the bench
// process): each connection repeats GET a thread of 20 comments ×6, POST /counts ×2, POST a comment
// (a unique Idempotency-Key each; rate limit off) and GET /health. Reported: p99 and the slowest
// request (max), which must stay within 5× p99: no request may wait far longer than the others.
// Reference: a plain Node `http` server answering the prebuilt thread page (the same bytes) to the
// same requests, in the same run: the ceiling of this machine.
import { createServer } from 'node:http';
import autocannon from 'autocannon';
import { notBuilt, row } from '../lib/rows.mjs';
import { seedApproved, startService, uniqueKey } from '../lib/service.mjs';

export const LEVELS = [10, 50, 200];
/** The goal the issue sets: the slowest request within this many p99s. */
export const MAX_OVER_P99 = 5;

export async function run(ctx) {
  if (!ctx.hasService) return LEVELS.map((n) => notBuilt(`service-latency.c${n}`, `8 service mixed load, ${n} connections`));
  const duration = ctx.quick ? 2 : 6;
  const rounds = ctx.quick ? 1 : 2;
  const service = await startService({ root: ctx.root });
  const thread = 'bench-latency';
  await seedApproved(service.api, thread, 20);
  const page = await (await fetch(`${service.api}/threads/${thread}/comments`)).text();
  const reference = await startReference(page);
  try {
    const requests = mixedRequests(thread);
    const rows = [];
    for (const connections of LEVELS) {
      const measured = { service: { p99: [], max: [], rps: [], codes: {} }, reference: { p99: [], max: [], rps: [], codes: {} } };
      for (let round = 0; round < rounds; round++) {
        for (const [name, origin] of [['service', service.origin], ['reference', reference.origin]]) {
          // A short warm-up at this level, then the measured run; the two servers take turns.
          await load(origin, requests, connections, 1);
          const r = await load(origin, requests, connections, duration);
          measured[name].p99.push(r.latency.p99);
          measured[name].max.push(r.latency.max);
          measured[name].rps.push(r.requests.average);
          for (const [code, c] of Object.entries(r.statusCodeStats ?? {})) measured[name].codes[code] = (measured[name].codes[code] ?? 0) + c.count;
          if (r.errors || r.timeouts) measured[name].codes.errors = (measured[name].codes.errors ?? 0) + r.errors + r.timeouts;
        }
      }
      const s = measured.service;
      const ref = measured.reference;
      const note = Object.entries(s.codes).map(([code, n]) => `${n} × ${code}`).join(', ');
      ctx.log(`  ${connections} connections: service p99 ${s.p99.join('/')} ms, max ${s.max.join('/')} ms; reference p99 ${ref.p99.join('/')} ms, max ${ref.max.join('/')} ms`);
      rows.push(
        row({ id: `service-latency.c${connections}.rps`, label: `8 service mixed load, ${connections} conn., req/s`, unit: 'req/s', values: s.rps, refLabel: 'plain Node http', refValues: ref.rps, higherIsBetter: true, note }),
        row({ id: `service-latency.c${connections}.p99`, label: `8 service mixed load, ${connections} conn., p99`, unit: 'ms', values: s.p99, refLabel: 'plain Node http', refValues: ref.p99 }),
        row({ id: `service-latency.c${connections}.max`, label: `8 service mixed load, ${connections} conn., max`, unit: 'ms', values: s.max, refLabel: 'plain Node http', refValues: ref.max }),
        row({
          id: `service-latency.c${connections}.tail`,
          label: `8 service mixed load, ${connections} conn., max ÷ p99`,
          unit: '×',
          // Per round: the slowest request against that round's p99.
          values: s.max.map((max, i) => Math.round((100 * max) / Math.max(s.p99[i], 1)) / 100),
          refLabel: 'plain Node http',
          refValues: ref.max.map((max, i) => Math.round((100 * max) / Math.max(ref.p99[i], 1)) / 100),
          goal: { max: MAX_OVER_P99 },
        }),
      );
    }
    return rows;
  } finally {
    await reference.close();
    await service.stop();
  }
}

/** One connection's cycle: mostly reads, as on a news site, with some posts among them. */
export function mixedRequests(thread) {
  const threadPath = `/api/threads/${encodeURIComponent(thread)}/comments`;
  const counts = JSON.stringify({ threads: [thread, ...Array.from({ length: 19 }, (_, i) => `bench-other-${i}`)] });
  const comment = JSON.stringify({ author: 'Bench Reader', email: 'bench@example.org', text: 'A comment posted under mixed load.' });
  const get = { method: 'GET', path: threadPath };
  const json = { 'content-type': 'application/json' };
  return [
    get, get, get,
    { method: 'POST', path: '/api/counts', headers: json, body: counts },
    get, get,
    { method: 'POST', path: threadPath, headers: json, body: comment, setupRequest: (r) => ({ ...r, headers: { ...r.headers, 'idempotency-key': uniqueKey() } }) },
    get,
    { method: 'POST', path: '/api/counts', headers: json, body: counts },
    { method: 'GET', path: '/api/health' },
  ];
}

function load(origin, requests, connections, duration) {
  return autocannon({ url: origin, connections, duration, requests, timeout: 30 });
}

/** The ceiling: the same page's bytes, prebuilt, for every request, from node:http alone. */
async function startReference(page) {
  const body = Buffer.from(page);
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8', 'content-length': body.length });
      res.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
