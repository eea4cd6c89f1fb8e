// `npm start` on a checkout without dist/: it builds, then serves the demo with the built bundle
// (as dist/ is deployed, compressed, no development server in the page) and the service at /api;
// the demo page has what a publisher's page needs (favicon, description, a comment-count jump link,
// a theme toggle that says what it will do), checked in Chromium.
//   node --test test/package/start.test.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowsers } from '../../scripts/browsers.mjs';

const root = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'rw-start-'));
let child;
let base;
let browser;

before(async () => {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  child = spawn('npm', ['start'], { cwd: root, env: { ...process.env, PORT: '0', DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  base = await new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`npm start printed no demo URL in 90 s:\n${output}`)), 90000);
    const read = (chunk) => {
      output += chunk;
      const url = output.match(/Demo page:\s+(http:\/\/\S+?)\/demo\//)?.[1];
      if (url) done(url, clearTimeout(timer));
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => fail(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  browser = await chromium.launch({ executablePath: findBrowsers().chromium, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  if (child?.exitCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

test('the demo is served with the built bundle, compressed, and the service beside it', async () => {
  const page = await fetch(`${base}/demo/`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /<script type="module" src="\/dist\/reading-widget\.js"><\/script>/);
  assert.match(html, /<link rel="stylesheet" href="\/dist\/reading-widget\.css" \/>/);
  assert.doesNotMatch(html, /@vite\/client|\/src\//, 'a development server answered');
  const bundle = await fetch(`${base}/dist/reading-widget.js`, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(bundle.status, 200);
  assert.equal(bundle.headers.get('content-encoding'), 'gzip');
  assert.match(bundle.headers.get('content-type'), /^text\/javascript/);
  assert.doesNotMatch(await bundle.text(), /\n\s*\/\*\*/, 'the bundle is not the minified build');
  assert.equal((await fetch(`${base}/dist/reading-widget.css`)).status, 200);
  assert.equal((await fetch(`${base}/api/threads/start-test/comments`)).status, 200);
  assert.equal((await fetch(`${base}/package.json`)).status, 404, 'only demo/ and dist/ are served');
});

test('the demo page: favicon, description, a comment-count jump link by the headline, a toggle that says what it does', async () => {
  const context = await browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${base}/demo/`);
  const icon = await page.locator('link[rel=icon]').getAttribute('href');
  assert.equal((await fetch(new URL(icon, `${base}/demo/`))).status, 200);
  assert.ok((await page.locator('meta[name=description]').getAttribute('content')).length > 50);
  const jump = page.locator('rw-article:not([variant]) > [slot=byline] a[href="#comments"] rw-comment-count');
  await jump.waitFor({ state: 'attached' });
  assert.equal(await page.locator('#comments').evaluate((el) => el.localName), 'rw-comments');
  const toggle = page.locator('.theme-toggle');
  assert.equal(await toggle.textContent(), 'Switch to dark mode');
  await toggle.click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await toggle.textContent(), 'Switch to light mode');
  await page.waitForFunction(() => customElements.get('rw-comments') && customElements.get('rw-comment-count'));
  assert.deepEqual(errors, []);
  await context.close();
});
