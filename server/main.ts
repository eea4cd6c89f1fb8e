/**
 * `npm run serve`: the comments service alone, configured by the environment (README.md, section "The comments service").
 * Prints exactly one line to stdout once listening: `comments service listening on http://HOST:PORT/api`.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { ConfigError, readConfig } from './config.js';
import { DatabaseUnavailable } from './db/db.js';
import { openDatabase } from './db/open.js';
import { Outbox } from './moderation/outbox.js';
import { Store } from './store.js';

let config;
try {
  config = readConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

let store: Store;
try {
  store = await Store.open(await openDatabase(config));
} catch (error) {
  if (!(error instanceof DatabaseUnavailable)) throw error;
  // The URL may hold a password: name the variable, not its value.
  const cause = error.cause as { message?: string; code?: string } | undefined;
  console.error(`comments service: cannot reach the PostgreSQL server of DATABASE_URL: ${cause?.message || cause?.code || error.message}`);
  process.exit(1);
}
store.outboxKinds = Outbox.kinds(config.notify);
const outbox = new Outbox(store.db, config.notify);
if (store.outboxKinds.length) outbox.start();

const app = createApp({
  store,
  moderatorToken: config.moderatorToken,
  allowedOrigins: config.allowedOrigins,
  rateLimitPerMinute: config.rateLimitPerMinute,
  trustProxy: config.trustProxy,
});

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info: AddressInfo) => {
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  console.log(`comments service listening on http://${host}:${info.port}/api`);
});
server.on('error', (error) => {
  console.error(`comments service could not listen on ${config.host}:${config.port}: ${error.message}`);
  void store.close().finally(() => process.exit(1));
});

let stopping = false;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.error(`comments service: ${signal}, closing`);
  // Stop accepting, let requests in flight finish, then close the database cleanly.
  const force = setTimeout(() => process.exit(1), 10_000).unref();
  server.close(() => {
    outbox.stop().then(() => store.close()).then(
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
