// Importing a large export keeps memory flat: the file is streamed, so ten times the comments
// must not cost ten times the memory. The real command in its own process, on the backend under
// test, with its peak JavaScript heap read from the process itself (test/support/print-max-rss.mjs).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freshDatabase } from './helpers.js';
import { largeDisqus } from './portability/source-files.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rw-import-memory-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function importPeak(n: number) {
  const file = join(dir, `disqus-${n}.xml`);
  await largeDisqus(file, n);
  const database = await freshDatabase();
  try {
    const command = (...args: string[]) =>
      spawnSync(process.execPath, ['--max-old-space-size=64', '--import', 'tsx', '--import', './test/support/print-max-rss.mjs', 'server/cli/comments.ts', ...args], {
        cwd: root,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...database.env },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
    // The empty database is initialised first (an export of nothing), so the peak is the import's.
    assert.equal(command('export', join(dir, `empty-${n}.json`)).status, 0);
    const run = command('import', 'disqus', file);
    assert.equal(run.status, 0, run.stderr.slice(-2000));
    assert.equal(Number(/(\d+) added/.exec(run.stdout)?.[1]), n, run.stdout.slice(0, 500));
    return { rss: Number(/MAXRSS (\d+)/.exec(run.stderr)?.[1]) / 1024, heap: Number(/MAXHEAP (\d+)/.exec(run.stderr)?.[1]) / 1024 };
  } finally {
    database.remove();
  }
}

test('50,000 comments import within a 64 MB JavaScript heap, about what 2,000 take (the file is streamed)', { timeout: 300_000 }, async () => {
  const small = await importPeak(2_000);
  const large = await importPeak(50_000);
  const figures = `peak JS heap ${small.heap.toFixed(0)} MB for 2,000 comments, ${large.heap.toFixed(0)} MB for 50,000 (resident ${small.rss.toFixed(0)} / ${large.rss.toFixed(0)} MB)`;
  console.log(figures);
  // The 50,000-comment file is about 16 MB: held as a string with its comments as objects it would
  // not fit in the 64 MB heap the command runs with (`--max-old-space-size=64`), so finishing at all
  // is the proof; the figures are printed for the report. (The resident set also counts the embedded
  // database's own WebAssembly memory.)
  assert.ok(large.heap <= 64, figures);
});
