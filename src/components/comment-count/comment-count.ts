import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { emit, type RwErrorDetail } from '../../events.js';
import { LocaleController } from '../../locale-controller.js';
import { ThemeController } from '../../theme-controller.js';
import { tokens } from '../../styles/tokens.js';
import { explain } from '../comments/messages.js';
import { count } from './batch.js';

/**
 * The number of approved comments of a thread, for lists of articles ("12 comments"), in the
 * reader's language and digits. All the counts of a page are fetched in one request per endpoint.
 * Renders nothing until the count is known, or if it cannot be loaded.
 *
 * @attr thread - Opaque id of the article's thread.
 * @attr endpoint - Base URL of the comments service.
 * @attr theme - `light`, `dark` or `auto`.
 *
 * @csspart count - The text "N comments".
 *
 * @cssprop --rw-font-ui - Font.
 * @cssprop --rw-color-muted - Text colour (the count is secondary information).
 *
 * @fires rw-error - The counts could not be loaded: `detail: {code, message}`.
 */
export class RwCommentCount extends LitElement {
  static override styles = [tokens, css`:host{display:inline;color:var(--_rw-color-muted)}`];
  static override properties = { thread: {}, endpoint: {}, theme: { reflect: true }, n: { state: true } };

  thread = '';
  endpoint = '';
  theme?: string;
  /** The count, once known. */
  n?: number;

  readonly internals = this.attachInternals();
  readonly l = new LocaleController(this);

  constructor() {
    super();
    new ThemeController(this, this.internals);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('thread') || changed.has('endpoint')) && this.thread && this.endpoint) {
      const { thread, endpoint } = this;
      count(endpoint, thread).then(
        (n) => thread === this.thread && endpoint === this.endpoint && (this.n = n),
        (error) => emit<RwErrorDetail>(this, 'rw-error', explain(this.l, error)),
      );
    }
  }

  protected override render() {
    return this.n === undefined ? nothing : html`<span part="count">${this.l.t('commentsCount', { n: this.n })}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rw-comment-count': RwCommentCount;
  }
}
