import type { Plugin } from 'vite';
import { BUDGET_GZIP, bundleSizes, dynamicImports, staticClosure } from '../scripts/sizes.mjs';

/**
 * After every bundle is written: prints the size of each script-tag file and on-demand chunk, and
 * fails the build when `reading-widget.js` is past its budget.
 */
export function sizeBudget(dir = 'dist'): Plugin {
  return {
    name: 'rw:size-budget',
    buildApp: {
      order: 'post',
      async handler() {
        const { rows } = bundleSizes(dir);
        console.log('\nfile                           bytes     gzip   brotli');
        for (const row of rows) {
          console.log(`${row.file.padEnd(28)} ${String(row.bytes).padStart(7)} ${String(row.gzip).padStart(8)} ${String(row.brotli).padStart(8)}`);
        }
        const gzipOf = (file: string) => rows.find((row) => row.file === file)?.gzip ?? 0;
        const main = gzipOf('reading-widget.js');
        // What a reader downloads for an article page with comments: the entry, the comments chunk
        // and what that chunk imports; then what the comments chunk fetches only on demand (once the
        // reader writes, or has a pending comment).
        const commentsChunk = rows.find((row) => row.file.startsWith('chunks/comments-'))?.file;
        const loaded = commentsChunk ? staticClosure(commentsChunk, dir) : new Set<string>();
        const later = new Set(commentsChunk ? dynamicImports(commentsChunk, dir).flatMap((file) => [...staticClosure(file, dir)]) : []);
        const sum = (files: Iterable<string>) => [...files].reduce((total, file) => total + gzipOf(file), 0);
        const withComments = sum(loaded);
        const onDemand = sum([...later].filter((file) => !loaded.has(file)));
        console.log(
          `\nreading-widget.js: ${main} bytes gzip (budget ${BUDGET_GZIP}); with the comments chunks: ${withComments} bytes gzip` +
            (onDemand ? `, ${withComments + onDemand} once the reader writes or has a pending comment` : ''),
        );
        if (main > BUDGET_GZIP) throw new Error(`dist/reading-widget.js is over its budget by ${main - BUDGET_GZIP} bytes gzip`);
      },
    },
  };
}
