/**
 * `npm run moderators -- add "Name" [--email ADDRESS] | list | remove ID`: manages named
 * moderators on the service's own database (DATABASE_URL, or the embedded database in DATA_DIR),
 * as the administrator. The secret of a new moderator is printed once; only its hash is kept.
 */
import { isEmail, LIMITS } from '../../src/internal/contract.js';
import { ConfigError, readConfig, type Config } from '../config.js';
import { DataDirError } from '../data-dir.js';
import { DatabaseUnavailable } from '../db/db.js';
import { openDatabase } from '../db/open.js';
import { Moderators } from '../moderation/moderators.js';
import { Store } from '../store.js';

const USAGE = `Usage:
  npm run moderators -- add "Name" [--email ADDRESS]
  npm run moderators -- list
  npm run moderators -- remove ID`;

const CLI_ACTOR = { id: 'admin', name: 'Administrator (command line)', role: 'admin' as const };

class UsageError extends Error {}

/**
 * The embedded database allows one process per folder (server/data-dir.ts holds it); when the
 * running service holds it, say so and point to the moderation API, which works meanwhile.
 */
async function explainHeldFolder(config: Config, error: DataDirError): Promise<never> {
  const url = `http://${config.host}:${config.port}/api`;
  const running = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) }).then(
    (r) => r.ok,
    () => false,
  );
  if (!running) throw error;
  throw new UsageError(
    `The comments service running at ${url} holds the data folder ${config.dataDir}; the embedded database allows one process per folder.\n` +
      `Stop the service and run this again, or use the moderation API while it runs: POST ${url}/moderation/moderators with the administrator token.`,
  );
}

async function main(args: string[]) {
  const [command, ...rest] = args;
  if (!command || !['add', 'list', 'remove'].includes(command)) throw new UsageError(USAGE);
  let name = '';
  let email: string | null = null;
  if (command === 'add') {
    const at = rest.indexOf('--email');
    if (at !== -1) {
      email = rest[at + 1] ?? '';
      rest.splice(at, 2);
      if (!isEmail(email)) throw new UsageError(`--email must be an email address like name@news.example (got "${email}").`);
    }
    name = (rest[0] ?? '').trim();
    if (!name || rest.length !== 1 || [...name].length > LIMITS.moderatorName) throw new UsageError(`add needs one name of 1 to ${LIMITS.moderatorName} characters.\n${USAGE}`);
  }
  if (command === 'remove' && rest.length !== 1) throw new UsageError(USAGE);

  const config = readConfig(process.env, { requireToken: false });
  const db = await openDatabase(config).catch((error) => (error instanceof DataDirError && !config.databaseUrl ? explainHeldFolder(config, error) : Promise.reject(error)));
  const store = await Store.open(db);
  try {
    const moderators = new Moderators(store.db);
    if (command === 'list') {
      const all = await moderators.list();
      if (!all.length) console.log('No moderators yet. Add one with: npm run moderators -- add "Name"');
      for (const m of all) console.log(`${m.id}\t${m.name}\t${m.email ?? '-'}\tadded ${m.createdAt}`);
    } else if (command === 'add') {
      const m = await moderators.add(CLI_ACTOR, name, email);
      console.log(`Added ${m.name} (id ${m.id}).`);
      console.log(`Secret (shown only now; give it to ${m.name} to sign in to the moderation page):`);
      console.log(m.secret);
    } else if (await moderators.remove(CLI_ACTOR, rest[0])) {
      console.log(`Removed moderator ${rest[0]}; their secret no longer works.`);
    } else {
      throw new UsageError(`There is no moderator with id ${rest[0]} (see: npm run moderators -- list).`);
    }
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).catch((error) => {
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof DataDirError) console.error(error.message);
  else if (error instanceof DatabaseUnavailable) console.error(`moderators: cannot reach the PostgreSQL server of DATABASE_URL: ${(error.cause as Error)?.message ?? error.message}`);
  else console.error(error);
  process.exitCode = 1;
});
