import { noChange } from 'lit';

/**
 * Lit renders a list by walking every item's template values on each update, which at 1,000
 * comments costs more than the page that "Load more" adds. An item rendered at the same place by
 * the last render, with the same key (what it shows depends on), is given as `noChange`: Lit keeps
 * its DOM without walking it. A null key means "always render" (an item that shows more state).
 */
export class KeptItems<T> {
  private items: readonly T[] = [];
  private keys: Array<string | null> = [];

  map(items: readonly T[], key: (item: T) => string | null, render: (item: T) => unknown): unknown[] {
    const keys = items.map(key);
    const out = items.map((item, i) => (keys[i] !== null && this.items[i] === item && this.keys[i] === keys[i] ? noChange : render(item)));
    this.items = items;
    this.keys = keys;
    return out;
  }

  /** The list's element was not rendered: its items are gone, the next render makes them all. */
  clear(): void {
    this.items = [];
    this.keys = [];
  }
}
