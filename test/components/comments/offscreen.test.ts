import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/comments.js';
import type { RwComments } from '../../../src/components/comments/comments.js';
import { seed, uniqueThread, useServer } from '../../support/comments-server.js';
import { $$, deepActive, until } from '../../support/dom.js';

/*
 * A page of 100 comments is mostly below the fold: its comments are laid out and painted only when
 * they come near the viewport (content-visibility), which more than halved the layout of a first
 * page and of "Load more". What that must not cost: a comment out of view is still in the document
 * (found by find-in-page, read by a screen reader), it is drawn when scrolled to, and the focus ring
 * of what a comment holds is not cut by the comment's paint containment.
 */
const server = useServer();
const COUNT = 30;

/** Whether the browser skips rendering what `item` holds for now (an off-screen `content-visibility: auto`). */
const skipped = (item: Element) => !item.firstElementChild!.checkVisibility({ contentVisibilityAuto: true } as CheckVisibilityOptions);

const px = (value: string) => Number.parseFloat(value) || 0;

/**
 * The rectangle that clips `el`'s painting inside its element: the intersection of the clip rects of
 * every ancestor up to the host that clips (paint containment, content-visibility, overflow),
 * each widened by its overflow-clip-margin.
 */
function clipOf(el: Element, host: Element) {
  let clip = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
  for (let node = el.parentElement; node && node !== host; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as HTMLElement)) {
    const style = getComputedStyle(node);
    const clips =
      style.contentVisibility !== 'visible' || /paint|strict|content/.test(style.contain) || style.overflowX !== 'visible' || style.overflowY !== 'visible';
    if (!clips) continue;
    const margin = px(style.overflowClipMargin);
    const r = node.getBoundingClientRect();
    clip = {
      left: Math.max(clip.left, r.left - margin),
      top: Math.max(clip.top, r.top - margin),
      right: Math.min(clip.right, r.right + margin),
      bottom: Math.min(clip.bottom, r.bottom + margin),
    };
  }
  return clip;
}

/** Fails when the focus ring of the focused `el`, as computed, reaches outside what clips it. */
function expectWholeRing(el: Element, host: Element) {
  expect(el.matches(':focus-visible'), `${el.localName} shows its focus ring`).to.equal(true);
  const style = getComputedStyle(el);
  const reach = px(style.outlineWidth) + px(style.outlineOffset);
  expect(reach, 'the ring reaches outside the box').to.be.greaterThan(0);
  const r = el.getBoundingClientRect();
  const clip = clipOf(el, host);
  const ring = { left: r.left - reach, top: r.top - reach, right: r.right + reach, bottom: r.bottom + reach };
  const inside = ring.left >= clip.left && ring.top >= clip.top && ring.right <= clip.right && ring.bottom <= clip.bottom;
  expect(inside, `${el.localName}'s ring ${JSON.stringify(ring)} is cut by ${JSON.stringify(clip)}`).to.equal(true);
}

describe('<rw-comments> comments out of view', function () {
  this.timeout(60000);
  let thread = '';

  before(async () => {
    thread = uniqueThread('offscreen');
    const texts = [];
    for (let i = 0; i < COUNT; i++) texts.push(seed(server, thread, { author: `Reader ${i}`, text: `Comment ${i}: ${'a few words of text '.repeat(8)}` }));
    await Promise.all(texts);
  });

  afterEach(() => setViewport({ width: 800, height: 600 }));

  const mount = async (height = 600) => {
    await setViewport({ width: 800, height });
    const el = await fixture<RwComments>(html`<rw-comments loading="eager" page-size=${COUNT} thread=${thread} endpoint=${server.endpoint}></rw-comments>`);
    await until(() => $$(el, 'article[part~=comment]').length === COUNT, 'the page was not shown');
    return el;
  };

  it('lays out the comments near the viewport and skips the rest until they are scrolled to', async () => {
    // Tall enough for the first comments to be in view, below the form.
    const el = await mount(2000);
    const items = $$(el, 'ol[part=list] > li');
    expect(items).to.have.length(COUNT);
    // In view, a comment is drawn in the frame that brings it, never first as an empty placeholder:
    // checked once that frame is painted.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    const first = items[0]!;
    expect(first.getBoundingClientRect().bottom, 'the first comment is in view').to.be.below(innerHeight);
    expect(skipped(first), 'the first comment, in view, is skipped').to.equal(false);
    expect(first.getBoundingClientRect().height).to.equal(first.querySelector('article')!.getBoundingClientRect().height);
    const last = items.at(-1)!;
    expect(skipped(last), 'the last comment, far below the fold, is rendered').to.equal(true);
    // Still in the document, text and all, for find-in-page and screen readers.
    expect(last.textContent).to.match(/Reader \d+[^]*Comment \d+: a few words/);

    await setViewport({ width: 800, height: 600 });
    last.scrollIntoView({ block: 'center' });
    await until(() => !skipped(last), 'the last comment was not drawn once scrolled to');
    const box = last.querySelector('article')!.getBoundingClientRect();
    // Where it lands can be off by what the comments before it turned out to measure: in view, at least in part.
    expect(box.top < innerHeight && box.bottom > 0, `the comment scrolled to is in view (${box.top}–${box.bottom})`).to.equal(true);
    expect(box.height, 'the comment scrolled to has its own height').to.be.greaterThan(40);
  });

  it('paints the whole focus ring of a Reply button and of a comment', async () => {
    const el = await mount();
    await nextFrame();
    const [first, second] = $$(el, 'ol[part=list] > li [part~=reply]');
    first!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive(), 'Tab reaches the next Reply button').to.equal(second);
    expectWholeRing(second!, el);
    // A comment takes the focus after "Load more"; after a key press its ring shows too.
    const article = second!.closest('article')!;
    article.focus();
    expectWholeRing(article, el);
  });
});
