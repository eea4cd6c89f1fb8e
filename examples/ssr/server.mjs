// `node examples/ssr/server.mjs [port]`: serves one server-rendered article page at /, and the
// modules its import map names from node_modules/ (and this package's dist/lib/).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { renderPage } from './render-page.mjs';

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };

// The publisher's own (trusted) article HTML for the card's slots.
const article = `<h1 slot="headline">Rivers return to the city</h1>
<span slot="byline">A. Writer</span>
<time slot="date" datetime="2026-03-14">14 March 2026</time>
<p>For a century the river ran under the streets. This spring it runs in the open again.</p>
<p>Engineers removed the concrete lid in stages, so the old bridges could stay.</p>`;
const related = `<h2 slot="headline">The old bridges, one by one</h2>
<time slot="date" datetime="2026-03-15"></time>
<p>Seven bridges, four centuries.</p>`;

// The second card formats its date in the page's language: that happens once it has hydrated.
export const sampleContent = html`<rw-article>${unsafeHTML(article)}</rw-article>
  <rw-article format-date heading-level="2">${unsafeHTML(related)}</rw-article>`;

/** Serves `/` rendered and `/node_modules/…` (the package itself at `/node_modules/reading-widget/`). */
export function startServer({ port = 0, nodeModules = join(process.cwd(), 'node_modules'), packageRoot } = {}) {
  // The package's own folder: installed, it is node_modules/reading-widget; in this repository, the root.
  const pkg = packageRoot ?? join(dirname(fileURLToPath(import.meta.resolve('reading-widget'))), '../..');
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    try {
      if (path === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(await renderPage({ title: 'A server-rendered article', content: sampleContent }));
      }
      const rest = normalize(path.replace(/^\/node_modules\//, ''));
      if (!path.startsWith('/node_modules/') || rest.startsWith('..')) throw Object.assign(new Error(), { code: 'ENOENT' });
      const own = rest.startsWith(`reading-widget${sep}`);
      const file = own ? join(pkg, rest.slice('reading-widget/'.length)) : join(nodeModules, rest);
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': `${TYPES[extname(file)] ?? 'application/octet-stream'}; charset=utf-8` });
      res.end(body);
    } catch (error) {
      res.writeHead(error.code === 'ENOENT' || error.code === 'EISDIR' ? 404 : 500).end();
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startServer({ port: Number(process.argv[2] ?? 8080) });
  console.log(`http://127.0.0.1:${server.address().port}/`);
}
