// A host page whose article is <rw-article src> (rendered from JSON, as demo/json.html), in the
// first screen, with the host's own content after it: the layout-shift page for a JSON article.
//   ?delay=MS       the bundle is held back MS milliseconds (the embed snippet's script tag)
//   ?image=MS       the article's photo is held back MS milliseconds (default 500)
//   ?size=none      the JSON gives no size for the photo
//   ?css=none       without the pre-upgrade stylesheet
import { BOX_SHIFT_DONE, FIRST_FRAME, HOST_CSS, preUpgradeCss, PROBE, esc } from './_shared.mjs';
import { TEASERS } from './_content.mjs';

export function render(query) {
  const delay = Number(query.delay) || 0;
  const json = new URLSearchParams({ image: String(Number(query.image ?? 500)), ...(query.size ? { size: query.size } : {}) });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bench: JSON article</title>
${PROBE}
${preUpgradeCss(query)}
${HOST_CSS}
<script type="module" src="/dist/reading-widget.js${delay ? `?delay=${delay}` : ''}"></script>
</head>
<body>
<header class="site"><strong>The Highland Courier</strong> · News</header>
<main>
<rw-article src="/news-article.json?${esc(json)}" heading-level="1"><p><a href="/news-article.json">The article</a></p></rw-article>
<section><h2>The Latest</h2>
${TEASERS.map((t) => `<h3>${esc(t.headline)}</h3><p>${esc(t.summary)}</p>`).join('\n')}
</section>
</main>
<footer class="site">© The Highland Courier (bench page)</footer>
${FIRST_FRAME}
<script type="module">
  // Done once the article has rendered from its JSON, its photo has loaded, and that has painted.
  const article = document.querySelector('rw-article');
  await customElements.whenDefined('rw-article');
  for (;;) {
    const img = article.shadowRoot?.querySelector('[part~=body]') && article.shadowRoot.querySelector('img');
    if (img?.complete) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await __settled();
  await __afterPaint();
  ${BOX_SHIFT_DONE}
  __bench.done = true;
</script>
</body>
</html>`;
}
