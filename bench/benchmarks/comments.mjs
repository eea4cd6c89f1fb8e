// 5. Comments, against the real service with 1,000 approved comments (seeded through the API and the
// moderation API). Pages of 100 (the service's maximum): the first page from append to painted, and
// each "Load more" from the click to painted, up to all 1,000. Reference: the same pages fetched from
// the same service and appended as plain elements (textContent) by the page itself. Each page is
// asked for once before either measures it, so both find it in the same (warm) caches.
// Memory: JS heap after forced GC, after 20 create/remove cycles of the element against before them
// (both after 20 warm-up cycles).
import { freshPage, waitDone } from '../lib/browser.mjs';
import { freshFirefoxPage } from '../lib/firefox.mjs';
import { notBuilt, row } from '../lib/rows.mjs';
import { SEEDED, seedThread } from '../lib/seed.mjs';

const PAGE = 100;
const L = {
  first: '5 comments first page of 100 → paint',
  more: '5 comments "Load more" 100 → paint',
  last: '5 comments "Load more" 900→1,000 → paint',
  memory: '5 comments JS heap after 20 mount/unmount',
};

export async function run(ctx) {
  if (!ctx.tags.has('rw-comments') || !ctx.hasService) return Object.entries(L).map(([k, l]) => notBuilt(`comments.${k}`, l));
  const { api, thread } = await seedThread(ctx);
  const url = `${ctx.web.origin}/comments.html?mode=drive&endpoint=${encodeURIComponent(api)}&thread=${encodeURIComponent(thread)}`;
  const rounds = ctx.quick ? 1 : 2;
  // The first page is one figure per fresh page, and the noisiest: it gets rounds of its own.
  const firstRounds = ctx.quick ? 2 : 6;
  const chromium = await pages(() => freshPage(ctx.browser, { cpu: 1 }), url, rounds, firstRounds);
  const memory = await heapCycles(ctx, url, rounds);
  const rows = [...pageRows(chromium, ''), memoryRow(memory)];
  const firefox = await ctx.firefox();
  if (firefox) rows.push(...pageRows(await pages(() => freshFirefoxPage(firefox), url, rounds, firstRounds), ' (Firefox)'));
  return rows;
}

// The issue's goals: the first page within 1.5× plain DOM, every "Load more" within 1.2×.
const GOALS = { first: 1.5, more: 1.2, last: 1.2 };

function pageRows(m, browser) {
  return ['first', 'more', 'last'].map((key) =>
    row({
      id: `comments.${key}${browser ? '.firefox' : ''}`,
      label: L[key] + browser,
      unit: 'ms',
      values: m[key],
      refLabel: 'plain DOM',
      refValues: m[`p${key[0].toUpperCase()}${key.slice(1)}`],
      goal: { ratio: GOALS[key] },
    }),
  );
}

function memoryRow(memory) {
  return row({
    id: 'comments.memory',
    label: L.memory,
    unit: 'KB',
    values: memory.after,
    refLabel: 'before',
    refValues: memory.before,
    // Heap after forced GC is steady to a few KB; 2 % allows for that, not for a leak.
    goal: { ratio: 1.02 },
    note: `growth ${memory.growth.map((g) => `${g >= 0 ? '+' : ''}${g.toFixed(1)}`).join(', ')} KB`,
  });
}

/**
 * The first page, then every "Load more" up to all comments, widget and reference alternating, in
 * `rounds` fresh pages; the first page alone in fresh pages up to `firstRounds`.
 */
async function pages(open, url, rounds, firstRounds = rounds) {
  const m = { first: [], more: [], last: [], pFirst: [], pMore: [], pLast: [] };
  for (let round = 0; round < Math.max(rounds, firstRounds); round++) {
    const { page, close } = await open();
    try {
      await page.goto(url);
      await pageDone(page);
      await page.evaluate((n) => __warm(n, false), PAGE);
      const first = await page.evaluate((n) => __mount(n), PAGE);
      const pFirst = await page.evaluate((n) => __plain(n, false), PAGE);
      m.first.push(first.ms);
      m.pFirst.push(pFirst.ms);
      let count = first.count;
      while (round < rounds && count < SEEDED) {
        await page.evaluate((n) => __warm(n, true), PAGE);
        const more = await page.evaluate(() => __more());
        const plain = await page.evaluate((n) => __plain(n, true), PAGE);
        if (!more) throw new Error(`no "Load more" button after ${count} comments`);
        count = more.count;
        (count >= SEEDED ? m.last : m.more).push(more.ms);
        (count >= SEEDED ? m.pLast : m.pMore).push(plain.ms);
      }
    } finally {
      await close();
    }
  }
  return m;
}

/** `waitDone` for any driver: polls the page's own flag. */
async function pageDone(page, timeout = 30000) {
  const t0 = Date.now();
  while (!(await page.evaluate(() => window.__bench?.done === true))) {
    if (Date.now() - t0 > timeout) throw new Error('the bench page did not finish loading');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function heapCycles(ctx, url, rounds) {
  const out = { before: [], after: [], growth: [] };
  for (let round = 0; round < rounds; round++) {
    const { page, cdp, close } = await freshPage(ctx.browser, { cpu: 1 });
    try {
      await page.goto(url);
      await waitDone(page);
      const heap = async () => {
        await page.evaluate(() => __afterPaint());
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1024;
      };
      const cycle = () => page.evaluate(async () => {
        await __mount(0);
        __unmount();
      });
      // 20 cycles first: the first mounts compile, optimise and cache (code, inline caches,
      // catalogues), which grows the heap once and then stops; a leak keeps growing after that.
      for (let i = 0; i < 20; i++) await cycle();
      const before = await heap();
      for (let i = 0; i < 20; i++) await cycle();
      const after = await heap();
      out.before.push(before);
      out.after.push(after);
      out.growth.push(after - before);
    } finally {
      await close();
    }
  }
  return out;
}
