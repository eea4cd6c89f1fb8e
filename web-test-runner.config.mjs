// Browser tests: real headless Chromium and Firefox ESR from the machine (npm cannot download
// browsers here). puppeteer-core, bundled with @web/test-runner-chrome, drives Chromium over CDP and
// Firefox over WebDriver BiDi.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findBrowsers } from './scripts/browsers.mjs';
import { summaryReporter } from './test/support/summary-reporter.mjs';
import { commentsServerPlugin } from './test/support/comments-server-plugin.mjs';
import { defaultReporter } from '@web/test-runner';

const { chromium, firefox } = findBrowsers();
const only = process.env.BROWSERS?.split(',') ?? ['chromium', 'firefox'];

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export default {
  files: ['test/**/*.test.ts', '!test/server/**'],
  nodeResolve: true,
  concurrency: 2,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 15000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), commentsServerPlugin()],
  // One window per test page: background tabs get no animation frames nor IntersectionObserver callbacks,
  // so concurrent test files would hang in open-wc's fixture() or any lazy-loading test.
  browsers: [
    only.includes('chromium') &&
      chromeLauncher({ launchOptions: { executablePath: chromium, headless: true, args: chromiumArgs }, createPage: ({ context }) => context.newPage({ type: 'window' }) }),
    only.includes('firefox') &&
      Object.assign(chromeLauncher({ launchOptions: { browser: 'firefox', executablePath: firefox, headless: true }, createPage: ({ context }) => context.newPage({ type: 'window' }) }), {
        name: 'Firefox',
      }),
  ].filter(Boolean),
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  reporters: [defaultReporter(), summaryReporter()],
};
