/**
 * The build (`vite build`) and the demo server (`npm start`) in one configuration.
 *
 *  - client: dist/reading-widget.js, the script-tag bundle (Lit included, minified) registering
 *    every reader-facing element; DOMPurify, the comments elements and non-English catalogues stay
 *    on-demand chunks in dist/chunks/.
 *  - dist/reading-widget.css, the pre-upgrade stylesheet of the embed snippet (build/vite-plugin-pre-upgrade-css.ts).
 *  - moderation: dist/rw-moderation.js, the moderators' element, standing alone.
 *  - lib: dist/lib/, one ES module per source module (Lit and DOMPurify left as imports), for
 *    publishers who bundle themselves. tsc writes the declarations beside them.
 *
 * Then the size budget, and the manifest with the types and editor data generated from it.
 * The benchmarks' floor is built from this configuration too (bench/lib/floor.mjs).
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type BuildEnvironmentOptions } from 'vite';
import { manifest } from './build/vite-plugin-manifest.js';
import { minifyCssLiterals } from './build/vite-plugin-minify-css.js';
import { minifyHtmlTemplates } from './build/vite-plugin-minify-html.js';
import { preUpgradeStylesheet } from './build/vite-plugin-pre-upgrade-css.js';
import { sizeBudget } from './build/vite-plugin-size-budget.js';

/** A script-tag bundle: one ES module file, minified, with its own copy of everything it needs. */
export const scriptTag = (entry: string, fileName: string): BuildEnvironmentOptions => ({
  outDir: 'dist',
  emptyOutDir: false,
  target: 'es2022',
  minify: true,
  lib: { entry, formats: ['es'], fileName: () => fileName },
  rolldownOptions: {
    // allow-extension lets the bundler keep Lit and shared code in the entry (the on-demand chunks
    // import from it) instead of splitting them into a common chunk.
    preserveEntrySignatures: 'allow-extension',
    // Vite leaves ES library output unminified (to keep pure annotations); a script tag wants it
    // small, and no bundler reads it after us, so the annotations go too (24 in the entry).
    output: { chunkFileNames: 'chunks/[name]-[hash].js', minify: true, comments: false },
  },
});

/** Every source module, so that each declaration tsc writes has its module beside it. */
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });

const library: BuildEnvironmentOptions = {
  outDir: 'dist/lib',
  emptyOutDir: false,
  target: 'es2022',
  minify: false,
  // Every option is spelt out: an environment inherits the script-tag options of `build` below.
  lib: { entry: sources('src'), formats: ['es'], fileName: (_format, name) => `${name}.js` },
  rolldownOptions: {
    external: (id) => /^(lit|@lit|@lit-labs|dompurify)(\/|$)/.test(id),
    preserveEntrySignatures: 'strict',
    output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js', minify: false },
  },
};

export default defineConfig(({ command }) => ({
  // The manifest before the budget: a bundle over budget still gets its manifest written.
  plugins: [minifyCssLiterals(), minifyHtmlTemplates(), preUpgradeStylesheet(), manifest(), sizeBudget()],
  logLevel: command === 'build' ? 'warn' : 'info',
  build: scriptTag('src/reading-widget.ts', 'reading-widget.js'),
  ...(command === 'build' && {
    environments: {
      client: {},
      moderation: { consumer: 'client', build: scriptTag('src/moderation.ts', 'rw-moderation.js') },
      lib: { consumer: 'client', build: library },
    },
    builder: {
      async buildApp(builder) {
        rmSync('dist', { recursive: true, force: true });
        for (const name of ['client', 'moderation', 'lib']) await builder.build(builder.environments[name]!);
      },
    },
  }),
}));
