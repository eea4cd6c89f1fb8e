// The comments service as a child process on a temporary PGlite folder, on 127.0.0.1 with a free
// port, exactly as a publisher runs it (`node --import tsx server/main.ts`).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MODERATOR_TOKEN = 'bench-moderator-token-0123456789abcdef';

export function serviceExists(root = process.cwd()) {
  return existsSync(join(root, 'server/main.ts'));
}

export async function startService({ root = process.cwd(), allowedOrigins = '', env = {} } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'rw-bench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      MODERATOR_TOKEN,
      RATE_LIMIT_PER_MINUTE: '0',
      ALLOWED_ORIGINS: allowedOrigins,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const api = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start in 60 s:\n${output}`)), 60000);
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/+$/, ''));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code}:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  const base = api.endsWith('/api') ? api : `${api}/api`;
  return {
    api: base,
    origin: new URL(base).origin,
    dataDir,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let keyCounter = 0;
export const uniqueKey = () => `bench-${process.pid}-${Date.now().toString(36)}-${++keyCounter}`;

async function json(response) {
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.status} ${text.slice(0, 200)}`);
  return JSON.parse(text);
}

export async function postComment(api, thread, comment) {
  const response = await fetch(`${api}/threads/${encodeURIComponent(thread)}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': uniqueKey() },
    body: JSON.stringify(comment),
  });
  return json(response);
}

export async function approve(api, id) {
  const response = await fetch(`${api}/moderation/comments/${encodeURIComponent(id)}/decision`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${MODERATOR_TOKEN}` },
    body: JSON.stringify({ decision: 'approve' }),
  });
  return json(response);
}

/** Seeds `count` approved comments through the real API and the moderation API, a few at a time. */
export async function seedApproved(api, thread, count, { concurrency = 8 } = {}) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const posted = await postComment(api, thread, {
        author: `Reader ${i + 1}`,
        email: `reader${i + 1}@example.org`,
        text: `Comment ${i + 1}: the library reopening is good news for the whole street, and I hope the evening hours are approved in April. ${'More thoughts follow. '.repeat(i % 4)}`.trim(),
      });
      await approve(api, posted.id);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
