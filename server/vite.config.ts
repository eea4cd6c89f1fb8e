/**
 * `npm run build:server`: the service as plain JavaScript for `node` (no TypeScript loader at run
 * time). Vite's SSR build bundles the service's own modules, and the contract it shares with the
 * widget (src/internal/contract.ts), into server/dist/; every package stays an import, resolved from
 * node_modules at run time, so the build holds only our code.
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import service from './package.json' with { type: 'json' };

const here = fileURLToPath(new URL('.', import.meta.url));
const packages = Object.keys(service.dependencies);

export default defineConfig({
  root: here,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: 'dist',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: { main: 'main.ts', backup: 'backup.ts', restore: 'restore.ts', moderators: 'cli/moderators.ts', comments: 'cli/comments.ts' },
      external: (id) => id.startsWith('node:') || builtinModules.includes(id) || packages.some((p) => id === p || id.startsWith(`${p}/`)),
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  ssr: { target: 'node', noExternal: [] },
});
