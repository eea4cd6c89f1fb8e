// The ceiling for a JSON API on this machine: a plain Node `http` server in a child process of its
// own (as the service is), answering every request with one prebuilt body and the same headers.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const SERVER = `
const http = require('node:http');
const body = Buffer.from(process.env.CEILING_BODY, 'base64');
const headers = JSON.parse(process.env.CEILING_HEADERS);
http.createServer((req, res) => { res.writeHead(200, { ...headers, 'content-length': body.length }); res.end(body); })
  .listen(0, '127.0.0.1', function () { console.log('listening on http://127.0.0.1:' + this.address().port); });
`;

export async function startCeiling(body, headers) {
  const child = spawn(process.execPath, ['-e', SERVER], {
    env: { ...process.env, CEILING_BODY: Buffer.from(body).toString('base64'), CEILING_HEADERS: JSON.stringify(headers) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`ceiling server exited with ${code}`)));
  });
  child.removeAllListeners('exit');
  return { url, pid: child.pid, stop: () => child.kill('SIGKILL') };
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc). */
export function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in 1/100 s ticks
}
