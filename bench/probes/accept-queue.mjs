// Why the slowest request under load can take as long as the whole run: connections that wait in the
// kernel's accept queue. Starts a checkout's service, runs the bench's mixed load (autocannon, 200
// connections, 15 s) and samples the listening socket's accept queue (`ss -ltn`, Recv-Q) every second.
//   node bench/probes/accept-queue.mjs [ROOT of a checkout, default .] [connections] [seconds]
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { mixedRequests } from '../benchmarks/service-latency.mjs';
import { seedApproved, startService } from '../lib/service.mjs';

const root = resolve(process.argv[2] ?? '.');
const connections = Number(process.argv[3] ?? 200);
const seconds = Number(process.argv[4] ?? 15);
const service = await startService({ root });
try {
  await seedApproved(service.api, 'bench-latency', 20);
  const port = new URL(service.origin).port;
  const queue = () => Number(execFileSync('ss', ['-Hltn', `sport = :${port}`], { encoding: 'utf8' }).trim().split(/\s+/)[1] ?? NaN);
  const samples = [];
  const timer = setInterval(() => samples.push(queue()), 1000);
  const r = await autocannon({ url: service.origin, connections, duration: seconds, requests: mixedRequests('bench-latency'), timeout: 30 });
  clearInterval(timer);
  console.log(
    `${connections} connections, ${seconds} s: ${Math.round(r.requests.average)} req/s, p99 ${r.latency.p99} ms, max ${r.latency.max} ms (${(r.latency.max / r.latency.p99).toFixed(2)}× p99); ` +
      `connections waiting to be accepted, each second: ${samples.join(' ')}`,
  );
} finally {
  await service.stop();
}
