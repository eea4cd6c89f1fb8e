// The article page's start-up (bench/pages/article.mjs) traced, ours against the floor page: what
// each long main-thread task does, and the main thread's CPU time from the page's script starting
// (`rw-start`) to all painted. CPU time (the trace's thread time) barely moves when other jobs share
// the machine, where wall times swing 2×; a throttled page's CPU time is its unthrottled cost.
//   node bench/probes/startup-tasks.mjs [--cpu 4] [--runs 3] [--comments] [ROOT of a checkout, default .]
// Needs `npm run build` in that checkout. --comments adds the comments elements as the bench's
// start-up row does (it starts a service); without, the page has what the entry itself defines.
import { resolve } from 'node:path';
import { freshPage, launch, waitDone } from '../lib/browser.mjs';
import { buildFloor } from '../lib/floor.mjs';
import { startService } from '../lib/service.mjs';
import { startStaticServer } from '../lib/static-server.mjs';
import { summary } from '../lib/stats.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const cpu = option('cpu', 4);
const runs = option('runs', 3);
const root = resolve(args.find((a, i) => !a.startsWith('--') && !/^--(cpu|runs)$/.test(args[i - 1] ?? '')) ?? '.');

const web = await startStaticServer({ root, floorDir: await buildFloor(root) });
const browser = await launch();
const service = args.includes('--comments') ? await startService({ root, allowedOrigins: web.origin }) : null;

// What a task is, by the first of these found inside it (the order matters: a task that runs our
// script and then lays out is "our script").
const KINDS = [
  ['navigation', (e) => e.name === 'DocumentLoader::CommitNavigation' || e.name === 'CommitLoad'],
  ['our script', (e) => /reading-widget\.js|\/chunks\/|floor\.js/.test(e.args?.data?.url ?? '') || /reading-widget\.js|\/chunks\/|floor\.js/.test(e.args?.data?.stackTrace?.[0]?.url ?? '')],
  // Playwright's own evaluations (the bench polls for `__bench.done`) carry no script URL.
  ['bench harness', (e) => e.name === 'EvaluateScript' && !e.args?.data?.url],
  ['bench page script', (e) => e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule'],
  ['HTML parse', (e) => e.name === 'ParseHTML'],
  ['style, layout, paint', (e) => e.name === 'UpdateLayoutTree' || e.name === 'Layout' || e.name === 'Paint'],
];

async function measure(variant) {
  const { page, close } = await freshPage(browser, { cpu });
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'blink.user_timing'] });
  const query = new URLSearchParams({ ...(variant === 'floor' && { floor: '1' }), ...(service && { api: service.api }) });
  await page.goto(`${web.origin}/article.html?${query}`);
  const bench = await waitDone(page);
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
  await close();
  const mains = new Set(traceEvents.filter((e) => e.ph === 'M' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const events = traceEvents.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
  const start = traceEvents.find((e) => e.name === 'rw-start')?.ts ?? 0;
  const tasks = events.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const kind = (task) => {
    const inside = events.filter((e) => e.ts >= task.ts && e.ts < task.ts + task.dur && e !== task);
    return KINDS.find(([, test]) => inside.some(test))?.[0] ?? 'other';
  };
  const long = tasks.filter((t) => t.dur >= 50000).map((t) => ({ at: (t.ts - start) / 1000, ms: t.dur / 1000, cpu: (t.tdur ?? t.dur) / 1000, kind: kind(t) }));
  const end = start + bench.startup * 1000;
  const cpuMs = tasks.filter((t) => t.ts >= start && t.ts < end).reduce((sum, t) => sum + (t.tdur ?? t.dur), 0) / 1000;
  const ours = long.filter((t) => t.kind === 'our script');
  return { startup: bench.startup, cpu: cpuMs, long, oursLongest: Math.max(0, ...ours.map((t) => t.ms)) };
}

const results = { widget: [], floor: [] };
for (let i = 0; i < runs; i++) for (const variant of i % 2 ? ['floor', 'widget'] : ['widget', 'floor']) results[variant].push(await measure(variant));
await browser.close();
await web.close();
await service?.stop();

const med = (values) => summary(values).median.toFixed(1);
console.log(`article page, ${cpu}× CPU, ${runs} traced runs each${service ? ', with the comments elements' : ''} (times in ms; tracing slows the page)`);
for (const [variant, list] of Object.entries(results)) {
  console.log(`\n${variant}: start-up ${med(list.map((r) => r.startup))} wall, main-thread CPU rw-start → painted ${med(list.map((r) => r.cpu))}, longest task running our script ${med(list.map((r) => r.oursLongest))}`);
  list.forEach((r, i) => console.log(`  run ${i + 1} long tasks: ${r.long.map((t) => `${t.ms.toFixed(0)} (cpu ${t.cpu.toFixed(0)}) ${t.kind} at ${t.at.toFixed(0)}`).join('; ') || 'none'}`));
}
