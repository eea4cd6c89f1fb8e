// For the Node tests of the built bundle: builds, then serves the bench's pages and dist/ beside
// a real comments service (a temporary PGlite folder) seeded with `seeded` approved comments of
// `thread`, and launches Chromium. Call in `before`; `stop()` in `after`.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowsers } from '../../scripts/browsers.mjs';
import { startStaticServer } from '../../bench/lib/static-server.mjs';
import { seedApproved, startService } from '../../bench/lib/service.mjs';

const root = resolve(import.meta.dirname, '../..');

export async function startBenchSite({ thread, seeded }) {
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  assert.equal(built.status, 0, built.stdout + built.stderr);
  const web = await startStaticServer({ root });
  const service = await startService({ root, allowedOrigins: web.origin });
  await seedApproved(service.api, thread, seeded);
  const browser = await chromium.launch({ executablePath: findBrowsers().chromium, args: CHROMIUM_ARGS });
  return {
    web,
    service,
    browser,
    async stop() {
      await browser.close();
      await web.close();
      await service.stop();
    },
  };
}
