import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Calls `start` once, when the element comes within 600px of the viewport (or at once when
 * `eager()` says so), so a comments section far down the page costs no request until it is needed.
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
      { rootMargin: '600px' },
    );
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }
}
