import { expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/reading-widget.js';
import type { RwArticle } from '../../../src/components/article/article.js';
import type { RwErrorDetail } from '../../../src/events.js';
import { setScale } from '../../../src/text-scale.js';
import { px, resetScale, settled } from '../../support/reading.js';

const fixtureUrl = (name: string) => new URL(`../../fixtures/${name}`, import.meta.url).href;
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const loaded = (el: RwArticle) => waitUntil(() => part(el, 'headline') || part(el, 'error'), 'article did not settle', { timeout: 5000 });

async function failing(src: string) {
  const wrapper = fixtureSync<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('rw-article');
  const event = oneEvent(wrapper, 'rw-error') as Promise<CustomEvent<RwErrorDetail>>;
  el.src = src;
  el.innerHTML = '<a href="/fallback">Read the article</a>';
  wrapper.append(el);
  const { detail } = await event;
  await el.updateComplete;
  return { el, detail };
}

describe('<rw-article src> (JSON NewsArticle)', () => {
  beforeEach(resetScale);
  afterEach(resetScale);

  it('is busy while loading, then renders headline, meta, figure and body in its shadow root', async () => {
    const el = await fixture<RwArticle>(html`<rw-article src=${fixtureUrl('article.json')}></rw-article>`);
    expect(part(el, 'card')!.getAttribute('aria-busy')).to.equal('true');
    await loaded(el);
    expect(part(el, 'card')!.hasAttribute('aria-busy')).to.be.false;
    const headline = part(el, 'headline')!;
    expect(headline.textContent!.trim()).to.equal('Bees and frost: a test article');
    expect(headline.getAttribute('role')).to.equal('heading');
    expect(headline.getAttribute('aria-level')).to.equal('2');
    const time = part(el, 'date')!;
    expect(time.getAttribute('datetime')).to.equal('2020-02-17');
    expect(time.textContent).to.equal('February 17, 2020');
    const byline = part(el, 'byline')!;
    expect(byline.textContent!.replace(/\s+/g, ' ').trim()).to.equal('By Dana Salih, Evil Link');
    // Only http(s) author pages become links.
    expect([...byline.querySelectorAll('a')].map((a) => a.href)).to.deep.equal(['https://example.com/dana']);
    expect((part(el, 'image') as HTMLImageElement).src).to.equal(fixtureUrl('photo.svg'));
    expect(part(el, 'caption')!.textContent).to.contain('Hives above the town.');
    expect(part(el, 'credit')!.textContent).to.equal('Photo: AGENCY');
    const body = part(el, 'body')!;
    expect(body.querySelector('p')!.firstElementChild!.textContent).to.equal('HALABJA, Kurdistan Region – ');
    expect(part(el, 'dateline')).to.exist;
    expect(body.querySelector('blockquote p')!.textContent).to.equal('“A quoted line.”');
    expect(part(el, 'text-size')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('renders a JSON teaser linking to the article url', async () => {
    const el = await fixture<RwArticle>(html`<rw-article variant="teaser" src=${fixtureUrl('article.json')}></rw-article>`);
    await loaded(el);
    expect((part(el, 'link') as HTMLAnchorElement).href).to.equal('https://example.com/bees');
    expect(part(el, 'summary')!.textContent).to.equal('A short summary of the test article.');
    expect(part(el, 'headline')!.getAttribute('aria-level')).to.equal('3');
    expect(part(el, 'text-size')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('strips <script>, event handlers, javascript: links, styles and forms from articleBodyHtml', async () => {
    delete (window as { __rwXss?: string }).__rwXss;
    const el = await fixture<RwArticle>(html`<rw-article src=${fixtureUrl('xss.json')}></rw-article>`);
    await loaded(el);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const body = part(el, 'body')!;
    expect(body.querySelector('#kept')!.textContent).to.equal('Safe text');
    expect(body.querySelector('script, style, form, input')).to.equal(null);
    expect(body.querySelector('img')!.hasAttribute('onerror')).to.be.false;
    expect(body.querySelector('a')!.hasAttribute('href')).to.be.false;
    expect((window as { __rwXss?: string }).__rwXss).to.equal(undefined);
  });

  it('does not re-render the body when the text size changes', async () => {
    const el = await fixture<RwArticle>(html`<rw-article src=${fixtureUrl('article.json')}></rw-article>`);
    await loaded(el);
    await settled(el);
    const first = part(el, 'body')!.querySelector('p')!;
    expect(px(first)).to.equal(18);
    let updates = 0;
    const host = el as unknown as { updated: (c: unknown) => void };
    const original = host.updated;
    host.updated = function (changed) {
      updates++;
      original.call(this, changed);
    };
    setScale(1.5);
    await settled(el);
    expect(px(first)).to.equal(27);
    expect(part(el, 'body')!.querySelector('p')).to.equal(first);
    expect(updates).to.equal(0);
  });

  it('a 404 shows an accessible error, keeps the fallback and fires rw-error', async () => {
    const { el, detail } = await failing(fixtureUrl('missing.json'));
    expect(detail).to.deep.equal({ code: 'http-404', message: 'This article could not be loaded.' });
    const error = part(el, 'error')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.equal('This article could not be loaded.');
    expect(part(el, 'card')!.hasAttribute('aria-busy')).to.be.false;
    expect(el.shadowRoot!.querySelector<HTMLSlotElement>('slot:not([name])')!.assignedElements()[0].textContent).to.equal('Read the article');
    await expect(el).to.be.accessible();
  });

  it('reports invalid JSON', async () => {
    const { el, detail } = await failing(fixtureUrl('invalid.json'));
    expect(detail.code).to.equal('invalid-json');
    expect(part(el, 'error')).to.exist;
  });

  it('reports JSON without a headline', async () => {
    const { detail } = await failing(fixtureUrl('no-headline.json'));
    expect(detail.code).to.equal('invalid-article');
  });

  it('reports a network failure without throwing into the page', async () => {
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent | PromiseRejectionEvent) => errors.push(event);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    try {
      const { detail } = await failing('http://127.0.0.1:9/article.json');
      expect(detail.code).to.equal('network');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(errors).to.have.length(0);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    }
  });

  it('gives its photo the size the JSON states, in the forms schema.org allows, and no size for nonsense', async () => {
    const sized = async (width: unknown, height: unknown) => {
      const json = { headline: 'Sized', image: { url: fixtureUrl('photo.svg'), width, height } };
      const el = await fixture<RwArticle>(html`<rw-article src=${`data:application/json,${encodeURIComponent(JSON.stringify(json))}`}></rw-article>`);
      await loaded(el);
      const img = part(el, 'image')!;
      return [img.getAttribute('width'), img.getAttribute('height')];
    };
    expect(await sized(640, 360)).to.deep.equal(['640', '360']);
    expect(await sized('640 px', { '@type': 'QuantitativeValue', value: 360 })).to.deep.equal(['640', '360']);
    expect(await sized('wide', -3)).to.deep.equal([null, null]);
  });
});
