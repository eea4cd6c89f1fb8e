/**
 * `npm run comments -- COMMAND` (server/dist/comments.js once built; `node --import tsx
 * server/cli/comments.ts` from source): import, export and erasure from the command line, on the service's
 * own database (DATABASE_URL, else the PGlite folder DATA_DIR). With PostgreSQL it may run while
 * the service runs; the embedded database belongs to one process at a time.
 *
 *   import FORMAT FILE [--map FILE]              FORMAT: disqus, wxr, isso, json
 *   export [--thread ID | --email ADDRESS] FILE  the whole site when neither is given; FILE - is stdout
 *   erase ADDRESS [--by NAME]                    every comment of that email address
 *
 * Exit status: 0 done, 1 refused (bad input, folder in use, database unreachable), 2 usage.
 */
import { createWriteStream } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { userInfo } from 'node:os';
import { isEmail } from '../../src/internal/contract.js';
import { ConfigError, readConfig } from '../config.js';
import { DataDirError } from '../data-dir.js';
import { DatabaseUnavailable } from '../db/db.js';
import { openDatabase } from '../db/open.js';
import { Store } from '../store.js';
import { eraseCommenter } from '../portability/erase.js';
import { exportComments } from '../portability/export.js';
import { FORMATS, ImportError, importComments, type Format } from '../portability/import.js';
import { formatReport } from '../portability/report.js';
import { readThreadMap } from '../portability/thread-map.js';
import type { Scope } from '../portability/document.js';

const USAGE = `usage: npm run comments -- import FORMAT FILE [--map FILE]   (FORMAT: ${FORMATS.join(', ')})
       npm run comments -- export [--thread ID | --email ADDRESS] FILE
       npm run comments -- erase ADDRESS [--by NAME]`;

class UsageError extends Error {}

function parse(argv: string[]) {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${a} needs a value`);
      flags[a.slice(2)] = value;
    } else positional.push(a);
  }
  return { positional, flags };
}

async function openStore(): Promise<Store> {
  const config = readConfig(process.env, { requireToken: false });
  try {
    return await Store.open(await openDatabase(config));
  } catch (error) {
    // The embedded folder's lock (server/data-dir.ts): the service, or another command, holds it.
    if (error instanceof DataDirError && /in use/.test(error.message)) {
      throw new DataDirError(
        `${error.message} The embedded database serves one process at a time: stop the service, run this command, start it again; or run the service on PostgreSQL (DATABASE_URL).`,
      );
    }
    throw error;
  }
}

async function run(argv: string[]): Promise<void> {
  const { positional, flags } = parse(argv);
  const [command, ...rest] = positional;
  const unknown = Object.keys(flags).filter((f) => !({ import: ['map'], export: ['thread', 'email'], erase: ['by'] } as Record<string, string[]>)[command]?.includes(f));
  if (unknown.length) throw new UsageError(`unknown option --${unknown[0]} for ${command ?? 'no command'}`);
  if (command === 'import') {
    const [format, file] = rest;
    if (rest.length !== 2) throw new UsageError('import needs FORMAT and FILE');
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}": use one of ${FORMATS.join(', ')}`);
    const map = flags.map ? await readThreadMap(flags.map) : undefined;
    const store = await openStore();
    try {
      const started = performance.now();
      const report = await importComments(store, format as Format, file, {
        map,
        onProgress: (n) => process.stderr.write(`\r${n} comments read`),
      });
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write(`\n${report.read} comments in ${seconds.toFixed(1)} s (${Math.round(report.read / seconds)} comments/s, both passes)\n`);
      process.stdout.write(formatReport(report));
    } finally {
      await store.close();
    }
  } else if (command === 'export') {
    if (rest.length !== 1) throw new UsageError('export needs one FILE (- for standard output)');
    if (flags.thread && flags.email) throw new UsageError('export takes --thread or --email, not both');
    const scope: Scope = flags.thread ? { thread: flags.thread } : flags.email ? { email: flags.email } : { site: true };
    const store = await openStore();
    try {
      const out: Writable = rest[0] === '-' ? process.stdout : createWriteStream(rest[0], { flags: 'wx' });
      await pipeline(Readable.from(exportComments(store.db, scope)), out);
    } finally {
      await store.close();
    }
  } else if (command === 'erase') {
    if (rest.length !== 1) throw new UsageError('erase needs one email ADDRESS');
    if (!isEmail(rest[0].trim())) throw new UsageError(`"${rest[0]}" is not an email address`);
    const store = await openStore();
    try {
      const result = await eraseCommenter(store, rest[0], flags.by ?? `command line (${userInfo().username})`);
      process.stdout.write(`erased ${result.comments} comment(s) of that address; threads changed: ${result.threads.length ? result.threads.join(', ') : 'none'}\n`);
    } finally {
      await store.close();
    }
  } else throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
}

try {
  await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`comments: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof ImportError || error instanceof ConfigError || error instanceof DatabaseUnavailable || error instanceof DataDirError) {
    console.error(`comments: ${error.message}`);
    process.exit(1);
  }
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
    console.error(`comments: ${(error as Error).message}: the file exists; choose a new name`);
    process.exit(1);
  }
  throw error;
}
