import { css } from 'lit';
import { focusRing } from '../../styles/tokens.js';

/**
 * Sizes live on the wrappers (headline, meta, body, figure); slotted light-DOM children inherit
 * them with `!important`, the one shadow rule a host page's own `p { font-size }` cannot beat.
 * Every size is a rem token times `--_rw-scale`, so a text-size change is a style recalculation.
 */
export const styles = [
  focusRing,
  css`
  :host {
    display: block;
    overflow-wrap: break-word;
    --_rw-fs-body: calc(var(--rw-font-size-body, 1.125rem) * var(--_rw-scale, 1));
    --_rw-fs-teaser: calc(1rem * var(--_rw-scale, 1));
    --_rw-fs-headline: calc(var(--rw-font-size-headline, clamp(1.5rem, 1rem + 2vw, 2.375rem)) * var(--_rw-scale, 1));
    --_rw-fs-small: calc(var(--rw-font-size-small, 0.875rem) * var(--_rw-scale, 1));
    --_rw-lh: var(--rw-line-height, 1.6);
    /* A script without italics (Arabic, Kurdish) must not be slanted by the browser instead. */
    font-synthesis-style: none;
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: var(--_rw-space);
    box-sizing: content-box;
    max-inline-size: var(--_rw-measure);
    padding: clamp(1rem, 5vw, 2.5rem);
    border: 1px solid var(--_rw-color-border);
    border-radius: var(--_rw-radius);
    background: var(--_rw-color-surface);
    font-family: var(--_rw-font-body);
    /* The card itself stays at 100 %, so a measure in ch (the default 68ch) is the same column at
       every text size: the text reflows inside it. Its children carry the reader's size. */
    font-size: var(--rw-font-size-body, 1.125rem);
    line-height: var(--_rw-lh);
  }
  .card > * {
    font-size: var(--_rw-fs-body);
  }
  slot::slotted(*) {
    font-size: inherit !important;
    line-height: inherit !important;
    margin: 0;
  }
  slot[hidden] {
    display: none;
  }
  .headline {
    margin: 0;
    font-family: var(--_rw-font-headline);
    font-size: var(--_rw-fs-headline);
    font-weight: 700;
    line-height: 1.15;
    text-wrap: balance;
  }
  a {
    color: inherit;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1.25rem;
    padding-block: 0.75rem;
    border-block: 1px solid var(--_rw-color-border);
    font-family: var(--_rw-font-ui);
    font-size: var(--_rw-fs-small);
    line-height: 1.4;
    color: var(--_rw-color-muted);
  }
  .byline {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
    font-weight: 600;
    color: var(--_rw-color-text);
  }
  rw-text-size {
    margin-inline-start: auto;
  }
  .body {
    hyphens: auto;
    text-wrap: pretty;
  }
  .body > *,
  .body > slot::slotted(*) {
    margin-block: 0 1em;
  }
  .body > slot::slotted(:is(h2, h3, h4)) {
    margin-block-start: 1.5em;
    font-family: var(--_rw-font-headline);
    font-size: 1.25em !important;
    line-height: 1.3 !important;
  }
  .body > slot::slotted(blockquote) {
    margin-inline: 0;
    padding-inline-start: 1em;
    border-inline-start: 0.25rem solid var(--_rw-color-accent);
    font-style: italic;
  }
  /* Arabic script has no italic (Arabic and Sorani, the catalogues' Arabic-script languages): its
     quotes are marked by the rule alone. One selector per language (no :is() list), so that the
     pre-upgrade stylesheet can carry each one over. */
  .body > slot::slotted(blockquote:is(:lang(ar), :lang(ckb))) {
    font-style: normal;
  }
  .body > slot::slotted(:is(ul, ol)) {
    padding-inline-start: 1.5em;
  }
  .body > slot::slotted(figure),
  slot[name='figure']::slotted(*) {
    margin: 0 0 1em;
    font-family: var(--_rw-font-ui);
    font-size: var(--_rw-fs-small) !important;
    line-height: 1.45 !important;
    color: var(--_rw-color-muted);
  }
  /* A JSON article still loading fills the screen: what the page has after it starts below the
     first screen, and the article's arrival only grows it downward, out of sight. */
  .card[aria-busy]:not(.teaser) {
    min-block-size: 100vh;
  }
  .teaser {
    gap: 0.5rem;
    padding: 0 0 1rem;
    overflow: hidden;
    font-size: 1rem;
  }
  .teaser > * {
    font-size: var(--_rw-fs-teaser);
  }
  .teaser > :not(.figure) {
    padding-inline: 1rem;
  }
  .teaser .headline {
    font-size: calc(1.25rem * var(--_rw-scale, 1));
    /* Not only break-word: a word wider than a 320 px column at 200 % ("beekeepers") must not
       widen a teaser in a grid or flex row that sizes it by its content. */
    overflow-wrap: anywhere;
  }
  /* A JSON teaser's summary is a <p> of ours: no margins of its own, as a slotted one has none. */
  .summary {
    margin: 0;
    color: var(--_rw-color-muted);
  }
  [role='alert'] {
    color: var(--_rw-color-danger);
    font-family: var(--_rw-font-ui);
  }
`,
];

/**
 * Light-DOM descendants nested in slotted elements (a caption in a figure, a paragraph in a quote)
 * are out of `::slotted()`'s reach: one document sheet per tag name, scoped under that tag, makes
 * them inherit the size of their slotted ancestor. `:where()` keeps the other defaults weak.
 * Arabic-script emphasis and quotes stay upright (the script has no italic).
 * Byline links take the byline's colour, as in a JSON article: a page's link blue is made for its
 * own background, not for the card's in the other scheme (restyle them with `::part(byline)`).
 */
export const lightRules = (tag: string) => `
${tag}>* :is(p,li,blockquote,figcaption,h2,h3,h4,h5,h6,dd,dt,a,q,cite){font-size:inherit!important;line-height:inherit!important}
${tag}>[slot=byline] a,${tag}>a[slot=byline]{color:inherit!important}
:where(${tag}) a:focus-visible{outline:3px solid var(--_rw-focus);outline-offset:2px}
:where(${tag}) img{display:block;max-inline-size:100%;block-size:auto}
:where(${tag}>figure) figcaption{margin-block-start:.5em}
:where(${tag}[variant=teaser]>figure) figcaption{padding-inline:1rem}
:where(${tag}>*) .dateline{font-weight:700;font-variant-caps:all-small-caps;letter-spacing:.03em}
:where(${tag}>*) .credit{display:block;font-size:.85em;letter-spacing:.04em;text-transform:uppercase}
:where(${tag}) :is(em,i,cite,q,dfn,var,blockquote):is(:lang(ar),:lang(ckb)){font-style:normal}`;
