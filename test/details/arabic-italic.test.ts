// Arabic-script quotes and emphasis are never slanted: the script has no italic, and a browser
// slants it synthetically. Light-DOM and JSON articles, Arabic and Sorani pages; English keeps
// its italic quotes.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/reading-widget.js';
import type { RwArticle } from '../../src/components/article/article.js';

const article = (lang: string) => fixture<HTMLElement>(html`<div lang=${lang}>
  <rw-article>
    <h1 slot="headline">عنوان</h1>
    <p>نص <em>مؤكد</em> و<i>مائل</i>.</p>
    <blockquote><p>«كل متر نحفره يكلف مالاً»</p></blockquote>
  </rw-article>
</div>`);

const slanted = (el: Element) => {
  const style = getComputedStyle(el);
  return style.fontStyle !== 'normal' || style.fontSynthesisStyle !== 'none';
};

describe('Arabic script is never slanted', () => {
  for (const lang of ['ar', 'ckb', 'ar-IQ']) {
    it(`${lang}: block quotes, emphasis and italics in the article stay upright, with no synthetic slant`, async () => {
      const box = await article(lang);
      const card = box.querySelector<RwArticle>('rw-article')!;
      await card.updateComplete;
      for (const selector of ['blockquote', 'blockquote p', 'em', 'i']) {
        expect(slanted(card.querySelector(selector)!), selector).to.equal(false);
      }
    });
  }

  it('ar: a JSON article\'s quote stays upright', async () => {
    const box = await fixture<HTMLElement>(html`<div lang="ar"><rw-article src="/test/fixtures/article.json"></rw-article></div>`);
    const card = box.querySelector<RwArticle>('rw-article')!;
    await waitUntil(() => card.shadowRoot?.querySelector('[part=body] p'), 'the JSON article did not render', { timeout: 8000 });
    const quotes = [...card.shadowRoot!.querySelectorAll('[part=body] :is(blockquote, em, i)')];
    expect(quotes.length, 'no quote in the JSON article').to.be.above(0);
    for (const quote of quotes) expect(getComputedStyle(quote).fontStyle, quote.localName).to.equal('normal');
  });

  it('en: quotes stay italic', async () => {
    const box = await article('en');
    const card = box.querySelector<RwArticle>('rw-article')!;
    await card.updateComplete;
    expect(getComputedStyle(card.querySelector('blockquote')!).fontStyle).to.equal('italic');
    expect(getComputedStyle(card.querySelector('em')!).fontStyle).to.equal('italic');
  });
});
