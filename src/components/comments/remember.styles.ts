import { css } from 'lit';
import { drawnCheckbox } from '../../styles/checkbox.js';

// The "Remember me" field and the storage note, kept apart from comments.styles.ts (the theme's file):
// a checkbox beside its label (src/styles/checkbox.ts), not a 44px-high control; the whole label toggles it too.
export const rememberStyles = [
  drawnCheckbox('[part~=remember] input'),
  css`
[part~=remember]{display:flex;flex-wrap:wrap;align-items:center;gap:.25em .5em}
[part~=remember] label{font-weight:400;flex:1 1 0}
[part~=remember] [part=hint]{flex-basis:100%}
[part~=storage]{font-size:.875em;margin:0}
`,
];
