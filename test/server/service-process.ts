// The service as real processes (`node --import tsx server/main.ts`), for the tests that need
// one or several of them: started on a free port, killed at the end of the test file.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const LINE = /^comments service listening on (http:\/\/127\.0\.0\.1:\d+\/api)$/;
export const TOKEN = 'process-test-moderator-token';
const children = new Set<ChildProcess>();
after(() => {
  for (const child of children) child.kill('SIGKILL');
});

export interface Running {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

export function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

export async function start(env: Record<string, string>): Promise<Running> {
  const r = run({ PORT: '0', MODERATOR_TOKEN: TOKEN, ...env });
  const deadline = Date.now() + 120_000;
  while (!r.stdout().includes('\n')) {
    const code = await Promise.race([r.exited, new Promise((res) => setTimeout(res, 50, 'waiting'))]);
    if (code !== 'waiting') throw new Error(`service exited with ${code}: ${r.stderr()}`);
    if (Date.now() > deadline) throw new Error(`service did not start: ${r.stderr()}`);
  }
  const match = LINE.exec(r.stdout().trimEnd());
  assert.ok(match, `start-up line: ${JSON.stringify(r.stdout())}`);
  return { ...r, url: match[1] };
}

export const post = (base: string, thread: string, body: unknown, key: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/threads/${encodeURIComponent(thread)}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, ...headers },
    body: JSON.stringify(body),
  });

export const decide = (base: string, id: string, body: unknown) =>
  fetch(`${base}/moderation/comments/${id}/decision`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(body),
  });

/** Every comment of one status, all pages. */
export async function queue(base: string, status: string) {
  const all: any[] = [];
  let cursor = '';
  do {
    const r = await fetch(`${base}/moderation/comments?status=${status}&limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(r.status, 200);
    const page = await r.json();
    all.push(...page.comments);
    cursor = page.nextCursor ?? '';
  } while (cursor);
  return all;
}
