import { expect, waitUntil } from '@open-wc/testing';
import { splitSelectors } from '../src/components/article/pre-upgrade.js';
import { uniqueThread, useServer } from './support/comments-server.js';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

/** Loads a fixture page in an iframe of the given size, collecting CSP violations it reports. */
async function frame(path: string, width = 800, height = 600) {
  const violations: Violation[] = [];
  const iframe = document.createElement('iframe');
  iframe.style.cssText = `width:${width}px;height:${height}px;border:0`;
  iframe.src = new URL(`./fixtures/${path}`, import.meta.url).href;
  const onMessage = (event: MessageEvent) => {
    if (event.source === iframe.contentWindow && event.data?.type === 'csp-violation') violations.push(event.data);
  };
  addEventListener('message', onMessage);
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow as Window & typeof globalThis & Record<string, unknown>;
  return { iframe, win, doc: iframe.contentDocument!, violations, done: () => removeEventListener('message', onMessage) };
}

type Updating = Element & { updateComplete: Promise<unknown> };

const server = useServer();

/** Adds a comment thread and a comment count, created in the framed page's own document. */
function addComments(doc: Document, thread = uniqueThread()) {
  const comments = doc.createElement('rw-comments');
  const count = doc.createElement('rw-comment-count');
  for (const el of [comments, count]) {
    el.setAttribute('thread', thread);
    el.setAttribute('endpoint', server.endpoint);
  }
  comments.setAttribute('loading', 'eager');
  doc.body.append(count, comments);
  return { comments, count };
}

/** Types into a field of a framed element as a reader does. */
function type(host: Element, id: string, value: string) {
  const field = host.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
  field.value = value;
  field.dispatchEvent(new (host.ownerDocument.defaultView as typeof globalThis).InputEvent('input', { bubbles: true, composed: true }));
}

/** Waits until every element of ours in the document (and in their shadow roots) has rendered. */
async function rendered(doc: Document) {
  // Only the tags on the page: the comment elements are chunks fetched when a page has them.
  for (const tag of ['rw-article', 'rw-text-size', 'rw-comments', 'rw-comment-count']) {
    if (doc.querySelector(tag)) await doc.defaultView!.customElements.whenDefined(tag);
  }
  const ours = (root: Document | ShadowRoot): Updating[] =>
    [...root.querySelectorAll('*')]
      .filter((el): el is Updating => el.localName.startsWith('rw-'))
      .flatMap((el) => [el, ...(el.shadowRoot ? ours(el.shadowRoot) : [])]);
  await Promise.all(ours(doc).map((el) => el.updateComplete));
  await new Promise((resolve) => setTimeout(resolve, 50));
}

const shadow = (host: Element, selector: string) => host.shadowRoot!.querySelector(selector)!;
const style = (el: Element) => el.ownerDocument.defaultView!.getComputedStyle(el);

afterEach(() => document.querySelectorAll('iframe').forEach((iframe) => iframe.remove()));

describe('a page with a strict Content-Security-Policy and Trusted Types', () => {
  it('the policy is really enforced: the control page reports its inline script, inline style and string HTML', async () => {
    const { win, violations, done } = await frame('csp/control.html');
    await waitUntil(() => violations.length >= 3, 'expected three violations', { timeout: 5000 });
    done();
    const directives = violations.map((v) => v.directive);
    expect(directives).to.include('script-src-elem');
    expect(directives).to.include('style-src-attr');
    expect(directives).to.include('require-trusted-types-for');
    expect(win.inlineRan).to.be.undefined;
    expect(win.trustedTypesRefused).to.be.true;
  });

  it('renders light-DOM and JSON articles, changes the text size, loads and posts comments, with no violation', async function () {
    this.timeout(60000);
    const { doc, win, violations, done } = await frame('csp/page.html');
    await rendered(doc);
    const json = doc.querySelector('#json')!;
    await waitUntil(() => json.shadowRoot?.querySelector('[part~=body] p'), 'the JSON article never rendered', { timeout: 5000 });
    await waitUntil(() => doc.querySelector('#teaser')!.shadowRoot?.querySelector('[part~=summary]'), 'the teaser never rendered', { timeout: 5000 });
    await rendered(doc);
    const light = doc.querySelector('#light')!;
    const increase = shadow(shadow(light, 'rw-text-size'), '[part~=increase]') as HTMLButtonElement;
    increase.click();
    await rendered(doc);
    expect(win.getComputedStyle(light.querySelector(':scope > p:not([slot])')!).fontSize).to.equal('20.25px');
    expect(style(shadow(json, '[part~=body] p')).fontSize).to.equal('20.25px');
    // Comments: list, form, posting, the pending comment, and the count (fetched from the service).
    const { comments, count } = addComments(doc);
    await rendered(doc);
    await waitUntil(() => shadow(comments, '[part~=heading]')?.textContent?.includes('0'), 'the comment list never loaded', { timeout: 15000 });
    type(comments, 'text', 'A remark typed under a strict policy.');
    type(comments, 'author', 'Rêzan');
    type(comments, 'email', 'rezan@example.com');
    (shadow(comments, '[part~=submit]') as HTMLButtonElement).click();
    await waitUntil(() => shadow(comments, '[part~=mine]'), 'the posted comment never showed', { timeout: 15000 });
    await waitUntil(() => count.shadowRoot?.querySelector('[part~=count]'), 'the count never showed', { timeout: 15000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    done();
    win.localStorage.removeItem('rw-text-size');
    expect(violations).to.deep.equal([]);
  });

  it('a JSON body with inline script and style: nothing runs; the browser reports only the sanitiser’s parse', async () => {
    // Known browser behaviour: DOMPurify parses the untrusted markup into an inert document, and the
    // parser reports the inline handler and <style> it meets there against the page's policy before
    // DOMPurify removes them. Nothing executes, nothing reaches the page; publishers who serve such
    // JSON see these reports.
    const { doc, win, violations, done } = await frame('csp/xss.html');
    await rendered(doc);
    const el = doc.querySelector('#xss')!;
    await waitUntil(() => el.shadowRoot?.querySelector('#kept'), 'the sanitised article never rendered', { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    done();
    expect(win.__rwXss).to.be.undefined;
    expect(el.shadowRoot!.querySelector('[part~=body]')!.innerHTML).not.to.match(/onerror|<style|<script|javascript:/);
    for (const violation of violations) {
      expect(violation.directive).to.be.oneOf(['script-src-attr', 'style-src-elem']);
      expect(violation.source).to.match(/dompurify/);
    }
  });
});

describe('the theme gallery (demo/themes.html, served with the strict policy)', () => {
  it('switches looks live with its radio group, through public tokens and parts only, with no violation', async () => {
    // The page itself: nothing inline for the policy to block.
    const source = await (await fetch(new URL('../demo/themes.html', import.meta.url))).text();
    expect(source).not.to.match(/<style|\sstyle=|<script(?![^>]*\ssrc=)|\son[a-z]+=/i);
    const { doc, done } = await frame('../../demo/themes.html', 900, 900);
    // Anything the switching does is reported from here on.
    const violations: string[] = [];
    doc.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
    await rendered(doc);
    const article = doc.querySelector('rw-article')!;
    const card = () => style(shadow(article, '[part~=card]'));
    const pick = async (look: string) => {
      (doc.querySelector(`input[value=${look}]`) as HTMLInputElement).click();
      await new Promise((resolve) => setTimeout(resolve, 50));
    };
    expect(card().backgroundColor).to.equal('rgb(255, 253, 248)');
    expect(card().borderTopStyle).to.equal('double');
    expect(style(shadow(article, '[part~=headline]')).fontFamily).to.match(/^"Times New Roman"/);
    await pick('modern');
    expect(doc.getElementById('stage')!.className).to.equal('look-modern');
    expect(card().borderTopLeftRadius).to.equal('16px');
    expect(style(shadow(article, '[part~=body]')).fontFamily).to.match(/^"?Inter/);
    await pick('night');
    expect(card().backgroundColor).to.equal('rgb(28, 27, 25)');
    expect(card().color).to.equal('rgb(232, 230, 227)');
    const group = doc.querySelector('fieldset')!;
    expect(group.querySelector('legend')!.textContent).to.equal('Look');
    expect([...group.querySelectorAll('input')].every((input) => input.labels!.length === 1)).to.be.true;
    done();
    expect(violations).to.deep.equal([]);
  });
});

describe('a hostile host page', () => {
  for (const width of [800, 320]) {
    it(`keeps the card's look at ${width} px: fonts from tokens, 44 px targets, readable text, no overflow`, async function () {
      this.timeout(60000);
      const { doc } = await frame('hostile/page.html', width, 900);
      await rendered(doc);
      const light = doc.querySelector('#light')!;
      const json = doc.querySelector('#json')!;
      await waitUntil(() => json.shadowRoot?.querySelector('[part~=body] p'), 'the JSON article never rendered', { timeout: 5000 });
      await rendered(doc);
      const font = (el: Element) => style(el).fontFamily;
      // The wrappers in our shadow roots and everything rendered there use the token fonts.
      expect(font(shadow(light, '[part~=headline]'))).to.match(/^Georgia/);
      expect(font(shadow(light, '[part~=body]'))).to.match(/^Georgia/);
      expect(font(shadow(light, '[part~=meta]'))).to.match(/^system-ui/);
      expect(font(shadow(json, '[part~=headline]'))).to.match(/^Georgia/);
      expect(font(shadow(json, '[part~=body] p'))).to.match(/^Georgia/);
      expect(style(shadow(json, '[part~=headline]')).textTransform).to.equal('none');
      const buttons = [...shadow(light, 'rw-text-size').shadowRoot!.querySelectorAll('button')];
      expect(buttons).to.have.length(3);
      for (const button of buttons) {
        const box = button.getBoundingClientRect();
        expect(box.height, 'button height').to.be.at.least(44);
        expect(box.width, 'button width').to.be.at.least(44);
        expect(style(button).cursor).to.be.oneOf(['pointer', 'not-allowed']);
      }
      // The publisher's own light-DOM text: the card's size and line height, whatever the page says
      // (rem sizes follow the page's root size: 10 px here).
      for (const id of ['first', 'quoted']) {
        const p = doc.getElementById(id)!;
        expect(style(p).fontSize, id).to.equal('11.25px');
        expect(parseFloat(style(p).lineHeight), id).to.be.closeTo(18, 0.1);
      }
      expect(style(doc.getElementById('caption')!).fontSize).to.equal('8.75px');
      // Comments on the same page: token fonts, 44 px targets, fields as wide as the form.
      const { comments } = addComments(doc);
      await rendered(doc);
      await waitUntil(() => comments.shadowRoot?.querySelector('[part~=submit]'), 'the comment form never rendered', { timeout: 15000 });
      expect(font(shadow(comments, '[part~=heading]'))).to.match(/^Georgia/);
      expect(font(shadow(comments, '[part~=submit]'))).to.match(/^system-ui/);
      for (const control of [...comments.shadowRoot!.querySelectorAll('button, input, textarea')]) {
        const box = control.getBoundingClientRect();
        if (!box.width) continue; // a visually hidden control
        // Buttons keep 44 px (WCAG 2.5.5); fields, sized in rem, at least the 24 px of WCAG 2.5.8.
        expect(box.height, `${control.localName} height`).to.be.at.least(control.localName === 'button' ? 44 : 24);
        expect(box.right, `${control.localName} inside the page`).to.be.at.most(width);
      }
      // Nothing sticks out of the cards.
      for (const el of [light, json]) {
        const card = shadow(el, '[part~=card]');
        expect(card.scrollWidth, `${el.id} card`).to.be.at.most(card.clientWidth);
        expect(el.getBoundingClientRect().right).to.be.at.most(width);
      }
    });
  }
});

describe('the widget leaves the host page alone', () => {
  it('adds no globals and no document styles besides rules scoped to its own tag names', async () => {
    const { win, doc } = await frame('globals.html');
    await waitUntil(() => win.rwResult, 'the entry never loaded', { timeout: 8000 });
    const { added, sheetsAdded } = win.rwResult as { added: string[]; sheetsAdded: number };
    // Lit records its versions on the window (and, in development builds, its warnings): Lit's, not ours.
    const lit = ['litHtmlVersions', 'litElementVersions', 'reactiveElementVersions', 'litPropertyMetadata', 'litIssuedWarnings'];
    expect(added.filter((name) => !lit.includes(name))).to.deep.equal([]);
    expect(sheetsAdded).to.equal(0);
    const selectors = doc.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => (rule as CSSStyleRule).selectorText));
    expect(selectors.length).to.be.greaterThan(0);
    for (const selector of selectors) {
      for (const part of splitSelectors(selector)) expect(part.trim()).to.match(/^(:where\()?rw-[a-z-]+/);
    }
    expect(doc.querySelectorAll('style, link[rel=stylesheet]')).to.have.length(0);
  });
});
