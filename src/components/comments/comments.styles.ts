import { css } from 'lit';

// Written one rule per line: Lit's css`` is shipped as written, and this sits in the script-tag budget.
// The reader's text size scales every top-level part (the host keeps the page's size, so the column
// and a publisher's rw-comments{font-size} stay the base); all the rest is in em of those.
// A comment far from the viewport is not laid out or painted until it comes near (content-visibility;
// it stays in the document for find-in-page and screen readers): most of a page of 100 is below the
// fold, and this more than halved the layout of a first page and of "Load more". Its paint
// containment would cut the focus rings inside it (3px + 2px offset), hence the clip margin.
export const styles = css`
:host{display:block;max-inline-size:var(--_rw-measure);line-height:1.5;overflow-wrap:break-word}
:host>*{font-size:calc(1em*var(--_rw-scale,1))}
:host>h2{font-size:calc(1.5em*var(--_rw-scale,1))}
h2,h3{font-family:var(--_rw-font-headline);margin-block:1.5em .5em}
p{margin-block:.5em}
[part=guidelines],[part~=mine]{background:var(--_rw-color-subtle);border:1px solid var(--_rw-color-edge);border-radius:var(--_rw-radius);padding:.1px var(--_rw-space)}
[part~=mine]{border-style:dashed;margin-block:.5em;padding-block:.5em}
[part=guidelines] h3{margin-block-start:1em}
form,[part=field]{display:grid;grid-template-columns:minmax(0,1fr);gap:.75em}
[part=field]{gap:.25em}
[part=field] p,[role]:empty{margin:0}
label{font-weight:600}
[part=required],[part=hint],[part=counter],time,.sort{color:var(--_rw-color-muted);font-size:.875em;font-weight:400}
input,textarea,select{border:1px solid var(--_rw-color-edge);border-radius:var(--_rw-radius);background:var(--_rw-color-surface);padding:.5em;min-block-size:2.75rem}
[aria-invalid=true],[part=error]{border-color:var(--_rw-color-danger);color:var(--_rw-color-danger)}
section{margin-block-start:2em}
.wait{min-block-size:var(--rw-comments-reserve,16rem)}
.sort{display:flex;flex-wrap:wrap;gap:.5em;align-items:center;justify-content:end}
ol{list-style:none;margin:0;padding:0}
[part=list]>li{content-visibility:auto;contain-intrinsic-block-size:auto 10em;overflow-clip-margin:5px}
ol ol,li>form{margin-inline-start:1.5em;padding-inline-start:1em;border-inline-start:2px solid var(--_rw-color-border)}
article{padding-block:var(--_rw-space);border-block-end:1px solid var(--_rw-color-border)}
[part=text]{font-family:var(--_rw-font-body);white-space:pre-line;overflow-wrap:anywhere}
.rejected{color:var(--_rw-color-danger)}
[part~=load-more]{margin-block:1em;inline-size:100%}
`;
