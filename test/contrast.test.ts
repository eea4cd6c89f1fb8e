import { expect, html } from '@open-wc/testing';
import { render } from 'lit';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../src/reading-widget.js';
import '../src/comments.js';
import '../src/comment-count.js';
import '../src/moderation.js';
import type { RwComments } from '../src/components/comments/comments.js';
import type { RwModeration } from '../src/components/moderation/moderation.js';
import { post, reject, seed, uniqueThread, useServer } from './support/comments-server.js';
import { $$, deepActive, until } from './support/dom.js';
import { submit } from './support/comment-form.js';
import { settled } from './support/reading.js';
import { deepNodes, edgeContrast, failures, painted, ratio, ringContrast, textContrast } from './support/contrast.js';

/*
 * Every text of every element, measured against what is painted behind it, on the host pages a
 * publisher has: light only (says nothing), dark, dark through <meta>, and one that allows both,
 * with the reader's system light and dark.
 */
const isFirefox = navigator.userAgent.includes('Firefox');
const root = document.documentElement;
const server = useServer({ rateLimit: 1000 });

const PAGES: Record<string, Page> = {
  'a light-only page': { colorScheme: '', background: '#ffffff', color: '#1b1b1b' },
  'a warm light-only page (the demo’s background)': { colorScheme: '', background: '#f4f2ee', color: '#1b1b1b' },
  'a dark page': { colorScheme: 'dark', background: '#101214', color: '#e6e6e6' },
  'a dark page through <meta name=color-scheme>': { meta: 'dark', colorScheme: '', background: 'Canvas', color: 'CanvasText' },
  'a page that allows both': { colorScheme: 'light dark', background: 'light-dark(#f4f2ee, #101214)', color: 'light-dark(#1b1b1b, #e6e6e6)' },
};
interface Page {
  colorScheme: string;
  background: string;
  color: string;
  meta?: string;
}

// puppeteer drives Firefox over WebDriver BiDi, which cannot emulate prefers-color-scheme: there
// the system is what headless Firefox reports (light).
const SYSTEMS = isFirefox ? (['light'] as const) : (['light', 'dark'] as const);
const tick = () => new Promise((resolve) => setTimeout(resolve, 50));

function hostPage(page: Page) {
  root.style.colorScheme = page.colorScheme;
  root.style.background = page.background;
  root.style.color = page.color;
  document.querySelector('meta[name=color-scheme]')?.remove();
  if (page.meta) document.head.append(Object.assign(document.createElement('meta'), { name: 'color-scheme', content: page.meta }));
}

/** Everything our elements draw, with content: articles, comments with their states, a queue. */
async function everything() {
  const thread = uniqueThread('contrast');
  const first = await seed(server, thread, { author: 'Approved reader', text: 'An approved comment.' });
  await seed(server, thread, { author: 'Replier', text: 'An approved reply.', parentId: first });
  const mine = [];
  for (const text of ['My first pending comment.', 'My second pending comment.']) {
    const answer = await post(server, thread, { author: 'Me', text });
    mine.push({ ...answer, author: 'Me', text, parentId: null, createdAt: new Date().toISOString() });
  }
  const refused = await post(server, thread, { author: 'Me', text: 'My refused comment.' });
  await reject(server, refused.id, 'off-topic');
  mine.push({ ...refused, status: 'rejected', reason: 'off-topic', author: 'Me', text: 'My refused comment.', parentId: null, createdAt: new Date().toISOString() });
  localStorage.setItem(`rw-mine:${thread}`, JSON.stringify(mine));
  sessionStorage.setItem('rw-moderator-token', server.token);

  // Not open-wc's fixture(): that one is removed after each test, and every test here looks at it.
  const wrapper = document.body.appendChild(document.createElement('div'));
  render(html`<span tabindex="-1" id="start"></span>
    <rw-article format-date>
      <h1 slot="headline">A light-DOM article</h1>
      <p slot="byline">By <a href="#author">Rozhan Aziz</a></p>
      <time slot="date" datetime="2024-03-05"></time>
      <p><span class="dateline">HALABJA –</span> Body with <a href="#link">a link</a>.</p>
      <blockquote><p>A quote.</p></blockquote>
      <figure><figcaption>Caption. <small class="credit">Photo: Agency</small></figcaption></figure>
    </rw-article>
    <rw-article src=${new URL('./fixtures/article.json', import.meta.url).href}></rw-article>
    <rw-article variant="teaser" href="#teaser"><h3 slot="headline">A teaser</h3><p>Its summary.</p></rw-article>
    <rw-text-size></rw-text-size>
    <p>Read the <rw-comment-count thread=${thread} endpoint=${server.endpoint}></rw-comment-count>.</p>
    <rw-comments thread=${thread} endpoint=${server.endpoint} loading="eager"></rw-comments>
    <rw-moderation endpoint=${server.endpoint}></rw-moderation>
    <span tabindex="0" id="end"></span>`, wrapper);
  const comments = wrapper.querySelector<RwComments>('rw-comments')!;
  const moderation = wrapper.querySelector<RwModeration>('rw-moderation')!;
  await until(() => comments.phase === 'ready', 'the comments never loaded');
  await until(() => $$(comments, '[part~=mine]').length === 3, 'the reader’s own comments are not shown');
  await until(() => $$(moderation, 'article').length > 0, 'the moderation queue never loaded');
  await until(() => wrapper.querySelector('rw-comment-count')!.shadowRoot!.textContent!.match(/\d/), 'no count');
  await until(() => wrapper.querySelector('rw-article[src]')!.shadowRoot!.querySelector('[part~=body]'), 'the JSON article never loaded');
  // The form with its errors: an empty submit.
  submit(comments);
  await until(() => $$(comments, '[part=error]').some((p) => p.textContent!.trim()), 'no field error');
  await settled(wrapper);
  return { wrapper, comments, moderation };
}

describe('contrast against what is painted', function () {
  this.timeout(120000);
  let all: Awaited<ReturnType<typeof everything>>;
  before(async function () {
    this.timeout(120000);
    all = await everything();
  });
  after(async () => {
    all?.wrapper.remove();
    hostPage({ colorScheme: '', background: '', color: '' });
    if (!isFirefox) await emulateMedia({ colorScheme: 'light' });
  });

  for (const [name, page] of Object.entries(PAGES)) {
    for (const system of SYSTEMS) {
      describe(`${name}, system ${system}`, () => {
        before(async () => {
          hostPage(page);
          if (!isFirefox) await emulateMedia({ colorScheme: system });
          await tick();
        });

        it('every text keeps 4.5:1 (3:1 when large)', () => {
          const findings = textContrast(all.wrapper);
          expect(findings.length, 'texts measured').to.be.above(80);
          expect(failures(findings)).to.deep.equal([]);
        });

        it('fields, boxes that stand out and focus rings keep 3:1', async () => {
          const { wrapper, comments } = all;
          const fields = [...deepNodes(wrapper)].filter((n): n is Element => n instanceof Element && n.matches('input:not(.vh *, [tabindex="-1"]), textarea, select'));
          expect(fields.length, 'fields measured').to.be.at.least(5);
          const boxes = $$(comments, '[part=guidelines], [part~=mine]');
          expect(failures(edgeContrast([...fields, ...boxes]))).to.deep.equal([]);
          // Focus rings, as a keyboard reader sees them: Tab through every element.
          const rings = [];
          // From a fixed start: after a blur, browsers differ in where the next Tab goes.
          wrapper.querySelector<HTMLElement>('#start')!.focus();
          // Up to a stop inside the page: Firefox shows no ring once a Tab has left the document.
          for (let i = 0; i < 80; i++) {
            await sendKeys({ press: 'Tab' });
            const active = deepActive();
            if (!active || active.id === 'end') break;
            rings.push(ringContrast(active));
          }
          expect(rings.length, 'focus rings measured').to.be.at.least(15);
          expect(failures(rings)).to.deep.equal([]);
        });

        it('two pending comments never touch', () => {
          const [one, two] = $$(all.comments, '[part~=mine]').map((el) => el.getBoundingClientRect());
          expect(two.top - one.bottom).to.be.at.least(4);
        });

        it('byline links look the same in a light-DOM and a JSON article', () => {
          const [light, json] = [...all.wrapper.querySelectorAll('rw-article:not([variant])')];
          const lightLink = light.querySelector('[slot=byline] a')!;
          const jsonLink = json.shadowRoot!.querySelector('[part~=byline] a')!;
          const look = (a: Element) => {
            const style = getComputedStyle(a);
            return { color: style.color, decoration: style.textDecorationLine, weight: style.fontWeight };
          };
          expect(look(lightLink)).to.deep.equal(look(jsonLink));
          const { background, color } = painted(lightLink, getComputedStyle(lightLink).color);
          expect(ratio(color, background)).to.be.at.least(4.5);
        });
      });
    }
  }
});
