/**
 * Whether an element has come within 600px of the viewport, from one IntersectionObserver for the
 * page. An observer answers only after the next frame's layout, so the script-tag entry starts
 * watching a comments element as soon as it sees it, while the element's chunk is still on its
 * way: by the time the element upgrades the answer is usually known, and its list request leaves
 * at once instead of one frame (and one layout of the whole element) later.
 */
const near = new WeakSet<Element>();
const waiting = new Map<Element, () => void>();
let observer: IntersectionObserver | undefined;

export function watchNear(el: Element): void {
  if (near.has(el)) return;
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting } of entries) {
        if (!isIntersecting) continue;
        near.add(target);
        observer!.unobserve(target);
        const start = waiting.get(target);
        waiting.delete(target);
        start?.();
      }
    },
    { rootMargin: '600px' },
  );
  observer.observe(el);
}

export const isNear = (el: Element) => near.has(el);

/** Calls `start` once `el` comes near (see `isNear` for now); the returned function stops waiting. */
export function whenNear(el: Element, start: () => void): () => void {
  waiting.set(el, start);
  watchNear(el);
  return () => {
    if (waiting.get(el) !== start) return;
    waiting.delete(el);
    observer!.unobserve(el);
  };
}
