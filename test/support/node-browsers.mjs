// The machine's Chromium and Firefox ESR for the Node-driven tests (test/package/), both through
// puppeteer-core: Chromium over CDP, Firefox over WebDriver BiDi, so that one test body runs in
// both. (playwright-core cannot drive Debian's Firefox.)
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowsers } from '../../scripts/browsers.mjs';

export const BROWSERS = ['chromium', 'firefox'];

/** Launches one of BROWSERS, headless. */
export function launch(name) {
  const paths = findBrowsers();
  return name === 'firefox'
    ? puppeteer.launch({ browser: 'firefox', executablePath: paths.firefox, headless: true })
    : puppeteer.launch({ executablePath: paths.chromium, headless: true, args: CHROMIUM_ARGS });
}

/** A page of its own (own storage) at the given viewport; `close()` ends its context. */
export async function openPage(browser, { width = 1280, height = 800 } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width, height });
  return { page, close: () => context.close().catch(() => {}) };
}

/**
 * A page's document as it is without JavaScript, in both browsers (Firefox over BiDi cannot turn
 * scripts off): loaded in a sandboxed frame of `size` on a page of the same origin (scripts never
 * run there; the frame's own viewport is the given size). Returns the frame's element handle.
 */
export async function withoutScripts(page, url, { width = 1280, height = 800 } = {}) {
  await page.setViewport({ width: width + 40, height: height + 40 });
  // A page of the frame's origin that runs nothing of ours (a 404 is enough).
  await page.goto(new URL('/no-such-page-for-a-frame', url).href).catch(() => {});
  return page.evaluateHandle(async (src, w, h) => {
    document.body.replaceChildren();
    document.body.style.margin = '0';
    const frame = document.createElement('iframe');
    frame.sandbox = 'allow-same-origin';
    frame.style.cssText = `inline-size:${w}px;block-size:${h}px;border:0;display:block`;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = src;
    document.body.append(frame);
    await loaded;
    return frame;
  }, url, width, height);
}
