import { css } from 'lit';

// The "Remember me" field and the storage note, kept apart from comments.styles.ts (the theme's file):
// a checkbox beside its label, not a 44px-high control, yet never under the 24px target of WCAG 2.5.8
// (host pages may shrink rem); the whole label toggles it too.
export const rememberStyles = css`
[part~=remember]{display:flex;flex-wrap:wrap;align-items:center;gap:.25em .5em}
[part~=remember] input{min-block-size:0;inline-size:max(1.25em,24px);block-size:max(1.25em,24px);margin:0;padding:0}
[part~=remember] label{font-weight:400}
[part~=remember] [part=hint]{flex-basis:100%}
[part~=storage]{font-size:.875em;margin:0}
`;
