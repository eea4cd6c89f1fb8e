// A web-test-runner plugin that runs the REAL comments service for browser tests, each on its own
// temporary database. Tests drive it with `executeServerCommand('comments-server', {action, ...})`:
//   start   {origin, rateLimit?} → {id, endpoint, token}
//   stop    {id}  kills the process, keeps its folder and port (for "server went away" tests)
//   restart {id}  starts it again on the same port and folder
//   dispose {id}  kills it and removes its folder
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
    const timer = setTimeout(() => fail(new Error(`comments service did not start in 30 s:\n${output}`)), 30000);
    const fail = (error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const read = (chunk) => {
      output += chunk;
      const match = output.match(LISTENING);
      if (match && !server.endpoint) server.endpoint = match[1];
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', read);
        resolve();
      }
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      if (server.child === child) server.child = null;
      if (!server.endpoint || !LISTENING.test(output)) fail(new Error(`comments service exited (${code}):\n${output}`));
    });
  });
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
    await launch(server, 0);
    return { id: server.id, endpoint: server.endpoint, token: server.token };
  },
  async stop({ id }) {
    await kill(servers.get(id));
    return { id };
  },
  async restart({ id }) {
    const server = servers.get(id);
    await kill(server);
    await launch(server, new URL(server.endpoint).port);
    return { id, endpoint: server.endpoint, token: server.token };
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
