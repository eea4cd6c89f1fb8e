import { expect } from '@open-wc/testing';
import { STORAGE_KEY } from '../src/text-scale.js';
import { useServer } from './support/comments-server.js';
import { seedEverything } from './support/everything-thread.js';
import type { sideways } from './support/overflow.mjs';

/*
 * WCAG 1.4.10 (reflow): on a 320 px screen with text at 200 %, nothing of ours is wider than the
 * screen, so the page never scrolls sideways. Every element, with content (the article kinds,
 * the comments with the form's errors, the moderation queue), in a 320 px frame, with the page's
 * root text at 200 % and with the reader's own A+ at 200 %, left to right and right to left.
 */
const server = useServer({ rateLimit: 1000 });

type Frame = Window & { ready: Promise<void>; sideways: typeof sideways };

async function frame(query: Record<string, string>) {
  const iframe = document.createElement('iframe');
  iframe.style.cssText = 'inline-size: 320px; block-size: 640px; border: 0';
  const search = new URLSearchParams({ ...query, endpoint: server.endpoint, thread: await seedEverything(server, 'narrow') });
  iframe.src = new URL(`./fixtures/theme/everything.html?${search}`, import.meta.url).href;
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow as Frame;
  await win.ready;
  return win;
}

/**
 * Pairs of controls (buttons, fields) of an element that touch or overlap: each pair closer than
 * `space` px on both axes (visually hidden ones left out).
 */
function touching(host: Element, space = 4) {
  const controls = [...host.shadowRoot!.querySelectorAll<HTMLElement>('button, input, select, textarea')]
    .filter((el) => !el.closest('.vh') && el.getClientRects().length)
    .map((el) => ({ name: `${el.localName}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 20)}"`, r: el.getBoundingClientRect() }));
  const found: string[] = [];
  for (const [i, a] of controls.entries()) {
    for (const b of controls.slice(i + 1)) {
      const apartX = Math.max(b.r.left - a.r.right, a.r.left - b.r.right);
      const apartY = Math.max(b.r.top - a.r.bottom, a.r.top - b.r.bottom);
      if (apartX < space && apartY < space) found.push(`${a.name} and ${b.name} (${Math.round(Math.max(apartX, apartY))} px apart)`);
    }
  }
  return found;
}

/** The reader presses A+ until it stops (200 %), as on the article. */
async function largest(win: Frame) {
  const control = win.document.querySelector('rw-text-size')!;
  const increase = control.shadowRoot!.querySelector<HTMLButtonElement>('[part~=increase]')!;
  for (let i = 0; i < 10 && increase.getAttribute('aria-disabled') !== 'true'; i++) {
    increase.click();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(getComputedStyle(win.document.querySelector('rw-article')!).getPropertyValue('--_rw-scale').trim()).to.equal('2');
}

describe('320 px wide with text at 200 %: nothing wider than the screen', function () {
  this.timeout(60000);
  afterEach(() => {
    document.querySelectorAll('iframe').forEach((iframe) => iframe.remove());
    localStorage.removeItem(STORAGE_KEY);
  });

  for (const [name, dir] of [['left to right', { lang: 'en', dir: 'ltr' }], ['right to left (Arabic)', { lang: 'ar', dir: 'rtl' }]] as const) {
    it(`the page's text at 200 %, ${name}`, async () => {
      const win = await frame({ font: '200%', ...dir });
      const found = win.sideways();
      expect(found.wide).to.deep.equal([]);
      expect(found.scrollWidth).to.equal(found.width);
    });

    it(`the page's text at 200 %, ${name}: the "remember me" box stays beside its label, which wraps, on its first line`, async () => {
      const win = await frame({ font: '200%', ...dir });
      const form = win.document.querySelector('rw-comments')!.shadowRoot!;
      const box = form.querySelector('#remember')!.getBoundingClientRect();
      const label = form.querySelector('label[for=remember]')!.getBoundingClientRect();
      expect(label.top, 'the label starts below the box').to.be.below(box.bottom);
      expect(label.height, 'the label does not wrap').to.be.above(box.height * 1.5);
      // Centred on the label's first line, as a list marker is, not on the middle of both lines.
      const range = win.document.createRange();
      range.selectNodeContents(form.querySelector('label[for=remember]')!);
      const line = range.getClientRects()[0]!;
      const middle = (r: DOMRect) => r.top + r.height / 2;
      expect(Math.abs(middle(box) - middle(line)), `box middle ${middle(box)}, first line middle ${middle(line)}`).to.be.at.most(3);
    });

    it(`the page's text at 200 %, ${name}: no two controls of the comments or the moderation queue touch`, async () => {
      const win = await frame({ font: '200%', ...dir });
      for (const tag of ['rw-comments', 'rw-moderation']) expect(touching(win.document.querySelector(tag)!), tag).to.deep.equal([]);
    });

    it(`the reader's A+ at 200 %, ${name}`, async () => {
      const win = await frame(dir);
      await largest(win);
      const found = win.sideways();
      expect(found.wide).to.deep.equal([]);
      expect(found.scrollWidth).to.equal(found.width);
    });
  }
});
