import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    line-height: 1.5;
    /* A word longer than a 320 px line at 200 % ("Moderation" in a flex row) breaks instead of
       widening its row past the screen. */
    overflow-wrap: anywhere;
  }
  .bar,
  .actions,
  .filters,
  .row,
  [part='record'],
  [part='meta'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
  }
  .bar h2 {
    margin-inline-end: auto;
  }
  /* One column no wider than the element: a field's own width (about 20 characters, 500 px with
     text at 200 %) must not widen the grid past a 320 px screen. */
  form,
  [part='field'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5em;
    max-inline-size: 24rem;
  }
  input,
  textarea,
  select {
    max-inline-size: 100%;
    color: inherit;
    font: inherit;
    border: 1px solid var(--_rw-color-edge);
    border-radius: var(--_rw-radius);
    background: var(--_rw-color-surface);
    padding: 0.5em;
    min-block-size: 2.75rem;
  }
  [part='error'] {
    color: var(--_rw-color-danger);
    font-weight: 600;
  }
  [role]:empty {
    margin: 0;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  article {
    padding: var(--_rw-space);
    border: 1px solid var(--_rw-color-border);
    border-radius: var(--_rw-radius);
    margin-block-end: var(--_rw-space);
  }
  article:focus-within {
    background: var(--_rw-color-subtle);
  }
  [part='meta'] {
    color: var(--_rw-color-muted);
    font-size: 0.875em;
  }
  [part='meta'] b {
    color: var(--_rw-color-text);
  }
  [part='text'] {
    font-family: var(--_rw-font-body);
    white-space: pre-line;
    overflow-wrap: anywhere;
  }

  .control {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
    align-items: center;
    max-inline-size: 100%;
  }
  .grid {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5em;
    max-inline-size: 24rem;
    margin-block: var(--_rw-space);
  }
  .bulk {
    padding: 0.5em;
    border: 1px solid var(--_rw-color-border);
    border-radius: var(--_rw-radius);
    margin-block-end: var(--_rw-space);
  }
  [part~='parent'] {
    margin: 0 0 0.5em;
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_rw-color-border);
    color: var(--_rw-color-muted);
  }
  [part~='parent'] p {
    margin: 0.25em 0;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  [part~='record'],
  [part~='decided'] {
    color: var(--_rw-color-muted);
    font-size: 0.875em;
  }
  [part~='decided'] {
    font-weight: 600;
  }
  mark {
    /* The page's text colour on a light yellow, or a dark amber in dark mode: both above 4.5:1. */
    background: light-dark(#fff1a8, #5c4700);
    color: var(--_rw-color-text);
    border-radius: 2px;
    padding-inline: 0.1em;
  }
  kbd {
    font: inherit;
    font-size: 0.8em;
    font-weight: 600;
    border: 1px solid currentColor;
    border-radius: 3px;
    padding-inline: 0.3em;
  }
  a,
  .link {
    color: inherit;
    text-decoration: underline;
  }
  .link {
    border: 0;
    background: none;
    padding: 0;
    min-block-size: 0;
    font: inherit;
    cursor: pointer;
  }
  [aria-current='page'] {
    font-weight: 700;
    text-decoration: underline;
  }
  code,
  [part~='meta'] span,
  [part~='secret'] code {
    overflow-wrap: anywhere;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  h3 {
    margin-block: var(--_rw-space) 0.5em;
  }
`;
