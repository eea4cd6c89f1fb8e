import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    line-height: 1.5;
  }
  .bar,
  .actions,
  [part='meta'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
  }
  .bar h2 {
    margin-inline-end: auto;
  }
  form,
  [part='field'] {
    display: grid;
    gap: 0.5em;
    max-inline-size: 24rem;
  }
  input,
  select {
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
`;
