// The requests of a comments section, with the built script-tag bundle (the chunk layout exists only
// there) on the bench's comments page and the real service, in Chromium. The comments chunk is held
// back 300 ms, as a slow network would, so that what starts while it is on its way can be seen:
//  - the chunk shared by the comments elements is asked for beside it, not once it has arrived;
//  - the list request leaves as the element upgrades, before its first frame (not after an
//    IntersectionObserver round, which comes only after a frame's layout);
//  - a section far below the viewport still asks for no list until it comes near.
//   node --test test/package/comments-requests.test.mjs   (builds first)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBenchSite } from '../support/bench-site.mjs';

const HOLD = 300;
let site;
let web;
let service;
let browser;

before(async () => {
  site = await startBenchSite({ thread: 'requests', seeded: 12 });
  ({ web, service, browser } = site);
});
after(() => site?.stop());

/** The bench page with the bundle loaded and nothing mounted; the comments chunk answers HOLD ms late. */
async function open() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.route(/\/chunks\/comments-[^/]*\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, HOLD));
    await route.continue();
  });
  await page.goto(`${web.origin}/comments.html?mode=drive&endpoint=${encodeURIComponent(service.api)}&thread=requests`);
  await page.waitForFunction(() => window.__bench?.done === true, null, { timeout: 30000 });
  return { page, close: () => context.close() };
}

/** Appends `<rw-comments>` (after `spacer` px of page) and returns the requests started since, and when the element was defined and first framed. */
function mount(page, spacer, wait, pageSize = 20) {
  return page.evaluate(
    async ({ spacer, wait, api, pageSize }) => {
      const t0 = performance.now();
      const times = {};
      customElements.whenDefined('rw-comments').then(() => {
        times.defined = performance.now() - t0;
        requestAnimationFrame(() => (times.frame = performance.now() - t0));
      });
      const el = document.createElement('rw-comments');
      Object.assign(el, { thread: 'requests', endpoint: api, pageSize });
      const box = document.getElementById('slot');
      box.style.paddingBlockStart = `${spacer}px`;
      box.append(el);
      await customElements.whenDefined('rw-comments');
      await new Promise((r) => setTimeout(r, wait));
      const requests = performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime >= t0)
        .map((e) => ({ name: e.name, start: e.startTime - t0, end: e.responseEnd - t0 }));
      return { ...times, requests };
    },
    { spacer, wait, api: service.api, pageSize },
  );
}

const find = (requests, pattern) => requests.find((r) => pattern.test(r.name));

test('the shared chunk downloads beside the comments chunk, and the list request leaves before the first frame', async () => {
  const { page, close } = await open();
  try {
    const { requests, defined, frame } = await mount(page, 0, 500);
    const chunk = find(requests, /\/chunks\/comments-[^/]*\.js$/);
    const list = find(requests, /\/threads\/requests\/comments\?/);
    const shared = requests.find((r) => /\/chunks\/.*\.js$/.test(r.name) && r !== chunk);
    assert.ok(chunk && list, `requests seen: ${requests.map((r) => r.name).join(', ')}`);
    assert.ok(shared, 'the comments chunk imports no shared chunk: update this test to the chunk layout');
    assert.ok(shared.start < chunk.end - HOLD / 2, `the shared chunk started at ${shared.start.toFixed(0)} ms, the comments chunk arrived at ${chunk.end.toFixed(0)} ms`);
    assert.ok(list.start >= defined, 'the list was asked for before the element existed');
    assert.ok(list.start < frame, `the list request started at ${list.start.toFixed(1)} ms, after the first frame at ${frame.toFixed(1)} ms (defined at ${defined.toFixed(1)} ms)`);
  } finally {
    await close();
  }
});

test('a section written with attributes asks for its first page once (as it connects, not again on its first update)', async () => {
  const { page, close } = await open();
  const lists = [];
  page.on('request', (request) => /\/threads\/requests\/comments\?/.test(request.url()) && lists.push(request.url()));
  try {
    await page.evaluate(async (api) => {
      const el = document.createElement('rw-comments');
      el.setAttribute('thread', 'requests');
      el.setAttribute('endpoint', api);
      document.getElementById('slot').append(el);
      await customElements.whenDefined('rw-comments');
      await until(() => el.shadowRoot.querySelectorAll('article[part~=comment]').length > 0);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }, service.api);
    assert.equal(lists.length, 1, `list requests: ${lists.join(', ')}`);
  } finally {
    await close();
  }
});

test('a comments section far below the viewport asks for its list only once scrolled near', async () => {
  const { page, close } = await open();
  try {
    const { requests } = await mount(page, 6000, 500);
    assert.equal(find(requests, /\/threads\/requests\/comments\?/), undefined, 'the list was fetched while far below the viewport');
    await page.evaluate(() => document.querySelector('rw-comments').scrollIntoView());
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/threads\/requests\/comments\?/.test(e.name)), null, { timeout: 10000 });
  } finally {
    await close();
  }
});

test('"Load more" forces no layout from script', async () => {
  const { page, close } = await open();
  const cdp = await page.context().newCDPSession(page);
  try {
    await mount(page, 0, 500, 4);
    const events = [];
    cdp.on('Tracing.dataCollected', (data) => events.push(...data.value));
    await cdp.send('Tracing.start', {
      traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack'] },
      transferMode: 'ReportEvents',
    });
    const shown = await page.evaluate(async () => {
      const el = document.querySelector('rw-comments');
      const articles = () => el.shadowRoot.querySelectorAll('article[part~=comment]');
      el.shadowRoot.querySelector('[part~=load-more]').click();
      await until(() => articles().length === 8 && el.shadowRoot.activeElement === articles()[4]);
      await __afterPaint();
      return articles().length;
    });
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    assert.equal(shown, 8);
    assert.ok(events.some((e) => e.name === 'Layout'), 'the trace has no layout at all: it did not record');
    const forced = events.filter((e) => e.name === 'Layout' && e.args?.beginData?.stackTrace);
    assert.deepEqual(forced.map((e) => e.args.beginData.stackTrace[0].functionName || '(anonymous)'), [], 'layouts forced from script');
  } finally {
    await close();
  }
});

test('a page that is only read downloads neither what posts nor what follows a pending comment; writing and a pending comment fetch them', async () => {
  const { page, close } = await open();
  const chunks = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.match(/\/chunks\/(post|outcome-controller)-[^/]*\.js$/)?.[1]).filter(Boolean));
  try {
    await mount(page, 0, 500);
    assert.deepEqual(await chunks(), [], 'fetched while the reader only reads');
    await page.evaluate(() => document.querySelector('rw-comments').shadowRoot.querySelector('#text').focus());
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/chunks\/post-/.test(e.name)), null, { timeout: 5000 });
    assert.deepEqual(await chunks(), ['post'], 'entering the form did not fetch (only) what posts');
    // A reader who posted earlier: their pending comment is in this browser's storage.
    await page.evaluate((api) => {
      const mine = { id: 'm1', token: 't', author: 'Me', text: 'My comment', createdAt: new Date().toISOString(), parentId: null, status: 'pending' };
      localStorage.setItem('rw-mine:requests-mine', JSON.stringify([mine]));
      document.getElementById('slot').append(Object.assign(document.createElement('rw-comments'), { thread: 'requests-mine', endpoint: api }));
    }, service.api);
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/chunks\/outcome-controller-/.test(e.name)), null, { timeout: 5000 });
  } finally {
    await close();
  }
});
