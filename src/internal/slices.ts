import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Milliseconds of rendering a slice may take; style and layout of the frame come on top. */
const BUDGET = 6;

/**
 * Renders a long list a slice per frame: the host shows `take(items)`, which grows each animation
 * frame until the whole list is there. A page of hundreds of comments then costs several short
 * tasks instead of one long one (a long task freezes typing and scrolling). The slice adapts to the
 * machine: each update is timed, and the next slice is as large as fits in `BUDGET`.
 */
export class Slices implements ReactiveController {
  private shown = 0;
  private total = 0;
  private frame = 0;
  private started = 0;
  private before = 0;

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

  hostUpdate(): void {
    this.started = performance.now();
    this.before = Math.min(this.before, this.shown);
  }

  hostUpdated(): void {
    const added = Math.min(this.shown, this.total) - this.before;
    if (added > 0) {
      // Time per new item, the re-render of the older ones included: an estimate on the safe side.
      const each = (performance.now() - this.started) / added;
      this.step = Math.max(10, Math.min(500, Math.floor(BUDGET / Math.max(each, 0.01))));
    }
    this.before = Math.min(this.shown, this.total);
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
