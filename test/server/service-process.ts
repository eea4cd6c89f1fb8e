// The service as real processes (`node --import tsx server/main.ts`), for the tests that need one or
// several of them (start-up checks, signals, logs, syscalls, several instances): spawn, collect the
// output, wait for the one start-up line; every child is killed at the end of the test file.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const LINE = /^comments service listening on (http:\/\/127\.0\.0\.1:\d+\/api)$/;
export const TOKEN = 'process-test-moderator-token-0123456789';
/** The service from its TypeScript sources, as the tests run it. */
export const FROM_SOURCE = [process.execPath, '--import', 'tsx', 'server/main.ts'];

export interface Child {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}
export interface Running extends Child {
  url: string;
}

const children = new Set<ChildProcess>();
after(() => {
  for (const child of children) child.kill('SIGKILL');
});

export function run(env: Record<string, string>, options: { command?: string[]; cwd?: string } = {}): Child {
  const [command, ...args] = options.command ?? FROM_SOURCE;
  const child = spawn(command, args, {
    cwd: options.cwd ?? root,
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

/** Waits for the start-up line; throws with the process's stderr if it exits first. */
export async function started(r: Child, timeoutMs = 120_000): Promise<Running> {
  const deadline = Date.now() + timeoutMs;
  while (!r.stdout().includes('\n')) {
    const code = await Promise.race([r.exited, new Promise((res) => setTimeout(res, 50, 'waiting'))]);
    if (code !== 'waiting') throw new Error(`service exited with ${code}: ${r.stderr()}`);
    if (Date.now() > deadline) throw new Error(`service did not start: ${r.stderr()}`);
  }
  const match = LINE.exec(r.stdout().split('\n')[0]);
  assert.ok(match, `start-up line: ${JSON.stringify(r.stdout())}`);
  return { ...r, url: match[1] };
}

export const start = (env: Record<string, string>, options: { command?: string[]; cwd?: string } = {}) =>
  started(run({ PORT: '0', MODERATOR_TOKEN: TOKEN, ...env }, options));

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
