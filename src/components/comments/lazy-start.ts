import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How close to the viewport a comments section starts loading its list. */
const NEAR = '600px';

/**
 * Calls `start` once, when the element comes within 600px of the viewport (or at once when
 * `eager()` says so), so a comments section far down the page costs no request until it is needed.
 * (Watching from the script-tag entry, before the chunk arrives, saved one frame for a section in
 * the first screen, at 121 bytes of the entry's budget: a section is usually below the article.)
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
    // Eager: the first update, a microtask away, loads the list with the rest.
    if (this.eager()) {
      this.near = true;
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
