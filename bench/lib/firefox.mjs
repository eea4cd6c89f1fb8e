// Headless Firefox ESR from the machine, driven by puppeteer-core over WebDriver BiDi (playwright
// cannot drive Debian's Firefox). Only what the page-driven benchmarks need: a fresh context per
// measured page, goto, evaluate. Firefox has no CPU throttling, no trace and no heap API over BiDi,
// so only 1× CPU rows that the page times itself run here.
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';

const PATHS = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** Firefox, or null (saying why) when the machine has none. */
export async function launchFirefox(log) {
  const executablePath = PATHS.find((path) => path && existsSync(path));
  if (!executablePath) {
    log('no Firefox found (FIREFOX_PATH, /usr/bin/firefox-esr): the Firefox rows are left out');
    return null;
  }
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true });
  return { browser, version: await browser.version() };
}

/** A fresh page in its own browser context, with the page API the benchmarks use. */
export async function freshFirefoxPage(firefox, { viewport = { width: 1280, height: 800 } } = {}) {
  const context = await firefox.browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(viewport);
  page.on('pageerror', (error) => console.error(`  [firefox page error] ${error.message}`));
  return {
    page: {
      goto: (url) => page.goto(url),
      evaluate: (fn, arg) => page.evaluate(fn, arg),
      /** A real click (input events at the element's centre) on the element `find` returns in the page. */
      clickOn: async (find) => {
        const handle = await page.evaluateHandle(find);
        try {
          await handle.asElement().click();
        } finally {
          await handle.dispose();
        }
      },
    },
    close: () => context.close(),
  };
}
