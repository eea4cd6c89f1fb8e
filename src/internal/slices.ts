import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Milliseconds of rendering a slice may take; style and layout of the frame come on top. */
const BUDGET = 6;

/**
 * Renders a long list a slice per frame: the host shows `take(items)`, which grows each animation
 * frame until the whole list is there. An answer of hundreds of items then costs several short
 * tasks instead of one long one (a long task freezes typing and scrolling). The slice adapts to the
 * machine: each update is timed, and the next slice is as large as fits in `BUDGET`. New items up
 * to `whole` arrive in one frame whatever the estimate: a normal page lands at once, spreading it
 * over frames only delays it (each frame lays out the list again); slicing is for what is larger.
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
    private whole = 0,
  ) {
    host.addController(this);
  }

  /** Starts again: the first `keep` items (already on screen) and one slice (or `whole`) more are shown at once. */
  from(keep = 0): void {
    this.shown = keep + Math.max(this.step, this.whole);
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
