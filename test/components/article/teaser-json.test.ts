import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/reading-widget.js';
import type { RwArticle } from '../../../src/components/article/article.js';

/*
 * A teaser rendered from JSON sits in the same list as teasers written in the page ("The Latest"
 * on the demo): the same content must be laid out the same way, gap for gap.
 */
const photo = new URL('../../fixtures/photo.svg', import.meta.url).href;
const json = `data:application/json,${encodeURIComponent(JSON.stringify({
  headline: 'Bees and frost: a test article',
  description: 'A short summary of the test article.',
  image: { url: photo, caption: 'Hives above the town.', creditText: 'AGENCY', width: 640, height: 360 },
}))}`;

/** Gaps between the picture, the caption's end, the headline, the summary and the card's bottom. */
function gaps(el: RwArticle, parts: { figure: Element; headline: Element; summary: Element }) {
  const card = el.shadowRoot!.querySelector('[part=card]')!.getBoundingClientRect();
  const figure = parts.figure.getBoundingClientRect();
  const headline = parts.headline.getBoundingClientRect();
  const summary = parts.summary.getBoundingClientRect();
  return {
    'caption to headline': Math.round(headline.top - figure.bottom),
    'headline to summary': Math.round(summary.top - headline.bottom),
    'summary to card bottom': Math.round(card.bottom - summary.bottom),
  };
}

describe('a JSON teaser beside light-DOM teasers', () => {
  it('has the same gaps between picture, headline, summary and the card’s edge', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="display:grid;grid-template-columns:1fr 1fr;gap:16px;inline-size:720px">
      <rw-article variant="teaser" href="#a">
        <figure slot="figure"><img src=${photo} width="640" height="360" alt="" />
          <figcaption>Hives above the town. <small class="credit">Photo: AGENCY</small></figcaption></figure>
        <h3 slot="headline">Bees and frost: a test article</h3>
        <p>A short summary of the test article.</p>
      </rw-article>
      <rw-article variant="teaser" src=${json}></rw-article>
    </div>`);
    const [light, fromJson] = [...wrapper.querySelectorAll<RwArticle>('rw-article')] as [RwArticle, RwArticle];
    await waitUntil(() => fromJson.shadowRoot!.querySelector('[part=summary]'), 'the JSON teaser never rendered', { timeout: 5000 });
    await fromJson.updateComplete;
    const shadow = (el: RwArticle, selector: string) => el.shadowRoot!.querySelector(selector)!;
    const expected = gaps(light, { figure: light.querySelector('figure')!, headline: shadow(light, '[part=headline]'), summary: light.querySelector('p')! });
    const actual = gaps(fromJson, { figure: shadow(fromJson, 'figure'), headline: shadow(fromJson, '[part=headline]'), summary: shadow(fromJson, '[part=summary]') });
    expect(actual).to.deep.equal(expected);
  });
});
