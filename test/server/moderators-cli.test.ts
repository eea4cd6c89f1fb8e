// `npm run moderators`: the administrator's command, on the service's own database (both backends).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { BACKEND, freshDatabase } from './helpers.js';
import { start, TOKEN } from './service-process.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const exec = promisify(execFile);
const cli = (env: Record<string, string>, ...args: string[]) =>
  exec(process.execPath, ['--import', 'tsx', 'server/cli/moderators.ts', ...args], { cwd: root, env: { PATH: process.env.PATH, ...env } }).then(
    (r) => ({ code: 0, ...r }),
    (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
  );

test('add prints a secret once that the running service accepts; list; remove ends it at once', async () => {
  const db = await freshDatabase();
  try {
    const added = await cli(db.env, 'add', 'Rozhan', '--email', 'rozhan@news.example');
    assert.equal(added.code, 0, added.stderr);
    const secret = /^(rwm_\S+)$/m.exec(added.stdout)![1];
    const id = /\(id (\S+)\)/.exec(added.stdout)![1];
    const listed = await cli(db.env, 'list');
    assert.match(listed.stdout, new RegExp(`^${id}\\tRozhan\\trozhan@news\\.example\\t`, 'm'));
    assert.ok(!listed.stdout.includes(secret));

    const service = await start(db.env);
    const me = await fetch(`${service.url}/moderation/me`, { headers: { authorization: `Bearer ${secret}` } });
    assert.deepEqual(await me.json(), { id, name: 'Rozhan', role: 'moderator' });
    if (BACKEND === 'postgres') {
      // A server database is shared: the command works while the service runs, and takes effect at once.
      const removed = await cli(db.env, 'remove', id);
      assert.equal(removed.code, 0, removed.stderr);
      assert.equal((await fetch(`${service.url}/moderation/me`, { headers: { authorization: `Bearer ${secret}` } })).status, 401);
    } else {
      // The embedded database allows one process per folder: the command says who holds it.
      const port = new URL(service.url).port;
      const refused = await cli({ ...db.env, PORT: port }, 'remove', id);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, new RegExp(`The comments service running at http://127\\.0\\.0\\.1:${port}/api holds the data folder`));
      assert.match(refused.stderr, /POST http:\/\/127\.0\.0\.1:\d+\/api\/moderation\/moderators/);
      const viaApi = await fetch(`${service.url}/moderation/moderators/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(viaApi.status, 204);
      assert.equal((await fetch(`${service.url}/moderation/me`, { headers: { authorization: `Bearer ${secret}` } })).status, 401);
    }
    service.child.kill('SIGTERM');
    await service.exited;
  } finally {
    db.remove();
  }
});

test('usage mistakes are explained', async () => {
  const db = await freshDatabase();
  try {
    assert.match((await cli(db.env)).stderr, /Usage:/);
    assert.match((await cli(db.env, 'add', 'X', '--email', 'nope')).stderr, /--email must be an email address/);
    assert.match((await cli(db.env, 'remove', 'missing')).stderr, /There is no moderator with id missing/);
  } finally {
    db.remove();
  }
});
