/**
 * One pair of MutationObservers for the whole page, however many elements listen: the host page
 * may flip `lang`, `dir`, `data-theme`, a class or `color-scheme` at any time (a theme toggle, a
 * language switcher) and our elements follow live.
 */
type Listener = () => void;
const listeners = new Set<Listener>();
let queued = false;
let watching = false;

function notify() {
  if (queued) return;
  queued = true;
  queueMicrotask(() => {
    queued = false;
    for (const listener of listeners) listener();
  });
}

/**
 * The observers start with the first listener and stay: the theme's watch, which starts as the
 * script loads, listens for the page's lifetime anyway.
 */
export function observeDocument(listener: Listener): () => void {
  if (!watching) {
    watching = true;
    const root = document.documentElement;
    new MutationObserver(notify).observe(root, { attributes: true, attributeFilter: ['lang', 'dir', 'data-theme', 'class', 'style'] });
    new MutationObserver(notify).observe(root, { attributes: true, subtree: true, attributeFilter: ['lang', 'dir'] });
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}
