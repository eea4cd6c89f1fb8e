// `npm run build`:
//  1. dist/reading-widget.js: the script-tag bundle (Lit included, minified), registering every
//     reader-facing element. DOMPurify and non-English catalogues stay separate chunks, loaded only
//     when a page needs them.
//  2. dist/rw-moderation.js: the moderators' element, its own script-tag bundle.
//  3. dist/lib/: one ES module per source module (Lit left as an import) with type declarations,
//     for publishers who bundle themselves and register only what they use.
//  4. dist/custom-elements.json from the source's JSDoc.
// Then prints sizes and fails past the budget of the script-tag bundle.
import { build } from 'vite';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { bundleSizes, BUDGET_GZIP } from './sizes.mjs';

rmSync('dist', { recursive: true, force: true });

// Lit's css`` literals reach the bundle verbatim: collapse their whitespace and comments (only
// literals without interpolations, so no JavaScript is ever touched).
const minifyCss = {
  name: 'minify-css-literals',
  transform(code, id) {
    if (!/\/src\/.*\.ts$/.test(id)) return;
    return code.replace(/\bcss`([^`$]*)`/g, (whole, body) => {
      const out = body.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/ ?([{};,>]) ?/g, '$1').replace(/: /g, ':');
      return `css\`${out.trim()}\``;
    });
  },
};

async function bundle(entry, fileName) {
  await build({
    configFile: false,
    logLevel: 'warn',
    plugins: [minifyCss],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      lib: { entry, formats: ['es'], fileName: () => fileName },
      // Vite leaves whitespace in ES library output (to keep pure annotations); this is a script-tag bundle.
      // allow-extension lets the bundler keep Lit and shared code in the entry (on-demand chunks import
      // from it) instead of splitting them into a common chunk.
      rollupOptions: { preserveEntrySignatures: 'allow-extension', output: { chunkFileNames: 'chunks/[name]-[hash].js', minify: true } },
    },
  });
}

await bundle('src/reading-widget.ts', 'reading-widget.js');
await bundle('src/moderation.ts', 'rw-moderation.js');

const step = (name, command, args) => {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build: ${name} failed`);
    process.exit(1);
  }
};
step('modules and declarations', 'npx', ['tsc', '-p', 'tsconfig.build.json']);
step('custom-elements.json', 'npx', [
  'cem', 'analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/locales/**', '--outdir', 'dist',
]);

const sizes = bundleSizes();
console.log('\nfile                           bytes     gzip   brotli');
for (const row of sizes.rows) {
  console.log(`${row.file.padEnd(28)} ${String(row.bytes).padStart(7)} ${String(row.gzip).padStart(8)} ${String(row.brotli).padStart(8)}`);
}
const main = sizes.rows.find((row) => row.file === 'reading-widget.js');
console.log(`\nreading-widget.js: ${main.gzip} bytes gzip (budget ${BUDGET_GZIP})`);
if (main.gzip > BUDGET_GZIP) {
  console.error(`build: dist/reading-widget.js is over its budget by ${main.gzip - BUDGET_GZIP} bytes gzip`);
  process.exit(1);
}
