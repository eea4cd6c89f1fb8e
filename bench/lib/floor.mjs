// Builds the floor element (bench/floor/floor.ts) with the build's own configuration
// (vite.config.ts): the options of dist/reading-widget.js, with only the entry and the folder
// changed. (The build's css-literal minifier only reads src/; the floor's one style is written
// already minified.)
import { build } from 'vite';
import { resolve } from 'node:path';
import { rmSync } from 'node:fs';

export async function buildFloor(root = process.cwd()) {
  const outDir = resolve(root, '.tmp/bench-floor');
  rmSync(outDir, { recursive: true, force: true });
  // `build()` makes the configuration's first environment (the script-tag bundle) only.
  await build({
    configFile: resolve(root, 'vite.config.ts'),
    root,
    build: { outDir, lib: { entry: resolve(root, 'bench/floor/floor.ts'), fileName: () => 'floor.js' } },
  });
  return outDir;
}
