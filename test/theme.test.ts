import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/reading-widget.js';
import type { RwArticle } from '../src/components/article/article.js';
import { settled } from './support/reading.js';

// The token defaults of src/styles/tokens.ts, as getComputedStyle reports them.
const SURFACE = { light: 'rgb(255, 255, 255)', dark: 'rgb(23, 25, 28)' };
const TEXT = { light: 'rgb(27, 27, 27)', dark: 'rgb(235, 235, 235)' };
const BORDER = { light: 'rgb(214, 211, 205)', dark: 'rgb(59, 63, 69)' };

const isFirefox = navigator.userAgent.includes('Firefox');
const root = document.documentElement;

/** The document observer notifies in a microtask; then the element has its state. */
const tick = () => new Promise((resolve) => setTimeout(resolve));

function look(el: RwArticle) {
  const card = el.shadowRoot!.querySelector('[part~=card]')!;
  const button = el.shadowRoot!.querySelector('rw-text-size')!.shadowRoot!.querySelector('[part~=button]')!;
  return {
    card: getComputedStyle(card).backgroundColor,
    text: getComputedStyle(card).color,
    border: getComputedStyle(card).borderBlockStartColor,
    button: getComputedStyle(button).backgroundColor,
  };
}

const expectLook = (el: RwArticle, scheme: 'light' | 'dark') =>
  expect(look(el)).to.deep.equal({ card: SURFACE[scheme], text: TEXT[scheme], border: BORDER[scheme], button: SURFACE[scheme] });

async function article(theme?: 'light' | 'dark') {
  const el = await fixture<RwArticle>(html`<rw-article theme=${theme ?? nothing}><h2 slot="headline">Headline</h2><p>Body.</p></rw-article>`);
  await settled(el);
  return el;
}

describe('light and dark', () => {
  // puppeteer drives Firefox over WebDriver BiDi, which has no media feature emulation
  // ("CDP support is required"): there the iframe test below stands in for it.
  const emulate = (colorScheme: 'light' | 'dark') => (isFirefox ? Promise.resolve() : emulateMedia({ colorScheme }));
  before(() => emulate('light'));
  afterEach(async () => {
    delete root.dataset.theme;
    root.style.removeProperty('color-scheme');
    document.querySelectorAll('iframe').forEach((iframe) => iframe.remove());
    await emulate('light');
  });

  it('the theme attribute switches one element live, and its built-in control with it', async () => {
    const el = await article('dark');
    expectLook(el, 'dark');
    el.setAttribute('theme', 'light');
    await settled(el);
    expectLook(el, 'light');
    el.theme = 'dark';
    await settled(el);
    expectLook(el, 'dark');
    expect(el.getAttribute('theme')).to.equal('dark');
    await expect(el).to.be.accessible();
  });

  it('follows data-theme on <html>, live, and the attribute wins over it', async () => {
    const el = await article();
    const own = await article('light');
    expectLook(el, 'light');
    root.dataset.theme = 'dark';
    await tick();
    expectLook(el, 'dark');
    expectLook(own, 'light');
    root.dataset.theme = 'light';
    await tick();
    expectLook(el, 'light');
    own.theme = 'auto';
    root.dataset.theme = 'dark';
    await settled(own);
    expectLook(own, 'dark');
  });

  it('follows a single color-scheme set on <html>, live, and data-theme wins over it', async () => {
    const el = await article();
    root.style.colorScheme = 'dark';
    await tick();
    expectLook(el, 'dark');
    root.dataset.theme = 'light';
    await tick();
    expectLook(el, 'light');
    delete root.dataset.theme;
    root.style.colorScheme = 'light';
    await tick();
    expectLook(el, 'light');
    // "light dark" is no choice at all: the reader's preference (light here) decides.
    root.style.colorScheme = 'light dark';
    await tick();
    expectLook(el, 'light');
  });

  it('is light on a page that says nothing, whatever the reader’s system (emulated) says', async function () {
    if (isFirefox) this.skip(); // no prefers-color-scheme emulation over WebDriver BiDi; see the iframe test
    await emulateMedia({ colorScheme: 'dark' });
    expect(matchMedia('(prefers-color-scheme: dark)').matches).to.be.true;
    const el = await article();
    // The page paints itself light (it never said otherwise): a dark card or light text would clash.
    expectLook(el, 'light');
    root.style.colorScheme = 'light';
    await tick();
    expectLook(el, 'light');
  });

  it('follows <meta name="color-scheme">, live, and a color-scheme on <html> wins over it', async () => {
    const el = await article();
    const meta = Object.assign(document.createElement('meta'), { name: 'color-scheme', content: 'dark' });
    document.head.append(meta);
    try {
      await tick();
      expectLook(el, 'dark');
      meta.content = 'light';
      await tick();
      expectLook(el, 'light');
      meta.content = 'dark';
      root.style.colorScheme = 'light';
      await tick();
      expectLook(el, 'light');
    } finally {
      meta.remove();
    }
  });

  it('follows a color-scheme that arrives with a stylesheet added or loaded late', async () => {
    const el = await article();
    const style = document.head.appendChild(Object.assign(document.createElement('style'), { textContent: ':root { color-scheme: dark }' }));
    try {
      await tick();
      expectLook(el, 'dark');
    } finally {
      style.remove();
    }
    await tick();
    expectLook(el, 'light');
    // A <link> is in the document before its sheet has loaded: its load event is what tells.
    const href = URL.createObjectURL(new Blob([':root { color-scheme: dark }'], { type: 'text/css' }));
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
    const loaded = new Promise((resolve) => link.addEventListener('load', resolve, { once: true }));
    document.head.append(link);
    try {
      await loaded;
      await tick();
      expectLook(el, 'dark');
    } finally {
      link.remove();
      URL.revokeObjectURL(href);
    }
  });

  it('follows the reader’s system preference (emulated) where the page allows both', async function () {
    if (isFirefox) this.skip(); // no prefers-color-scheme emulation over WebDriver BiDi; see the iframe test
    await emulateMedia({ colorScheme: 'dark' });
    root.style.colorScheme = 'light dark';
    const el = await article();
    expectLook(el, 'dark');
    await expect(el).to.be.accessible();
    // An explicit choice still wins over the system.
    root.dataset.theme = 'light';
    await tick();
    expectLook(el, 'light');
    delete root.dataset.theme;
    await tick();
    expectLook(el, 'dark');
    await emulateMedia({ colorScheme: 'light' });
    await tick();
    expectLook(el, 'light');
  });

  it('follows prefers-color-scheme as an embedded page sees it, live (Firefox)', async function () {
    // Firefox's stand-in for the emulated test: a document in an iframe sees the colour scheme of
    // its <iframe> element as the reader's preference (CSS Color Adjustment). Chromium does so only
    // for about:blank, and is covered by the emulated test above.
    if (!isFirefox) this.skip();
    const iframe = document.createElement('iframe');
    iframe.style.colorScheme = 'dark';
    iframe.src = new URL('./fixtures/theme/auto.html', import.meta.url).href;
    const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
    document.body.append(iframe);
    await loaded;
    const win = iframe.contentWindow as Window & typeof globalThis;
    await win.customElements.whenDefined('rw-article');
    const el = win.document.querySelector('rw-article')!;
    await settled(el);
    expect(win.matchMedia('(prefers-color-scheme: dark)').matches).to.be.true;
    const card = () => win.getComputedStyle(el.shadowRoot!.querySelector('[part~=card]')!).backgroundColor;
    expect(card()).to.equal(SURFACE.dark);
    iframe.style.colorScheme = 'light';
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(card()).to.equal(SURFACE.light);
  });

  it('reads the page once per change of the page, not once per element or render', async () => {
    const els = await Promise.all(Array.from({ length: 20 }, () => article()));
    const original = window.getComputedStyle;
    let reads = 0;
    window.getComputedStyle = function (el: Element, pseudo?: string | null) {
      if (el === root) reads++;
      return original.call(window, el, pseudo);
    };
    try {
      for (let i = 0; i < 3; i++) {
        els.forEach((el) => el.requestUpdate());
        await Promise.all(els.map((el) => el.updateComplete));
      }
      expect(reads, 'reads for 60 renders without a page change').to.equal(0);
      root.dataset.theme = 'dark';
      await tick();
      expect(reads, 'reads for one page change').to.equal(0); // data-theme decides: no style read at all
      delete root.dataset.theme;
      root.style.colorScheme = 'dark';
      await tick();
      expect(reads, 'reads for one more page change').to.equal(1);
      els.forEach((el) => expectLook(el, 'dark'));
    } finally {
      window.getComputedStyle = original;
      els.forEach((el) => el.remove());
    }
  });

  it('public tokens on the page override the defaults in both schemes', async () => {
    const el = await article('dark');
    el.style.setProperty('--rw-color-surface', 'rgb(1, 2, 3)');
    expect(look(el).card).to.equal('rgb(1, 2, 3)');
    // Custom properties inherit into the built-in control's shadow root.
    expect(look(el).button).to.equal('rgb(1, 2, 3)');
    el.style.setProperty('--rw-color-surface', 'light-dark(rgb(4, 5, 6), rgb(7, 8, 9))');
    expect(look(el).card).to.equal('rgb(7, 8, 9)');
    el.theme = 'light';
    await settled(el);
    expect(look(el).card).to.equal('rgb(4, 5, 6)');
  });
});
