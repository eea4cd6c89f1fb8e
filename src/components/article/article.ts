import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { RwElement } from '../../internal/rw-element.js';
import { tokens } from '../../styles/tokens.js';
import { scaleSheet } from '../../text-scale.js';
import type { ArticleView } from './article-json.js';
import { lightRules, styles } from './article.styles.js';
import { safeUrl } from './safe-url.js';


const lightSheets = new Map<string, CSSStyleSheet>();
const adopt = (root: Document | ShadowRoot, sheet?: CSSStyleSheet) => {
  if (sheet && root.adoptedStyleSheets && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
};

/**
 * A news article card. The publisher's semantic HTML stays in the light DOM (readable without
 * JavaScript and by search engines); the element lays it out as a card with a meta row and the
 * reader's text-size controls. With `src` it renders a JSON `NewsArticle` instead, and with
 * `variant="teaser"` a compact card for article lists.
 *
 * The built-in text-size control is `<rw-text-size>`: when registering under your own names,
 * register that one too or set `no-text-size`.
 *
 * @summary News article card with reader text size, light-DOM first.
 * @tag rw-article
 *
 * @attr {'light'|'dark'|'auto'} theme - Colour scheme; `auto` (default) follows the page (the reader's system where the page allows both), else light.
 * @attr lang - Language for dates and messages; inherited from the nearest ancestor with `lang`.
 *
 * @slot headline - The headline, e.g. `<h1 slot="headline">`.
 * @slot byline - One or more authors, links allowed.
 * @slot date - A `<time datetime="…">`; kept as written unless empty or `format-date` is set.
 * @slot figure - Teaser only: a `<figure>` with the image and a `<figcaption>` (caption and `<small class="credit">`).
 * @slot - The body (paragraphs, a `.dateline` element, block quotes, lists, figures); in a teaser, the summary.
 *
 * @csspart card - The card around everything.
 * @csspart headline - The headline.
 * @csspart link - Teaser: the link around the headline.
 * @csspart meta - The row with byline, date and text size.
 * @csspart byline - The authors.
 * @csspart date - The date.
 * @csspart text-size - The built-in `<rw-text-size>` (its `button`, `decrease`, `increase` and `reset` parts are exported too).
 * @csspart button - The text-size buttons (exported).
 * @csspart decrease - The "A-" button (exported).
 * @csspart increase - The "A+" button (exported).
 * @csspart reset - The "100%" button (exported).
 * @csspart body - The article body.
 * @csspart figure - The figure (teaser image slot, or the JSON article's image with its caption).
 * @csspart image - The image of a JSON article.
 * @csspart caption - The caption of a JSON article's image.
 * @csspart credit - The photo credit of a JSON article's image.
 * @csspart dateline - The dateline of a JSON article.
 * @csspart summary - Teaser: the summary.
 * @csspart error - The message shown when `src` cannot be loaded.
 *
 * @cssprop --rw-font-headline - Headline font family.
 * @cssprop --rw-font-body - Body font family.
 * @cssprop --rw-font-ui - Font of the meta row, captions and controls.
 * @cssprop --rw-font-size-body - Body text size at 100 % (default `1.125rem`).
 * @cssprop --rw-font-size-headline - Headline size at 100 % (default `clamp(1.5rem, 1rem + 2vw, 2.375rem)`).
 * @cssprop --rw-font-size-small - Meta row and caption size at 100 % (default `0.875rem`).
 * @cssprop --rw-line-height - Body line height (default `1.6`).
 * @cssprop --rw-measure - Maximum line length of the card (default `68ch` of the body text).
 * @cssprop --rw-color-text - Text colour.
 * @cssprop --rw-color-muted - Meta row, captions and summary.
 * @cssprop --rw-color-accent - Block quote rule.
 * @cssprop --rw-color-on-accent - Text on accent-coloured controls (shared token).
 * @cssprop --rw-color-surface - Card background.
 * @cssprop --rw-color-subtle - Quiet background of secondary areas (shared token).
 * @cssprop --rw-color-border - Card border and meta row rules.
 * @cssprop --rw-color-danger - Error message.
 * @cssprop --rw-color-focus - Focus ring colour.
 * @cssprop --rw-space - Gap between headline, meta row and body (default `1rem`).
 * @cssprop --rw-radius - Card corner radius.
 *
 * @fires {CustomEvent<RwErrorDetail>} rw-error - When `src` cannot be loaded: `code` is `network`, `http-404` (or another status), `invalid-json` or `invalid-article`.
 */
export class RwArticle extends RwElement {
  static override styles = [tokens, scaleSheet, styles];
  static override properties = {
    variant: { reflect: true },
    href: {},
    src: {},
    noTextSize: { type: Boolean, attribute: 'no-text-size' },
    formatDate: { type: Boolean, attribute: 'format-date' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    view: { state: true },
    failed: { state: true },
  };

  /** `teaser` renders a compact card (figure, linked headline, summary) without text-size controls. */
  variant?: 'teaser';
  /** Teaser: where the headline links to. */
  href?: string;
  /** URL of a JSON `NewsArticle` to render instead of the light DOM. */
  src?: string;
  /** Hides the built-in text-size controls (for a `<rw-text-size>` placed elsewhere). */
  noTextSize = false;
  /** Shows the `date` slot's `datetime` formatted in the element's language. */
  formatDate = false;
  /** Level of the headline rendered from `src` (default 2, teaser 3). */
  headingLevel?: number;
  private view?: ArticleView;
  private failed = false;

  private request = 0;
  /**
   * Server-rendered (declarative shadow DOM, attached before the element upgrades): the server
   * saw no light DOM, so the first render, which hydrates that markup, must not read it either.
   */
  private serverRendered = !!this.shadowRoot;

  protected override firstUpdated(): void {
    // Now what the light DOM asks for (a formatted date) may differ from the server's markup.
    if (this.serverRendered) this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const root = this.getRootNode() as Document | ShadowRoot;
    const tag = this.localName;
    let sheet = lightSheets.get(tag);
    if (!sheet) {
      lightSheets.set(tag, (sheet = new CSSStyleSheet()));
      sheet.replaceSync(lightRules(tag));
    }
    adopt(root, sheet);
    // A hydrated shadow root keeps the server's <style> (the scale it rendered with) and Lit adopts
    // nothing into it: the live scale sheet goes after it, so that A+ still reaches this card.
    if (this.serverRendered) adopt(this.shadowRoot!, scaleSheet.styleSheet);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src')) void this.load();
  }

  private async load(): Promise<void> {
    const id = ++this.request;
    this.view = undefined;
    this.failed = false;
    if (!this.src) return;
    try {
      // JSON mode, its renderer and DOMPurify are a separate chunk: the script-tag bundle never pays for them.
      const { loadArticle } = await import('./article-json.js');
      const view = await loadArticle(this.src);
      if (id === this.request) this.view = view;
    } catch (code) {
      if (id !== this.request) return;
      this.failed = true;
      this.emit('rw-error', { code: typeof code === 'string' ? code : 'network', message: this.locale.t('articleError') });
    }
  }

  /** @internal */
  textSize() {
    return this.noTextSize || this.variant === 'teaser'
      ? nothing
      : html`<rw-text-size part="text-size" exportparts="button,decrease,increase,reset" theme=${this.theme ?? nothing}></rw-text-size>`;
  }

  /** The date slot's element as the last render read it. */
  private dateSource?: Element | null;

  private dateFromSlot() {
    // No light DOM in a server render (nor in the first render that hydrates it).
    const slotted = this.serverRendered && !this.hasUpdated ? undefined : (this.querySelector?.(':scope > [slot=date]') ?? null);
    this.dateSource = slotted;
    const time = slotted?.matches('time') ? slotted : slotted?.querySelector('time');
    const iso = time?.getAttribute('datetime');
    const format = !!iso && (this.formatDate || !time!.textContent!.trim());
    return html`<span part="date">
      ${format ? html`<time datetime=${iso}>${this.locale.date(iso)}</time>` : nothing}
      <slot name="date" ?hidden=${format} @slotchange=${this.dateSlotChanged}></slot>
    </span>`;
  }

  // The first render's own slot assignment fires slotchange too: only another element re-renders.
  private dateSlotChanged() {
    if (this.querySelector(':scope > [slot=date]') !== this.dateSource) this.requestUpdate();
  }

  /** @internal */
  card(teaser: boolean, content: TemplateResult) {
    return html`<article part="card" class="card ${teaser ? 'teaser' : ''}" aria-busy=${this.src && !this.view && !this.failed ? 'true' : nothing}>${content}</article>`;
  }

  /** @internal */
  headline(teaser: boolean, content: unknown, url?: string) {
    const href = teaser ? safeUrl(this.href ?? url) : undefined;
    return href ? html`<a part="link" href=${href}>${content}</a>` : content;
  }

  protected override render() {
    const teaser = this.variant === 'teaser';
    if (this.src) return this.renderLoaded(teaser);
    const headline = html`<div part="headline" class="headline">${this.headline(teaser, html`<slot name="headline"></slot>`)}</div>`;
    return this.card(
      teaser,
      teaser
        ? html`<div part="figure" class="figure"><slot name="figure"></slot></div>
            ${headline}
            <div part="summary" class="summary"><slot></slot></div>`
        : html`${headline}
            <div part="meta" class="meta">
              <span part="byline" class="byline"><slot name="byline"></slot></span>
              ${this.dateFromSlot()} ${this.textSize()}
            </div>
            <div part="body" class="body"><slot></slot></div>`,
    );
  }

  private renderLoaded(teaser: boolean) {
    const l = this.locale;
    if (this.view) return this.view(this, teaser);
    return this.card(
      teaser,
      this.failed ? html`<p part="error" role="alert">${l.t('articleError')}</p><slot></slot>` : html`<p>${l.t('articleLoading')}</p>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rw-article': RwArticle;
  }
}
