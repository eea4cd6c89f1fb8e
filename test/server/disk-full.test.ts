// A full disk under the embedded database (server/disk-space.ts): on a small tmpfs, filled by
// another file, posts fail fast with 503, health says why, reads go on, writes come back when
// space does, SIGTERM works and nothing acknowledged is lost. Needs root to mount the tmpfs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { initdbTemplate } from '../support/pglite-template.mjs';
import { comment } from './helpers.js';
import { post, start, TOKEN } from './service-process.js';

const mountPoint = mkdtempSync(join(tmpdir(), 'rw-disk-full-'));
// 80 MB: the empty database is 39 MB (a 16 MB WAL segment among it), and writes need a reserve.
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=80m', 'tmpfs', mountPoint]).status === 0;
after(() => {
  if (mounted) spawnSync('umount', ['-l', mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});
const free = () => {
  const s = statfsSync(mountPoint);
  return s.bavail * s.bsize;
};

test('a nearly full disk: 503 at once, health says why, recovery when space is back', { skip: !mounted && 'mounting a tmpfs is not permitted here (needs root)', timeout: 180_000 }, async () => {
  const dataDir = join(mountPoint, 'data');
  cpSync(await initdbTemplate(), dataDir, { recursive: true });
  const env = { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0', MIN_FREE_DISK_MB: '20' };
  const service = await start(env);
  const acknowledged: string[] = [];
  for (let i = 0; i < 3; i++) {
    const answer = await post(service.url, 'disk/thread', comment(`before ${i}`), `before-${i}`);
    assert.equal(answer.status, 202);
    acknowledged.push((await answer.json()).id);
  }

  // Another writer fills the disk up to 10 MB free, under the 20 MB reserve.
  const filler = join(mountPoint, 'filler');
  writeFileSync(filler, Buffer.alloc(free() - 10 * 2 ** 20));
  const started = performance.now();
  const refused = await post(service.url, 'disk/thread', comment('refused'), 'refused-1');
  assert.equal(refused.status, 503);
  assert.ok(performance.now() - started < 2000, 'refused at once');
  assert.equal(refused.headers.get('retry-after'), '60');
  assert.equal((await refused.json()).error.code, 'storage-full');
  const health = await fetch(`${service.url}/health`);
  assert.equal(health.status, 503);
  assert.match((await health.json()).reason, /^Disk nearly full: \d+ MB free, writes need 20 MB/);
  assert.equal((await fetch(`${service.url}/threads/disk%2Fthread/comments`)).status, 200, 'reads go on');

  rmSync(filler);
  assert.equal((await fetch(`${service.url}/health`)).status, 200);
  const retried = await post(service.url, 'disk/thread', comment('refused'), 'refused-1');
  assert.equal(retried.status, 202, 'the same post succeeds once space is back');
  acknowledged.push((await retried.json()).id);

  writeFileSync(filler, Buffer.alloc(free() - 10 * 2 ** 20));
  service.child.kill('SIGTERM');
  assert.equal(await service.exited, 0, 'SIGTERM stops it on a full disk');
  rmSync(filler);

  const again = await start(env);
  const queue = await (await fetch(`${again.url}/moderation/comments?limit=100`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
  assert.deepEqual(queue.comments.map((c: { id: string }) => c.id).sort(), acknowledged.sort(), 'every acknowledged comment, no other');
  again.child.kill('SIGTERM');
  assert.equal(await again.exited, 0);
});
