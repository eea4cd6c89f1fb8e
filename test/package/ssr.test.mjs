// Server-side rendering: <rw-article> and its <rw-text-size> rendered by @lit-labs/ssr
// (examples/ssr/), laid out at their final size before any script runs, hydrated in Chromium
// without a second copy of anything and without a layout shift, and A+ working afterwards.
//   node --test test/package/ssr.test.mjs   (after `npm run build`, which the test runs)
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowsers } from '../../scripts/browsers.mjs';

const root = resolve(import.meta.dirname, '../..');
let server;
let browser;
let url;

before(async () => {
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  assert.equal(built.status, 0, built.stdout + built.stderr);
  const { startServer } = await import('../../examples/ssr/server.mjs');
  server = await startServer({ nodeModules: resolve(root, 'node_modules'), packageRoot: root });
  url = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({ executablePath: findBrowsers().chromium, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done()));
});

/** Boxes of the card's parts, the counts of what must exist once, and the light DOM. */
const snapshot = () => {
  const article = document.querySelector('rw-article');
  const shadow = article.shadowRoot;
  const size = shadow?.querySelector('rw-text-size');
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return [r.x, r.y, r.width, r.height].map((n) => Math.round(n * 10) / 10);
  };
  return {
    card: box(shadow.querySelector('[part~="card"]')),
    body: box(article.querySelector('p')),
    increase: box(size.shadowRoot.querySelector('[part~="increase"]')),
    cards: shadow.querySelectorAll('[part~="card"]').length,
    sizes: shadow.querySelectorAll('rw-text-size').length,
    groups: size.shadowRoot.querySelectorAll('[part~="group"]').length,
    children: article.children.length,
  };
};

test('the server renders the card and its text size to declarative shadow DOM', async () => {
  const html = await (await fetch(url)).text();
  assert.match(html, /<rw-article[^>]*><template shadowroot="open" shadowrootmode="open"><style>/);
  assert.match(html, /<rw-text-size[^>]*defer-hydration><template shadowroot="open" shadowrootmode="open">/);
  assert.match(html, /part="button increase"/);
});

test('without scripts the card is laid out; hydration keeps it exactly, shifts nothing and copies nothing; A+ works', async () => {
  const still = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 900 } });
  const before = await (await still.newPage()).goto(url).then(async (response) => {
    assert.equal(response.status(), 200);
    return still.pages()[0].evaluate(snapshot);
  });
  await still.close();
  assert.ok(before.card[3] > 150, `the card has no layout before scripts: ${JSON.stringify(before)}`);

  const live = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await live.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(`${message.text()} (${message.location().url})`));
  await page.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((entry) => entry.value))).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => {
    const article = document.querySelector('rw-article');
    const size = article?.shadowRoot?.querySelector('rw-text-size');
    return article?.hasUpdated && size?.hasUpdated && !size.hasAttribute('defer-hydration');
  });
  // Two frames: any shift caused by hydration has been recorded.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const hydrated = await page.evaluate(snapshot);
  assert.deepEqual(hydrated, before);
  assert.equal(before.cards, 1);
  assert.equal(before.sizes, 1);
  assert.equal(before.groups, 1);
  assert.deepEqual(await page.evaluate(() => window.shifts), []);
  // The card with format-date shows its date formatted once hydrated (its first render, the one
  // that hydrates, must match the server's, which could not read the light DOM).
  await page.waitForFunction(() => document.querySelectorAll('rw-article')[1].shadowRoot.querySelector('[part="date"] time')?.textContent === 'March 15, 2026');

  const fontSize = () => page.evaluate(() => getComputedStyle(document.querySelector('rw-article p')).fontSize);
  const start = await fontSize();
  await page.locator('rw-article [part~="increase"]').first().click();
  await page.waitForFunction((from) => getComputedStyle(document.querySelector('rw-article p')).fontSize !== from, start);
  assert.equal(parseFloat(await fontSize()) / parseFloat(start), 1.125);
  assert.equal(await page.evaluate(() => localStorage.getItem('rw-text-size')), '1.125');
  assert.deepEqual(errors, []);
  await live.close();
});
