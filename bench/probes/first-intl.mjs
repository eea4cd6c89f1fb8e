// What the first Intl object of a page costs (the ICU set-up), in fresh pages at 1× and 4× CPU:
// the first `new Intl.DateTimeFormat('en', { dateStyle: 'long' })` and format, the same call once
// another Intl object was built (the set-up is paid once per page), and the first
// `Intl.PluralRules` (cheap: it does not pay the set-up).
//   node bench/probes/first-intl.mjs [runs per figure, default 8]
import { freshPage, launch } from '../lib/browser.mjs';
import { summary } from '../lib/stats.mjs';

const runs = Number(process.argv[2] ?? 8);
const cases = {
  'first DateTimeFormat': () => new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(0),
  'DateTimeFormat after a NumberFormat': () => {
    new Intl.NumberFormat('en').format(1);
    const start = performance.now();
    new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(0);
    return performance.now() - start;
  },
  'first PluralRules': () => new Intl.PluralRules('en').select(1),
};

const browser = await launch();
for (const cpu of [1, 4]) {
  const times = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, work] of Object.entries(cases)) {
      const { page, close } = await freshPage(browser, { cpu });
      await page.goto('data:text/html,<p>probe</p>');
      // A case that returns a number timed itself (the part after its set-up).
      times[name].push(await page.evaluate(`(() => { const start = performance.now(); const own = (${work})(); return typeof own === 'number' ? own : performance.now() - start; })()`));
      await close();
    }
  }
  for (const [name, values] of Object.entries(times)) {
    const { median, min, max } = summary(values);
    console.log(`${cpu}× CPU  ${name.padEnd(36)} ${median.toFixed(1)} ms [${min.toFixed(1)}–${max.toFixed(1)}]`);
  }
}
await browser.close();
