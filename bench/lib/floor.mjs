// Builds the floor element (bench/floor/floor.ts) exactly as scripts/build.mjs bundles
// dist/reading-widget.js: Vite, library mode, ES format, es2022, minified, Lit included. (The build's
// css-literal minifier only reads src/; the floor's one style is written already minified.)
import { build } from 'vite';
import { resolve } from 'node:path';
import { rmSync } from 'node:fs';

export async function buildFloor(root = process.cwd()) {
  const outDir = resolve(root, '.tmp/bench-floor');
  rmSync(outDir, { recursive: true, force: true });
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      lib: { entry: resolve(root, 'bench/floor/floor.ts'), formats: ['es'], fileName: () => 'floor.js' },
      // Vite 8 leaves ES library output unminified unless the output asks for it too.
      rollupOptions: { preserveEntrySignatures: 'allow-extension', output: { chunkFileNames: 'chunks/[name]-[hash].js', minify: true } },
    },
  });
  return outDir;
}
