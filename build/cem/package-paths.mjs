import { types } from './walk.mjs';

/** `src/x/y.ts` becomes `dist/lib/x/y.js`: the module the package ships for that source. */
export const shippedPath = (path) => path.replace(/^(\.\/)?src\/(.*)\.ts$/, 'dist/lib/$2.js');

/** Points every module path of the manifest at the shipped JavaScript instead of the TypeScript source. */
export function packagePaths() {
  const fix = (node) => {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = shippedPath(value);
      else fix(value);
    }
  };
  return {
    name: 'rw-package-paths',
    packageLinkPhase({ customElementsManifest }) {
      // Type texts are code, not paths.
      const texts = [...types(customElementsManifest)].map((type) => [type, type.text]);
      fix(customElementsManifest);
      for (const [type, text] of texts) type.text = text;
    },
  };
}

/** The source a shipped module is built from (the inverse of `shippedPath`). */
export const sourcePath = (path) => path.replace(/^dist\/lib\/(.*)\.js$/, 'src/$1.ts');
