import { css } from 'lit';

/**
 * The public token set (`--rw-*`), shared by every element, resolved once into private
 * `--_rw-*` internals with our defaults. Colours use `light-dark()`, so the element's
 * `color-scheme` (set from the theme below) picks the light or dark value.
 */
export const tokens = css`
  :host {
    color-scheme: light dark;
    --_rw-font-headline: var(--rw-font-headline, Georgia, 'Noto Serif', 'Times New Roman', serif);
    --_rw-font-body: var(--rw-font-body, Georgia, 'Noto Serif', 'Noto Naskh Arabic', 'Times New Roman', serif);
    --_rw-font-ui: var(
      --rw-font-ui,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Noto Sans',
      'Noto Sans Arabic',
      sans-serif
    );
    --_rw-color-text: var(--rw-color-text, light-dark(#1b1b1b, #ebebeb));
    --_rw-color-muted: var(--rw-color-muted, light-dark(#595959, #a9a9a9));
    --_rw-color-accent: var(--rw-color-accent, light-dark(#a4261d, #ff9a8f));
    --_rw-color-on-accent: var(--rw-color-on-accent, light-dark(#ffffff, #1b1b1b));
    --_rw-color-surface: var(--rw-color-surface, light-dark(#ffffff, #17191c));
    --_rw-color-subtle: var(--rw-color-subtle, light-dark(#f4f2ee, #22252a));
    --_rw-color-border: var(--rw-color-border, light-dark(#d6d3cd, #3b3f45));
    /* Edges a reader must see (fields, buttons, boxes that stand out), 3:1 against the surface,
       the subtle background and the usual page backgrounds (WCAG 1.4.11). Derived from the muted
       text, which is readable on the surface, so a publisher's palette keeps its edges visible. */
    --_rw-color-edge: color-mix(in srgb, var(--_rw-color-muted) 80%, var(--_rw-color-surface));
    --_rw-color-danger: var(--rw-color-danger, light-dark(#b00020, #ff8a8a));
    --_rw-space: var(--rw-space, 1rem);
    --_rw-radius: var(--rw-radius, 0.5rem);
    --_rw-measure: var(--rw-measure, 68ch);
    --_rw-focus: var(--rw-color-focus, light-dark(#0b57d0, #8ab4f8));
    /* !important: a shadow host's own rules lose to any page rule that matches it (a CMS's
       "* { font-family }"); inner !important wins. Publishers restyle through the tokens. */
    color: var(--_rw-color-text) !important;
    font-family: var(--_rw-font-ui) !important;
  }
  :host(:state(light)) {
    color-scheme: light;
  }
  :host(:state(dark)) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .vh {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** One focus ring on every interactive element of every element (links included). */
export const focusRing = css`
  :focus-visible {
    outline: 3px solid var(--_rw-focus);
    outline-offset: 2px;
  }
`;

/** Buttons and form controls, the same in every element (an array: the build minifies only literals without interpolations). */
export const controls = [
  focusRing,
  css`
  button,
  input,
  textarea,
  select {
    font: inherit;
    color: inherit;
    letter-spacing: normal;
    text-transform: none;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.35em;
    /* 44 px targets even where the host page shrinks rem (html { font-size: 62.5% }). */
    min-block-size: max(2.75rem, 44px);
    min-inline-size: max(2.75rem, 44px);
    padding: 0.35em 0.9em;
    border: 1px solid var(--_rw-color-edge);
    border-radius: var(--_rw-radius);
    background: var(--_rw-color-surface);
    cursor: pointer;
    line-height: 1.2;
  }
  button.primary {
    background: var(--_rw-color-accent);
    border-color: var(--_rw-color-accent);
    color: var(--_rw-color-on-accent);
    font-weight: 600;
  }
  button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
`,
];
