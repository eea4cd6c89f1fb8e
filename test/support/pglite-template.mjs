// PostgreSQL's initdb is most of the cost of opening a new PGlite data folder (seconds, more on a
// busy machine), so it runs once per PGlite version into .tmp/ and every test database starts as a
// copy of that empty cluster. The service's migrations still run in every copy.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const INITDB = "const { PGlite } = await import('@electric-sql/pglite'); const pg = await PGlite.create(process.argv[1]); await pg.close();";

const root = fileURLToPath(new URL('../../', import.meta.url));
let template;

export function initdbTemplate() {
  template ??= (async () => {
    const version = JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version;
    const path = join(root, '.tmp', `pglite-initdb-${version}`);
    if (existsSync(path)) return path;
    mkdirSync(join(root, '.tmp'), { recursive: true });
    const building = `${path}.${process.pid}`;
    // In a child process: PGlite's initdb is seconds of synchronous WebAssembly, which would stall
    // the process that runs it (for the browser tests, the test runner answering the browsers).
    await run(process.execPath, ['--input-type=module', '-e', INITDB, building], { cwd: root });
    try {
      renameSync(building, path);
    } catch {
      rmSync(building, { recursive: true, force: true }); // another process finished first
    }
    return path;
  })();
  return template;
}

/** A fresh temporary data folder holding an empty, initialised cluster. */
export async function freshDataDir(prefix = 'rw-test-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(await initdbTemplate(), dir, { recursive: true });
  return dir;
}
