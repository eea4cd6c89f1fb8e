// `npm start` as a publisher runs it, in a child process: it builds dist/ and serves the demo
// with the comments service at /api, on a free port, storing in a temporary folder.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Starts it; resolves with the server's base URL (`http://host:port`) and `stop()`. */
export async function startDemo(root, env = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'rw-start-'));
  const child = spawn('npm', ['start'], { cwd: root, env: { ...process.env, PORT: '0', DATA_DIR: dataDir, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  let output = '';
  try {
    const base = await new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`npm start printed no demo URL in 90 s:\n${output}`)), 90000);
      const read = (chunk) => {
        output += chunk;
        const url = output.match(/Demo page:\s+(http:\/\/\S+?)\/demo\//)?.[1];
        if (url) done(url, clearTimeout(timer));
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('exit', (code) => fail(new Error(`npm start exited with ${code}:\n${output}`)));
    });
    const token = output.match(/Moderator token:\s+(\S+)/)?.[1];
    return { base, token, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
