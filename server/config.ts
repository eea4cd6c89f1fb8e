import { readNotifyConfig, type NotifyConfig } from './moderation/notify-config.js';

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
  notify: NotifyConfig;
}

export class ConfigError extends Error {
  constructor(public problems: string[]) {
    super(`Configuration error:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function whole(problems: string[], env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > max) {
    problems.push(`${name} must be a whole number from 0 to ${max} (got "${raw}").`);
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

export function readConfig(env: NodeJS.ProcessEnv = process.env, options: { requireToken?: boolean } = {}): Config {
  const problems: string[] = [];
  const moderatorToken = env.MODERATOR_TOKEN?.trim() ?? '';
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
    notify: readNotifyConfig(env, problems),
  };
  if (config.databasePoolSize === 0) problems.push('DATABASE_POOL_SIZE must be at least 1.');
  if (problems.length) throw new ConfigError(problems);
  return config;
}
