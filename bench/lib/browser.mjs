// Headless Chromium from the machine, driven by playwright-core; one fresh context per measured
// page load, so every run starts cold (no HTTP or code cache carried over).
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/browsers.mjs';

export { CHROMIUM_ARGS };

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** A fresh page in its own context, CPU throttled by `cpu`× through CDP before anything loads. */
export async function freshPage(browser, { cpu = 1, viewport = { width: 1280, height: 800 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  page.on('pageerror', (error) => console.error(`  [page error] ${error.message}`));
  return { page, cdp, context, close: () => context.close() };
}

/** Waits for the page's own `__bench.done`, with a clear failure instead of a hang. */
export async function waitDone(page, timeout = 30000) {
  await page.waitForFunction(() => window.__bench?.done === true, null, { timeout, polling: 50 });
  return page.evaluate(() => window.__bench);
}

/**
 * The longest main-thread task of the page's renderer in a trace ('toplevel' category, RunTask
 * events), in ms. Long-task entries in the page only report tasks of 50 ms and more.
 */
export function longestTask(traceBuffer) {
  const { traceEvents } = JSON.parse(traceBuffer.toString());
  const mains = new Set(
    traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  let longest = 0;
  for (const e of traceEvents) {
    if (e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && mains.has(`${e.pid}:${e.tid}`)) {
      longest = Math.max(longest, e.dur / 1000);
    }
  }
  return longest;
}
