import { expect, fixtureSync, html } from '@open-wc/testing';
import '../../../src/reading-widget.js';
import { setScale } from '../../../src/text-scale.js';
import { px, resetScale, settled } from '../../support/reading.js';

/** What CMS themes and CSS frameworks do to a page's text. */
const hostile = `
  h1, p, blockquote, figcaption, li { font-size: 15px; line-height: 1.2; }
  .entry p { font-size: 13px; line-height: 1; }
  .entry figure figcaption { font-size: 11px; }
`;

describe('<rw-article> on a hostile host page', () => {
  let style: HTMLStyleElement;
  beforeEach(() => {
    resetScale();
    style = document.createElement('style');
    style.textContent = hostile;
    document.head.append(style);
  });
  afterEach(() => {
    style.remove();
    resetScale();
  });

  it('the reader’s text size still applies to slotted and nested text, and nothing outside is touched', async () => {
    const wrapper = fixtureSync(html`<div class="entry">
      <p id="outside">The host page’s own paragraph.</p>
      <rw-article>
        <h1 slot="headline">Headline</h1>
        <p id="body">Body paragraph.</p>
        <blockquote><p id="quoted">Quoted paragraph.</p></blockquote>
        <ul><li id="item">Item</li></ul>
        <figure><figcaption id="caption">Caption <small class="credit">Photo: AGENCY</small></figcaption></figure>
      </rw-article>
    </div>`);
    await settled(wrapper);
    const get = (id: string) => wrapper.querySelector(`#${id}`)!;
    expect(px(get('body'))).to.equal(18);
    expect(px(get('caption'))).to.equal(14);
    setScale(2);
    await settled(wrapper);
    expect(px(get('body'))).to.equal(36);
    expect(px(get('quoted'))).to.equal(36);
    expect(px(get('item'))).to.equal(36);
    expect(px(get('caption'))).to.equal(28);
    expect(px(get('body'), 'line-height')).to.be.closeTo(36 * 1.6, 0.5);
    expect(px(wrapper.querySelector('h1')!)).to.be.greaterThan(40);
    // The page's own text keeps the page's own rules.
    expect(px(get('outside'))).to.equal(13);
    const sheets = document.adoptedStyleSheets.filter((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('rw-article')));
    expect(sheets).to.have.length(1);
    for (const rule of sheets[0].cssRules) expect((rule as CSSStyleRule).selectorText).to.match(/^(:where\()?rw-article/);
  });
});
