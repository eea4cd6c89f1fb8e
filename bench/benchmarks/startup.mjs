// 2. Start-up: from the page's script starting (mark `rw-start`, then a dynamic import of the
// bundle) to every element painted (each rw-* element's updateComplete, nested ones too, then the
// next frame), on the demo-like article page, at 1× and 4× CPU; against the same page with the
// floor element. Each run is a fresh context (cold caches), some runs traced for the longest main-thread task.
import { freshPage, longestTask, waitDone } from '../lib/browser.mjs';
import { notBuilt, row } from '../lib/rows.mjs';
import { summary } from '../lib/stats.mjs';

export async function run(ctx) {
  const label = (what, cpu) => `2 ${what} ${cpu}× CPU`;
  if (!ctx.tags.has('rw-article')) {
    return [1, 4].flatMap((cpu) => [notBuilt(`startup.${cpu}x`, label('start-up', cpu)), notBuilt(`longtask.${cpu}x`, label('longest task', cpu))]);
  }
  // Tracing costs the page some time, so start-up is timed in untraced runs and the longest task
  // is taken from separate traced runs.
  const runs = ctx.quick ? 3 : 5;
  const traced = ctx.quick ? 1 : 2;
  // With the comments elements built, the page carries them too (the list lazy, below the fold).
  const api = ctx.tags.has('rw-comments') && ctx.hasService ? (await ctx.service()).api : '';
  const rows = [];
  for (const cpu of [1, 4]) {
    const m = { widget: { startup: [], longest: [], first: [] }, floor: { startup: [], longest: [], first: [] } };
    for (let i = 0; i < runs + traced; i++) {
      // Alternate, so that drift in the machine's load hits both sides alike.
      for (const variant of i % 2 ? ['floor', 'widget'] : ['widget', 'floor']) {
        const trace = i >= runs;
        const result = await measure(ctx, variant, cpu, trace, api);
        if (trace) m[variant].longest.push(result.longest);
        else {
          m[variant].startup.push(result.startup);
          m[variant].first.push(result.first);
        }
      }
    }
    rows.push(
      row({
        id: `startup.${cpu}x`, label: label('start-up', cpu), unit: 'ms', values: m.widget.startup, refLabel: 'floor', refValues: m.floor.startup,
        note: `elements defined by the entry itself painted after ${summary(m.widget.first).median.toFixed(0)} ms (median; floor ${summary(m.floor.first).median.toFixed(0)} ms)`,
      }),
      row({ id: `longtask.${cpu}x`, label: label('longest task', cpu), unit: 'ms', values: m.widget.longest, refLabel: 'floor', refValues: m.floor.longest }),
    );
  }
  return rows;
}

async function measure(ctx, variant, cpu, trace, api) {
  const { page, close } = await freshPage(ctx.browser, { cpu });
  try {
    if (trace) await ctx.browser.startTracing(page, { categories: ['toplevel'] });
    const query = new URLSearchParams({ ...(variant === 'floor' && { floor: '1' }), ...(api && { api }) });
    await page.goto(`${ctx.web.origin}/article.html?${query}`);
    const bench = await waitDone(page);
    const longest = trace ? longestTask(await ctx.browser.stopTracing()) : null;
    if (variant === 'widget' && !bench.defined.includes('rw-article')) throw new Error('rw-article was not defined');
    return { startup: bench.startup, first: bench.first, longest };
  } finally {
    await close();
  }
}
