import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import '../../../src/reading-widget.js';
import type { RwArticle } from '../../../src/components/article/article.js';
import { RwArticle as ArticleClass } from '../../../src/index.js';
import { define } from '../../../src/define.js';
import { setScale } from '../../../src/text-scale.js';
import { px, resetScale, settled } from '../../support/reading.js';

const photo = new URL('../../fixtures/photo.svg', import.meta.url).href;

const article = (attrs = '') =>
  fixture<RwArticle>(
    `<rw-article ${attrs}>
        <h1 slot="headline">Farmers turn to drip irrigation</h1>
        <p slot="byline">By <a href="#a">Rozhan Aziz</a></p>
        <p slot="byline"><a href="#b">Dana Salih</a></p>
        <time slot="date" datetime="2020-02-17">17-02-2020</time>
        <p><span class="dateline">SULAIMANI, Kurdistan Region –</span> First paragraph.</p>
        <p>“A quote,” said an official. “We budgeted [for] six hundred kits.”</p>
        <blockquote><p>A block quote.</p></blockquote>
        <ul><li>A list item</li></ul>
        <figure><img src="${photo}" width="1200" height="675" alt="Wheat rows" /><figcaption>Caption. <small class="credit">Photo: AGENCY</small></figcaption></figure>
        <p>Last paragraph.</p>
      </rw-article>`,
  );

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<rw-article> from light DOM', () => {
  beforeEach(resetScale);
  afterEach(resetScale);

  it('keeps the publisher’s content in the light DOM and slots it into the card', async () => {
    const el = await article();
    const slot = (name?: string) => el.shadowRoot!.querySelector<HTMLSlotElement>(name ? `slot[name=${name}]` : 'slot:not([name])')!;
    expect(slot('headline').assignedElements()[0].tagName).to.equal('H1');
    expect(slot('byline').assignedElements()).to.have.length(2);
    expect(slot('date').assignedElements()[0].tagName).to.equal('TIME');
    expect(slot().assignedElements().map((e) => e.tagName)).to.deep.equal(['P', 'P', 'BLOCKQUOTE', 'UL', 'FIGURE', 'P']);
    for (const name of ['card', 'headline', 'meta', 'byline', 'date', 'text-size', 'body']) expect(part(el, name), name).to.exist;
    // The text-size control sits in the meta row, after byline and date, before the body.
    expect(part(el, 'meta')!.contains(part(el, 'text-size'))).to.be.true;
    expect(el.querySelector('h1')!.textContent).to.equal('Farmers turn to drip irrigation');
    await expect(el).to.be.accessible();
  });

  it('shows the publisher’s date as written, or formatted in the element’s language with format-date', async () => {
    const plain = await article();
    expect(part(plain, 'date')!.querySelector('time')).to.equal(null);
    const formatted = await article('format-date lang="fr"');
    const time = part(formatted, 'date')!.querySelector('time')!;
    expect(time.textContent).to.equal('17 février 2020');
    expect(time.getAttribute('datetime')).to.equal('2020-02-17');
    expect(formatted.shadowRoot!.querySelector('slot[name=date]')!.hasAttribute('hidden')).to.be.true;
  });

  it('formats an empty <time> in the language of the page', async () => {
    const wrapper = fixtureSync(html`<div lang="en-GB">
      <rw-article><h1 slot="headline">H</h1><time slot="date" datetime="2020-02-17"></time><p>Body</p></rw-article>
    </div>`);
    await settled(wrapper);
    const el = wrapper.querySelector('rw-article')!;
    await el.updateComplete;
    expect(part(el, 'date')!.querySelector('time')!.textContent).to.equal('17 February 2020');
  });

  it('renders once at start-up, and again only when another date element is slotted', async () => {
    const holder = document.createElement('div');
    holder.innerHTML = `<rw-article format-date lang="en"><h1 slot="headline">H</h1><time slot="date" datetime="2020-02-17">17-02-2020</time><p>Body</p></rw-article>`;
    const el = holder.firstElementChild as RwArticle;
    let updates = 0;
    const update = (el as unknown as { update: (c: unknown) => void }).update;
    (el as unknown as { update: (c: unknown) => void }).update = function (this: RwArticle, changed: unknown) {
      updates++;
      update.call(this, changed);
    };
    document.body.append(holder);
    try {
      await settled(holder);
      await new Promise((resolve) => setTimeout(resolve, 50));
      // The first render's own slot assignment fires slotchange: that alone must not render again.
      expect(updates, 'renders at start-up').to.equal(1);
      el.querySelector('time')!.replaceWith(Object.assign(document.createElement('time'), { slot: 'date', dateTime: '2021-06-01' }));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await el.updateComplete;
      expect(part(el, 'date')!.querySelector('time')!.textContent).to.equal('June 1, 2021');
    } finally {
      holder.remove();
    }
  });

  it('no-text-size hides the built-in controls', async () => {
    const el = await article('no-text-size');
    expect(part(el, 'text-size')).to.equal(null);
    expect(part(el, 'meta')).to.exist;
  });

  it('renders a teaser: figure, headline linked to href, summary, no text size', async () => {
    const el = await fixture<RwArticle>(html`<rw-article variant="teaser" href="https://example.com/story">
      <figure slot="figure"><img src=${photo} width="1200" height="675" alt="" /><figcaption>Caption <small class="credit">Photo: AFP</small></figcaption></figure>
      <h3 slot="headline">A teaser headline</h3>
      <p>A two-line summary.</p>
    </rw-article>`);
    const link = part(el, 'link') as HTMLAnchorElement;
    expect(link.href).to.equal('https://example.com/story');
    expect(link.querySelector('slot')!.assignedElements()[0].textContent).to.equal('A teaser headline');
    expect(part(el, 'figure')).to.exist;
    expect(part(el, 'summary')).to.exist;
    expect(part(el, 'text-size')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('does not link a teaser to a javascript: address', async () => {
    const el = await fixture<RwArticle>(html`<rw-article variant="teaser" href="javascript:alert(1)"><h3 slot="headline">H</h3></rw-article>`);
    expect(part(el, 'link')).to.equal(null);
  });

  it('scales headline, body, captions and nested text, and never re-renders for it', async () => {
    const el = await article();
    await settled(el);
    const body = part(el, 'body')!;
    const h1 = el.querySelector('h1')!;
    const p = el.querySelector(':scope > p:not([slot])')!;
    const caption = el.querySelector('figcaption')!;
    const quote = el.querySelector('blockquote p')!;
    const li = el.querySelector('li')!;
    const before = [h1, p, caption, quote, li].map((e) => px(e));
    expect(px(p)).to.equal(18);
    expect(px(caption)).to.equal(14);
    let updates = 0;
    const original = (el as unknown as { updated: (c: unknown) => void }).updated;
    (el as unknown as { updated: (c: unknown) => void }).updated = function (this: RwArticle, changed: unknown) {
      updates++;
      original.call(this, changed);
    };
    setScale(2);
    await el.updateComplete;
    await settled(el);
    expect([h1, p, caption, quote, li].map((e) => px(e))).to.deep.equal(before.map((size) => size * 2));
    expect(updates).to.equal(0);
    expect(el.isUpdatePending).to.be.false;
    expect(part(el, 'body')).to.equal(body);
  });

  it('two articles follow the same scale', async () => {
    const wrapper = fixtureSync(html`<div>
      <rw-article><p>One</p></rw-article>
      <rw-article><p>Two</p></rw-article>
    </div>`);
    await settled(wrapper);
    const [a, b] = [...wrapper.querySelectorAll('rw-article')];
    await a.updateComplete;
    part(a, 'text-size')!.shadowRoot!.querySelector<HTMLButtonElement>('[part~=increase]')!.click();
    await settled(wrapper);
    expect(px(a.querySelector('p')!)).to.equal(18 * 1.125);
    expect(px(b.querySelector('p')!)).to.equal(18 * 1.125);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`is accessible in the ${theme} theme`, async () => {
      const el = await article(`theme="${theme}"`);
      expect(getComputedStyle(part(el, 'card')!).colorScheme).to.equal(theme);
      await expect(el).to.be.accessible();
    });
  }

  it('mirrors right to left and stays accessible', async () => {
    const wrapper = fixtureSync(html`<div dir="rtl" lang="ckb">
      <rw-article>
        <h1 slot="headline">سەردێڕ</h1>
        <blockquote><p>«وتەیەک»</p></blockquote>
      </rw-article>
    </div>`);
    await settled(wrapper);
    const el = wrapper.querySelector('rw-article')!;
    await el.updateComplete;
    const quote = el.querySelector('blockquote')!;
    const style = getComputedStyle(quote);
    expect(style.borderRightWidth).to.equal('4px');
    expect(style.borderLeftWidth).to.equal('0px');
    await expect(wrapper).to.be.accessible();
  });

  it('can be registered twice, and under a host’s own name', async () => {
    await import(new URL('../../../src/reading-widget.ts?again', import.meta.url).href);
    expect(() => define('rw-article', ArticleClass)).not.to.throw();
    expect(() => define('rw-article', class extends ArticleClass {})).not.to.throw();
    define('my-story', class extends ArticleClass {});
    const el = await fixture<RwArticle>(html`<my-story><figure><figcaption>Nested caption</figcaption></figure></my-story>`);
    setScale(2);
    await settled(el);
    expect(px(el.querySelector('figcaption')!)).to.equal(28);
  });
});
