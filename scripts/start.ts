/**
 * `npm start`: the demo in one process, as a publisher ships it. It builds dist/ (the build of
 * `npm run build`, without the declarations), then serves demo/ and dist/ as plain files; the
 * demo pages load /dist/reading-widget.js and /dist/reading-widget.css. The comments service is
 * mounted at /api on the same origin (so no CORS), storing under DATA_DIR (./data).
 * A moderator token is generated and printed unless MODERATOR_TOKEN is set.
 *
 * `npm start -- --dev`: Vite's development server instead, with the sources behind the same
 * /dist/ URLs (Lit in development mode, edits reload), nothing built.
 */
import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { createBuilder, createServer, type Plugin, type ViteDevServer } from 'vite';
import { createApp } from '../server/app.js';
import { ConfigError, readConfig } from '../server/config.js';
import { DataDirError } from '../server/data-dir.js';
import { openDatabase } from '../server/db/open.js';
import { Store } from '../server/store.js';
import { staticFiles } from './static-files.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));
const dev = process.argv.slice(2).includes('--dev');

let config;
try {
  // The service's own variables apply; only PORT means the demo server's port here.
  config = readConfig({ ...process.env, PORT: undefined }, { requireToken: false });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const generated = !config.moderatorToken;
const moderatorToken = config.moderatorToken || randomBytes(24).toString('base64url');
const port = Number(process.env.PORT || 5173);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a whole number from 0 to 65535 (got "${process.env.PORT}").`);
  process.exit(1);
}

const store = await Store.open(
  await openDatabase(config).catch((error) => {
    if (!(error instanceof DataDirError)) throw error;
    console.error(error.message); // a second `npm start` on ./data, or a damaged folder
    process.exit(1);
  }),
);
const app = createApp({
  store,
  moderatorToken,
  rateLimitPerMinute: config.rateLimitPerMinute,
  allowedOrigins: config.allowedOrigins,
  trustProxy: config.trustProxy,
});
const handle = getRequestListener(app.fetch);

/** The service at /api and / sent to the demo, in front of whichever server serves the files. */
function route(req: IncomingMessage, res: ServerResponse, next: () => void) {
  const url = req.url ?? '/';
  if (url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')) {
    void handle(req, res);
    return;
  }
  if (url === '/' || url.startsWith('/?')) {
    res.statusCode = 302;
    res.setHeader('Location', '/demo/');
    res.end();
    return;
  }
  next();
}

/** Development: the bundles' URLs answered from the sources. */
const SOURCES: Record<string, string> = { '/dist/reading-widget.js': '/src/reading-widget.ts', '/dist/rw-moderation.js': '/src/moderation.ts' };
const commentsService: Plugin = {
  name: 'comments-service',
  // Registered directly (not in a returned hook), so it runs before Vite's own middlewares and
  // /api never reaches the static file server or the SPA fallback.
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      const source = SOURCES[(req.url ?? '').split('?')[0]!];
      if (source) req.url = source;
      route(req, res, next);
    });
  },
};

const host = process.env.HOST?.trim() || '127.0.0.1';
let vite: ViteDevServer | undefined;
let server: Server;
if (dev) {
  vite = await createServer({
    root,
    // The build's configuration (its plugins transform the sources the same way in the demo).
    configFile,
    server: { port, host },
    plugins: [commentsService],
  });
  await vite.listen();
  server = vite.httpServer as Server;
} else {
  console.log('  building dist/ (npm start -- --dev serves the sources instead)');
  await (await createBuilder({ root, configFile, logLevel: 'warn' })).buildApp();
  const files = staticFiles(root, ['demo', 'dist']);
  server = createHttpServer((req, res) =>
    route(req, res, () => files(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    })),
  );
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
}

const address = server.address();
const base = typeof address === 'object' && address ? `http://${host.includes(':') ? `[${host}]` : host}:${address.port}` : `http://${host}:${port}`;
console.log(`
  reading-widget demo (${dev ? 'development: the sources, through Vite' : 'the built dist/, as deployed'})
  Demo page:        ${base}/demo/
  Moderation page:  ${base}/demo/moderate.html
  Comments API:     ${base}/api
  Moderator token:  ${moderatorToken}${generated ? '   (generated for this run; set MODERATOR_TOKEN to keep one)' : ''}
  Database:         ${config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : config.dataDir}
`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  if (vite) await vite.close().catch(() => {});
  else await new Promise((resolve) => {
    server.close(resolve);
    server.closeAllConnections();
  });
  await store.close().catch(() => {});
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
