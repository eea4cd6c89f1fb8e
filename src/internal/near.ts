/**
 * Comments sections seen within `NEAR` of the viewport before their chunk arrived. An
 * IntersectionObserver answers only after a frame's layout, so the script-tag entry asks as it
 * requests the comments chunk: by the time an element upgrades the answer is usually known, and
 * its list request leaves at once instead of after its first frame. Part of the entry: kept small.
 */
export const NEAR = '600px';
export const near = new WeakSet<Element>();

/** Watches `elements` for one answer (every observed element gets one in the first callback). */
export function watchNear(elements: Iterable<Element>): void {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) near.add(entry.target);
      observer.disconnect();
    },
    { rootMargin: NEAR },
  );
  for (const element of elements) observer.observe(element);
}
