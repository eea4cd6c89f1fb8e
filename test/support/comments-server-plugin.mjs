// A web-test-runner plugin that runs the REAL comments service for browser tests, each on its own
// temporary database. Tests drive it with `executeServerCommand('comments-server', {action, ...})`:
//   start   {origin, rateLimit?} → {id, endpoint, token}
//   stop    {id}  kills the process, keeps its folder and port (for "server went away" tests)
//   restart {id}  starts it again on the same port and folder
//   dispose {id}  kills it and removes its folder
//   wait    {id}  waits until it listens
// The browser gives up on a command after 20 s, and a fresh PGlite folder can take longer than that on
// a busy machine: start and restart answer within 15 s with `ready: false`, and the page then asks
// `wait` until the service listens (test/support/comments-server.ts does this).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LISTENING = /comments service listening on (http:\/\/\S+\/api)/;
const servers = new Map();
let nextId = 1;

function launch(server, port) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: server.dir,
        MODERATOR_TOKEN: server.token,
        ALLOWED_ORIGINS: server.origin,
        RATE_LIMIT_PER_MINUTE: String(server.rateLimit),
        NODE_ENV: 'test',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.child = child;
    let output = '';
    const timer = setTimeout(() => fail(new Error(`comments service did not start in 150 s:\n${output}`)), 150000);
    const fail = (error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    let listening = false;
    // Both pipes are read to the end, or a chatty service would block on a full pipe.
    const read = (chunk) => {
      output = (output + chunk).slice(-20000);
      const match = !listening && output.match(LISTENING);
      if (match) {
        listening = true;
        server.endpoint ??= match[1];
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', read);
    child.on('exit', (code) => {
      if (server.child === child) server.child = null;
      if (!listening) fail(new Error(`comments service exited (${code}):\n${output}`));
    });
  });
}

/** The server's address once it listens, or `ready: false` after 15 s (ask `wait` again). */
async function answer(server) {
  const late = new Promise((resolve) => setTimeout(resolve, 15000, 'late'));
  const outcome = await Promise.race([server.ready, late]);
  return { id: server.id, endpoint: server.endpoint, token: server.token, ready: outcome !== 'late' };
}

function kill(server) {
  const child = server.child;
  server.child = null;
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    // SIGKILL: the "server stopped mid-submit" tests want an abrupt death, like a crash.
    child.kill('SIGKILL');
  });
}

const actions = {
  async start({ origin, rateLimit = 0 }) {
    const server = {
      id: String(nextId++),
      dir: mkdtempSync(join(tmpdir(), 'rw-comments-')),
      token: randomBytes(18).toString('base64url'),
      origin: origin ?? '*',
      rateLimit,
      endpoint: null,
      child: null,
    };
    servers.set(server.id, server);
    server.ready = launch(server, 0);
    return answer(server);
  },
  wait({ id }) {
    return answer(servers.get(id));
  },
  async stop({ id }) {
    await kill(servers.get(id));
    return { id };
  },
  async restart({ id }) {
    const server = servers.get(id);
    await kill(server);
    server.ready = launch(server, new URL(server.endpoint).port);
    return answer(server);
  },
  async dispose({ id }) {
    const server = servers.get(id);
    if (!server) return { id };
    await kill(server);
    servers.delete(id);
    rmSync(server.dir, { recursive: true, force: true });
    return { id };
  },
};

function killAll() {
  for (const server of servers.values()) {
    server.child?.kill('SIGKILL');
    rmSync(server.dir, { recursive: true, force: true });
  }
  servers.clear();
}

export function commentsServerPlugin() {
  process.once('exit', killAll);
  return {
    name: 'comments-server',
    async executeCommand({ command, payload }) {
      if (command !== 'comments-server') return undefined;
      const action = actions[payload?.action];
      if (!action) throw new Error(`comments-server: unknown action ${payload?.action}`);
      if (payload.action !== 'start' && payload.action !== 'dispose' && !servers.has(payload.id)) {
        throw new Error(`comments-server: no server ${payload.id}`);
      }
      return action(payload);
    },
    serverStop() {
      killAll();
    },
  };
}
