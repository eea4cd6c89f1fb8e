/**
 * The files of the demo as a publisher's web server would send them: `npm start` serves the repository
 * root (demo/ and the built dist/) with this, gzip for text and a content type for each file.
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves files under `root`, only from the listed top-level folders; a folder's index.html for its path. */
export function staticFiles(root: string, folders: readonly string[]) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const rel = normalize(path).replace(/^[/\\]+/, '');
    if (rel.startsWith('..') || !folders.includes(rel.split(sep)[0]!)) return next();
    let file = join(root, rel);
    let stat = statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { location: `${path}/` }).end();
        return;
      }
      file = join(file, 'index.html');
      stat = statSync(file, { throwIfNoEntry: false });
    }
    if (!stat?.isFile()) return next();
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const gzip = /^(text|application\/json|image\/svg)/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding']));
    res.writeHead(200, {
      'content-type': type,
      // Hashed chunks never change; everything else is revalidated (the demo is edited in place).
      'cache-control': /[/\\]chunks[/\\]/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : { 'content-length': stat.size }),
    });
    if (req.method === 'HEAD') return void res.end();
    const stream = createReadStream(file);
    (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
  };
}
