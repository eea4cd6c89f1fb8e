// Import speed and peak memory of `npm run comments -- import disqus` on generated Disqus exports,
// on a fresh embedded database (DATA_DIR in a temporary folder): the real command in its own
// process, measured by /usr/bin/time (peak resident set of the whole process) and by the command's
// own timing of the import (both passes over the file, without the process start and the
// database's first initialisation, which is done beforehand).
// With --postgres, each size goes to a fresh database on a throwaway PostgreSQL server instead.
//   node --import tsx bench/probes/import.ts [--postgres] [COMMENTS ...]     default: 10000 100000
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { largeDisqus } from '../../test/server/portability/source-files.js';
import { createDatabase, startPostgres } from '../../test/support/postgres.mjs';

const postgres = process.argv.includes('--postgres');
const sizes = process.argv.slice(2).filter((a) => a !== '--postgres').map(Number);
const server = postgres ? await startPostgres() : null;
const dir = mkdtempSync(join(tmpdir(), 'rw-import-bench-'));
try {
  console.log('comments | file MB | import s | comments/s | command s | peak RSS MB | export s | export peak RSS MB | backend');
  for (const n of sizes.length ? sizes : [10_000, 100_000]) {
    const file = join(dir, `disqus-${n}.xml`);
    await largeDisqus(file, n);
    const env = { ...process.env, DATABASE_URL: server ? await createDatabase(server.url) : '', DATA_DIR: join(dir, `data-${n}`) };
    // Initialises the empty database (an export of nothing), so the figure is the import's.
    spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/comments.ts', 'export', '-'], { env, encoding: 'utf8' });
    const run = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, '--import', 'tsx', 'server/cli/comments.ts', 'import', 'disqus', file], { env, encoding: 'utf8' });
    const measured = /TIME ([\d.]+) (\d+)/.exec(run.stderr);
    if (run.status !== 0 || !measured) throw new Error(`import failed: ${run.stderr.slice(-2000)}`);
    const seconds = Number(measured[1]);
    const own = /comments in ([\d.]+) s \((\d+) comments\/s/.exec(run.stderr);
    const added = Number(/(\d+) added/.exec(run.stdout)?.[1]);
    if (added !== n) throw new Error(`expected ${n} added: ${run.stdout.slice(0, 500)}`);
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    // The whole site back out, streamed to a file: its memory must not follow the comment count.
    const exported = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, '--import', 'tsx', 'server/cli/comments.ts', 'export', join(dir, `export-${n}.json`)], { env, encoding: 'utf8' });
    const exportMeasured = /TIME ([\d.]+) (\d+)/.exec(exported.stderr);
    if (exported.status !== 0 || !exportMeasured) throw new Error(`export failed: ${exported.stderr.slice(-2000)}`);
    console.log(`${n} | ${mb(statSync(file).size)} | ${own?.[1]} | ${own?.[2]} | ${seconds.toFixed(1)} | ${(Number(measured[2]) / 1024).toFixed(0)} | ${exportMeasured[1]} | ${(Number(exportMeasured[2]) / 1024).toFixed(0)} | ${server ? 'postgres' : 'pglite'}`);
  }
} finally {
  server?.stopSync();
  rmSync(dir, { recursive: true, force: true });
}
