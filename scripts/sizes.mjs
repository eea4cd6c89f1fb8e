import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** A chunk and every file it imports statically, as a set of paths relative to `dir`. */
export function staticClosure(file, dir = 'dist', seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dir, file), 'utf8');
  for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    staticClosure(join(dirname(file), spec).replace(/\\/g, '/'), dir, seen);
  }
  return seen;
}

/** The files one chunk fetches on demand (`import("./…")` in its own code), as paths relative to `dir`. */
export function dynamicImports(file, dir = 'dist') {
  const code = readFileSync(join(dir, file), 'utf8');
  // The minifier may quote the path with backticks.
  return [...code.matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)].map(([, spec]) => join(dirname(file), spec).replace(/\\/g, '/'));
}
