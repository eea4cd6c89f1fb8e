// Where the time of row 5 goes: one traced cold mount of <rw-comments page-size="100"> and one traced
// "Load more" (the 5th page, and the last), on the bench's own page and service (1,000 seeded
// comments). Prints the requests in start order (ms from the mount or the click), the main thread's
// work by kind (script, style, layout, pre-paint, paint), how many frames it took, and the layouts
// and style recalculations forced from script (with the function that forced them).
//   node bench/probes/comments-trace.mjs        (after npm run build; about 40 s, most of it seeding)
import { launch, freshPage, waitDone } from '../lib/browser.mjs';
import { seedApproved, startService } from '../lib/service.mjs';
import { startStaticServer } from '../lib/static-server.mjs';

const KINDS = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'MinorGC', 'MajorGC'];
// Script events nest (a microtask inside a function call inside a frame callback): counted as the union of their spans.
const SCRIPT = new Set(['FunctionCall', 'RunMicrotasks', 'FireAnimationFrame', 'EventDispatch', 'TimerFire', 'v8.evaluateModule', 'v8.compileModule', 'EvaluateScript']);
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack', 'v8.execute', 'toplevel', 'loading'];

const web = await startStaticServer({ root: process.cwd() });
const service = await startService({ allowedOrigins: web.origin });
const browser = await launch();
try {
  await seedApproved(service.api, 'trace-1000', 1000);
  const { page, cdp, close } = await freshPage(browser);
  await page.goto(`${web.origin}/comments.html?mode=drive&endpoint=${encodeURIComponent(service.api)}&thread=trace-1000`);
  await waitDone(page);
  // Each page asked for once first, as the bench does, so the element and the reference find the same caches.
  await page.evaluate(() => __warm(100, false));
  await traced(page, cdp, 'first page of 100 (cold: chunks not loaded yet)', () => __mount(100));
  await traced(page, cdp, 'plain DOM reference, first page', () => __plain(100, false));
  for (let i = 0; i < 3; i++) await page.evaluate(() => (__more(), __plain(100, true)));
  await page.evaluate(() => __warm(100, true));
  await traced(page, cdp, '"Load more" 400→500', () => __more());
  await traced(page, cdp, 'plain DOM reference, 400→500', () => __plain(100, true));
  for (let i = 0; i < 4; i++) await page.evaluate(() => (__more(), __plain(100, true)));
  await page.evaluate(() => __warm(100, true));
  await traced(page, cdp, '"Load more" 900→1,000', () => __more());
  await traced(page, cdp, 'plain DOM reference, 900→1,000', () => __plain(100, true));
  await close();
} finally {
  await browser.close();
  await service.stop();
  await web.close();
}

async function traced(page, cdp, label, action) {
  const events = [];
  const collect = (data) => events.push(...data.value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  const { ms, requests } = await page.evaluate(async (source) => {
    const t0 = performance.now();
    const { ms } = await (0, eval)(source)();
    const requests = performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime >= t0)
      .map((e) => ({ url: e.name.replace(/\?.*/, '').split('/').slice(-2).join('/'), start: e.startTime - t0, end: e.responseEnd - t0 }));
    return { ms, requests };
  }, `(${action})`);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);

  console.log(`\n${label}: ${ms.toFixed(1)} ms to painted (traced: tracing itself slows the page)`);
  for (const r of requests) console.log(`  request ${r.url.padEnd(44)} ${r.start.toFixed(1).padStart(6)} → ${r.end.toFixed(1)} ms`);
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const ours = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
  let script = 0;
  let reach = 0;
  for (const e of ours.filter((e) => SCRIPT.has(e.name)).sort((a, b) => a.ts - b.ts)) {
    const end = e.ts + e.dur;
    if (end > reach) script += end - Math.max(e.ts, reach);
    reach = Math.max(reach, end);
  }
  console.log(`  script (incl. the style/layout it forces) ${(script / 1000).toFixed(1).padStart(6)} ms`);
  for (const kind of KINDS) {
    const of = ours.filter((e) => e.name === kind);
    if (of.length) console.log(`  ${kind.padEnd(20)} ×${String(of.length).padStart(3)} ${(of.reduce((s, e) => s + e.dur, 0) / 1000).toFixed(1).padStart(6)} ms`);
  }
  console.log(`  animation frames with work: ${ours.filter((e) => e.name === 'FireAnimationFrame').length}`);
  // A layout or style recalculation with a script stack was forced by that script (not by a frame).
  for (const e of ours.filter((e) => (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && (e.args?.beginData?.stackTrace ?? e.args?.data?.stackTrace))) {
    const [top] = e.args.beginData?.stackTrace ?? e.args.data.stackTrace;
    console.log(`  forced ${e.name} ${(e.dur / 1000).toFixed(1)} ms by ${top.functionName || '(anonymous)'} (${top.url.split('/').pop()}:${top.lineNumber})`);
  }
}
