import { css } from 'lit';

// The "Remember me" field and the storage note, kept apart from comments.styles.ts (the theme's file):
// a checkbox beside its label, not a 44px-high control, yet never under the 24px target of WCAG 2.5.8
// (host pages may shrink rem); the whole label toggles it too. Drawn by us, not the browser, so its
// edge keeps 3:1 against the surface in both schemes (a native box paints what the host's scheme says).
export const rememberStyles = css`
[part~=remember]{display:flex;flex-wrap:wrap;align-items:center;gap:.25em .5em}
[part~=remember] input{appearance:none;-webkit-appearance:none;box-sizing:border-box;min-block-size:0;inline-size:max(1.25em,24px);block-size:max(1.25em,24px);margin:0;padding:0;display:inline-grid;place-content:center;border:2px solid var(--_rw-color-edge);border-radius:.2em;background:var(--_rw-color-surface);cursor:pointer}
[part~=remember] input::before{content:"";inline-size:.6em;block-size:.3em;border:solid var(--_rw-color-on-accent);border-width:0 0 .15em .15em;transform:translateY(-.06em) rotate(-45deg);visibility:hidden}
[part~=remember] input:checked{background:var(--_rw-color-accent);border-color:var(--_rw-color-accent)}
[part~=remember] input:checked::before{visibility:visible}
[part~=remember] label{font-weight:400}
[part~=remember] [part=hint]{flex-basis:100%}
[part~=storage]{font-size:.875em;margin:0}
`;
