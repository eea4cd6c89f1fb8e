// Two builds of the widget on the bench's comments page, side by side: the first page of 100 and two
// "Load more" each, in fresh pages, alternating A and B, against the same plain-DOM reference in the
// same page. For a before/after of a change under the same bench and the same load on the machine.
//   node bench/probes/comments-ab.mjs DIST_A DIST_B [rounds]
// e.g. an older commit built into its own worktree:
//   git worktree add ../before COMMIT && (cd ../before && npm ci && npm run build)
//   node bench/probes/comments-ab.mjs dist ../before/dist 10
import { resolve } from 'node:path';
import { launch, freshPage } from '../lib/browser.mjs';
import { seedApproved, startService } from '../lib/service.mjs';
import { startStaticServer } from '../lib/static-server.mjs';
import { summary } from '../lib/stats.mjs';

const [a, b, rounds = '6'] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: node bench/probes/comments-ab.mjs DIST_A DIST_B [rounds]');
const webs = [await startStaticServer({ distDir: resolve(a) }), await startStaticServer({ distDir: resolve(b) })];
const service = await startService({ allowedOrigins: webs.map((w) => w.origin).join(',') });
const browser = await launch();
try {
  await seedApproved(service.api, 'ab', 300);
  const out = webs.map(() => ({ first: [], plainFirst: [], more: [], plainMore: [] }));
  for (let round = 0; round < Number(rounds); round++) {
    for (const i of round % 2 ? [1, 0] : [0, 1]) {
      const { page, close } = await freshPage(browser);
      try {
        await page.goto(`${webs[i].origin}/comments.html?mode=drive&endpoint=${encodeURIComponent(service.api)}&thread=ab`);
        await page.waitForFunction(() => window.__bench?.done === true);
        await page.evaluate(() => __warm(100, false));
        out[i].first.push((await page.evaluate(() => __mount(100))).ms);
        out[i].plainFirst.push((await page.evaluate(() => __plain(100, false))).ms);
        for (let k = 0; k < 2; k++) {
          await page.evaluate(() => __warm(100, true));
          out[i].more.push((await page.evaluate(() => __more())).ms);
          out[i].plainMore.push((await page.evaluate(() => __plain(100, true))).ms);
        }
      } finally {
        await close();
      }
    }
  }
  const med = (values) => summary(values).median.toFixed(1);
  for (const [i, o] of out.entries()) {
    console.log(`${i ? 'B' : 'A'} (${i ? b : a}): first page ${med(o.first)} ms (plain ${med(o.plainFirst)} ms), "Load more" ${med(o.more)} ms (plain ${med(o.plainMore)} ms), ${o.first.length} pages`);
  }
} finally {
  await browser.close();
  await service.stop();
  for (const web of webs) await web.close();
}
