import { STORAGE_KEY, setScale } from '../../src/text-scale.js';

// Test pages run side by side on one origin and share localStorage: a real storage event from
// another test page must not change this page's text size mid-test. Tests that exercise the
// storage event dispatch their own (untrusted) one.
window.addEventListener('storage', (event) => event.isTrusted && event.stopImmediatePropagation(), true);

/** Every test starts at 100 % with nothing stored (the scale is page-wide state). */
export function resetScale(): void {
  setScale(1);
  localStorage.removeItem(STORAGE_KEY);
}

/**
 * Waits for our elements inside `root` to render. Not requestAnimationFrame: with two test pages
 * open at once one of them is in the background, where browsers pause animation frames.
 */
export async function settled(root: Element): Promise<void> {
  const elements = [root, ...root.querySelectorAll('*')].filter((el): el is Element & { updateComplete: Promise<unknown> } => 'updateComplete' in el);
  await Promise.all(elements.map((el) => el.updateComplete));
  await new Promise((resolve) => setTimeout(resolve));
}

/** Visible text plus visually hidden text, whitespace collapsed: what the accessible name is built from. */
export const nameOf = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();

export const px = (el: Element, property = 'font-size') => parseFloat(getComputedStyle(el).getPropertyValue(property));
