// `npm test`: type check, the service's Node tests, the browser suite in Chromium and Firefox,
// then one plain summary line (`N passed, N failed`) that CI reads.
import { spawnSync } from 'node:child_process';
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
// The service's tests, then the package's (pack, install into consumer projects, SSR in Chromium).
const nodeTests = [...testsIn('test/server', '.test.ts'), ...testsIn('test/package', '.test.mjs')];
if (nodeTests.length) {
  rmSync('.tmp/node-tap.txt', { force: true });
  const status = run('node', [
    '--import', 'tsx', '--test', '--test-concurrency=1',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', '--test-reporter-destination=.tmp/node-tap.txt',
    ...nodeTests,
  ]);
  const tap = existsSync('.tmp/node-tap.txt') ? readFileSync('.tmp/node-tap.txt', 'utf8') : '';
  const count = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled') + (status !== 0 && count('fail') === 0 ? 1 : 0);
  totals.skipped += count('skipped') + count('todo');
  steps.push(['service and package tests (Node)', status === 0]);
}

rmSync('.tmp/wtr-summary.json', { force: true });
const wtr = run('npx', ['wtr', '--static-logging']);
const browser = existsSync('.tmp/wtr-summary.json')
  ? JSON.parse(readFileSync('.tmp/wtr-summary.json', 'utf8'))
  : { passed: 0, failed: 1, skipped: 0, sessionErrors: 0 };
totals.passed += browser.passed;
totals.failed += browser.failed + browser.sessionErrors + (wtr !== 0 && browser.failed === 0 && browser.sessionErrors === 0 ? 1 : 0);
totals.skipped += browser.skipped;
steps.push(['browser tests (Chromium, Firefox)', wtr === 0]);

console.log('');
for (const [name, ok] of steps) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(steps.every(([, ok]) => ok) ? 0 : 1);
