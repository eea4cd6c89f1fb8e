import { expect, fixture, html } from '@open-wc/testing';
import '../src/reading-widget.js';
import '../src/comments.js';
import type { RwArticle } from '../src/components/article/article.js';
import type { RwComments } from '../src/components/comments/comments.js';
import { setScale } from '../src/text-scale.js';
import { seed, uniqueThread, useServer } from './support/comments-server.js';
import { $, $$, until } from './support/dom.js';
import { submit } from './support/comment-form.js';
import { px, resetScale, settled } from './support/reading.js';
import { phaseOf } from './support/comments-state.js';

/*
 * The reader's text size (A-/A+) applies to the whole comments section as it does to the article,
 * and the article's column keeps its width: the text reflows inside it.
 */
const server = useServer();
const STEPS = [0.875, 1, 2];
afterEach(resetScale);

/** The parts of the comments section a reader reads or uses, each with one element to measure. */
const PARTS: Record<string, string> = {
  heading: '[part=heading]',
  notice: '[part=notice]',
  'guidelines heading': '[part=guidelines] h3',
  guidelines: '[part=guidelines] li',
  'comment author': '[part~=comment] [part=author]',
  'comment date': '[part~=comment] [part=date]',
  'comment text': '[part~=comment] [part=text]',
  'reply button': '[part~=reply]',
  'form heading': '[part=form] h3',
  'form label': '[part=label]',
  'required mark': '[part=required]',
  'field hint': '[part=hint]',
  'field error': '[part=field] [part=error]',
  input: '[part=input]',
  textarea: '[part=textarea]',
  'submit button': '[part~=submit]',
};

describe('the reader’s text size everywhere', function () {
  this.timeout(60000);

  it('scales every part of the comments section, as the article, at 87.5 %, 100 % and 200 %', async () => {
    const thread = uniqueThread('size');
    await seed(server, thread, { author: 'A reader', text: 'A comment to read.' });
    const wrapper = await fixture(html`<div>
      <rw-article><h2 slot="headline">Headline</h2><p>Body.</p></rw-article>
      <rw-comments thread=${thread} endpoint=${server.endpoint} loading="eager"></rw-comments>
    </div>`);
    const article = wrapper.querySelector<RwArticle>('rw-article')!;
    const comments = wrapper.querySelector<RwComments>('rw-comments')!;
    await until(() => phaseOf(comments) === 'ready' && $(comments, '[part~=comment]'), 'the comments never loaded');
    submit(comments); // the field errors, so that they are measured too
    await until(() => $(comments, '[part=field] [part=error]'), 'no field error');
    await settled(wrapper);

    const sizes = () => {
      const found: Record<string, number> = {};
      for (const [name, selector] of Object.entries(PARTS)) {
        const el = $$(comments, selector)[0];
        expect(el, name).to.exist;
        found[name] = px(el);
      }
      found['article body'] = px(article.querySelector('p')!);
      return found;
    };
    const base = sizes();
    for (const scale of STEPS) {
      setScale(scale);
      await settled(wrapper);
      const now = sizes();
      const off = Object.entries(now)
        .filter(([name, size]) => Math.abs(size - base[name] * scale) > 0.5)
        .map(([name, size]) => `${name}: ${size}px, expected ${(base[name] * scale).toFixed(1)}px`);
      expect(off, `at ${scale * 100} %`).to.deep.equal([]);
    }
  });

  for (const variant of ['light DOM', 'JSON'] as const) {
    it(`keeps the article card’s width at every text size (${variant}); the text reflows inside`, async () => {
      // Wider than the card's measure, as a 1280 px window is.
      const wrapper = await fixture(html`<div style="inline-size: 1200px">
        ${variant === 'JSON'
          ? html`<rw-article src=${new URL('./fixtures/article.json', import.meta.url).href}></rw-article>`
          : html`<rw-article><h2 slot="headline">Headline</h2><p>${'Body text of a paragraph. '.repeat(20)}</p></rw-article>`}
      </div>`);
      const article = wrapper.querySelector<RwArticle>('rw-article')!;
      await until(() => article.shadowRoot?.querySelector('[part~=body]'), 'the article never rendered');
      await settled(wrapper);
      const card = article.shadowRoot!.querySelector('[part~=card]')!;
      const widths = [];
      const bodyHeights = [];
      for (const scale of STEPS) {
        setScale(scale);
        await settled(wrapper);
        widths.push(Math.round(card.getBoundingClientRect().width));
        bodyHeights.push(article.shadowRoot!.querySelector('[part~=body]')!.getBoundingClientRect().height);
      }
      expect(widths[0], 'card width at 100 %').to.be.within(600, 1200);
      expect(widths, 'card widths at 87.5 %, 100 %, 200 %').to.deep.equal([widths[1], widths[1], widths[1]]);
      // Reflowed, not cropped: at 200 % the body takes more lines.
      expect(bodyHeights[2]).to.be.above(bodyHeights[1] * 1.5);
    });
  }
});
