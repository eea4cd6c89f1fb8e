// `npm test`: type check, the service's Node tests, the browser suite in Chromium and Firefox,
// then one plain summary line (`N passed, N failed`) that CI reads.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { findBrowsers } from './browsers.mjs';

findBrowsers();
mkdirSync('.tmp', { recursive: true });
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', env: process.env }).status ?? 1;
const totals = { passed: 0, failed: 0, skipped: 0 };
const steps = [];

const typecheck = run('npx', ['tsc', '--noEmit', '-p', '.']);
const built = run('npm', ['run', 'build']);
steps.push(['build and size budget', built === 0]);
if (built !== 0) totals.failed++;
steps.push(['type check', typecheck === 0]);
if (typecheck !== 0) totals.failed++;

const testsIn = (dir, ext) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).map((f) => `${dir}/${f}`) : []);

// One node:test run of `files`, counted into the totals from its TAP output. With `log`, its
// report goes to that file and is printed when the run ends (two runs side by side stay readable).
// `concurrency`: how many of its files run at once.
async function nodeRun(label, files, env, tapFile, log, concurrency = 1) {
  rmSync(tapFile, { force: true });
  if (log) rmSync(log, { force: true });
  const child = spawn('node', [
    '--import', 'tsx', '--test', `--test-concurrency=${concurrency}`,
    '--test-reporter=spec', `--test-reporter-destination=${log ?? 'stdout'}`,
    '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
    ...files,
  ], { stdio: 'inherit', env });
  const status = await new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  if (log) {
    console.log(`\n# ${label}\n`);
    process.stdout.write(existsSync(log) ? readFileSync(log, 'utf8') : '(no report)\n');
  }
  const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
  const count = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled') + (status !== 0 && count('fail') === 0 ? 1 : 0);
  totals.skipped += count('skipped') + count('todo');
  steps.push([label, status === 0]);
}

const serviceTests = testsIn('test/server', '.test.ts');
if (serviceTests.length) {
  // The whole service suite once per backend, both runs side by side (each is mostly waiting on
  // child processes and disks: about 4 minutes together instead of 5 one after the other). One
  // PostgreSQL server serves the second run, each test file making databases of its own on it
  // (test/support/postgres.mjs). The PGlite run, the longer one (its database runs in WebAssembly),
  // runs two files at a time: both runs then end within about 3.3 minutes instead of 4.1 here.
  const { startPostgres } = await import('../test/support/postgres.mjs');
  const postgres = await startPostgres().catch((error) => ({ error }));
  console.log('service tests: PGlite and PostgreSQL side by side; each report follows as its run ends');
  await Promise.all(['pglite', 'postgres'].map((backend) => {
    const name = `service tests (Node, ${backend === 'pglite' ? 'PGlite' : 'PostgreSQL'})`;
    if (backend === 'postgres' && postgres.error) {
      console.error(`service tests on PostgreSQL: ${postgres.error.message}`);
      totals.failed++;
      steps.push([name, false]);
      return undefined;
    }
    const env = { ...process.env, TEST_BACKEND: backend, ...(backend === 'postgres' ? { TEST_POSTGRES_URL: postgres.url } : {}) };
    return nodeRun(name, serviceTests, env, `.tmp/node-tap-${backend}.txt`, `.tmp/node-report-${backend}.txt`, backend === 'pglite' ? 2 : 1);
  }));
  if (!postgres.error) await postgres.stop();
}
// The package as consumers get it: pack, install into React, Vue and plain TypeScript projects, SSR.
const packageTests = testsIn('test/package', '.test.mjs');
if (packageTests.length) await nodeRun('package tests (Node)', packageTests, process.env, '.tmp/node-tap-package.txt');

// One web-test-runner run with `env`, counted into the totals from its summary file.
function browserRun(label, env) {
  rmSync('.tmp/wtr-summary.json', { force: true });
  const status = spawnSync('npx', ['wtr', '--static-logging'], { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
  const counts = existsSync('.tmp/wtr-summary.json')
    ? JSON.parse(readFileSync('.tmp/wtr-summary.json', 'utf8'))
    : { passed: 0, failed: 1, skipped: 0, sessionErrors: 0 };
  totals.passed += counts.passed;
  totals.failed += counts.failed + counts.sessionErrors + (status !== 0 && counts.failed === 0 && counts.sessionErrors === 0 ? 1 : 0);
  totals.skipped += counts.skipped;
  steps.push([label, status === 0]);
}
browserRun('browser tests (Chromium, Firefox)', { WTR_ALONE: '0' });
// The tests that time the main thread, alone, one browser at a time (web-test-runner.config.mjs).
for (const browser of ['chromium', 'firefox']) {
  browserRun(`browser tests timing the main thread (${browser === 'chromium' ? 'Chromium' : 'Firefox'}, alone)`, { WTR_ALONE: '1', BROWSERS: browser });
}

console.log('');
for (const [name, ok] of steps) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(steps.every(([, ok]) => ok) ? 0 : 1);
