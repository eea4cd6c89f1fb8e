// A server-rendered article page: `<rw-article>` (with its `<rw-text-size>`) rendered by
// @lit-labs/ssr to declarative shadow DOM, so the card has its final layout before any script
// runs; the browser then hydrates it (see the scripts at the end of the page for the order).
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import 'reading-widget/define';
import { ssrStyles } from 'reading-widget/ssr';

/**
 * The import map gives the browser the same single copy of Lit that the elements import (the
 * script-tag bundle carries its own Lit, so it cannot be hydrated by Lit's hydrate support).
 * `base` is where the server serves node_modules/ and the package's dist/lib/.
 */
export const importMap = (base = '/node_modules/', lib = `${base}reading-widget/dist/lib/`) => ({
  imports: {
    lit: `${base}lit/index.js`,
    'lit/': `${base}lit/`,
    'lit-html': `${base}lit-html/lit-html.js`,
    'lit-html/': `${base}lit-html/`,
    'lit-element/': `${base}lit-element/`,
    '@lit/reactive-element': `${base}@lit/reactive-element/reactive-element.js`,
    '@lit/reactive-element/': `${base}@lit/reactive-element/`,
    '@lit-labs/ssr-client/': `${base}@lit-labs/ssr-client/`,
    dompurify: `${base}dompurify/dist/purify.es.mjs`,
    'reading-widget': `${lib}index.js`,
    'reading-widget/define': `${lib}define-all.js`,
  },
});

/** `content` is a Lit template with the page's elements, e.g. html`<rw-article>…</rw-article>`. */
export async function renderPage({ title, content, lang = 'en', map = importMap() }) {
  const card = await collectResult(render(content));
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
${ssrStyles()}
<script type="importmap">${JSON.stringify(map)}</script>
</head>
<body>
${card}
<script type="module">
// 1. Lit's hydrate support, evaluated before any element is defined: it makes each element reuse
//    its server-rendered shadow root instead of rendering a second one.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
// 2. The elements: defining them upgrades and hydrates the server-rendered markup.
import 'reading-widget/define';
</script>
</body>
</html>
`;
}
