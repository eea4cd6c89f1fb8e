// The embedded database's folder: one process at a time, never re-initialised over data, and
// start-up failures that name the folder and the cause (server/data-dir.ts).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { claimDataDir, LOCK_FILE } from '../../server/data-dir.js';
import { comment, freshDataDir } from './helpers.js';
import { post, run, start, TOKEN } from './service-process.js';

const temp = mkdtempSync(join(tmpdir(), 'rw-data-dir-'));
after(() => rmSync(temp, { recursive: true, force: true }));

async function refused(dataDir: string, pattern: RegExp) {
  const r = run({ PORT: '0', MODERATOR_TOKEN: TOKEN, DATA_DIR: dataDir });
  assert.equal(await r.exited, 1, r.stderr());
  assert.match(r.stderr(), pattern);
  assert.ok(!/ErrnoError|at .*\.js:\d+/.test(r.stderr()), `a message, not a stack: ${r.stderr()}`);
  assert.equal(r.stdout(), '');
}

describe('data folder', { timeout: 300_000 }, () => {
  test('a second process on the same DATA_DIR is refused; after kill -9 the folder starts again', async () => {
    const dataDir = await freshDataDir();
    after(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await start({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0' });
    assert.equal((await post(first.url, 'lock/thread', comment('first'), 'lock-1')).status, 202);
    await refused(dataDir, new RegExp(`DATA_DIR ${dataDir} is in use by another comments service \\(pid ${first.child.pid} `));
    assert.equal((await fetch(`${first.url}/health`)).status, 200, 'the first one keeps running');

    first.child.kill('SIGKILL');
    await first.exited;
    const second = await start({ DATA_DIR: dataDir });
    const queue = await fetch(`${second.url}/moderation/comments`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal((await queue.json()).total, 1, 'the lock of a killed process does not block a restart');
    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0);
    assert.ok(!readdirSync(dataDir).includes('reading-widget.lock'), 'a clean stop removes the lock');
  });

  test('a folder with files but no PG_VERSION is refused, not rebuilt empty', async () => {
    const dataDir = await freshDataDir();
    after(() => rmSync(dataDir, { recursive: true, force: true }));
    rmSync(join(dataDir, 'PG_VERSION'));
    const files = readdirSync(dataDir).sort();
    await refused(dataDir, new RegExp(`DATA_DIR ${dataDir} is not empty but is not a database folder \\(missing PG_VERSION\\); refusing to initialise`));
    assert.deepEqual(readdirSync(dataDir).sort(), files, 'nothing written to the folder');
    writeFileSync(join(temp, 'placeholder'), '');
    await refused(join(temp, 'placeholder', 'data'), /DATA_DIR .*placeholder\/data \(or a folder above it\) is a file, not a folder/);
  });

  test('a damaged database is reported with its path', async () => {
    const dataDir = await freshDataDir();
    after(() => rmSync(dataDir, { recursive: true, force: true }));
    writeFileSync(join(dataDir, 'global', 'pg_control'), 'not a control file');
    await refused(dataDir, new RegExp(`DATA_DIR ${dataDir}: the database could not be opened .*damaged`));
  });
});

describe('the lock file', () => {
  const lockOf = (dir: string) => join(dir, LOCK_FILE);
  const fresh = () => mkdtempSync(join(temp, 'lock-'));

  test('a live owner is respected; a dead one, a reused pid or an earlier boot are taken over', async () => {
    const dir = fresh();
    const release = claimDataDir(dir);
    const mine = JSON.parse(readFileSync(lockOf(dir), 'utf8'));
    assert.equal(mine.pid, process.pid);
    release();
    assert.ok(!existsSync(lockOf(dir)));

    // A running process (this test's parent) owns it: refused.
    const live = { ...mine, pid: process.ppid, started: readFileSync(`/proc/${process.ppid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[19] };
    writeFileSync(lockOf(dir), JSON.stringify(live));
    assert.throws(() => claimDataDir(dir), new RegExp(`in use by another comments service \\(pid ${process.ppid} `));
    // The same pid with another start time is a reused pid: the owner is gone.
    for (const stale of [{ ...live, started: '1' }, { ...live, boot: 'an-earlier-boot' }, { ...live, pid: 2 ** 22 + 1 }, 'half-writ']) {
      writeFileSync(lockOf(dir), typeof stale === 'string' ? stale : JSON.stringify(stale));
      claimDataDir(dir)();
    }
    // Another host cannot be asked, so it is never taken over.
    writeFileSync(lockOf(dir), JSON.stringify({ ...live, host: 'another-host' }));
    assert.throws(() => claimDataDir(dir), /pid \d+ on another-host\)\. Run one process per folder; if that process is gone, delete/);
  });
});
