// The one analyzer configuration: `npm run analyze`, the build (build/vite-plugin-manifest.ts) and
// the docs test (test/server/docs.test.ts) all read custom-elements.json as these options make it.
import { publicOnly } from './build/cem/public-only.mjs';
import { resolveAliases } from './build/cem/resolve-aliases.mjs';
import { typedEvents } from './build/cem/typed-events.mjs';
import { packagePaths } from './build/cem/package-paths.mjs';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/locales/**'],
  outdir: 'dist',
  litelement: true,
  // package.json names the manifest itself (and must keep naming dist/).
  packagejson: false,
  plugins: [publicOnly(), resolveAliases(), typedEvents(), packagePaths()],
};
