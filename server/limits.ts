/**
 * Bounds on slow clients. Node's defaults let a request take 300 s and hold its connection all that
 * time, and accept connections until the process runs out of file descriptors; a few hundred slow
 * senders then stop the service answering anyone. Here the headers must arrive within
 * HEADERS_TIMEOUT_SECONDS and the whole request within REQUEST_TIMEOUT_SECONDS (Node answers 408
 * and closes), and past MAX_CONNECTIONS new connections are closed at once while the open ones are
 * still served.
 */
import type { ServerOptions } from 'node:http';
import type { Config } from './config.js';

export function connectionLimits(config: Pick<Config, 'headersTimeoutMs' | 'requestTimeoutMs'>): ServerOptions {
  return {
    headersTimeout: config.headersTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    // Node checks both timeouts on this interval (30 s by default), which would stretch them.
    connectionsCheckingInterval: Math.min(1000, config.headersTimeoutMs / 2),
    keepAliveTimeout: 5000,
  };
}
