import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { observeDocument } from './document-observer.js';

export type Theme = 'light' | 'dark' | 'auto';

/**
 * Resolves light or dark for one element and exposes it as the custom state `:state(light)` or
 * `:state(dark)` (no attribute is written on the host page's element). Order: the element's own
 * `theme` attribute, then `data-theme` on `<html>`, then a single `color-scheme` set on `<html>`,
 * else the reader's `prefers-color-scheme` (through `color-scheme: light dark` in CSS).
 */
export class ThemeController implements ReactiveController {
  private stop?: () => void;

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private internals: ElementInternals,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stop = observeDocument(() => this.apply());
  }

  hostDisconnected(): void {
    this.stop?.();
  }

  hostUpdated(): void {
    this.apply();
  }

  /** The theme the host page asks for, or null to follow the reader's system setting. */
  private resolve(): 'light' | 'dark' | null {
    const own = this.host.getAttribute('theme');
    if (own === 'light' || own === 'dark') return own;
    const root = document.documentElement;
    const data = root.dataset.theme;
    if (data === 'light' || data === 'dark') return data;
    const scheme = getComputedStyle(root).colorScheme.split(/\s+/).filter((word) => word === 'light' || word === 'dark');
    return scheme.length === 1 ? (scheme[0] as 'light' | 'dark') : null;
  }

  private apply(): void {
    const theme = this.resolve();
    const states = this.internals.states;
    for (const name of ['light', 'dark'] as const) {
      if (name === theme) states.add(name);
      else states.delete(name);
    }
  }
}
