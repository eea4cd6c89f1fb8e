import { css } from 'lit';

/**
 * The card's rules for what only a JSON article renders inside the shadow root (its own headings,
 * quotes, lists, photo, caption, credit and dateline). They load with the JSON chunk and are added to
 * the element's styles when it renders, so the script-tag bundle, which light-DOM articles style
 * through `::slotted()` and the document sheet, does not carry them.
 */
export const jsonStyles = css`
  .body :is(h2, h3, h4) {
    margin-block-start: 1.5em;
    font-family: var(--_rw-font-headline);
    font-size: 1.25em !important;
    line-height: 1.3 !important;
  }
  .body blockquote {
    margin-inline: 0;
    padding-inline-start: 1em;
    border-inline-start: 0.25rem solid var(--_rw-color-accent);
    font-style: italic;
  }
  /* Arabic script has no italic. :host(:lang()): Firefox gives a shadow tree's own elements no
     language from the host's page. */
  :host(:is(:lang(ar), :lang(ckb))) .body :is(blockquote, em, i, cite, q, dfn, var) {
    font-style: normal;
  }
  .body :is(ul, ol) {
    padding-inline-start: 1.5em;
  }
  figure {
    margin: 0 0 1em;
    font-family: var(--_rw-font-ui);
    font-size: var(--_rw-fs-small) !important;
    line-height: 1.45 !important;
    color: var(--_rw-color-muted);
  }
  img {
    display: block;
    max-inline-size: 100%;
    block-size: auto;
  }
  /* A JSON image that gives no size: the column's width at 16:9, a news photo's usual shape, until
     it loads, so that the text below it does not jump when it arrives. */
  img:not([width]) {
    inline-size: 100%;
    aspect-ratio: auto 16 / 9;
  }
  figcaption {
    margin-block-start: 0.5em;
  }
  .credit {
    display: block;
    font-size: 0.85em;
    letter-spacing: 0.04em;
    text-transform: uppercase;
  }
  .dateline {
    font-weight: 700;
    font-variant-caps: all-small-caps;
    letter-spacing: 0.03em;
  }
  .teaser figcaption {
    padding-inline: 1rem;
  }
`;
