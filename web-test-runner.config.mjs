// Browser tests: real headless Chromium and Firefox ESR from the machine (npm cannot download
// browsers here). puppeteer-core, bundled with @web/test-runner-chrome, drives Chromium over CDP and
// Firefox over WebDriver BiDi.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, findBrowsers } from './scripts/browsers.mjs';
import { summaryReporter } from './test/support/summary-reporter.mjs';
import { commentsServerPlugin } from './test/support/comments-server-plugin.mjs';
import { cspPlugin } from './test/support/csp-plugin.mjs';
import { hostileServicePlugin } from './test/support/hostile-service-plugin.mjs';
import { defaultReporter } from '@web/test-runner';

const { chromium, firefox } = findBrowsers();
const only = process.env.BROWSERS?.split(',') ?? ['chromium', 'firefox'];

// Tests that time the main thread (long tasks). `npm test` runs them on their own, one browser at a
// time, after the rest (scripts/test.mjs): beside the other files, two browsers and the test
// services on two cores stretched every task past 50 ms. WTR_ALONE=1: only these; 0: all but these;
// unset (`npm run test:browser`): everything together.
const ALONE = ['test/components/comments/bad-answers.test.ts'];
const alone = process.env.WTR_ALONE;

// Each test file gets its own browser context: its own window (so it is never a hidden background
// tab, where browsers render no frames) and its own localStorage (test files run side by side).
const createPage = async ({ browser }) => {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.once('close', () => context.close().catch(() => {}));
  return page;
};

export default {
  files: alone === '1' ? ALONE : ['test/**/*.test.ts', '!test/server/**', ...(alone === '0' ? ALONE.map((file) => `!${file}`) : [])],
  nodeResolve: true,
  concurrency: alone === '1' ? 1 : 2,
  testsFinishTimeout: 300000,
  browserStartTimeout: 120000,
  testFramework: { config: { timeout: 15000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), commentsServerPlugin(), cspPlugin(), hostileServicePlugin()],
  browsers: [
    only.includes('chromium') && chromeLauncher({ createPage, launchOptions: { executablePath: chromium, headless: true, args: CHROMIUM_ARGS } }),
    only.includes('firefox') &&
      Object.assign(chromeLauncher({ createPage, concurrency: 1, launchOptions: { browser: 'firefox', executablePath: firefox, headless: true } }), {
        name: 'Firefox',
      }),
  ].filter(Boolean),
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  reporters: [defaultReporter(), summaryReporter()],
};
