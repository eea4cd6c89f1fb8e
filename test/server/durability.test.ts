// Acknowledged means on stable storage, on the embedded default too: PGlite itself never syncs, so
// the service's barrier (server/durability.ts) must fdatasync the WAL before each 202. Checked on
// the real process with strace, which sees every sync system call it makes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { StorageError, WalBarrier } from '../../server/durability.js';
import { comment, freshDataDir } from './helpers.js';
import { FROM_SOURCE, post, start } from './service-process.js';

const strace = spawnSync('strace', ['-V']).status === 0;
const temp = mkdtempSync(join(tmpdir(), 'rw-durability-'));
after(() => rmSync(temp, { recursive: true, force: true }));

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
/** fdatasync/fsync calls on a WAL segment in strace's log so far (`-y` prints each fd's path). */
const walSyncs = (log: string) => readFileSync(log, 'utf8').split('\n').filter((l) => /\b(fdatasync|fsync)\(\d+<[^>]*\/pg_wal\/[0-9A-F]{24}>\) = 0/.test(l)).length;

test('N sequential acknowledged posts make at least N syncs of the WAL', { skip: !strace && 'strace is not installed (Debian package strace; .ci/run installs it)', timeout: 180_000 }, async () => {
  const dataDir = await freshDataDir();
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  const log = join(temp, 'strace.log');
  const service = await start(
    { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0' },
    { command: ['strace', '-f', '-qq', '-y', '-e', 'trace=fsync,fdatasync', '-o', log, ...FROM_SOURCE] },
  );
  // Signals go to the service itself: strace, signalled, would detach and leave it running.
  const pid = Number(readFileSync(`/proc/${service.child.pid}/task/${service.child.pid}/children`, 'utf8').trim().split(' ')[0]);
  after(() => {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already stopped */
    }
  });
  await settle();
  const before = walSyncs(log);
  const N = 10;
  for (let i = 0; i < N; i++) {
    const answer = await post(service.url, 'durable/strace', comment(`synced ${i}`), `strace-${i}`);
    assert.equal(answer.status, 202);
  }
  await settle();
  const synced = walSyncs(log) - before;
  assert.ok(synced >= N, `${N} acknowledged posts, ${synced} syncs of a WAL segment`);
  process.kill(pid, 'SIGTERM');
  assert.equal(await service.exited, 0);
});

test('group commit: commits that arrive while a barrier runs share the next one', async () => {
  const dir = mkdtempSync(join(temp, 'barrier-'));
  mkdirSync(join(dir, 'pg_wal'));
  mkdirSync(join(dir, 'global'));
  writeFileSync(join(dir, 'pg_wal', '000000010000000000000001'), 'wal');
  writeFileSync(join(dir, 'global', 'pg_control'), 'control');
  const barrier = new WalBarrier(dir);
  await Promise.all(Array.from({ length: 10 }, () => barrier.sync()));
  assert.equal(barrier.stats.barriers, 2, 'the first commit starts a barrier; the nine behind it share one more');
  await barrier.sync();
  assert.equal(barrier.stats.barriers, 3);
  rmSync(join(dir, 'pg_wal'), { recursive: true });
  await assert.rejects(barrier.sync(), (error: unknown) => error instanceof StorageError && error.errno === 'ENOENT');
});
