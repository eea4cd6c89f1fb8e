// 3. Layout shift, with the embed snippet's pre-upgrade stylesheet (dist/reading-widget.css) and the
// bundle held back 1 s by the bench server. Each page is scored twice: by the browser's layout-shift
// entries, and by our own box movement (bench/lib/box-shift.mjs: every element's box in the first
// frame against the same element's box once all is painted, scored as a layout shift is), because
// Chromium's score misses the slotted boxes an upgrade rebuilds.
// (a) The article page (article and "The Latest" teasers), 4× CPU: CLS from navigation until every
// element has painted (plus a moment), must be 0; the floor page under the same conditions is the
// reference. Box movement ≤ 0.01.
// (b) The comments section loading its list from the real service (seeded thread), placed in the
// first screen with host content below it: the shifts from the frame in which the list appears
// on (must be 0), and apart from them, those of the element's upgrade before its list (≤ 0.01: the
// stylesheet keeps the section's space); box movement from the first frame to the list ≤ 0.01.
// (c) A JSON article (<rw-article src>, as demo/json.html) in the first screen with host content
// after it, its photo 0.5 s behind its JSON: CLS and box movement from the first frame until the
// article and its photo have painted, both ≤ 0.01, at 1280 and 375 px wide.
import { freshPage, waitDone } from '../lib/browser.mjs';
import { notBuilt, row } from '../lib/rows.mjs';
import { seedThread } from '../lib/seed.mjs';

const ARTICLE = '3 CLS article, script 1 s late, 4× CPU';
const COMMENTS = '3 CLS comments list loading';
const UPGRADE = '3 CLS comments upgrade, in first screen';
const ARTICLE_BOX = '3 box movement article + teasers, script 1 s late, 4× CPU';
const COMMENTS_BOX = '3 box movement comments in first screen, script 1 s late';
const JSON_CLS = (width) => `3 CLS JSON article, script 1 s late, ${width} px`;
const JSON_BOX = (width) => `3 box movement JSON article, script 1 s late, ${width} px`;

export async function run(ctx) {
  const runs = ctx.quick ? 2 : 3;
  const rows = [];
  if (!ctx.tags.has('rw-article')) rows.push(notBuilt('cls.article', ARTICLE));
  else {
    const m = { widget: [], floor: [] };
    const shifts = [];
    const boxes = [];
    const moved = new Set();
    const api = ctx.tags.has('rw-comments') && ctx.hasService ? (await ctx.service()).api : '';
    const extra = api ? `&api=${encodeURIComponent(api)}` : '';
    for (let i = 0; i < runs; i++) {
      for (const variant of ['widget', 'floor']) {
        const bench = await load(ctx, `/article.html?load=tag&delay=1000${extra}${variant === 'floor' ? '&floor=1' : ''}`, 4);
        m[variant].push(bench.cls);
        if (variant === 'widget') {
          shifts.push(...bench.shifts);
          boxes.push(bench.boxShift);
          if (bench.moved) moved.add(bench.moved);
        }
      }
    }
    rows.push(
      row({ id: 'cls.article', label: ARTICLE, unit: '', values: m.widget, refLabel: 'floor', refValues: m.floor, goal: { max: 0 }, note: describe(shifts) }),
      row({ id: 'box.article', label: ARTICLE_BOX, unit: '', values: boxes, refLabel: 'goal 0.01', goal: { max: 0.01 }, note: movedNote(moved) }),
    );
  }

  if (!ctx.tags.has('rw-comments') || !ctx.hasService) rows.push(notBuilt('cls.comments', COMMENTS), notBuilt('cls.comments.upgrade', UPGRADE), notBuilt('box.comments', COMMENTS_BOX));
  else {
    const { api, thread } = await seedThread(ctx);
    const listValues = [];
    const upgradeValues = [];
    const shifts = [];
    const boxes = [];
    const moved = new Set();
    for (let i = 0; i < runs; i++) {
      const bench = await load(ctx, `/comments.html?endpoint=${encodeURIComponent(api)}&thread=${encodeURIComponent(thread)}&delay=1000`, 1);
      boxes.push(bench.boxShift);
      if (bench.moved) moved.add(bench.moved);
      if (!bench.count) throw new Error('the comments list did not render');
      const marked = bench.shifts.map((s) => ({ ...s, list: s.at >= bench.listAt - 1 }));
      listValues.push(marked.filter((s) => s.list).reduce((sum, s) => sum + s.value, 0));
      upgradeValues.push(marked.filter((s) => !s.list).reduce((sum, s) => sum + s.value, 0));
      shifts.push(...marked);
    }
    rows.push(
      row({ id: 'cls.comments', label: COMMENTS, unit: '', values: listValues, refLabel: 'goal 0', goal: { max: 0 }, note: describe(shifts.filter((s) => s.list)) }),
      row({ id: 'cls.comments.upgrade', label: UPGRADE, unit: '', values: upgradeValues, refLabel: 'goal 0.01', goal: { max: 0.01 }, note: describe(shifts.filter((s) => !s.list)) }),
      row({ id: 'box.comments', label: COMMENTS_BOX, unit: '', values: boxes, refLabel: 'goal 0.01', goal: { max: 0.01 }, note: movedNote(moved) }),
    );
  }
  for (const width of [1280, 375]) {
    if (!ctx.tags.has('rw-article')) {
      rows.push(notBuilt(`cls.json.${width}`, JSON_CLS(width)));
      continue;
    }
    const cls = [];
    const boxes = [];
    const shifts = [];
    const moved = new Set();
    for (let i = 0; i < runs; i++) {
      const bench = await load(ctx, '/article-json.html?delay=1000', 1, { width, height: 800 });
      cls.push(bench.cls);
      boxes.push(bench.boxShift);
      shifts.push(...bench.shifts);
      if (bench.moved) moved.add(bench.moved);
    }
    rows.push(
      row({ id: `cls.json.${width}`, label: JSON_CLS(width), unit: '', values: cls, refLabel: 'goal 0.01', goal: { max: 0.01 }, note: describe(shifts) }),
      row({ id: `box.json.${width}`, label: JSON_BOX(width), unit: '', values: boxes, refLabel: 'goal 0.01', goal: { max: 0.01 }, note: movedNote(moved) }),
    );
  }
  return rows;
}

async function load(ctx, path, cpu, viewport) {
  const { page, close } = await freshPage(ctx.browser, { cpu, viewport });
  try {
    await page.goto(ctx.web.origin + path);
    const bench = await waitDone(page);
    // A moment more, so that a late shift (a font, a deferred render) still counts.
    await page.waitForTimeout(300);
    const { before: _boxes, ...measured } = bench;
    return { ...measured, ...(await page.evaluate(() => ({ cls: __bench.cls, shifts: __bench.shifts, listAt: __bench.listAt }))) };
  } finally {
    await close();
  }
}

const describe = (shifts) =>
  shifts.length ? `shifted: ${[...new Set(shifts.flatMap((s) => s.sources))].join(', ')}` : null;

const movedNote = (moved) => (moved.size ? `moved: ${[...moved].join(' | ').slice(0, 200)}` : null);
