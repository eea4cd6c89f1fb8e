import { LitElement, type PropertyDeclarations } from 'lit';
import { emit, type RwEventDetail, type RwEventMap, type RwEventName } from '../events.js';
import { LocaleController } from '../locale-controller.js';
import { ThemeController, type Theme } from '../theme-controller.js';

/**
 * What every `rw-*` element shares: the `theme` attribute resolved into `:state(light|dark)`,
 * its language and direction (`locale`), its `ElementInternals`, and `emit` typed by the one event
 * map in `src/events.ts` (a name or a detail that does not match is a compile error).
 */
export class RwElement extends LitElement {
  // Declared without decorators: their runtime would cost the script-tag bundle about 350 bytes gzip.
  // Lit merges these with each subclass's own `properties`.
  static override properties: PropertyDeclarations = { theme: { reflect: true } };

  /** Colour scheme: `light`, `dark` or `auto` (default: follow the page, then the reader's system). */
  theme?: Theme;

  protected readonly internals = this.attachInternals();
  /** @internal The element's language and direction; renderers outside the class read it too. */
  readonly locale = new LocaleController(this);

  constructor() {
    super();
    new ThemeController(this, this.internals);
  }

  /** @internal */
  protected emit<K extends RwEventName>(type: K, detail: RwEventDetail<K>, cancelable = false): RwEventMap[K] {
    return emit(this, type, detail, cancelable);
  }
}
