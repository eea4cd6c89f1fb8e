import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { observeDocument } from './document-observer.js';

export type Theme = 'light' | 'dark' | 'auto';
/** What the page asks of `theme="auto"`: a fixed scheme, or `system` (the page allows both). */
export type PageScheme = 'light' | 'dark' | 'system';

/**
 * Reads what the host page opts into, in this order: `data-theme` on `<html>`, the `color-scheme`
 * of `<html>` (stylesheet or `style` attribute), `<meta name="color-scheme">`. A page that says
 * nothing is light: it paints its own background, almost always white, whatever the reader's
 * system says, so following the system there would put light text on a white page.
 */
export function readPageScheme(doc: Document = document): PageScheme {
  const root = doc.documentElement;
  const data = root.dataset.theme;
  if (data === 'light' || data === 'dark') return data;
  const css = getComputedStyle(root).colorScheme;
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="color-scheme" i]')?.content ?? '';
  // A root color-scheme other than `normal` wins over the meta (CSS Color Adjustment 1).
  return parseScheme(/light|dark/.test(css) ? css : meta);
}

export function parseScheme(value: string): PageScheme {
  const words = value.toLowerCase().split(/[\s,]+/);
  const light = words.includes('light');
  const dark = words.includes('dark');
  return light && dark ? 'system' : dark ? 'dark' : 'light';
}

/*
 * One resolution per document change, shared by every element: `getComputedStyle` on `<html>`
 * forces a style recalculation, which a list re-rendering 1,000 comments must not pay per update.
 * The watch starts as the module loads and stays (a few observers for the page's lifetime), so
 * the cached answer is never stale.
 */
const controllers = new Set<ThemeController>();
let page: PageScheme | undefined;
const pageScheme = () => (page ??= readPageScheme());

function refresh() {
  page = undefined;
  for (const controller of controllers) controller.apply();
}

/** `<html>`'s attributes, and what may bring a new color-scheme: a stylesheet added or loaded late, a changed meta. */
function watch() {
  observeDocument(refresh);
  new MutationObserver(refresh).observe(document.head ?? document.documentElement, {
    childList: true,
    subtree: true,
    attributeFilter: ['content', 'media', 'disabled', 'href'],
  });
  document.addEventListener('load', (event) => event.target instanceof HTMLLinkElement && refresh(), true);
}

// Read once as the module loads, before any element upgrades: an upgrade attaches shadow roots,
// which dirties the page's style, and `getComputedStyle` would then recalculate all of it inside
// the upgrade. The watch starts with it, so the answer follows the page from here on. (Servers
// rendering the elements load this module too, without a document.)
if (globalThis.document?.documentElement && globalThis.MutationObserver) {
  watch();
  pageScheme();
}

/**
 * Resolves light or dark for one element and exposes it as the custom state `:state(light)` or
 * `:state(dark)` (no attribute is written on the host page's element): the element's own `theme`
 * attribute, else what the page opts into (above). Where the page allows both, neither state is
 * set and the shadow's `color-scheme: light dark` follows the reader's `prefers-color-scheme`.
 */
export class ThemeController implements ReactiveController {
  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private internals: ElementInternals,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    controllers.add(this);
    this.apply();
  }

  hostDisconnected(): void {
    controllers.delete(this);
  }

  hostUpdated(): void {
    this.apply();
  }

  /** @internal */
  apply(): void {
    const own = this.host.getAttribute('theme');
    const theme = own === 'light' || own === 'dark' ? own : pageScheme();
    const states = this.internals.states;
    for (const name of ['light', 'dark'] as const) {
      if (name === theme) states.add(name);
      else states.delete(name);
    }
  }
}
