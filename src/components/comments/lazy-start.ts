import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { near, NEAR } from '../../internal/near.js';

/**
 * Calls `start` once, when the element comes within 600px of the viewport (or at once when
 * `eager()` says so), so a comments section far down the page costs no request until it is needed.
 * The script-tag entry has usually been watching the element since it appeared (src/internal/near.ts):
 * then a near element starts as it connects, before its first render.
 */
export class LazyStartController implements ReactiveController {
  /** True from the moment the element is near enough to load. */
  near = false;
  private observer?: IntersectionObserver;

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private eager: () => boolean,
    private start: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.near) return;
    // Near already: the list is asked for now, before the first render and its frame, so that its
    // answer can arrive while they are under way.
    if (this.eager() || near.has(this.host)) {
      this.near = true;
      this.start();
      return;
    }
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.observer?.disconnect();
        this.near = true;
        this.start();
      },
      { rootMargin: NEAR },
    );
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }
}
