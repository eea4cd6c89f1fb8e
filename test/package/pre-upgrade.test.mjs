// dist/reading-widget.css, the embed snippet's pre-upgrade stylesheet, on the bench's own pages
// (a host page with an article and a teaser list; a short page with the comments section in the
// first screen, talking to the real service), the script held back 1 s, in Chromium:
//  - the headline and body text are visible in the first frame;
//  - nothing moves when the elements upgrade: the box-movement score of every element of the
//    document (bench/lib/box-shift.mjs) and the browser's own layout-shift score stay <= 0.01,
//    where without the stylesheet they do not;
//  - without JavaScript the article is laid out by the stylesheet where the upgraded card puts it.
//   node --test test/package/pre-upgrade.test.mjs   (builds first)
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowsers } from '../../scripts/browsers.mjs';
import { startStaticServer } from '../../bench/lib/static-server.mjs';
import { seedApproved, startService } from '../../bench/lib/service.mjs';

const root = resolve(import.meta.dirname, '../..');
const LIMIT = 0.01;
let web;
let service;
let browser;

before(async () => {
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  assert.equal(built.status, 0, built.stdout + built.stderr);
  web = await startStaticServer({ root });
  service = await startService({ root, allowedOrigins: web.origin });
  await seedApproved(service.api, 'pre-upgrade', 20);
  browser = await chromium.launch({ executablePath: findBrowsers().chromium, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await web?.close();
  await service?.stop();
});

/** Loads a bench page and returns what its probe measured once everything has painted. */
async function measure(path, { width = 1280, height = 800 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  try {
    const page = await context.newPage();
    await page.goto(web.origin + path);
    await page.waitForFunction(() => window.__bench?.done === true, null, { timeout: 30000 });
    await page.waitForTimeout(300);
    return await page.evaluate(() => ({ cls: __bench.cls, box: __bench.boxShift, moved: __bench.moved, first: __bench.firstFrame }));
  } finally {
    await context.close();
  }
}

const article = (css = '') => `/article.html?load=tag&delay=1000${css}`;
const comments = (css = '') => `/comments.html?endpoint=${encodeURIComponent(service.api)}&thread=pre-upgrade&delay=1000${css}`;

for (const [name, path] of [['an article with a teaser list', article], ['a comments section in the first screen', comments]]) {
  for (const width of [1280, 375]) {
    test(`${name} at ${width} px: visible at once, nothing moves when the late script upgrades it`, async () => {
      const m = await measure(path(), { width });
      assert.equal(m.first.defined, false, 'the script was not held back');
      assert.ok(m.first.text, 'the headline or the body text is not visible in the first frame');
      assert.ok(m.box <= LIMIT, `box movement ${m.box.toFixed(4)} > ${LIMIT}: ${m.moved}`);
      assert.ok(m.cls <= LIMIT, `layout shift ${m.cls.toFixed(4)} > ${LIMIT}`);
    });
  }
  test(`${name}: without the stylesheet the upgrade moves the page (what the test guards)`, async () => {
    const m = await measure(path('&css=none'));
    assert.ok(m.box > LIMIT || m.cls > LIMIT, `box ${m.box}, CLS ${m.cls}`);
  });
}

test('without JavaScript the article is laid out by the stylesheet where the upgraded card puts it', async () => {
  const boxes = () => [...document.body.querySelectorAll('*')].map((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
  });
  const off = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  const still = await off.newPage();
  await still.goto(web.origin + article());
  const headline = still.locator('rw-article:not([variant]) > [slot=headline]');
  assert.ok((await headline.boundingBox()).height > 20, 'no headline');
  const card = await still.evaluate(() => {
    const s = getComputedStyle(document.querySelector('rw-article:not([variant])'));
    return { display: s.display, border: s.borderTopWidth, maxWidth: s.maxInlineSize };
  });
  assert.deepEqual([card.display, card.border], ['grid', '1px'], 'the article is not laid out as a card');
  const before = await still.evaluate(boxes);
  await off.close();

  const on = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const live = await on.newPage();
  await live.goto(web.origin + article());
  await live.waitForFunction(() => window.__bench?.done === true, null, { timeout: 30000 });
  const shift = await live.evaluate((rects) => {
    const map = new Map([...document.body.querySelectorAll('*')].map((el, i) => [el, rects[i]]));
    const { score, moved } = __boxShift(map);
    return { score, moved: moved.map(({ el, dx, dy }) => `${el.localName} ${dx},${dy}`).slice(0, 6).join('; ') };
  }, before);
  await on.close();
  assert.ok(shift.score <= LIMIT, `the layout without JavaScript differs from the card: ${shift.score.toFixed(4)} (${shift.moved})`);
});
