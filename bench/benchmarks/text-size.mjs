// 4. Text size on a 10,000-word article: a real click on A+ (inside <rw-article>'s shadow root,
// one step: 100 % to 112.5 %) to the next painted frame, against a real click on a plain button that
// changes the root font size by the same step (`document.documentElement.style.fontSize`): the
// browser's own cost of re-laying out that much text. Alternating runs on one page, 1× CPU.
import { freshPage, waitDone } from '../lib/browser.mjs';
import { notBuilt, row } from '../lib/rows.mjs';

const LABEL = '4 text size A+ → paint, 10,000 words';

export async function run(ctx) {
  if (!ctx.tags.has('rw-article') || !ctx.tags.has('rw-text-size')) return [notBuilt('text-size', LABEL)];
  const runs = ctx.quick ? 10 : 30;
  const { page, close } = await freshPage(ctx.browser, { cpu: 1 });
  try {
    await page.goto(`${ctx.web.origin}/article.html?words=10000`);
    await waitDone(page);
    const plus = page.locator('rw-article').first().getByRole('button', { name: /increase|A\+/i }).first();
    const root = page.locator('#root-font');
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
    const once = async (button) => {
      await reset();
      const before = await bodySize();
      await page.evaluate(() => __armClick());
      await button.click();
      await page.waitForFunction(() => __bench.click !== null, null, { polling: 16, timeout: 10000 });
      const ms = await page.evaluate(() => __bench.click);
      return { ms, grew: (await bodySize()) > before };
    };

    const widget = [];
    const reference = [];
    let grew = { widget: 0, reference: 0 };
    await once(plus); // warm-up: first click compiles handlers and code paths
    await once(root);
    for (let i = 0; i < runs; i++) {
      for (const side of i % 2 ? ['reference', 'widget'] : ['widget', 'reference']) {
        const r = await once(side === 'widget' ? plus : root);
        (side === 'widget' ? widget : reference).push(r.ms);
        grew[side] += r.grew;
      }
    }
    await reset();
    const note = [
      grew.widget < runs && `A+ left the body text size unchanged in ${runs - grew.widget} runs`,
      grew.reference < runs && `the root font size left the body text size unchanged in ${runs - grew.reference} runs`,
    ].filter(Boolean).join('; ');
    return [row({ id: 'text-size', label: LABEL, unit: 'ms', values: widget, refLabel: 'root font size', refValues: reference, goal: { ratio: 1.1 }, note: note || null })];
  } finally {
    await close();
  }
}
