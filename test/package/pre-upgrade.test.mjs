// dist/reading-widget.css, the embed snippet's pre-upgrade stylesheet, on the bench's own pages
// (a host page with an article and a teaser list; a short page with the comments section in the
// first screen, talking to the real service; a JSON article in the first screen with host content
// after it, its photo late), the script held back 1 s, in Chromium and Firefox:
//  - the headline and body text are visible in the first frame;
//  - nothing moves when the elements upgrade (or the JSON article arrives): the box-movement score
//    of every element of the document (bench/lib/box-shift.mjs) stays <= 0.01, and so does the
//    browser's own layout-shift score where there is one (Firefox has no layout-shift API: there the
//    box-movement score alone), where without the stylesheet they do not;
//  - without JavaScript the article is laid out by the stylesheet where the upgraded card puts it.
//   node --test test/package/pre-upgrade.test.mjs   (builds first)
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startStaticServer } from '../../bench/lib/static-server.mjs';
import { seedApproved, startService } from '../../bench/lib/service.mjs';
import { BROWSERS, launch, openPage, withoutScripts } from '../support/node-browsers.mjs';

const root = resolve(import.meta.dirname, '../..');
const LIMIT = 0.01;
let web;
let service;

before(async () => {
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  assert.equal(built.status, 0, built.stdout + built.stderr);
  web = await startStaticServer({ root });
  service = await startService({ root, allowedOrigins: web.origin });
  await seedApproved(service.api, 'pre-upgrade', 20);
});
after(async () => {
  await web?.close();
  await service?.stop();
});

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Loads a bench page and returns what its probe measured once everything has painted. */
async function measure(browser, path, { width = 1280, height = 800 } = {}) {
  const { page, close } = await openPage(browser, { width, height });
  try {
    await page.goto(web.origin + path);
    await page.waitForFunction(() => window.__bench?.done === true, { timeout: 30000, polling: 50 });
    await pause(300);
    return await page.evaluate(() => ({
      cls: __bench.cls,
      box: __bench.boxShift,
      moved: __bench.moved,
      first: __bench.firstFrame,
      layoutShiftApi: PerformanceObserver.supportedEntryTypes.includes('layout-shift'),
    }));
  } finally {
    await close();
  }
}

const article = (css = '') => `/article.html?load=tag&delay=1000${css}`;
const comments = (css = '') => `/comments.html?endpoint=${encodeURIComponent(service.api)}&thread=pre-upgrade&delay=1000${css}`;
const json = (css = '') => `/article-json.html?delay=1000${css}`;
const PAGES = [
  ['an article with a teaser list', article],
  ['a comments section in the first screen', comments],
  ['a JSON article in the first screen, its photo late', json],
];

// Both browsers at once, three pages at a time in each: a page mostly waits for its held-back
// script (1 s) and its frames.
describe('the pre-upgrade stylesheet', { concurrency: true }, () => {
  for (const name of BROWSERS) {
    describe(name, { concurrency: 3 }, () => {
      let browser;
      before(async () => (browser = await launch(name)));
      after(() => browser?.close());
      const scores = name === 'firefox' ? 'box movement; Firefox has no layout-shift API' : 'box movement and layout shift';

      for (const [label, path] of PAGES) {
        for (const width of [1280, 375]) {
          test(`${label} at ${width} px: visible at once, nothing moves when the late script upgrades it (${scores})`, async () => {
            const m = await measure(browser, path(), { width });
            assert.equal(m.first.defined, false, 'the script was not held back');
            assert.ok(m.first.text, 'the headline or the body text is not visible in the first frame');
            assert.ok(m.box <= LIMIT, `box movement ${m.box.toFixed(4)} > ${LIMIT}: ${m.moved}`);
            assert.equal(m.layoutShiftApi, name === 'chromium');
            assert.ok(m.cls <= LIMIT, `layout shift ${m.cls.toFixed(4)} > ${LIMIT}`);
          });
        }
        // That the pages do move without it is a property of the pages: shown once, in Chromium.
        if (name === 'chromium') test(`${label}: without the stylesheet the upgrade moves the page (what the test guards)`, async () => {
          const m = await measure(browser, path('&css=none'));
          assert.ok(m.box > LIMIT || m.cls > LIMIT, `box ${m.box}, CLS ${m.cls}`);
        });
      }

      test(`a JSON article whose photo has no size keeps a 16:9 place for it at 375 px (${scores})`, async () => {
        const m = await measure(browser, json('&size=none'), { width: 375 });
        assert.ok(m.box <= LIMIT, `box movement ${m.box.toFixed(4)} > ${LIMIT}: ${m.moved}`);
        assert.ok(m.cls <= LIMIT, `layout shift ${m.cls.toFixed(4)} > ${LIMIT}`);
      });

      test('without JavaScript the article is laid out by the stylesheet where the upgraded card puts it', async () => {
        const still = await openPage(browser);
        const frame = await withoutScripts(still.page, web.origin + article());
        const laidOut = await frame.evaluate((f) => {
          const doc = f.contentDocument;
          const el = doc.querySelector('rw-article:not([variant])');
          const s = f.contentWindow.getComputedStyle(el);
          return { headline: el.querySelector('[slot=headline]').getBoundingClientRect().height, display: s.display, border: s.borderTopWidth, defined: !!f.contentWindow.customElements.get('rw-article') };
        });
        assert.equal(laidOut.defined, false, 'scripts ran in the frame');
        assert.ok(laidOut.headline > 20, 'no headline');
        assert.deepEqual([laidOut.display, laidOut.border], ['grid', '1px'], 'the article is not laid out as a card');
        // Every element's box in the frame, in document order.
        const before = await frame.evaluate((f) => [...f.contentDocument.body.querySelectorAll('*')].map((el) => {
          const r = el.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
        }));
        await still.close();

        const live = await openPage(browser);
        await live.page.goto(web.origin + article());
        await live.page.waitForFunction(() => window.__bench?.done === true, { timeout: 30000, polling: 50 });
        const shift = await live.page.evaluate((rects) => {
          const map = new Map([...document.body.querySelectorAll('*')].map((el, i) => [el, rects[i]]));
          const { score, moved } = __boxShift(map);
          return { score, moved: moved.map(({ el, dx, dy }) => `${el.localName} ${dx},${dy}`).slice(0, 6).join('; ') };
        }, before);
        await live.close();
        assert.ok(shift.score <= LIMIT, `the layout without JavaScript differs from the card: ${shift.score.toFixed(4)} (${shift.moved})`);
      });
    });
  }
});
