/**
 * Which elements have come within `NEAR` of the viewport. An IntersectionObserver answers only
 * after the next frame's layout, so the script-tag entry starts watching a comments element as soon
 * as it sees it, while the element's chunk is still on its way: by the time the element upgrades
 * the answer is usually known, and its list request leaves at once instead of one frame (and one
 * layout of the whole element) later. Kept small: it is part of the entry.
 */
export const NEAR = '600px';
export const near = new WeakSet<Element>();
let observer: IntersectionObserver | undefined;

export function watchNear(el: Element): void {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting } of entries) {
        if (!isIntersecting) continue;
        near.add(target);
        observer!.unobserve(target);
      }
    },
    { rootMargin: NEAR },
  );
  observer.observe(el);
}
