// `npm start` on a checkout without dist/: it builds, then serves the demo with the built bundle
// (as dist/ is deployed, compressed, no development server in the page) and the service at /api;
// the demo page has what a publisher's page needs (favicon, description, a comment-count jump link,
// a theme toggle that says what it will do), checked in Chromium and Firefox.
//   node --test test/package/start.test.mjs
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo } from '../support/demo-server.mjs';
import { BROWSERS, launch, openPage } from '../support/node-browsers.mjs';

const root = resolve(import.meta.dirname, '../..');
let demo;
let base;

before(async () => {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  demo = await startDemo(root);
  base = demo.base;
});
after(() => demo?.stop());

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

for (const name of BROWSERS) {
  test(`the demo page in ${name}: favicon, description, a comment-count jump link by the headline, a toggle that says what it does`, async () => {
    const browser = await launch(name);
    try {
      const { page } = await openPage(browser);
      // Firefox over BiDi cannot emulate the system's scheme; headless it reports light.
      if (name === 'chromium') await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${base}/demo/`);
      const icon = await page.$eval('link[rel=icon]', (el) => el.getAttribute('href'));
      assert.equal((await fetch(new URL(icon, `${base}/demo/`))).status, 200);
      assert.ok((await page.$eval('meta[name=description]', (el) => el.content)).length > 50);
      await page.waitForSelector('rw-article:not([variant]) > [slot=byline] a[href="#comments"] rw-comment-count');
      assert.equal(await page.$eval('#comments', (el) => el.localName), 'rw-comments');
      const toggle = () => page.$eval('.theme-toggle', (el) => el.textContent);
      assert.equal(await toggle(), 'Switch to dark mode');
      await page.click('.theme-toggle');
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
      assert.equal(await toggle(), 'Switch to light mode');
      await page.waitForFunction(() => customElements.get('rw-comments') && customElements.get('rw-comment-count'));
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
}
