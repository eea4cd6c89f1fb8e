// Box movement across an upgrade, scored like the browser's layout-shift score. Chromium's own
// score misses what an upgrade does to a light-DOM article: attaching a shadow root rebuilds the
// slotted boxes, and rebuilt boxes are not "moved" ones. So the page records the box of every
// element of the document itself, before the script arrives and after every element has upgraded,
// and scores the difference as a layout shift is scored: the impact fraction (the part of the
// viewport covered by the moved elements, before or after) times the distance fraction (the
// largest move over the viewport's larger side).
//
// BOX_SHIFT_PROBE is page source (for an inline <script> or Playwright's addInitScript); it defines
//   __boxSnapshot(): every element of the document with its box, kept in the page;
//   __boxShift(before, after = __boxSnapshot()): { score, moved: [{ el, dx, dy }] } for the elements
//     visible both times whose start corner moved by more than half a pixel.

function probe() {
  const visible = (r) => r.width > 0 && r.height > 0;
  window.__boxSnapshot = () => {
    const boxes = new Map();
    for (const el of document.body.querySelectorAll('*')) boxes.set(el, el.getBoundingClientRect());
    return boxes;
  };
  window.__boxShift = (before, after = window.__boxSnapshot()) => {
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const rtl = getComputedStyle(document.documentElement).direction === 'rtl';
    // The impact region as a set of 4-pixel cells: the union of overlapping boxes, counted once.
    const CELL = 4;
    const cells = new Set();
    const cover = (r) => {
      const x0 = Math.max(0, Math.floor(r.left / CELL)), x1 = Math.min(Math.ceil(vw / CELL), Math.ceil(r.right / CELL));
      const y0 = Math.max(0, Math.floor(r.top / CELL)), y1 = Math.min(Math.ceil(vh / CELL), Math.ceil(r.bottom / CELL));
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) cells.add(y * 100000 + x);
    };
    let distance = 0;
    const moved = [];
    for (const [el, a] of before) {
      const b = after.get(el);
      if (!b || !visible(a) || !visible(b)) continue;
      // The start corner, as the browser uses it: the inline start is the right edge in RTL.
      const dx = rtl ? b.right - a.right : b.left - a.left;
      const dy = b.top - a.top;
      if (Math.abs(dx) <= 0.5 && Math.abs(dy) <= 0.5) continue;
      const onScreen = (r) => r.bottom > 0 && r.top < vh && r.right > 0 && r.left < vw;
      if (!onScreen(a) && !onScreen(b)) continue;
      cover(a);
      cover(b);
      distance = Math.max(distance, Math.hypot(dx, dy));
      moved.push({ el, dx: Math.round(dx), dy: Math.round(dy) });
    }
    const impact = (cells.size * CELL * CELL) / (vw * vh);
    return { score: Math.min(1, impact) * Math.min(1, distance / Math.max(vw, vh)), moved };
  };
}

export const BOX_SHIFT_PROBE = `(${probe})();`;

/** A short description of the moved elements (tag, slot or class, and the move), for reports. */
export const DESCRIBE_MOVED = `(moved) => moved.slice(0, 6).map(({ el, dx, dy }) =>
  el.localName + (el.slot ? '[slot=' + el.slot + ']' : el.className ? '.' + String(el.className).split(' ')[0] : '') + ' ' + dx + ',' + dy).join('; ')`;
