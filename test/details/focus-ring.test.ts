// One focus ring on every interactive element of the article and teaser cards: links in the
// publisher's light DOM (byline, body), the teaser's headline link in the shadow tree and the
// text-size buttons, reached with the keyboard (so :focus-visible applies), on a page whose own
// focus style differs.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/reading-widget.js';
import type { RwArticle } from '../../src/components/article/article.js';

const deepActive = () => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
};
/** Whether `el` is in `box`, through the shadow roots it sits in. */
const inside = (box: Element, el: Element) => {
  for (let node: Element | null = el; node; ) {
    if (box.contains(node)) return true;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return false;
};
const ring = (el: Element) => {
  const s = getComputedStyle(el);
  return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} offset ${s.outlineOffset}`;
};

describe('focus rings', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`are the same on links, teaser links and buttons (${scheme})`, async () => {
      const box = await fixture<HTMLElement>(html`<div>
        <style>a:focus-visible { outline: 1px dotted red; } button:focus-visible { outline: 5px solid green; }</style>
        <button id="start">start</button>
        <rw-article theme=${scheme}>
          <h1 slot="headline">A headline</h1>
          <p slot="byline">By <a href="#a">An Author</a></p>
          <p>Body text with <a href="#b">a link</a>.</p>
        </rw-article>
        <rw-article variant="teaser" href="#t" theme=${scheme}><h3 slot="headline">A teaser</h3><p>Summary.</p></rw-article>
      </div>`);
      await Promise.all([...box.querySelectorAll<RwArticle>('rw-article')].map((a) => a.updateComplete));
      box.querySelector<HTMLButtonElement>('#start')!.focus();
      const seen: Array<[string, string]> = [];
      // Six stops, and no further: a Tab out of the page leaves Firefox's focus outside it.
      for (let i = 0; i < 6; i++) {
        await sendKeys({ press: 'Tab' });
        // Firefox applies :focus-visible with the next style update after the key event.
        await new Promise(requestAnimationFrame);
        const el = deepActive();
        if (!el || !inside(box, el)) break;
        const name = `${el.localName}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}`;
        seen.push([name, ring(el)]);
      }
      const names = seen.map(([name]) => name).join(', ');
      expect(seen.length, names).to.be.at.least(6);
      expect(names).to.include('a[part=link]');
      expect(names).to.include('button');
      const rings = new Set(seen.map(([, r]) => r));
      expect([...rings], seen.map((s) => s.join(': ')).join('\n')).to.have.length(1);
      expect([...rings][0]).to.match(/^solid 3px .* offset 2px$/);
    });
  }
});
