/**
 * `npm start`: the demo in one process. Vite serves the demo pages and the sources; the comments
 * service is mounted at /api on the same origin (so no CORS), storing under DATA_DIR (./data).
 * A moderator token is generated and printed unless MODERATOR_TOKEN is set.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { createServer, type Plugin } from 'vite';
import { createApp } from '../server/app.js';
import { ConfigError, readConfig } from '../server/config.js';
import { DataDirError } from '../server/data-dir.js';
import { openDatabase } from '../server/db/open.js';
import { Store } from '../server/store.js';

const root = fileURLToPath(new URL('..', import.meta.url));

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

const commentsService: Plugin = {
  name: 'comments-service',
  // Registered directly (not in a returned hook), so it runs before Vite's own middlewares and
  // /api never reaches the static file server or the SPA fallback.
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
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
    });
  },
};

const vite = await createServer({
  root,
  // The build's configuration (its plugins transform the sources the same way in the demo).
  configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
  server: { port, host: process.env.HOST?.trim() || '127.0.0.1' },
  plugins: [commentsService],
});
await vite.listen();

const address = vite.httpServer?.address();
const host = process.env.HOST?.trim() || '127.0.0.1';
const base = typeof address === 'object' && address ? `http://${host.includes(':') ? `[${host}]` : host}:${address.port}` : `http://${host}:${port}`;
console.log(`
  reading-widget demo
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
  await vite.close().catch(() => {});
  await store.close().catch(() => {});
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
