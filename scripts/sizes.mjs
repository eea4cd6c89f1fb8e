import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Everything `reading-widget.js` registers must fit in 12 KB gzip (Lit alone is about 6 KB). */
export const BUDGET_GZIP = 12 * 1024;

export function compressed(buffer) {
  return {
    bytes: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Sizes of the script-tag bundles and their on-demand chunks in dist/. */
export function bundleSizes(dir = 'dist') {
  const files = [
    ...readdirSync(dir).filter((f) => f.endsWith('.js')),
    ...(existsSync(join(dir, 'chunks')) ? readdirSync(join(dir, 'chunks')).map((f) => `chunks/${f}`) : []),
  ].filter((f) => statSync(join(dir, f)).isFile());
  return { rows: files.map((file) => ({ file, ...compressed(readFileSync(join(dir, file))) })) };
}
