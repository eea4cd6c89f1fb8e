// 1. Bytes: gzip and brotli of each script-tag bundle and on-demand chunk in dist/, against the
// floor (one trivial LitElement, Lit included, bundled the same way). Sizes are exact: one run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSizes, compressed } from '../../scripts/sizes.mjs';
import { row } from '../lib/rows.mjs';

export async function run(ctx) {
  const floor = compressed(readFileSync(join(ctx.floorDir, 'floor.js')));
  const rows = [];
  const files = bundleSizes(join(ctx.root, 'dist')).rows.sort((a, b) => rank(a.file) - rank(b.file) || a.file.localeCompare(b.file));
  for (const f of files) {
    const entry = !f.file.startsWith('chunks/');
    for (const method of ['gzip', 'brotli']) {
      rows.push(
        row({
          id: `bytes.${f.file}.${method}`,
          label: `1 bytes ${f.file} ${method}`,
          unit: 'B',
          values: [f[method]],
          refLabel: 'floor',
          refValues: [floor[method]],
          // The goal is set for the script-tag entries; chunks load only on demand.
          goal: entry ? { ratio: 2.0 } : undefined,
        }),
      );
    }
  }
  return rows;
}

const rank = (file) => (file === 'reading-widget.js' ? 0 : file === 'rw-moderation.js' ? 1 : file.startsWith('chunks/') ? 3 : 2);
