// What sticks out sideways: every element and text run of the document, shadow roots included,
// whose painted box reaches past the viewport's left or right edge. A box inside an ancestor
// that clips (overflow other than visible, or a clip-path, as the visually hidden text has) counts
// only by the part that ancestor lets through, so hidden text is not an overflow, while a box that
// widens the page (and so the page's horizontal scroll) is.
//
// `sideways` runs in the page: import it in a browser test, or hand it to page.evaluate() from
// Node (it uses nothing outside itself).

/** @returns {{ scrollWidth: number, width: number, wide: string[] }} */
export function sideways() {
  const root = document.documentElement;
  const width = root.clientWidth;
  const wide = [];
  const label = (el) =>
    el.localName + (el.id ? `#${el.id}` : '') + (el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : '') +
    (el.slot ? `[slot=${el.slot}]` : '') + (typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : '');
  const check = (what, rect, clip) => {
    const left = Math.max(rect.left, clip.left);
    const right = Math.min(rect.right, clip.right);
    if (rect.width > 0 && rect.height > 0 && right > left && (right > width + 0.5 || left < -0.5)) {
      wide.push(`${what} (${Math.round(left)} to ${Math.round(right)} px)`);
    }
  };
  const walk = (parent, path, clip) => {
    for (const node of parent.childNodes) {
      if (node.nodeType === Node.TEXT_NODE && node.data.trim()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        check(`${path} text "${node.data.trim().slice(0, 30)}"`, range.getBoundingClientRect(), clip);
      }
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      const el = node;
      const style = getComputedStyle(el);
      if (style.display === 'none') continue;
      const rect = el.getBoundingClientRect();
      const name = `${path}${path ? ' > ' : ''}${label(el)}`;
      check(name, rect, clip);
      const clips = style.overflowX !== 'visible' || style.clipPath !== 'none';
      const inner = clips
        ? { left: Math.max(clip.left, rect.left), right: Math.min(clip.right, rect.right) }
        : clip;
      // Slotted children are walked where they are in the light DOM, with the same clip.
      if (el.shadowRoot) walk(el.shadowRoot, `${name} >>`, inner);
      walk(el, name, inner);
    }
  };
  walk(document.body, '', { left: -Infinity, right: Infinity });
  return { scrollWidth: root.scrollWidth, width, wide };
}
