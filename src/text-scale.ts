import { unsafeCSS } from 'lit';
import { local } from './storage.js';

/**
 * The reader's text size, shared by every element on the page and every tab of the site.
 *
 * One constructed stylesheet carries the scale as `--_rw-scale`; every article adopts it, so a
 * change is one `replaceSync`: a style recalculation, never a re-render of the article body.
 */

/** Scale steps, 87.5 % to 200 % (WCAG 1.4.4 asks for 200 % without loss). */
export const SCALE_STEPS = [0.875, 1, 1.125, 1.25, 1.5, 1.75, 2] as const;
export const DEFAULT_SCALE = 1;
export const STORAGE_KEY = 'rw-text-size';

type Listener = (scale: number) => void;
const listeners = new Set<Listener>();

/** Accepts only one of the steps: a stored `"NaN"`, `"9"` or `"{}"` reads as the default. */
export function parseScale(raw: unknown): number {
  const n = typeof raw === 'number' ? raw : Number.parseFloat(String(raw));
  return (SCALE_STEPS as readonly number[]).includes(n) ? n : DEFAULT_SCALE;
}

let current = parseScale(local.get(STORAGE_KEY));

const rule = () => `:host{--_rw-scale:${current}}`;
/**
 * Adopted by each article's shadow root (`:host`) so that all of them follow one value. A Lit
 * style, not a `CSSStyleSheet`: Lit makes its one sheet on first use in a browser (none exists in
 * Node, where the module must load for server rendering) and renders it as a `<style>` there.
 */
export const scaleSheet = unsafeCSS(rule());
// `styleSheet` is undefined where nothing can adopt it (Node).
const writeSheet = () => scaleSheet.styleSheet?.replaceSync(rule());

export function getScale(): number {
  return current;
}

function apply(scale: number): boolean {
  if (scale === current) return false;
  current = scale;
  writeSheet();
  for (const listener of listeners) listener(current);
  return true;
}

/** Sets the scale (snapped to a step), remembers it, and tells every listener on the page. */
export function setScale(scale: number): boolean {
  const changed = apply(parseScale(scale));
  if (changed) local.set(STORAGE_KEY, String(current));
  return changed;
}

/** Moves one step up (+1) or down (-1); returns false at a limit. */
export function stepScale(direction: 1 | -1): boolean {
  const index = SCALE_STEPS.indexOf(current as (typeof SCALE_STEPS)[number]);
  const next = SCALE_STEPS[index + direction];
  return next !== undefined && setScale(next);
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Other tabs of the same site: the storage event fires there, never in the tab that wrote.
globalThis.window?.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY || event.key === null) apply(parseScale(event.newValue));
});
