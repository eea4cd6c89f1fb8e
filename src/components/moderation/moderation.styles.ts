import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    line-height: 1.5;
    overflow-wrap: break-word;
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
    /* "Moderation" is wider than a 320 px line at 200 %: in this flex row only a word that can
       break lets the heading shrink to the line (break-word does not; nor anywhere on the buttons,
       which would break "Approve" while it still fits on a line of its own). */
    overflow-wrap: anywhere;
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
  /* A select is as wide as its longest option (an article's whole title): kept to a filter's size,
     so that the filters share a row. A length, not a percentage, since it must hold while the row
     is sized; on a narrow screen the select shrinks to its line instead (a flex item, no minimum). */
  .control select {
    max-inline-size: 20em;
    min-inline-size: 0;
  }
  /* The heading bar, the tabs and the filters are rows of controls: apart, so that no two touch. */
  [part='tabs'],
  [part='filters'] {
    margin-block: 0.5em;
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
