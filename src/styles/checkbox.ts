import { unsafeCSS, type CSSResult } from 'lit';

/**
 * A checkbox drawn by us, not the browser, so its edge keeps 3:1 against the surface in both
 * schemes (a native box paints what the host's scheme says), never under the 24px target of
 * WCAG 2.5.8 (host pages may shrink rem). `selector` is one of our own constant selectors.
 */
export const drawnCheckbox = (selector: string): CSSResult =>
  unsafeCSS(`
${selector}{appearance:none;-webkit-appearance:none;box-sizing:border-box;min-block-size:0;inline-size:max(1.25em,24px);block-size:max(1.25em,24px);margin:0;padding:0;display:inline-grid;place-content:center;border:2px solid var(--_rw-color-edge);border-radius:.2em;background:var(--_rw-color-surface);cursor:pointer}
${selector}::before{content:"";inline-size:.6em;block-size:.3em;border:solid var(--_rw-color-on-accent);border-width:0 0 .15em .15em;transform:translateY(-.06em) rotate(-45deg);visibility:hidden}
${selector}:checked{background:var(--_rw-color-accent);border-color:var(--_rw-color-accent);color:var(--_rw-color-on-accent)}
${selector}:checked::before{visibility:visible}
`);
