import { BOX_SHIFT_PROBE, DESCRIBE_MOVED } from '../lib/box-shift.mjs';

// Pieces every bench page shares: the embed snippet's pre-upgrade CSS, the in-page probe (layout
// shifts, long tasks, "painted" helper) and a plain host-page stylesheet.

/**
 * The embed snippet's pre-upgrade stylesheet (dist/reading-widget.css, built with the bundle), as
 * the README tells publishers to link it; `?css=none` on a page leaves it out, to show what it does.
 */
export const preUpgradeCss = (query) => (query.css === 'none' ? '' : '<link rel="stylesheet" href="/dist/reading-widget.css">');

/** A host page's own chrome; sets font sizes on h1/p like CMS themes do (in rem, so that the
 * root font size, the text-size reference, reaches them). */
export const HOST_CSS = `<style>
  body { margin: 0; font: 1rem/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fff; }
  header.site, footer.site { padding: 12px 24px; background: #0d3b66; color: #fff; }
  main { max-width: 760px; margin: 0 auto; padding: 16px; }
  h1 { font-size: 2rem; } p { font-size: 1rem; }
  .latest { display: grid; gap: 16px; }
</style>`;

/**
 * Runs first in <head>. Collects layout shifts (without recent input, as CLS counts them) and long
 * tasks from the very start, and defines:
 *   __afterPaint(): resolves after the next frame has been produced (rAF, then a task queued from
 *     inside it, which runs once that frame's style, layout and paint are done);
 *   __settled(): waits for every defined rw-* element, including those inside shadow roots, to
 *     finish its update, until no new one appears.
 */
export const PROBE = `<link rel="icon" href="data:,">
<script>
  ${BOX_SHIFT_PROBE}
  window.__bench = { cls: 0, shifts: [], longtasks: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        __bench.cls += e.value;
        __bench.shifts.push({ value: e.value, at: e.startTime, sources: (e.sources || []).map((s) => s.node ? (s.node.localName || s.node.nodeName) : '?') });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) __bench.longtasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  window.__afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(0);
  }));
  // One measured click: t0 is the click event's own time stamp (when the input arrived), the end is
  // after the next frame. Captured on window, before any handler of the target runs.
  window.__armClick = () => {
    __bench.click = null;
    addEventListener('click', (event) => {
      const t0 = event.timeStamp;
      __afterPaint().then((end) => (__bench.click = end - t0));
    }, { capture: true, once: true });
  };
  window.__rwElements = (root = document, out = []) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName.startsWith('rw-') && customElements.get(el.localName)) out.push(el);
      if (el.shadowRoot) __rwElements(el.shadowRoot, out);
    }
    return out;
  };
  window.__settled = async () => {
    const seen = new Set();
    for (;;) {
      const fresh = __rwElements().filter((el) => !seen.has(el));
      if (!fresh.length) return seen.size;
      for (const el of fresh) seen.add(el);
      await Promise.all(fresh.map((el) => el.updateComplete));
    }
  };
</script>`;

export const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/**
 * For the end of <body>: the boxes of the first frame (before a late script has arrived), and
 * whether the first rw-article's headline and body text are visible in it.
 */
export const FIRST_FRAME = `<script>
  requestAnimationFrame(() => {
    __bench.before = __boxSnapshot();
    const shown = (el) => !!el && el.getBoundingClientRect().height > 0 && getComputedStyle(el).visibility === 'visible' && el.checkVisibility({ opacityProperty: true });
    // A JSON article (src) has no text before its JSON arrives: only a light-DOM one is checked.
    const article = document.querySelector('rw-article:not([variant]):not([src])');
    __bench.firstFrame = { defined: !!customElements.get('rw-article'), text: !article || (shown(article.querySelector('[slot=headline]')) && shown(article.querySelector(':scope > p:not([slot])'))) };
  });
</script>`;

/** After every element has upgraded and painted: the box movement since the first frame. */
export const BOX_SHIFT_DONE = `{
    const shift = __boxShift(__bench.before);
    Object.assign(__bench, { boxShift: shift.score, moved: (${DESCRIBE_MOVED})(shift.moved) });
  }`;
