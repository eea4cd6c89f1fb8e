// 6. The comments service on its embedded database (PGlite, temporary folder), over loopback with
// autocannon (10 connections, 2 s a run, 3 rounds, after a 1 s warm-up of each): GET a warm thread without and with
// If-None-Match (304), and POST a comment (a unique Idempotency-Key each; rate limit off).
// Reference: GET /api/health on the same server, in the same rounds.
import autocannon from 'autocannon';
import { notBuilt, row } from '../lib/rows.mjs';
import { seedApproved, startService, uniqueKey } from '../lib/service.mjs';

const CONNECTIONS = 10;
const SCENARIOS = {
  get: 'GET thread (20 comments)',
  get304: 'GET thread If-None-Match → 304',
  post: 'POST comment → 202',
};

export async function run(ctx) {
  if (!ctx.hasService) {
    return Object.entries(SCENARIOS).flatMap(([k, l]) => [notBuilt(`service.${k}`, `6 service ${l}`)]);
  }
  const rounds = ctx.quick ? 1 : 3;
  const duration = ctx.quick ? 1 : 2;
  const t0 = Date.now();
  const service = await startService({ root: ctx.root });
  try {
    const { api } = service;
    const thread = 'bench-service';
    await seedApproved(api, thread, 20);
    ctx.log(`  service up and seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const threadUrl = `${api}/threads/${thread}/comments`;
    const first = await fetch(threadUrl);
    const etag = first.headers.get('etag');
    await first.arrayBuffer();
    const health = await fetch(`${api}/health`);
    if (!health.ok) throw new Error(`GET /api/health answered ${health.status}`);

    const body = JSON.stringify({ author: 'Bench Reader', email: 'bench@example.org', text: 'A comment posted by the benchmark, one of many.' });
    const plans = {
      health: { url: `${api}/health`, expect: 200 },
      get: { url: threadUrl, expect: 200 },
      get304: { url: threadUrl, headers: { 'if-none-match': etag ?? '' }, expect: 304 },
      post: {
        url: threadUrl,
        expect: 202,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
            setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': uniqueKey() } }),
          },
        ],
      },
    };
    const results = Object.fromEntries(Object.keys(plans).map((k) => [k, { rps: [], p50: [], p99: [], wrong: 0, codes: {} }]));
    // Warm-up: JIT, database caches, connection pools.
    for (const plan of Object.values(plans)) await cannon(plan, 1);
    for (let round = 0; round < rounds; round++) {
      for (const [name, plan] of Object.entries(plans)) {
        const r = await cannon(plan, duration);
        results[name].rps.push(r.requests.average);
        results[name].p50.push(r.latency.p50);
        results[name].p99.push(r.latency.p99);
        results[name].wrong += r.wrong;
        for (const [code, c] of Object.entries(r.statusCodeStats ?? {})) results[name].codes[code] = (results[name].codes[code] ?? 0) + c.count;
      }
    }
    const h = results.health;
    const rows = [];
    for (const [name, label] of Object.entries(SCENARIOS)) {
      const r = results[name];
      const seen = Object.entries(r.codes).map(([code, n]) => `${n} × ${code}`).join(', ');
      const note = `${seen}${r.wrong ? `; ${r.wrong} answers were not ${plans[name].expect} (or failed)` : ''}`;
      rows.push(
        row({ id: `service.${name}.rps`, label: `6 service ${label}, req/s`, unit: 'req/s', values: r.rps, refLabel: 'health', refValues: h.rps, higherIsBetter: true, note }),
        row({ id: `service.${name}.p50`, label: `6 service ${label}, p50`, unit: 'ms', values: r.p50, refLabel: 'health', refValues: h.p50 }),
        row({ id: `service.${name}.p99`, label: `6 service ${label}, p99`, unit: 'ms', values: r.p99, refLabel: 'health', refValues: h.p99 }),
      );
    }
    return rows;
  } finally {
    await service.stop();
  }
}

async function cannon(plan, duration) {
  const result = await autocannon({
    url: plan.url,
    connections: CONNECTIONS,
    duration,
    headers: plan.headers,
    requests: plan.requests,
  });
  const codes = result.statusCodeStats ?? {};
  const right = codes[plan.expect]?.count ?? 0;
  const total = Object.values(codes).reduce((n, c) => n + (c.count ?? 0), 0);
  if (total === 0) throw new Error(`no answers from ${plan.url}`);
  return { ...result, wrong: total - right + result.errors + result.timeouts };
}
