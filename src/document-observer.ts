/**
 * One pair of MutationObservers for the whole page, however many elements listen: the host page
 * may flip `lang`, `dir`, `data-theme`, a class or `color-scheme` at any time (a theme toggle, a
 * language switcher) and our elements follow live.
 */
type Listener = () => void;
const listeners = new Set<Listener>();
let observers: MutationObserver[] = [];
let queued = false;

function notify() {
  if (queued) return;
  queued = true;
  queueMicrotask(() => {
    queued = false;
    for (const listener of listeners) listener();
  });
}

export function observeDocument(listener: Listener): () => void {
  if (listeners.size === 0) {
    const root = document.documentElement;
    const own = new MutationObserver(notify);
    own.observe(root, { attributes: true, attributeFilter: ['lang', 'dir', 'data-theme', 'class', 'style'] });
    const nested = new MutationObserver(notify);
    nested.observe(root, { attributes: true, subtree: true, attributeFilter: ['lang', 'dir'] });
    observers = [own, nested];
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observers.forEach((observer) => observer.disconnect());
      observers = [];
    }
  };
}
