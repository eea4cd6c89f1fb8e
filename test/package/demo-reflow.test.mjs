// WCAG 1.4.10 (reflow) on the demo as `npm start` serves it (the built dist/): every demo page on a
// 320 px screen with the root text at 200 %, scrolled to the end so that the comments have loaded,
// has nothing wider than the screen (every element and text run, shadow roots included:
// test/support/overflow.mjs), in Chromium and Firefox. Also the moderation queue signed in.
//   node --test test/package/demo-reflow.test.mjs
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MODERATOR_TOKEN, approve, postComment } from '../../bench/lib/service.mjs';
import { startDemo } from '../support/demo-server.mjs';
import { BROWSERS, launch, openPage } from '../support/node-browsers.mjs';
import { sideways } from '../support/overflow.mjs';

const root = resolve(import.meta.dirname, '../..');
const PAGES = ['index.html', 'ar.html', 'ckb.html', 'json.html', 'themes.html', 'moderate.html'];
const THREAD = '2024-04-17-drip-irrigation'; // demo/index.html's
let demo;

before(async () => {
  demo = await startDemo(root, { MODERATOR_TOKEN });
  const api = `${demo.base}/api`;
  // The article's whole title, as the demo page sends it: the queue's article filter lists it.
  const reader = {
    author: 'A reader with a rather long name',
    email: 'reader@example.org',
    articleTitle: 'Farmers in Sulaimani turn to drip irrigation as spring rains fall short – The Valley Courier',
  };
  const shown = await postComment(api, THREAD, { ...reader, text: 'An approved comment with a long word: Sharazurplainirrigationcooperative.' });
  await approve(api, shown.id);
  await postComment(api, THREAD, { ...reader, text: 'A comment waiting in the moderation queue.' });
});
after(() => demo?.stop());

/** The page at 320 px with the root text at 200 %, scrolled through, once our elements have drawn. */
async function narrow(page, path, signIn = false) {
  await page.goto(`${demo.base}/demo/${path}`);
  if (signIn) {
    await page.evaluate((token) => sessionStorage.setItem('rw-moderator-token', token), MODERATOR_TOKEN);
    await page.reload();
  }
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  // Scrolled to the end, so that a lazy comments section sees the screen and loads.
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction((queue) => {
    const ours = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('rw-'));
    if (!ours.every((el) => customElements.get(el.localName) && el.shadowRoot?.childElementCount)) return false;
    const comments = document.querySelector('rw-comments');
    const moderation = document.querySelector('rw-moderation');
    return (!comments || comments.shadowRoot.querySelector('form')) && (!moderation || moderation.shadowRoot.querySelector(queue ? 'article' : 'form'));
  }, { timeout: 20000 }, signIn);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  return page.evaluate(sideways);
}

// Both browsers at once: each mostly waits on its pages.
describe('the demo pages', { concurrency: true }, () => {
  for (const name of BROWSERS) {
    describe(name, () => {
      let browser;
      before(async () => (browser = await launch(name)));
      after(() => browser?.close());

      test('every demo page at 320 px with text at 200 % has nothing wider than the screen', async () => {
        const found = {};
        for (const path of PAGES) {
          const { page, close } = await openPage(browser, { width: 320, height: 640 });
          const { wide, scrollWidth, width } = await narrow(page, path);
          if (wide.length || scrollWidth > width) found[path] = { scrollWidth, width, wide: wide.slice(0, 8) };
          await close();
        }
        assert.deepEqual(found, {});
      });

      test('the moderation queue, signed in, at 320 px with text at 200 %', async () => {
        const { page, close } = await openPage(browser, { width: 320, height: 640 });
        const { wide, scrollWidth, width } = await narrow(page, 'moderate.html', true);
        assert.deepEqual(wide, []);
        assert.ok(scrollWidth <= width, `the page is ${scrollWidth} px wide`);
        // The page's heading is one word: it fits the line rather than breaking inside it.
        const lines = await page.evaluate(() => {
          const range = document.createRange();
          range.selectNodeContents(document.querySelector('main > h1'));
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        });
        assert.equal(lines, 1, '"Moderation" broke across lines');
        await close();
      });

      test('the moderation queue at 1280 px: the filters share one row, whatever the length of an article title', async () => {
        const { page, close } = await openPage(browser, { width: 1280, height: 800 });
        await page.goto(`${demo.base}/demo/moderate.html`);
        await page.evaluate((token) => sessionStorage.setItem('rw-moderator-token', token), MODERATOR_TOKEN);
        await page.reload();
        await page.waitForFunction(() => document.querySelector('rw-moderation').shadowRoot?.querySelector('article'), { timeout: 20000 });
        const rows = await page.evaluate(() => {
          const filters = document.querySelector('rw-moderation').shadowRoot.querySelectorAll('[part=filters] > .control');
          return [...filters].map((control) => Math.round(control.getBoundingClientRect().top));
        });
        assert.equal(rows.length, 3);
        assert.equal(new Set(rows).size, 1, `the filters are on ${new Set(rows).size} rows (tops ${rows.join(', ')})`);
        await close();
      });
    });
  }
});
