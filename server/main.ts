/**
 * `npm run serve`: the comments service alone, configured by the environment (README.md, section "The comments service").
 * Prints exactly one line to stdout once listening: `comments service listening on http://HOST:PORT/api`.
 * Everything else (JSON log lines, diagnostics) goes to stderr.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { ConfigError, readConfig, type Config } from './config.js';
import { DataDirError } from './data-dir.js';
import { DatabaseUnavailable, type Db } from './db/db.js';
import { openDatabase } from './db/open.js';
import { connectionLimits } from './limits.js';
import { jsonLogger } from './log.js';
import { Metrics } from './metrics.js';
import { Store } from './store.js';

let config: Config;
let db: Db;
let store: Store;
try {
  config = readConfig();
  db = await openDatabase(config);
  store = await Store.open(db);
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirError) {
    console.error(error.message);
    process.exit(1);
  }
  if (!(error instanceof DatabaseUnavailable)) throw error;
  // The URL may hold a password: name the variable, not its value.
  const cause = error.cause as { message?: string; code?: string } | undefined;
  console.error(`comments service: cannot reach the PostgreSQL server of DATABASE_URL: ${cause?.message || cause?.code || error.message}`);
  process.exit(1);
}

const log = jsonLogger();
const app = createApp({
  store,
  moderatorToken: config.moderatorToken,
  allowedOrigins: config.allowedOrigins,
  rateLimitPerMinute: config.rateLimitPerMinute,
  trustProxy: config.trustProxy,
  log,
  metrics: new Metrics({ store, poolStats: db.poolStats?.bind(db), barrierStats: db.barrierStats?.bind(db) }),
  metricsToken: config.metricsToken,
  backup: db.backup?.bind(db),
  health: db.health?.bind(db),
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
