// 7. The service on each backend (PGlite in a temporary folder; a throwaway PostgreSQL server,
// test/support/postgres.mjs, with its default fsync and synchronous_commit), autocannon at 10
// connections, against the ceiling measured in the same run: a plain Node `http` server answering
// the same bytes (bench/lib/ceiling.mjs).
//   GET a thread of 100 approved comments (limit=100): req/s, p99, CPU ms per request of the service process.
//   POST a comment (durable 202, a unique Idempotency-Key each): req/s, p99.
//   Two instances on one PostgreSQL database against one: GET req/s (10 connections in all, split).
import autocannon from 'autocannon';
import { notBuilt, row } from '../lib/rows.mjs';
import { cpuMs, startCeiling } from '../lib/ceiling.mjs';
import { seedApproved, startService, uniqueKey } from '../lib/service.mjs';
import { findPostgresBin, startPostgres } from '../../test/support/postgres.mjs';

const CONNECTIONS = 10;
const THREAD = 'bench-backends';
const POST_BODY = JSON.stringify({ author: 'Bench Reader', email: 'bench@example.org', text: 'A comment posted by the benchmark, one of many.' });

const cannon = (url, duration, connections = CONNECTIONS, extra = {}) => autocannon({ url, connections, duration, ...extra });
const posting = (url, duration) =>
  cannon(url, duration, CONNECTIONS, {
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: POST_BODY,
        setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': uniqueKey() } }),
      },
    ],
  });
const answered = (r, status) => r.statusCodeStats?.[status]?.count ?? 0;

export async function run(ctx) {
  if (!ctx.hasService) return [notBuilt('backends', '7 backends')];
  const duration = ctx.quick ? 1 : 2;
  const rounds = ctx.quick ? 1 : 3;
  const postgres = findPostgresBin() ? await startPostgres() : null;
  const stops = [];
  try {
    const backends = { pglite: {} };
    if (postgres) backends.postgres = { DATABASE_URL: await postgres.createDatabase(), DATABASE_POOL_SIZE: '10' };
    const services = {};
    for (const [name, env] of Object.entries(backends)) {
      services[name] = await startService({ root: ctx.root, env });
      stops.push(() => services[name].stop());
    }
    const second = postgres ? await startService({ root: ctx.root, env: backends.postgres }) : null;
    if (second) stops.push(() => second.stop());
    // One thread of 100 approved comments in each database, through the real API.
    for (const s of Object.values(services)) await seedApproved(s.api, THREAD, 100);
    const path = `/threads/${THREAD}/comments?limit=100`;
    const sample = await fetch(`${services.pglite.api}${path}`);
    const body = await sample.text();
    const ceiling = await startCeiling(body, {
      'content-type': sample.headers.get('content-type'),
      etag: sample.headers.get('etag'),
      'cache-control': sample.headers.get('cache-control'),
      'x-content-type-options': 'nosniff',
    });
    stops.push(() => ceiling.stop());
    ctx.log(`  backends: ${Object.keys(services).join(', ')} seeded; page of ${body.length} bytes`);

    const results = { ceiling: { rps: [], p99: [], cpu: [] } };
    for (const name of Object.keys(services)) results[name] = { rps: [], p99: [], cpu: [], postRps: [], postP99: [], wrong: 0 };
    if (second) results.two = { rps: [] };
    // Warm-up: JIT, the page cache, the pools.
    await cannon(`${ceiling.url}${path}`, 1);
    for (const s of Object.values(services)) await cannon(`${s.api}${path}`, 1);
    if (second) await cannon(`${second.api}${path}`, 1);

    for (let round = 0; round < rounds; round++) {
      const ceilingCpu0 = cpuMs(ceiling.pid);
      const c = await cannon(`${ceiling.url}${path}`, duration);
      results.ceiling.cpu.push((cpuMs(ceiling.pid) - ceilingCpu0) / Math.max(1, answered(c, 200)));
      results.ceiling.rps.push(c.requests.average);
      results.ceiling.p99.push(c.latency.p99);
      for (const [name, s] of Object.entries(services)) {
        const r = results[name];
        const cpu0 = cpuMs(s.pid);
        const g = await cannon(`${s.api}${path}`, duration);
        const cpu = cpuMs(s.pid) - cpu0;
        r.rps.push(g.requests.average);
        r.p99.push(g.latency.p99);
        r.cpu.push(cpu / Math.max(1, answered(g, 200)));
        r.wrong += g.requests.total - answered(g, 200) + g.errors;
        const p = await posting(`${s.api}/threads/${THREAD}-posts/comments`, duration);
        r.postRps.push(p.requests.average);
        r.postP99.push(p.latency.p99);
        r.wrong += p.requests.total - answered(p, 202) + p.errors;
      }
      if (second) {
        // The same 10 connections, split over two instances on one database.
        const both = await Promise.all([services.postgres, second].map((s) => cannon(`${s.api}${path}`, duration, CONNECTIONS / 2)));
        results.two.rps.push(both.reduce((n, r) => n + r.requests.average, 0));
      }
    }

    const rows = [];
    const label = { pglite: 'PGlite', postgres: 'PostgreSQL' };
    for (const name of Object.keys(services)) {
      const r = results[name];
      const note = r.wrong ? `${r.wrong} answers with another status or failed` : undefined;
      rows.push(
        row({ id: `backends.${name}.get.rps`, label: `7 ${label[name]} GET 100 comments, req/s`, unit: 'req/s', values: r.rps, refLabel: 'plain http', refValues: results.ceiling.rps, goal: { ratio: 0.5 }, higherIsBetter: true, note }),
        row({ id: `backends.${name}.get.p99`, label: `7 ${label[name]} GET 100 comments, p99`, unit: 'ms', values: r.p99, refLabel: 'plain http', refValues: results.ceiling.p99, goal: { max: 10 } }),
        row({ id: `backends.${name}.get.cpu`, label: `7 ${label[name]} GET 100 comments, CPU ms/request`, unit: 'ms', values: r.cpu, refLabel: 'plain http', refValues: results.ceiling.cpu }),
        row({ id: `backends.${name}.post.rps`, label: `7 ${label[name]} POST comment (durable), req/s`, unit: 'req/s', values: r.postRps, higherIsBetter: true }),
        row({ id: `backends.${name}.post.p99`, label: `7 ${label[name]} POST comment (durable), p99`, unit: 'ms', values: r.postP99, goal: { max: 50 } }),
      );
    }
    if (second) {
      rows.push(
        row({ id: 'backends.postgres.two.rps', label: '7 PostgreSQL 2 instances GET 100 comments, req/s', unit: 'req/s', values: results.two.rps, refLabel: '1 instance', refValues: results.postgres.rps, higherIsBetter: true }),
      );
    } else {
      rows.push(notBuilt('backends.postgres', '7 PostgreSQL rows', 'no PostgreSQL server binaries found'));
    }
    return rows;
  } finally {
    for (const stop of stops.reverse()) await stop();
    await postgres?.stop();
  }
}
