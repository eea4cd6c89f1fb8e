// The bench's own tiny static server on 127.0.0.1 (port 0): dist/ (or `distDir`) at /dist/, the floor bundle at
// /floor/, bench/pages/ at /. Pages written as modules (bench/pages/*.mjs exporting `render(query)`)
// are rendered per request, so one template gives both the widget page and its floor twin; so are
// JSON documents (a .json address with a module of the same name).
// `?delay=MS` on any file holds the response back, to model a script that arrives late.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

export async function startStaticServer({ root = process.cwd(), floorDir, distDir = resolve(root, 'dist'), context = {} } = {}) {
  const mounts = [
    ['/dist/', distDir],
    ['/floor/', floorDir],
    ['/', resolve(root, 'bench/pages')],
  ].filter(([, dir]) => dir);

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const delay = Number(url.searchParams.get('delay')) || 0;
    if (delay) await new Promise((r) => setTimeout(r, delay));
    try {
      const [prefix, dir] = mounts.find(([p]) => url.pathname.startsWith(p));
      const rel = normalize(decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html');
      if (rel.startsWith('..')) return send(res, 403, 'forbidden');
      const file = join(dir, rel);
      const template = file.replace(/\.(html|json)$/, '.mjs');
      if (prefix === '/' && /\.(html|json)$/.test(file) && existsSync(template)) {
        const { render } = await import(pathToFileURL(template).href);
        return send(res, 200, render(Object.fromEntries(url.searchParams), context), TYPES[extname(file)]);
      }
      if (!existsSync(file) || !statSync(file).isFile()) return send(res, 404, 'not found');
      send(res, 200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
    } catch (error) {
      send(res, 500, String(error?.stack ?? error));
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    context,
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
  };
}

function send(res, status, body, type = 'text/plain; charset=utf-8') {
  // no-store: every run starts cold, like a first visit; no 304s between runs.
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}
