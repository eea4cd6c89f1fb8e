// The demo's "The Latest" grid (demo/demo.css) leaves no card alone on a row: two, three or four
// teasers at the widths of phones, tablets and the demo's widest column, in a real browser.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/reading-widget.js';

const sheet = new CSSStyleSheet();
before(async () => {
  sheet.replaceSync(await (await fetch('/demo/demo.css')).text());
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
});
after(() => {
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
});

const teaser = (i: number) => html`<li>
  <rw-article variant="teaser" href="#">
    <h3 slot="headline">Teaser ${i}: a headline of the usual length for a list</h3>
    <p>A summary line or two that says what the story is about.</p>
  </rw-article>
</li>`;

/** How many cards each row of the grid holds, top to bottom. */
const rows = (list: HTMLElement) => {
  const tops = new Map<number, number>();
  for (const li of list.children) {
    const top = Math.round(li.getBoundingClientRect().top);
    tops.set(top, (tops.get(top) ?? 0) + 1);
  }
  return [...tops.entries()].sort(([a], [b]) => a - b).map(([, n]) => n);
};

describe('The Latest grid', () => {
  for (const count of [2, 3, 4]) {
    for (const width of [300, 360, 414, 480, 600, 700, 736, 800, 1000]) {
      it(`${count} teasers at ${width} px: every row as full as the first`, async () => {
        const block = await fixture<HTMLElement>(html`<section class="latest-block" style="inline-size: ${width}px">
          <ul class="latest">${Array.from({ length: count }, (_, i) => teaser(i + 1))}</ul>
        </section>`);
        const perRow = rows(block.querySelector('ul')!);
        expect(perRow.every((n) => n === perRow[0]), `cards per row: ${perRow.join(', ')}`).to.equal(true);
      });
    }
  }
});
