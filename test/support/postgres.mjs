// A throwaway PostgreSQL server for the tests and the bench: Debian's server binaries
// (/usr/lib/postgresql/N/bin, not on PATH), a temporary folder, a free loopback port and a socket
// directory of its own. initdb refuses to run as root, so as root the server runs as `postgres`.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The newest installed server's bin folder, or null. */
export function findPostgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

let databases = 0;
/** A new, empty database on the server that `adminUrl` points to; resolves its URL. */
export async function createDatabase(adminUrl) {
  const name = `rw_test_${process.pid}_${++databases}_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Starts a server (about 3-5 s). `stopServer()`/`startServer()` stop it (`pg_ctl stop -m fast`) and
 * start it again on the same port and data, as an outage would; `stop()` ends it and removes its folder.
 */
export async function startPostgres() {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (Debian package "postgresql")');
  const dir = mkdtempSync(join(tmpdir(), 'rw-postgres-'));
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? { uid: Number(execFileSync('id', ['-u', 'postgres'])), gid: Number(execFileSync('id', ['-g', 'postgres'])) } : {};
  if (asRoot) chownSync(dir, owner.uid, owner.gid);
  const exec = (tool, args) => run(join(bin, tool), args, { ...owner, cwd: dir, env: { PATH: process.env.PATH, LANG: 'C', LC_ALL: 'C' } });
  const data = join(dir, 'data');
  const port = await freePort();
  await exec('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300`;
  const pgCtl = async (...args) => {
    try {
      await exec('pg_ctl', ['-D', data, '-w', '-t', '60', ...args]);
    } catch (error) {
      const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8').slice(-2000) : '';
      throw new Error(`pg_ctl ${args[0]} failed: ${error.message}\n${log}`);
    }
  };
  const startServer = () => pgCtl('-l', join(dir, 'log'), '-o', options, 'start');
  const stopServer = () => pgCtl('-m', 'fast', 'stop');
  await startServer();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    port,
    /** The server's processes (postmaster first), e.g. to freeze them with SIGSTOP. */
    pids() {
      const main = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      const children = execFileSync('pgrep', ['-P', String(main)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
      return [main, ...children];
    },
    createDatabase: () => createDatabase(url),
    startServer,
    stopServer,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pgCtl('-m', 'immediate', 'stop').catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
    /** For an `exit` handler, where nothing asynchronous runs any more. */
    stopSync() {
      if (stopped) return;
      stopped = true;
      try {
        execFileSync(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'], { ...owner, stdio: 'ignore' });
      } catch {
        /* already stopped */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
