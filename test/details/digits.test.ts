// One numbering system per element: an Arabic-script page shows the date, the comment count and
// the text-size percentage in the same digits, and `-u-nu-latn` switches every one of them to
// Latin digits. Checked on what the formatting functions return in this browser.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { formatDate, formatNumber, translate } from '../../src/i18n.js';
import '../../src/reading-widget.js';
import type { RwArticle } from '../../src/components/article/article.js';

const SYSTEMS = { latin: /[0-9]/, arabicIndic: /[\u0660-\u0669]/, extended: /[\u06f0-\u06f9]/ };
const systems = (text: string) => Object.entries(SYSTEMS).filter(([, re]) => re.test(text)).map(([name]) => name);

/** Everything an element writes with digits in this language. */
const written = (lang: string) => [
  formatDate(lang, '2024-04-17'),
  formatDate(lang, '2024-04-17T09:05:00Z', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
  translate(lang, 'commentsCount', { n: 12 }),
  formatNumber(lang, 1.125, { style: 'percent', maximumFractionDigits: 1 }),
  formatNumber(lang, 1234),
];

describe('digits', () => {
  for (const lang of ['ar', 'ar-IQ', 'ar-EG', 'ar-SA', 'ar-MA', 'ckb', 'ckb-IQ', 'fa', 'en', 'tr']) {
    it(`${lang}: date, count and percentage in one numbering system`, () => {
      const texts = written(lang);
      expect(systems(texts.join(' ')), texts.join(' | ')).to.have.length(1);
    });
  }
  for (const lang of ['ar-u-nu-latn', 'ckb-u-nu-latn', 'ar-IQ-u-nu-latn', 'fa-u-nu-latn']) {
    it(`${lang}: every digit Latin`, () => {
      const texts = written(lang);
      expect(systems(texts.join(' ')), texts.join(' | ')).to.deep.equal(['latin']);
    });
  }
  it('Arabic-script languages keep their own digits where the browser has them', () => {
    expect(systems(written('ar-IQ').join(' '))).to.deep.equal(['arabicIndic']);
    expect(systems(written('ckb').join(' '))).to.deep.equal(['arabicIndic']);
  });
});

/** The text an element shows, its shadow trees included (what a reader sees in one card). */
const shown = (root: Node): string =>
  [...root.childNodes].map((n) => (n.nodeType === Node.TEXT_NODE ? n.textContent : n instanceof Element ? (n.shadowRoot ? shown(n.shadowRoot) : '') + shown(n) : '')).join(' ');

describe('digits in one card', () => {
  for (const [lang, expected] of [['ar-IQ', 'arabicIndic'], ['ckb', 'arabicIndic'], ['ar-u-nu-latn', 'latin'], ['ckb-u-nu-latn', 'latin']]) {
    it(`${lang}: the formatted date and the text-size reset ("100 %") share one set of digits`, async () => {
      const box = await fixture<HTMLElement>(html`<div lang=${lang}>
        <rw-article format-date><h1 slot="headline">عنوان</h1><time slot="date" datetime="2024-04-17"></time><p>نص</p></rw-article>
      </div>`);
      const article = box.querySelector<RwArticle>('rw-article')!;
      const reset = () => article.shadowRoot?.querySelector('rw-text-size')?.shadowRoot?.querySelector('[part~=reset] bdi');
      await waitUntil(() => reset() && /[^\x00-\x7f]/.test(article.shadowRoot!.querySelector('[part=date] time')?.textContent ?? ''), 'the card did not render its date');
      const text = [article.shadowRoot!.querySelector('[part=date]')!.textContent, reset()!.textContent].join(' ');
      expect(systems(text), text).to.deep.equal([expected]);
      expect(systems(shown(box)), 'the whole card').to.deep.equal([expected]);
    });
  }
});
