import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isNear, whenNear } from '../../internal/near.js';

/**
 * Calls `start` once, when the element comes within 600px of the viewport (or at once when
 * `eager()` says so), so a comments section far down the page costs no request until it is needed.
 * The script-tag entry has usually been watching the element since it appeared (src/internal/near.ts):
 * then a near element starts as it connects, before its first render.
 */
export class LazyStartController implements ReactiveController {
  /** True from the moment the element is near enough to load. */
  near = false;
  private stop?: () => void;

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private eager: () => boolean,
    private start: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.near) return;
    // Near already: the first update, a microtask away, loads the list with the rest.
    if (this.eager() || isNear(this.host)) {
      this.near = true;
      return;
    }
    this.stop = whenNear(this.host, () => {
      this.near = true;
      this.start();
    });
  }

  hostDisconnected(): void {
    this.stop?.();
  }
}
