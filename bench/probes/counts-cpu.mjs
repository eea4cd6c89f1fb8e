// CPU per request of POST /counts (20 thread ids, 10 connections, 8 s after a 2 s warm-up), measured
// from /proc for the service process alone, plus the share of its profile spent under web-stream
// frames (node --cpu-prof). Compares checkouts: run it once per tree.
//   node bench/probes/counts-cpu.mjs [ROOT of a checkout, default .]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';

const root = resolve(process.argv[2] ?? '.');
const profDir = mkdtempSync(join(tmpdir(), 'rw-counts-prof-'));
const dataDir = mkdtempSync(join(tmpdir(), 'rw-counts-data-'));
const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--import', 'tsx', 'server/main.ts'], {
  cwd: root,
  env: { ...process.env, PORT: '0', DATA_DIR: dataDir, MODERATOR_TOKEN: 'counts-probe-token-0123456789abcdef', RATE_LIMIT_PER_MINUTE: '0' },
  stdio: ['ignore', 'pipe', 'ignore'],
});
const api = await new Promise((ok) => child.stdout.on('data', (d) => /listening on (\S+)/.test(String(d)) && ok(/listening on (\S+)/.exec(String(d))[1])));
const body = JSON.stringify({ threads: Array.from({ length: 20 }, (_, i) => `news/2026/story-${i}`) });
const options = { url: `${api}/counts`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: 10 };
await autocannon({ ...options, duration: 2 });
// utime + stime of the service process, in ms (clock ticks of 10 ms).
const cpu = () => {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const before = cpu();
const result = await autocannon({ ...options, duration: 8 });
const cpuMs = cpu() - before;
child.kill('SIGINT');
await new Promise((ok) => child.on('exit', ok));

const profile = JSON.parse(readFileSync(join(profDir, readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'))), 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const isWeb = (n) => /webstreams|toWeb/i.test(`${n.callFrame.url} ${n.callFrame.functionName}`);
let busy = 0;
let web = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  if (nodes.get(id).callFrame.functionName === '(idle)') return;
  busy += dt;
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) if (isWeb(nodes.get(cur))) return void (web += dt);
});
rmSync(profDir, { recursive: true, force: true });
rmSync(dataDir, { recursive: true, force: true });
const codes = Object.entries(result.statusCodeStats).map(([code, c]) => `${c.count} × ${code}`).join(', ');
console.log(`${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms (${codes}); ${(cpuMs / result.requests.total).toFixed(3)} CPU-ms per request; web-stream frames ${((100 * web) / busy).toFixed(1)} % of the process's busy CPU (start-up included)`);
