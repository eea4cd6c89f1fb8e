/**
 * Reads the service's configuration from the environment. Every mistake is reported at once, by
 * variable name, so a deployment fails at start rather than at the first request.
 */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** A PostgreSQL server (`postgres://user@host:port/db`); null: PGlite in `dataDir`. */
  databaseUrl: string | null;
  databasePoolSize: number;
  moderatorToken: string;
  allowedOrigins: string[];
  rateLimitPerMinute: number;
  trustProxy: boolean;
  /** Bearer token for `GET /api/metrics`; empty: metrics are open (keep the port private then). */
  metricsToken: string;
  /** Open connections accepted at once; keep it below the process's file limit (`ulimit -n`). */
  maxConnections: number;
  /** Time a client has to send its request headers, and its whole request, in milliseconds. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Writes stop (503) while the data folder's file system has less free space than this. */
  minFreeDiskBytes: number;
}

export class ConfigError extends Error {
  constructor(public problems: string[]) {
    super(`Configuration error:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function whole(problems: string[], env: NodeJS.ProcessEnv, name: string, fallback: number, max: number, min = 0): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > max || Number(raw) < min) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
    return fallback;
  }
  return Number(raw);
}

export function parseOrigins(raw: string | undefined, problems: string[] = []): string[] {
  const origins = (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const origin of origins) {
    if (origin === '*') continue;
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      /* reported below */
    }
    if (!parsed || parsed.origin !== origin.replace(/\/$/, '') || !/^https?:$/.test(parsed.protocol)) {
      problems.push(`ALLOWED_ORIGINS: "${origin}" is not an origin like https://news.example (scheme, host and port only).`);
    }
  }
  return origins.map((o) => o.replace(/\/$/, ''));
}

function databaseUrl(problems: string[], raw: string | undefined): string | null {
  const value = raw?.trim() ?? '';
  if (!value) return null;
  let ok = false;
  try {
    ok = /^postgres(ql)?:$/.test(new URL(value).protocol);
  } catch {
    /* reported below */
  }
  // The value may hold a password: never echo it.
  if (!ok) problems.push('DATABASE_URL must be a PostgreSQL URL like postgres://user@host:5432/comments.');
  return value;
}

/** Production needs a token no one can guess; development may use a short one. */
export const MIN_PRODUCTION_TOKEN = 32;

function secret(problems: string[], env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim() ?? '';
  if (/\s/.test(value)) {
    problems.push(`${name} must not contain spaces or line breaks (clients send it in one Authorization header).`);
  } else if (value && env.NODE_ENV === 'production' && value.length < MIN_PRODUCTION_TOKEN) {
    problems.push(`${name} must be at least ${MIN_PRODUCTION_TOKEN} characters with NODE_ENV=production (got ${value.length}); e.g. \`openssl rand -base64 32\`.`);
  }
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, options: { requireToken?: boolean } = {}): Config {
  const problems: string[] = [];
  const moderatorToken = secret(problems, env, 'MODERATOR_TOKEN');
  if (!moderatorToken && options.requireToken !== false) {
    problems.push('MODERATOR_TOKEN is required: set it to a long random secret, e.g. `openssl rand -base64 32`.');
  }
  const trust = env.TRUST_PROXY?.trim() ?? '';
  if (trust !== '' && trust !== '0' && trust !== '1') problems.push(`TRUST_PROXY must be 1 or 0 (got "${trust}").`);
  const config: Config = {
    port: whole(problems, env, 'PORT', 8787, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir: env.DATA_DIR?.trim() || './data',
    databaseUrl: databaseUrl(problems, env.DATABASE_URL),
    databasePoolSize: whole(problems, env, 'DATABASE_POOL_SIZE', 10, 1000),
    moderatorToken,
    allowedOrigins: parseOrigins(env.ALLOWED_ORIGINS, problems),
    rateLimitPerMinute: whole(problems, env, 'RATE_LIMIT_PER_MINUTE', 6, 1_000_000),
    trustProxy: trust === '1',
    metricsToken: secret(problems, env, 'METRICS_TOKEN'),
    maxConnections: whole(problems, env, 'MAX_CONNECTIONS', 1000, 1_000_000, 1),
    headersTimeoutMs: whole(problems, env, 'HEADERS_TIMEOUT_SECONDS', 10, 3600, 1) * 1000,
    requestTimeoutMs: whole(problems, env, 'REQUEST_TIMEOUT_SECONDS', 30, 3600, 1) * 1000,
    minFreeDiskBytes: whole(problems, env, 'MIN_FREE_DISK_MB', 64, 1_000_000, 17) * 2 ** 20,
  };
  if (config.databasePoolSize === 0) problems.push('DATABASE_POOL_SIZE must be at least 1.');
  if (config.requestTimeoutMs < config.headersTimeoutMs) {
    problems.push('REQUEST_TIMEOUT_SECONDS must be at least HEADERS_TIMEOUT_SECONDS (the headers are part of the request).');
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}
