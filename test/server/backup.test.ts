// `npm run backup -- FILE` while the service runs and takes posts, then `npm run restore -- FILE`
// into a new folder: every comment acknowledged before the backup is there, with its decision.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { comment, freshDataDir } from './helpers.js';
import { post, run, start, TOKEN } from './service-process.js';

const temp = mkdtempSync(join(tmpdir(), 'rw-backup-'));
after(() => rmSync(temp, { recursive: true, force: true }));
const tool = (name: string) => [process.execPath, '--import', 'tsx', `server/${name}.ts`];
const moderation = (base: string, status: string) =>
  fetch(`${base}/moderation/comments?status=${status}&limit=100`, { headers: { authorization: `Bearer ${TOKEN}` } }).then((r) => r.json());

test('a backup taken while the service runs restores into a working database', { timeout: 300_000 }, async () => {
  const dataDir = await freshDataDir();
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  const service = await start({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0' });
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push((await (await post(service.url, 'backup/thread', comment(`kept ${i}`), `backup-${i}`)).json()).id);
  const approved = await fetch(`${service.url}/moderation/comments/${ids[0]}/decision`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ decision: 'approve' }),
  });
  assert.equal(approved.status, 200);

  // Posts keep arriving while the backup runs; the copy must still open as a whole database.
  const file = join(temp, 'comments.tar.gz');
  const port = new URL(service.url).port;
  const during = Array.from({ length: 5 }, (_, i) => post(service.url, 'backup/thread', comment(`during ${i}`), `during-${i}`));
  const backup = run({ MODERATOR_TOKEN: TOKEN, PORT: port }, { command: [...tool('backup'), file] });
  assert.equal(await backup.exited, 0, backup.stderr());
  for (const answer of await Promise.all(during)) assert.equal(answer.status, 202);
  assert.match(backup.stderr(), /comments\.tar\.gz written \(\d+ bytes\)/);

  const wrong = run({ MODERATOR_TOKEN: 'not-the-token', PORT: port }, { command: [...tool('backup'), join(temp, 'denied.tar.gz')] });
  assert.equal(await wrong.exited, 1);
  assert.match(wrong.stderr(), /answered 401/);
  service.child.kill('SIGTERM');
  assert.equal(await service.exited, 0);

  // A restore never overwrites: a folder with anything in it is refused.
  const restored = join(temp, 'restored');
  const refused = run({ DATA_DIR: dataDir }, { command: [...tool('restore'), file] });
  assert.equal(await refused.exited, 1);
  assert.match(refused.stderr(), /is not empty; a restore goes into an empty or absent folder/);

  const restore = run({ DATA_DIR: restored }, { command: [...tool('restore'), file] });
  assert.equal(await restore.exited, 0, restore.stderr());
  assert.match(restore.stderr(), /restored into .* \(\d+ comments\)/);
  assert.ok(!existsSync(join(restored, 'reading-widget.lock')), 'the restored folder is not locked by the old service');

  const again = await start({ DATA_DIR: restored });
  const pending = await moderation(again.url, 'pending');
  const approvedList = await moderation(again.url, 'approved');
  assert.deepEqual(approvedList.comments.map((c: { id: string }) => c.id), [ids[0]]);
  const kept = new Set(pending.comments.map((c: { id: string }) => c.id));
  for (const id of ids.slice(1)) assert.ok(kept.has(id), `comment ${id} acknowledged before the backup is restored`);
  assert.equal((await post(again.url, 'backup/thread', comment('after restore'), 'after-restore')).status, 202, 'the restored database takes writes');
  again.child.kill('SIGTERM');
  assert.equal(await again.exited, 0);
});
