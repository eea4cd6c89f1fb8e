import { expect, waitUntil } from '@open-wc/testing';
import { resetScale } from '../../support/reading.js';

const isFirefox = navigator.userAgent.includes('Firefox');

/** Loads test/fixtures/page.html (the widget script arrives late) in an iframe and waits for the upgrade. */
async function loadPage(query: string, width = 800, height = 600) {
  // A test page in a background tab renders no frames (so records no layout shift): wait for our turn.
  // Layout shift is measured in Chromium only; Firefox headless may report a second window as hidden.
  if (!isFirefox) await waitUntil(() => document.visibilityState === 'visible', 'the test page never became visible', { timeout: 60000 });
  const iframe = document.createElement('iframe');
  iframe.style.cssText = `width:${width}px;height:${height}px;border:0`;
  iframe.src = new URL(`../../fixtures/page.html?${query}`, import.meta.url).href;
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow as Window & { rwLoaded?: boolean };
  const started = performance.now();
  while (!win.rwLoaded) {
    if (performance.now() - started > 8000) throw new Error('the widget never loaded in the fixture page');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // Well after the upgrade: catalogue, slot changes and fonts have settled.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return { iframe, win, doc: iframe.contentDocument! };
}

function cumulativeLayoutShift(win: Window): Promise<number> {
  return new Promise((resolve) => {
    let sum = 0;
    const observer = new (win as unknown as typeof globalThis).PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean }>) {
        if (!entry.hadRecentInput) sum += entry.value;
      }
    });
    observer.observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => {
      observer.disconnect();
      resolve(sum);
    }, 200);
  });
}

describe('a news page that loads the widget late', () => {
  afterEach(() => {
    document.querySelectorAll('iframe').forEach((iframe) => iframe.remove());
    resetScale();
  });

  it('has no layout shift when the article upgrades (with the embed snippet CSS)', async function () {
    this.timeout(90000);
    if (isFirefox) this.skip(); // Firefox has no Layout Instability API (layout-shift entries).
    const { win, doc } = await loadPage('delay=500');
    expect(doc.querySelector('rw-article')!.shadowRoot).to.exist;
    expect(doc.documentElement.scrollHeight).to.be.greaterThan(600);
    expect(await cumulativeLayoutShift(win)).to.equal(0);
  });

  it('does shift without the snippet CSS (so the test above can fail)', async function () {
    this.timeout(90000);
    if (isFirefox) this.skip(); // Firefox has no Layout Instability API (layout-shift entries).
    const { win } = await loadPage('delay=500&snippet=0');
    expect(await cumulativeLayoutShift(win)).to.be.greaterThan(0);
  });

  it('reflows at 320 CSS px with text at 200 %: no horizontal scrolling', async function () {
    this.timeout(90000);
    const { doc } = await loadPage('delay=0&scale=2', 320, 640);
    const article = doc.querySelector('rw-article')!;
    const body = article.querySelector(':scope > p:not([slot])')!;
    expect(parseFloat(getComputedStyle(body).fontSize)).to.equal(36);
    const root = doc.documentElement;
    expect(root.scrollWidth).to.be.at.most(root.clientWidth);
    const card = article.shadowRoot!.querySelector('[part~=card]')!;
    expect(card.scrollWidth).to.be.at.most(card.clientWidth);
    expect(article.getBoundingClientRect().right).to.be.at.most(320);
  });
});
