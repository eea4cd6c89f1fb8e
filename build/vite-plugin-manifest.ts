import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { analyze } from './analyze.mjs';
import { vscodeCss, vscodeHtml, webTypes } from './generate-editor-data.js';
import { reactTypes, vueTypes } from './generate-framework-types.js';
import { elementsOf } from './manifest-model.js';

/**
 * After the bundles: dist/custom-elements.json, and from it the framework types (dist/types/) and
 * the editor data (VS Code custom data, web-types.json), so that all of them describe one source.
 */
export function manifest(dir = 'dist'): Plugin {
  return {
    name: 'rw:manifest',
    buildApp: {
      order: 'post',
      async handler() {
        const cem = await analyze();
        const elements = elementsOf(cem);
        const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
        const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
        mkdirSync(join(dir, 'types'), { recursive: true });
        writeFileSync(join(dir, 'custom-elements.json'), json(cem));
        writeFileSync(join(dir, 'vscode.html-custom-data.json'), json(vscodeHtml(elements)));
        writeFileSync(join(dir, 'vscode.css-custom-data.json'), json(vscodeCss(elements)));
        writeFileSync(join(dir, 'web-types.json'), json(webTypes(elements, pkg.name, pkg.version)));
        writeFileSync(join(dir, 'types/react.d.ts'), reactTypes(elements));
        writeFileSync(join(dir, 'types/vue.d.ts'), vueTypes(elements));
        // So that `import 'reading-widget/react'` also resolves where a bundler keeps side-effect imports.
        for (const name of ['react', 'vue']) writeFileSync(join(dir, `types/${name}.js`), 'export {};\n');
      },
    },
  };
}
