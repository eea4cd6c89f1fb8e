// The demo-like article page: a host page with our article in <rw-article>, its text-size controls,
// and a "The Latest" list of teasers.
//   ?floor=1      the same page with the floor element (<rw-floor>, bench/floor/floor.ts) instead
//   ?load=import  (default) an inline module marks `rw-start`, then imports the bundle: start-up
//   ?load=tag     a plain <script type="module" src> in <head>, like the embed snippet: layout shift
//   ?delay=MS     the bundle's response is held back MS milliseconds by the bench server
//   ?api=URL      adds <rw-comments> (lazy, below the fold, as on the demo) and <rw-comment-count> in the
//                 byline area, talking to that service; the floor page gets <rw-floor> in their places
//   ?words=N      the body is N generated words instead of our ~700-word article (text-size bench),
//                 and the header gets a plain button that sets the root font size (its reference)
import { BOX_SHIFT_DONE, FIRST_FRAME, HOST_CSS, preUpgradeCss, PROBE, esc } from './_shared.mjs';
import { PARAGRAPHS, TEASERS, articleBody, generatedParagraphs, teaser } from './_content.mjs';

export function render(query) {
  const floor = query.floor === '1';
  const article = floor ? 'rw-floor' : 'rw-article';
  const delay = Number(query.delay) || 0;
  const bundle = (floor ? '/floor/floor.js' : '/dist/reading-widget.js') + (delay ? `?delay=${delay}` : '');
  const paragraphs = query.words ? generatedParagraphs(Number(query.words)) : PARAGRAPHS;
  const byTag = query.load === 'tag';
  // The floor element has one default slot: its page drops the slot names, so that all the same
  // content is shown (and laid out) as on the widget page.
  const unslot = (markup) => (floor ? markup.replace(/ slot="[a-z]+"/g, '') : markup);
  const api = query.api ? esc(query.api) : '';
  const comments = !api ? '' : floor
    ? '<rw-floor></rw-floor>'
    : `<rw-comments thread="bench-startup" endpoint="${api}"></rw-comments>`;
  const count = !api ? '' : floor
    ? '<p><rw-floor></rw-floor></p>'
    : `<p><a href="#comments"><rw-comment-count thread="bench-startup" endpoint="${api}"></rw-comment-count></a></p>`;
  // "All painted": every rw-* element in the document defined (an entry may define some from
  // chunks it fetches on demand; 5 s at most, for tags nothing defines), then all settled, then the
  // next frame. `first` is the same without waiting for those chunks.
  const finish = `
    const start = performance.getEntriesByName('rw-start')[0]?.startTime ?? 0;
    await __settled();
    const first = (await __afterPaint()) - start;
    const tags = [...new Set([...document.querySelectorAll('*')].map((el) => el.localName).filter((t) => t.startsWith('rw-')))];
    await Promise.race([Promise.all(tags.map((t) => customElements.whenDefined(t))), new Promise((r) => setTimeout(r, 5000))]);
    const count = await __settled();
    const painted = await __afterPaint();
    ${BOX_SHIFT_DONE}
    Object.assign(__bench, { done: true, elements: count, startup: painted - start, first, painted,
      defined: ['rw-article', 'rw-text-size', 'rw-comments', 'rw-comment-count', 'rw-floor'].filter((t) => customElements.get(t)) });`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bench: article</title>
${PROBE}
${preUpgradeCss(query)}
${HOST_CSS}
${byTag ? `<script type="module" src="${bundle}"></script>` : ''}
</head>
<body>
<header class="site"><strong>The Highland Courier</strong> · News · Region · Culture
${query.words ? `<button id="root-font" type="button" onclick="document.documentElement.style.fontSize = this.dataset.size">Root font size</button>` : ''}</header>
<main>
<${article}${floor ? '' : ' format-date'}>
${unslot(articleBody(paragraphs))}
</${article}>
${count}
<section id="comments">${comments}</section>
<section aria-labelledby="latest"><h2 id="latest">The Latest</h2>
<div class="latest">
${TEASERS.map((t, i) => unslot(teaser(t, i, article, floor ? '' : ' variant="teaser"'))).join('\n')}
</div>
</section>
</main>
<footer class="site">© The Highland Courier (bench page)</footer>
${FIRST_FRAME}
<script type="module">
${byTag ? '' : `performance.mark('rw-start');\n    await import(${JSON.stringify(bundle)});`}
${finish}
</script>
</body>
</html>`;
}
