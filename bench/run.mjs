// `npm run bench`: builds, runs every benchmark (headless Chromium and Node), prints one table and
// writes it to bench/results/latest.json. See bench/README.md for what each row means.
//   node bench/run.mjs [--only bytes,startup,...] [--skip-build] [--quick]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { resolve } from 'node:path';
import { buildFloor } from './lib/floor.mjs';
import { launch } from './lib/browser.mjs';
import { launchFirefox } from './lib/firefox.mjs';
import { startStaticServer } from './lib/static-server.mjs';
import { serviceExists, startService } from './lib/service.mjs';
import { failed, table } from './lib/rows.mjs';

const BENCHMARKS = ['bytes', 'startup', 'layout-shift', 'text-size', 'comments', 'service', 'backends', 'service-latency'];
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : BENCHMARKS;
const root = process.cwd();
const started = Date.now();
const log = (...m) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s]`, ...m);

let buildFailed = false;
if (!flag('skip-build')) {
  log('building (npm run build)');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr);
    // The build empties dist/ first, so what is there now is this build's output. Over the size
    // budget is still worth measuring; no bundle at all is not.
    if (!existsSync(resolve(root, 'dist/reading-widget.js'))) {
      console.error('bench: the build failed and wrote no bundle; fix it first (npm run build)');
      process.exit(1);
    }
    buildFailed = true;
    console.error('bench: THE BUILD FAILED (see above); measuring what it wrote, and exiting non-zero at the end');
  }
}
log('building the floor (bench/floor/floor.ts)');
const floorDir = await buildFloor(root);

const web = await startStaticServer({ root, floorDir });
const browser = flag('no-browser') ? null : await launch();
log(`static server ${web.origin}, Chromium ${browser?.version() ?? '-'}`);

// Which elements the built bundle registers: a benchmark whose element is missing reports
// "n/a (not built yet)" instead of failing.
const tags = new Set();
if (browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${web.origin}/probe.html`);
  for (const t of await (await page.waitForFunction(() => window.__tags, null, { timeout: 15000 })).jsonValue()) tags.add(t);
  await context.close();
}

let shared = null;
let firefox = null;
const ctx = {
  root,
  web,
  browser,
  floorDir,
  tags,
  quick: flag('quick'),
  log,
  hasService: serviceExists(root),
  /** One service (seeded by whoever needs it) shared by the browser benchmarks; CORS for our pages. */
  /** Firefox ESR for the rows measured in both browsers, launched on first use (null without one). */
  async firefox() {
    if (!browser) return null;
    firefox ??= launchFirefox(log);
    return firefox;
  },
  async service() {
    shared ??= startService({ root, allowedOrigins: web.origin });
    return shared;
  },
};

const rows = [];
for (const name of BENCHMARKS.filter((b) => only.includes(b))) {
  log(`running ${name}`);
  try {
    const mod = await import(`./benchmarks/${name}.mjs`);
    rows.push(...(await mod.run(ctx)));
  } catch (error) {
    console.error(error);
    rows.push(failed(name, name, error));
  }
}

if (shared) await (await shared.catch(() => null))?.stop();
await browser?.close();
await (await firefox)?.browser.close();
await web.close();

const text = table(rows);
console.log(`\n${text}\n`);
const result = {
  date: new Date().toISOString(),
  commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim(),
  node: process.version,
  chromium: browser?.version() ?? null,
  firefox: (await firefox)?.version ?? null,
  cpus: `${availableParallelism()} × ${cpus()[0]?.model ?? '?'}`,
  seconds: Math.round((Date.now() - started) / 1000),
  buildFailed,
  table: text,
  rows,
};
mkdirSync(resolve(root, 'bench/results'), { recursive: true });
writeFileSync(resolve(root, 'bench/results/latest.json'), JSON.stringify(result, null, 2) + '\n');
log(`wrote bench/results/latest.json (${result.seconds} s in all)`);
if (buildFailed) console.error('bench: the build failed (see above)');
process.exit(buildFailed || rows.some((r) => r.status === 'failed') ? 1 : 0);
