import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { LocaleController } from '../src/locale-controller.js';
import { loadLanguage, registerMessages } from '../src/i18n.js';
import enComments from '../src/locales/en-comments.js';
import enCount from '../src/locales/en-count.js';
import { addDefaults } from '../src/i18n.js';

// These tests speak of comments' messages, which in the bundle arrive with the comments chunk.
addDefaults(enComments);
addDefaults(enCount);

/** The smallest element that shows a message, a count and a date through the controller. */
class LocaleProbe extends LitElement {
  locale = new LocaleController(this);
  renders = 0;
  override render() {
    this.renders++;
    return litHtml`${this.locale.t('commentsHeading')}|${this.locale.t('commentsCount', { n: 2 })}|${this.locale.dir}`;
  }
}
customElements.define('locale-probe', LocaleProbe);

/** A host that puts its children in a shadow root, to check that the language crosses it. */
class ShadowBox extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = '<div class="inner"><locale-probe></locale-probe></div>';
  }
}
customElements.define('shadow-box', ShadowBox);

const text = (el: LocaleProbe) => el.shadowRoot!.textContent!.trim();
const shows = (el: LocaleProbe, expected: string) =>
  waitUntil(() => text(el).startsWith(expected), `expected "${expected}", got "${text(el)}"`, { timeout: 3000 });

describe('LocaleController', () => {
  const html0 = { lang: document.documentElement.lang, dir: document.documentElement.dir };
  afterEach(() => {
    document.documentElement.lang = html0.lang;
    document.documentElement.dir = html0.dir;
  });

  it('uses English without any lang', async () => {
    document.documentElement.removeAttribute('lang');
    const el = await fixture<LocaleProbe>(html`<locale-probe></locale-probe>`);
    expect(text(el)).to.equal('Comments|2 comments|ltr');
  });

  it('takes its own lang, else the nearest ancestor with one', async () => {
    const box = await fixture(html`<div lang="tr"><section lang=""><locale-probe></locale-probe><locale-probe lang="ar"></locale-probe></section></div>`);
    const [inherited, own] = box.querySelectorAll<LocaleProbe>('locale-probe');
    await shows(inherited, 'Yorumlar|2 yorum|ltr');
    await shows(own, `التعليقات|${new Intl.NumberFormat('ar').format(2)} تعليقان|rtl`);
  });

  it('takes the language of an ancestor across a shadow root', async () => {
    const outer = await fixture(html`<div lang="ckb"><shadow-box></shadow-box></div>`);
    const el = outer.querySelector('shadow-box')!.shadowRoot!.querySelector<LocaleProbe>('locale-probe')!;
    await shows(el, 'کۆمێنتەکان|٢ کۆمێنت|rtl');
  });

  it('follows a change of lang on <html> live', async () => {
    document.documentElement.lang = 'en';
    const el = await fixture<LocaleProbe>(html`<locale-probe></locale-probe>`);
    expect(text(el)).to.equal('Comments|2 comments|ltr');
    document.documentElement.lang = 'tr';
    await shows(el, 'Yorumlar|2 yorum');
    document.documentElement.lang = 'ar';
    await shows(el, `التعليقات|${new Intl.NumberFormat('ar').format(2)} تعليقان|rtl`);
  });

  it('follows a change of lang on an ancestor, in the page and inside a shadow root', async () => {
    const outer = await fixture(html`<div lang="en"><shadow-box></shadow-box></div>`);
    const inner = outer.querySelector('shadow-box')!.shadowRoot!.querySelector<HTMLElement>('.inner')!;
    const el = inner.querySelector<LocaleProbe>('locale-probe')!;
    await shows(el, 'Comments');
    outer.setAttribute('lang', 'tr');
    await shows(el, 'Yorumlar');
    inner.setAttribute('lang', 'ckb');
    await shows(el, 'کۆمێنتەکان');
    el.setAttribute('lang', 'en');
    await shows(el, 'Comments');
  });

  it('takes the direction from the nearest dir, or from the nearest lang when that comes first', async () => {
    const box = await fixture(html`<div dir="rtl"><locale-probe></locale-probe><div lang="en"><locale-probe></locale-probe></div></div>`);
    const [rtl, ltr] = box.querySelectorAll<LocaleProbe>('locale-probe');
    expect(text(rtl).endsWith('|rtl')).to.be.true;
    expect(text(ltr).endsWith('|ltr')).to.be.true;
    box.setAttribute('dir', 'ltr');
    await waitUntil(() => text(rtl).endsWith('|ltr'));
  });

  it('falls back to English for an unknown language', async () => {
    const el = await fixture<LocaleProbe>(html`<locale-probe lang="sw"></locale-probe>`);
    expect(text(el)).to.equal('Comments|2 comments|ltr');
  });

  it('re-renders when messages are overridden or a language is added', async () => {
    await loadLanguage('tr');
    const box = await fixture(html`<div><locale-probe lang="tr"></locale-probe><locale-probe lang="kmr-TR"></locale-probe></div>`);
    const [turkish, kurmanji] = box.querySelectorAll<LocaleProbe>('locale-probe');
    await shows(kurmanji, 'Comments');
    registerMessages('tr', { commentsHeading: 'Okurlar ne diyor' });
    registerMessages('kmr', { commentsHeading: 'Şîrove', commentsCount: { one: '{n} şîrove', other: '{n} şîrove' } });
    await shows(turkish, 'Okurlar ne diyor|2 yorum');
    await shows(kurmanji, 'Şîrove|2 şîrove|ltr');
  });

  it('keeps English when a catalogue fails to load', async () => {
    const missing = new URL('./no-such-catalogue.js', import.meta.url).href;
    registerMessages('se', () => import(missing));
    const el = await fixture<LocaleProbe>(html`<locale-probe lang="se"></locale-probe>`);
    await loadLanguage('se');
    await el.updateComplete;
    expect(text(el)).to.equal('Comments|2 comments|ltr');
  });

  it('stops listening once disconnected', async () => {
    const el = await fixture<LocaleProbe>(html`<locale-probe></locale-probe>`);
    el.remove();
    const before = el.renders;
    document.documentElement.lang = 'tr';
    registerMessages('tr', { formName: 'Adınız' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.renders).to.equal(before);
  });
});
