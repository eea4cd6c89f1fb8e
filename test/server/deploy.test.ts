// The README's deploy recipe on a fresh clone of the committed tree:
// `npm ci && npm run build && npm prune --omit=dev && npm run serve`, then a post and a health check.
// `npm ci` is replaced by hard links to this checkout's node_modules (installing takes minutes
// here); the prune that follows is real, so what is left is exactly what production has.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { comment } from './helpers.js';
import { post, root, start } from './service-process.js';

const temp = mkdtempSync(join(tmpdir(), 'rw-deploy-'));
after(() => rmSync(temp, { recursive: true, force: true }));

const sh = (cwd: string, command: string, args: string[]) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });

/** Every package name in an `npm ls --json` tree. */
function names(tree: { dependencies?: Record<string, any> }, into = new Set<string>()): Set<string> {
  for (const [name, node] of Object.entries(tree.dependencies ?? {})) {
    into.add(name);
    names(node, into);
  }
  return into;
}

test('a fresh clone builds, prunes its development tools and serves with plain node', { timeout: 600_000 }, async () => {
  const clone = join(temp, 'clone');
  const head = sh(root, 'git', ['rev-parse', 'HEAD']).trim();
  sh(temp, 'git', ['clone', '--quiet', '--no-checkout', root, clone]);
  sh(clone, 'git', ['checkout', '--quiet', head]);
  sh(root, 'cp', ['-al', join(root, 'node_modules'), join(clone, 'node_modules')]);
  // npm rewrites its own bookkeeping files in place: give the clone copies, not links.
  for (const entry of readdirSync(join(clone, 'node_modules')).filter((e) => e.startsWith('.'))) {
    rmSync(join(clone, 'node_modules', entry), { recursive: true, force: true });
    cpSync(join(root, 'node_modules', entry), join(clone, 'node_modules', entry), { recursive: true });
  }

  sh(clone, 'npm', ['run', 'build']);
  assert.ok(existsSync(join(clone, 'server/dist/main.js')), 'the service is compiled to server/dist/main.js');
  sh(clone, 'npm', ['prune', '--omit=dev', '--no-audit', '--no-fund']);

  const manifest = JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8'));
  const dev = new Set(Object.keys(manifest.devDependencies));
  const installed = names(JSON.parse(sh(clone, 'npm', ['ls', '--omit=dev', '--all', '--json'])));
  assert.deepEqual([...installed].filter((n) => dev.has(n)), [], 'no development dependency is installed');
  for (const tool of ['tsx', 'typescript', 'vite', 'esbuild']) assert.ok(!existsSync(join(clone, 'node_modules', tool)), `${tool} was pruned`);
  assert.deepEqual(Object.keys(manifest.dependencies).sort(), ['dompurify', 'lit'], 'the elements bring only what the browser needs');

  const service = await start({ DATA_DIR: join(temp, 'data'), RATE_LIMIT_PER_MINUTE: '0' }, { command: ['npm', 'run', '--silent', 'serve'], cwd: clone });
  const health = await fetch(`${service.url}/health`);
  assert.equal(health.status, 200);
  const posted = await post(service.url, 'deploy/thread', comment('deployed'), 'deploy-key');
  assert.equal(posted.status, 202);
  assert.equal((await posted.json()).status, 'pending');
  // `exec` in the script: npm's signal reaches the service itself, not a shell that would leave it running.
  service.child.kill('SIGTERM');
  assert.equal(await service.exited, 0);
  assert.match(service.stderr(), /SIGTERM, closing/);
  await assert.rejects(fetch(`${service.url}/health`), 'the service stopped with npm');
});
