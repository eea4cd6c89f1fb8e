// 4. Text size on a 10,000-word article: a real click on A+ (inside <rw-article>'s shadow root,
// one step: 100 % to 112.5 %) to the next painted frame, against a real click on a plain button that
// changes the root font size by the same step (`document.documentElement.style.fontSize`): the
// browser's own cost of re-laying out that much text. Alternating runs on one page, 1× CPU, in
// Chromium (playwright) and Firefox ESR (puppeteer-core over BiDi).
import { freshPage } from '../lib/browser.mjs';
import { freshFirefoxPage } from '../lib/firefox.mjs';
import { notBuilt, row } from '../lib/rows.mjs';

const LABEL = '4 text size A+ → paint, 10,000 words';

/** A+ of the first article, found through the shadow roots as a reader's click would reach it. */
function findPlus() {
  const deep = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName === 'button' && /increase|A\+/i.test(`${el.getAttribute('aria-label') ?? ''} ${el.textContent}`)) return el;
      const inner = el.shadowRoot && deep(el.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };
  const article = document.querySelector('rw-article');
  return deep(article.shadowRoot) ?? deep(article);
}
const findRoot = () => document.getElementById('root-font');

export async function run(ctx) {
  if (!ctx.tags.has('rw-article') || !ctx.tags.has('rw-text-size')) return [notBuilt('text-size', LABEL)];
  const runs = ctx.quick ? 10 : 30;
  const chromium = await freshPage(ctx.browser, { cpu: 1 });
  const rows = [];
  try {
    // Playwright's own click: a locator waits for the button to be visible and stable first.
    const clickOn = (find) => chromium.page.evaluateHandle(find).then((handle) => handle.asElement().click());
    rows.push(await measure(ctx, { ...bind(chromium.page), clickOn }, runs, ''));
  } finally {
    await chromium.close();
  }
  const firefox = await ctx.firefox();
  if (firefox) {
    const { page, close } = await freshFirefoxPage(firefox);
    try {
      rows.push(await measure(ctx, page, runs, ' (Firefox)'));
    } finally {
      await close();
    }
  }
  return rows;
}

const bind = (page) => ({ goto: (url) => page.goto(url), evaluate: (fn, arg) => page.evaluate(fn, arg) });

async function until(page, test, what, timeout = 10000) {
  const t0 = Date.now();
  while (!(await page.evaluate(test))) {
    if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
}

async function measure(ctx, page, runs, browser) {
  await page.goto(`${ctx.web.origin}/article.html?words=10000`);
  await until(page, () => window.__bench?.done === true, 'the bench page', 30000);
  await page.evaluate(() => (document.getElementById('root-font').dataset.size = '112.5%'));
  const bodySize = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('rw-article > p')).fontSize));
  const reset = () =>
    page.evaluate(async () => {
      const { setScale } = await import('/dist/reading-widget.js');
      setScale(1);
      document.documentElement.style.fontSize = '';
      await __afterPaint();
      await __afterPaint();
    });
  const once = async (find) => {
    await reset();
    const before = await bodySize();
    await page.evaluate(() => __armClick());
    await page.clickOn(find);
    await until(page, () => __bench.click !== null, 'the frame after the click');
    const ms = await page.evaluate(() => __bench.click);
    return { ms, grew: (await bodySize()) > before };
  };

  const widget = [];
  const reference = [];
  const grew = { widget: 0, reference: 0 };
  await once(findPlus); // warm-up: first click compiles handlers and code paths
  await once(findRoot);
  for (let i = 0; i < runs; i++) {
    for (const side of i % 2 ? ['reference', 'widget'] : ['widget', 'reference']) {
      const r = await once(side === 'widget' ? findPlus : findRoot);
      (side === 'widget' ? widget : reference).push(r.ms);
      grew[side] += r.grew;
    }
  }
  await reset();
  const note = [
    grew.widget < runs && `A+ left the body text size unchanged in ${runs - grew.widget} runs`,
    grew.reference < runs && `the root font size left the body text size unchanged in ${runs - grew.reference} runs`,
  ].filter(Boolean).join('; ');
  return row({
    id: `text-size${browser ? '.firefox' : ''}`,
    label: LABEL + browser,
    unit: 'ms',
    values: widget,
    refLabel: 'root font size',
    refValues: reference,
    goal: { ratio: 1.1 },
    note: note || null,
  });
}
