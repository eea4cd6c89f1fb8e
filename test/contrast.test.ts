import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { RwComments } from '../src/components/comments/comments.js';
import { renderEverything } from './support/everything.js';
import { useServer } from './support/comments-server.js';
import { seedEverything } from './support/everything-thread.js';
import { $$, deepActive } from './support/dom.js';
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

const seedThread = () => seedEverything(server, 'contrast');

async function everything() {
  // Not open-wc's fixture(): that one is removed after each test, and every test here looks at it.
  const wrapper = document.body.appendChild(document.createElement('div'));
  await renderEverything(wrapper, server.endpoint, await seedThread());
  await settled(wrapper);
  return { wrapper, comments: wrapper.querySelector<RwComments>('rw-comments')! };
}

/** Fields (not the honeypot) and the boxes that must stand out, in `wrapper`. */
function edges(wrapper: Element) {
  const nodes = [...deepNodes(wrapper)].filter((n): n is Element => n.nodeType === Node.ELEMENT_NODE);
  const fields = nodes.filter((n) => n.matches('input:not(.vh *, [tabindex="-1"]), textarea, select'));
  const boxes = nodes.filter((n) => n.matches('[part=guidelines], [part~=mine]'));
  return { fields, boxes };
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
          const { wrapper } = all;
          const { fields, boxes } = edges(wrapper);
          expect(fields.length, 'fields measured').to.be.at.least(5);
          expect(boxes.length, 'boxes measured').to.equal(4);
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

describe('contrast with the system dark, in Firefox', function () {
  // WebDriver BiDi cannot emulate prefers-color-scheme; a page in an iframe sees the colour scheme
  // of its <iframe> element as the reader's preference (CSS Color Adjustment), in Firefox only.
  this.timeout(120000);
  before(function () {
    if (!isFirefox) this.skip(); // Chromium: covered by the emulated system above
  });
  afterEach(() => document.querySelectorAll('iframe').forEach((iframe) => iframe.remove()));

  for (const name of ['a light-only page', 'a dark page', 'a page that allows both']) {
    it(`${name}: every text, field and box`, async () => {
      const page = PAGES[name];
      const query = new URLSearchParams({ scheme: page.colorScheme, background: page.background, color: page.color, endpoint: server.endpoint, thread: await seedThread() });
      const iframe = document.createElement('iframe');
      iframe.style.cssText = 'color-scheme: dark; inline-size: 1000px; block-size: 3000px; border: 0';
      iframe.src = new URL(`./fixtures/theme/everything.html?${query}`, import.meta.url).href;
      const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
      document.body.append(iframe);
      await loaded;
      const win = iframe.contentWindow as Window & { ready: Promise<void>; contrast: typeof import('./support/contrast.js') };
      await win.ready;
      expect(win.matchMedia('(prefers-color-scheme: dark)').matches, 'the frame sees a dark system').to.be.true;
      const main = win.document.querySelector('main')!;
      const findings = win.contrast.textContrast(main);
      expect(findings.length, 'texts measured').to.be.above(80);
      expect(win.contrast.failures(findings)).to.deep.equal([]);
      const { fields, boxes } = edges(main);
      expect(fields.length + boxes.length, 'fields and boxes measured').to.be.at.least(9);
      expect(win.contrast.failures(win.contrast.edgeContrast([...fields, ...boxes]))).to.deep.equal([]);
    });
  }
});
