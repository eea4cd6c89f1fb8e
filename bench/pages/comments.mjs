// A short article page whose comments section sits in the first screen, followed by more host
// content, so any jump of the section while its list loads would move visible content.
//   ?endpoint=URL&thread=ID   the real service and a seeded thread
//   ?mode=cls    (default) the embed snippet's script tag; done once the list has painted
//   ?delay=MS    the bundle is held back MS milliseconds
//   ?css=none    without the pre-upgrade stylesheet
//   ?mode=drive  the bundle is loaded, nothing mounted: the bench drives __mount/__more/__plain
import { BOX_SHIFT_DONE, FIRST_FRAME, HOST_CSS, preUpgradeCss, PROBE, esc } from './_shared.mjs';
import { PARAGRAPHS, TEASERS } from './_content.mjs';

export function render(query) {
  const endpoint = esc(query.endpoint ?? '');
  const thread = esc(query.thread ?? 'bench');
  const drive = query.mode === 'drive';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bench: comments</title>
${PROBE}
${preUpgradeCss(query)}
${HOST_CSS}
<script type="module" src="/dist/reading-widget.js${Number(query.delay) ? `?delay=${Number(query.delay)}` : ''}"></script>
</head>
<body>
<header class="site"><strong>The Highland Courier</strong> · News</header>
<main>
<p>${esc(PARAGRAPHS[0])}</p>
<div id="slot">${drive ? '' : `<rw-comments thread="${thread}" endpoint="${endpoint}"></rw-comments>`}</div>
<div id="plain"></div>
<section><h2>The Latest</h2>
${TEASERS.map((t) => `<h3>${esc(t.headline)}</h3><p>${esc(t.summary)}</p>`).join('\n')}
</section>
</main>
<footer class="site">© The Highland Courier (bench page)</footer>
${drive ? '' : FIRST_FRAME}
<script type="module">
  const endpoint = ${JSON.stringify(query.endpoint ?? '')};
  const thread = ${JSON.stringify(query.thread ?? 'bench')};
  // The seeded threads have no replies: the items of the top-level list are the comments shown.
  // Counted as cheaply as the reference counts its own (a selector query over 1,000 comments in
  // every frame cost the element's side about 2 ms of each "Load more").
  const rendered = (el) => el.shadowRoot?.querySelector('ol[part=list]')?.childElementCount ?? 0;
  const until = (test, timeout = 20000) => new Promise((resolve, reject) => {
    const t0 = performance.now();
    const check = () => test() ? resolve() : performance.now() - t0 > timeout ? reject(new Error('timed out')) : requestAnimationFrame(check);
    check();
  });
  Object.assign(window, { rendered, until });
  // A long page arrives a slice per frame: it is painted in full at the last frame that added
  // comments, known once a frame adds none. Returns that frame's time and the count.
  const grown = async (el, before, timeout = 20000) => {
    const t0 = performance.now();
    let count = before;
    let at = 0;
    for (;;) {
      const painted = await __afterPaint();
      if (painted - t0 > timeout) throw new Error('timed out');
      const now = rendered(el);
      if (now > count) [count, at] = [now, painted];
      else if (count > before) return { at, count };
    }
  };

  // Mounts <rw-comments>; resolves with ms from append to the first page painted.
  window.__mount = async (pageSize) => {
    // Written with attributes, as a publisher's page writes it.
    const el = document.createElement('rw-comments');
    el.setAttribute('thread', thread);
    el.setAttribute('endpoint', endpoint);
    if (pageSize) el.setAttribute('page-size', pageSize);
    const t0 = performance.now();
    document.getElementById('slot').append(el);
    const { at, count } = await grown(el, 0);
    return { ms: at - t0, count };
  };
  // Clicks "Load more"; resolves with ms from the click to the new page painted.
  window.__more = async () => {
    const el = document.querySelector('rw-comments');
    const button = el.shadowRoot.querySelector('[part~="load-more"]');
    if (!button) return null;
    const before = rendered(el);
    const t0 = performance.now();
    button.click();
    const { at, count } = await grown(el, before);
    return { ms: at - t0, count };
  };
  window.__unmount = () => document.getElementById('slot').replaceChildren();

  // The reference: the browser doing the same job without our element. Fetch the same page of the
  // same thread and append plain elements with textContent, then the next frame.
  let plainCursor = null;
  const pageUrl = (pageSize, more) => {
    const params = new URLSearchParams({ sort: 'newest', limit: String(pageSize) });
    if (more) params.set('cursor', plainCursor);
    return endpoint + '/threads/' + encodeURIComponent(thread) + '/comments?' + params;
  };
  // Asks for the page both are about to fetch (the same URL as the element's), so that the element
  // and the reference find the same caches: the service's and the browser's (public, max-age=5).
  // Without it the reference, always second, was served the element's answer from the browser's cache.
  window.__warm = async (pageSize, more) => {
    if (!more) plainCursor = null;
    await (await fetch(pageUrl(pageSize, more))).arrayBuffer();
  };
  window.__plain = async (pageSize, more) => {
    const box = document.getElementById('plain');
    if (!more) { box.replaceChildren(document.createElement('ol')); plainCursor = null; }
    const t0 = performance.now();
    const page = await (await fetch(pageUrl(pageSize, more))).json();
    plainCursor = page.nextCursor;
    const dates = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
    for (const c of page.comments) {
      const li = document.createElement('li');
      const article = li.appendChild(document.createElement('article'));
      article.appendChild(document.createElement('b')).textContent = c.author;
      const time = article.appendChild(document.createElement('time'));
      time.dateTime = c.createdAt;
      time.textContent = dates.format(new Date(c.createdAt));
      article.appendChild(document.createElement('p')).textContent = c.text;
      box.firstChild.append(li);
    }
    return { ms: (await __afterPaint()) - t0, count: box.firstChild.children.length, next: !!plainCursor };
  };

  ${drive ? `__bench.done = true;` : `
  const el = document.querySelector('rw-comments');
  await customElements.whenDefined('rw-comments');
  // The frame in which the list is first seen: shifts from then on are the list's, earlier ones the upgrade's.
  await new Promise((resolve) => {
    const check = (frame) => rendered(el) > 0 ? resolve(__bench.listAt = frame) : requestAnimationFrame(check);
    requestAnimationFrame(check);
  });
  await __afterPaint();
  await new Promise((r) => setTimeout(r, 300));
  await __afterPaint();
  ${BOX_SHIFT_DONE}
  __bench.count = rendered(el);
  __bench.done = true;`}
</script>
</body>
</html>`;
}
