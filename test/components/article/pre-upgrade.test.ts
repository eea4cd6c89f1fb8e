// The pre-upgrade stylesheet (the text of dist/reading-widget.css) in this browser (Firefox as well
// as Chromium): an article and a teaser list laid out by it before the elements are defined keep
// every box where it is when the script arrives and they upgrade. Scored as a layout shift
// (bench/lib/box-shift.mjs); the Node test test/package/pre-upgrade.test.mjs covers the built file,
// the comments section and the page without the sheet.
import { expect, fixture, html } from '@open-wc/testing';
import { preUpgradeCss, splitSelectors } from '../../../src/components/article/pre-upgrade.js';
import { BOX_SHIFT_PROBE } from '../../../bench/lib/box-shift.mjs';

declare global {
  interface Window {
    __boxSnapshot(): Map<Element, DOMRect>;
    __boxShift(before: Map<Element, DOMRect>): { score: number; moved: Array<{ el: Element; dx: number; dy: number }> };
  }
}
new Function(BOX_SHIFT_PROBE)();

const photo = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><rect width="640" height="360" fill="#9aa5b1"/></svg>');
const teaser = (i: number) => html`<rw-article variant="teaser" href="#">
  <figure slot="figure"><img src=${photo} width="640" height="360" alt="" /><figcaption>Caption ${i}. <small class="credit">Photo: Agency</small></figcaption></figure>
  <h3 slot="headline">Teaser ${i}: a headline of the usual length</h3>
  <p>A summary line or two that says what the story is about.</p>
</rw-article>`;

// One upgrade per page: the elements are defined once, by the first test.
for (const width of [1000]) {
  it(`at ${width} px the article and teasers do not move when they upgrade`, async () => {
    const style = document.createElement('style');
    style.textContent = preUpgradeCss();
    document.head.append(style);
    const page = await fixture<HTMLElement>(html`<main style="inline-size: ${width}px; font: 1rem/1.5 system-ui, sans-serif">
      <rw-article format-date>
        <h1 slot="headline">Farmers in Sulaimani turn to drip irrigation as spring rains fall short</h1>
        <p slot="byline">By <a href="#">Rozhan Aziz</a></p>
        <time slot="date" datetime="2024-04-17">17 April 2024</time>
        <p><span class="dateline">SULAIMANI –</span> Farmers across the Sharazur plain have begun laying thousands of metres of hose.</p>
        <blockquote><p>“Every metre we drill costs money.”</p></blockquote>
        <p>Rainfall at the weather station reached 312 millimetres between October and the end of March.</p>
      </rw-article>
      <div style="display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr)); gap: 1rem">${[1, 2, 3].map(teaser)}</div>
      <p>The host page's content after the cards.</p>
    </main>`);
    await Promise.all([...page.querySelectorAll('img')].map((img) => img.decode().catch(() => {})));
    expect(customElements.get('rw-article'), 'defined before the test upgraded it').to.equal(undefined);
    const before = window.__boxSnapshot();
    await import('../../../src/reading-widget.js');
    await Promise.all([...page.querySelectorAll('rw-article')].map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
    await new Promise(requestAnimationFrame);
    const { score, moved } = window.__boxShift(before);
    style.remove();
    expect(score, moved.map(({ el, dx, dy }) => `${el.localName}${el.slot ? `[slot=${el.slot}]` : ''} ${dx},${dy}`).slice(0, 6).join('; ')).to.be.at.most(0.01);
  });
}

it('reads a selector list at its top-level commas (an :is() list stays one selector)', () => {
  expect(splitSelectors('a, .b > :is(:lang(ar), :lang(ckb)) p,::slotted(:is(h2,h3))')).to.deep.equal(['a', ' .b > :is(:lang(ar), :lang(ckb)) p', '::slotted(:is(h2,h3))']);
  // The stylesheet it builds holds the Arabic-script quote rule whole.
  expect(preUpgradeCss()).to.include(':is(:lang(ar),:lang(ckb))');
});
