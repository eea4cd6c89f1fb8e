import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    font-size: 0.875rem;
  }
  [part~='group'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }
  button {
    padding-inline: 0.6em;
    font-weight: 600;
  }
  [part~='decrease'] {
    font-size: 0.9em;
  }
  [part~='increase'] {
    font-size: 1.15em;
  }
  [part~='reset'] {
    font-variant-numeric: tabular-nums;
  }
`;
