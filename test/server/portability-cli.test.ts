// `npm run comments -- …` as a real process on the backend under test: import (killed with -9
// half way, then run again: each comment exactly once), export, erase, usage errors, and the
// embedded folder refused while another process holds it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, beforeEach, describe, it } from 'node:test';
import { Store } from '../../server/store.js';
import { BACKEND, freshDatabase } from './helpers.js';
import { disqusXml, largeDisqus } from './portability/source-files.js';
import { start } from './service-process.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rw-cli-'));
let database: Awaited<ReturnType<typeof freshDatabase>>;
const databases: (typeof database)[] = [];
// Each test on an empty database of its own (the small and the large file share Disqus ids).
beforeEach(async () => {
  database = await freshDatabase();
  databases.push(database);
});
after(() => {
  for (const d of databases) d.remove();
  rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[], options: { until?: RegExp; env?: Record<string, string> } = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/comments.ts', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...database.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => {
    stderr += d;
    if (options.until?.test(stderr)) child.kill('SIGKILL');
  });
  return new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}
async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await Store.open(await database.open());
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
const count = (sql: string) => withStore(async (s) => Number((await s.db.query<{ n: number }>(sql)).rows[0].n));

describe('npm run comments', { timeout: 240_000 }, () => {
  it('an import killed with -9 half way and started again ends with each comment exactly once', async () => {
    const file = join(dir, 'large.xml');
    const n = 6000;
    await largeDisqus(file, n);
    const killed = await cli(['import', 'disqus', file], { until: /\r[1-9]\d{3,} comments read/ });
    assert.equal(killed.signal, 'SIGKILL', killed.stderr);
    const partial = await count(`SELECT count(*)::int AS n FROM comments`);
    assert.ok(partial > 0 && partial < n, `killed after ${partial} of ${n}`);
    const again = await cli(['import', 'disqus', file]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, new RegExp(`^disqus: ${n} comments read, ${n - partial} added, ${partial} already imported`));
    assert.equal(await count(`SELECT count(*)::int AS n FROM comments`), n);
    assert.equal(await count(`SELECT count(*)::int AS n FROM import_sources`), n);
    // Every tenth comment is a reply to the one before it.
    assert.equal(await count(`SELECT count(*)::int AS n FROM comments WHERE parent_id IS NOT NULL`), n / 10);
    const twice = await cli(['import', 'disqus', file]);
    assert.match(twice.stdout, new RegExp(`${n} comments read, 0 added, ${n} already imported`));
  });

  it('exports to a file, erases by email, and reports usage errors with status 2', async () => {
    writeFileSync(join(dir, 'small.xml'), disqusXml());
    const imported = await cli(['import', 'disqus', join(dir, 'small.xml'), '--map', writeMap()]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /\n {2}mapped-story: 3 approved, 1 rejected\n/);
    const out = join(dir, 'ann.json');
    const exported = await cli(['export', '--email', 'ann@leak-check.example', out]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')).comments.map((c: { author: string }) => c.author), ['Ann']);
    assert.match((await cli(['export', out])).stderr, /exists/);
    const erased = await cli(['erase', 'ann@leak-check.example']);
    assert.equal(erased.code, 0, erased.stderr);
    assert.match(erased.stdout, /erased 1 comment/);
    assert.equal(await count(`SELECT count(*)::int AS n FROM comments WHERE author = 'Ann'`), 0);
    const usage = await cli(['import', 'mystery', 'x']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /unknown format "mystery"/);
    const broken = await cli(['import', 'json', join(dir, 'small.xml')]);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /^comments: not a well-formed JSON export/);
  });

  it('imports and erases while the service runs on PostgreSQL; its cached pages follow at once', { skip: BACKEND !== 'postgres' && 'PostgreSQL only' }, async () => {
    const service = await start({ ...database.env, MODERATOR_TOKEN: 'cli-test-token-0123456789', PORT: '0', RATE_LIMIT_PER_MINUTE: '0' });
    try {
      const page = async () => (await (await fetch(`${service.url}/threads/${encodeURIComponent('/2020/02/story')}/comments`)).json()).total;
      assert.equal(await page(), 0); // now cached by the service
      writeFileSync(join(dir, 'live.xml'), disqusXml());
      assert.equal((await cli(['import', 'disqus', join(dir, 'live.xml')])).code, 0);
      assert.equal(await page(), 3);
      assert.equal((await cli(['erase', 'bob@leak-check.example'])).code, 0);
      assert.equal(await page(), 2);
    } finally {
      service.child.kill('SIGTERM');
      await service.exited;
    }
  });

  it('refuses the embedded folder while the service holds it', { skip: BACKEND !== 'pglite' && 'PGlite only' }, async () => {
    const service = await start({ ...database.env, MODERATOR_TOKEN: 'cli-test-token-0123456789', PORT: '0' });
    try {
      const refused = await cli(['erase', 'x@leak-check.example']);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /is in use by another comments service \(pid \d+.*stop the service, run this command/);
    } finally {
      service.child.kill('SIGTERM');
      await service.exited;
    }
  });
});

function writeMap() {
  const file = join(dir, 'map.json');
  writeFileSync(file, JSON.stringify({ 'https://news.example/2020/02/story/': 'mapped-story' }));
  return file;
}
