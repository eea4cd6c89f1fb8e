/**
 * `npm run serve`: the comments service alone, configured by the environment (README.md, section "The comments service").
 * Prints exactly one line to stdout once listening: `comments service listening on http://HOST:PORT/api`.
 * Everything else (JSON log lines, diagnostics) goes to stderr.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { ConfigError, readConfig } from './config.js';
import { DataDirError } from './data-dir.js';
import { connectionLimits } from './limits.js';
import { jsonLogger } from './log.js';
import { Metrics } from './metrics.js';
import { openPglite } from './pglite.js';
import { Store } from './store.js';

let config;
let db;
try {
  config = readConfig();
  db = await openPglite(config.dataDir, { minFreeDiskBytes: config.minFreeDiskBytes });
} catch (error) {
  if (!(error instanceof ConfigError || error instanceof DataDirError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const log = jsonLogger();
const store = await Store.open(db);
const app = createApp({
  store,
  moderatorToken: config.moderatorToken,
  allowedOrigins: config.allowedOrigins,
  rateLimitPerMinute: config.rateLimitPerMinute,
  trustProxy: config.trustProxy,
  log,
  metrics: new Metrics({ store, poolStats: db.poolStats?.bind(db), barrierStats: db.barrierStats }),
  metricsToken: config.metricsToken,
  backup: db.backup,
  health: db.health,
});

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host, serverOptions: connectionLimits(config) }, (info: AddressInfo) => {
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  console.log(`comments service listening on http://${host}:${info.port}/api`);
});
server.maxConnections = config.maxConnections;
server.on('error', (error) => {
  console.error(`comments service could not listen on ${config.host}:${config.port}: ${error.message}`);
  void store.close().finally(() => process.exit(1));
});

let stopping = false;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log.event(`comments service: ${signal}, closing`);
  // Stop accepting, let requests in flight finish, then close the database cleanly.
  const force = setTimeout(() => process.exit(1), 10_000).unref();
  server.close(() => {
    store.close().then(
      () => {
        clearTimeout(force);
        process.exit(0);
      },
      () => process.exit(1),
    );
  });
  (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
