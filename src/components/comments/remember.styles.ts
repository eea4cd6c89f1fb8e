import { css } from 'lit';
import { drawnCheckbox } from '../../styles/checkbox.js';

// The "Remember me" field and the storage note, kept apart from comments.styles.ts (the theme's file):
// a checkbox beside its label (src/styles/checkbox.ts), not a 44px-high control; the whole label toggles it too.
// The box is centred on the label's first line (1lh), not on a label that wraps to two.
export const rememberStyles = [
  drawnCheckbox('[part~=remember] input'),
  css`
[part~=remember]{display:flex;flex-wrap:wrap;align-items:flex-start;gap:.25em .5em}
[part~=remember] input{margin-block-start:calc((1lh - max(1.25em,24px)) / 2)}
[part~=remember] label{font-weight:400;flex:1 1 0}
[part~=remember] [part=hint]{flex-basis:100%}
[part~=storage]{font-size:.875em;margin:0}
`,
];
