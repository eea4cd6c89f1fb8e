import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Renders a long list a slice per frame: the host shows `take(items)`, which grows by `step`
 * items each animation frame until the whole list is there. A page of hundreds of comments then
 * costs many short tasks instead of one long one (a long task freezes typing and scrolling).
 */
export class Slices implements ReactiveController {
  private shown = 0;
  private total = 0;
  private frame = 0;

  constructor(
    private host: ReactiveControllerHost,
    private step = 20,
  ) {
    host.addController(this);
  }

  /** Starts again: the first `keep` items (already on screen) and one slice more are shown at once. */
  from(keep = 0): void {
    this.shown = keep + this.step;
  }

  /** The items to render now; call it from `render()`. */
  take<T>(items: readonly T[]): readonly T[] {
    this.total = items.length;
    return items.length > this.shown ? items.slice(0, this.shown) : items;
  }

  hostUpdated(): void {
    if (this.shown >= this.total || this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.shown += this.step;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
