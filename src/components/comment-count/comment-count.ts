import { css, html, nothing, type PropertyValues } from 'lit';
import { RwElement } from '../../internal/rw-element.js';
import { tokens } from '../../styles/tokens.js';
import { explain } from '../comments/messages.js';
import { count } from './batch.js';

/**
 * The number of approved comments of a thread, for lists of articles ("12 comments"), in the
 * reader's language and digits. All the counts of a page are fetched in one request per endpoint.
 * Renders nothing until the count is known, or if it cannot be loaded.
 *
 * @tag rw-comment-count
 * @attr thread - Opaque id of the article's thread.
 * @attr endpoint - Base URL of the comments service.
 * @attr theme - `light`, `dark` or `auto`.
 *
 * @csspart count - The text "N comments".
 *
 * @cssprop --rw-font-ui - Font.
 * @cssprop --rw-color-muted - Text colour (the count is secondary information).
 * @cssprop --rw-font-headline - Shared token (not used by this element).
 * @cssprop --rw-font-body - Shared token (not used by this element).
 * @cssprop --rw-color-text - Shared token (not used by this element).
 * @cssprop --rw-color-accent - Shared token (not used by this element).
 * @cssprop --rw-color-on-accent - Shared token (not used by this element).
 * @cssprop --rw-color-surface - Shared token (not used by this element).
 * @cssprop --rw-color-subtle - Shared token (not used by this element).
 * @cssprop --rw-color-border - Shared token (not used by this element).
 * @cssprop --rw-color-danger - Shared token (not used by this element).
 * @cssprop --rw-color-focus - Shared token (not used by this element).
 * @cssprop --rw-space - Shared token (not used by this element).
 * @cssprop --rw-radius - Shared token (not used by this element).
 * @cssprop --rw-measure - Shared token (not used by this element).
 *
 * @fires rw-error - The counts could not be loaded: `detail: {code, message}`.
 */
export class RwCommentCount extends RwElement {
  static override styles = [tokens, css`:host{display:inline}span{color:var(--_rw-color-muted)}`];
  static override properties = { thread: {}, endpoint: {}, n: { state: true } };

  /** Opaque id of the article's thread. */
  thread = '';
  /** Base URL of the comments service. */
  endpoint = '';
  // The count, once known.
  private n?: number;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('thread') || changed.has('endpoint')) && this.thread && this.endpoint) {
      const { thread, endpoint } = this;
      count(endpoint, thread).then(
        (n) => thread === this.thread && endpoint === this.endpoint && (this.n = n),
        (error) => this.emit('rw-error', explain(this.locale, error)),
      );
    }
  }

  protected override render() {
    return this.n === undefined ? nothing : html`<span part="count">${this.locale.t('commentsCount', { n: this.n })}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rw-comment-count': RwCommentCount;
  }
}
