// The manifest of the current source, made with custom-elements-manifest.config.mjs (the one
// analyzer configuration), returned instead of written.
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

export async function analyze(cwd = process.cwd()) {
  return cli({ argv: ['analyze', '--quiet'], cwd, noWrite: true });
}
