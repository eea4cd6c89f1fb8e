/**
 * Contrast as the reader sees it: the colour of each text against what is actually painted behind
 * it, found by walking up the flat tree (slots, shadow roots, the host page) and compositing every
 * background and `opacity` on the way, down to the first opaque layer (else the canvas, white).
 */
type RGBA = [number, number, number, number];

const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
const parsed = new Map<string, RGBA>();

/** Any CSS colour as sRGB 0–255 with alpha 0–1 (the canvas normalises `color()`, `oklab()`, …). */
export function rgba(color: string): RGBA {
  let value = parsed.get(color);
  if (value) return value;
  const match = color.match(/^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/);
  if (match) value = [+match[1], +match[2], +match[3], match[4] === undefined ? 1 : +match[4]];
  else {
    probe.clearRect(0, 0, 1, 1);
    probe.fillStyle = color;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
    value = [r, g, b, a / 255]; // ImageData is not premultiplied
  }
  parsed.set(color, value);
  return value;
}

const over = (top: RGBA, below: RGBA): RGBA => {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i] * a + below[i] * (1 - a)).concat(1) as RGBA;
};

function luminance([r, g, b]: RGBA): number {
  const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two opaque colours. */
export function ratio(a: RGBA, b: RGBA): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The parent in the flat tree: the slot a node is assigned to, else its parent, else the shadow host. */
export function flatParent(node: Node): Element | null {
  const slot = (node as Element | Text).assignedSlot;
  if (slot) return slot;
  if (node.parentElement) return node.parentElement;
  const root = node.parentNode;
  return isShadowRoot(root) ? root.host : null;
}

function chain(from: Element | null): Element[] {
  const elements: Element[] = [];
  for (let el = from; el; el = flatParent(el)) elements.push(el);
  return elements;
}

const WHITE: RGBA = [255, 255, 255, 1];

/**
 * What the reader sees at a point painted by `from` (and everything under it), with `paint` the
 * colour laid on top there (a text colour, a border), or nothing for the background alone.
 * Returns the painted background and the painted colour on top of it.
 */
export function painted(from: Element | null, top?: string): { background: RGBA; color: RGBA } {
  const elements = chain(from).reverse(); // from the root down
  const paint = (index: number, below: RGBA): { background: RGBA; color: RGBA } => {
    if (index === elements.length) {
      return { background: below, color: top ? over(rgba(top), below) : below };
    }
    const style = getComputedStyle(elements[index]);
    const inner = paint(index + 1, over(rgba(style.backgroundColor), below));
    const opacity = Number(style.opacity);
    if (opacity >= 1) return inner;
    // A group with opacity is blended, as a whole, with what is under it.
    const fade = (c: RGBA) => over([c[0], c[1], c[2], opacity], below);
    return { background: fade(inner.background), color: fade(inner.color) };
  };
  return paint(0, WHITE);
}

/** Realm-free checks: the nodes may come from a frame's document. */
const isShadowRoot = (node: Node | null): node is ShadowRoot => node?.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in node;

/** Every node in `root`, through open shadow roots, in document order. */
export function* deepNodes(root: Node): Generator<Node> {
  yield root;
  const shadow = (root as Element).shadowRoot;
  if (shadow) yield* deepNodes(shadow);
  for (const child of root.childNodes) yield* deepNodes(child);
}

export interface Finding {
  what: string;
  ratio: number;
  needs: number;
}

const label = (el: Element) => {
  const part = el.getAttribute('part');
  const root = el.getRootNode();
  const host = isShadowRoot(root) ? root.host.localName + ' › ' : '';
  return `${host}${el.localName}${part ? `[part=${part}]` : el.id ? '#' + el.id : ''}`;
};

const inactive = (el: Element) => !!el.closest('[aria-disabled=true], :disabled');

function large(style: CSSStyleDeclaration) {
  const size = parseFloat(style.fontSize);
  return size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
}

/**
 * Contrast of every visible text in `root` (text nodes, and the values of fields): 4.5:1, or 3:1
 * for large text. Text of inactive controls is exempt (WCAG 1.4.3).
 */
export function textContrast(root: Element): Finding[] {
  const findings: Finding[] = [];
  const check = (el: Element, text: string) => {
    if (inactive(el) || !el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) return;
    const style = getComputedStyle(el);
    const { background, color } = painted(el, style.color);
    findings.push({ what: `${label(el)} “${text.trim().slice(0, 40)}”`, ratio: ratio(color, background), needs: large(style) ? 3 : 4.5 });
  };
  for (const node of deepNodes(root)) {
    if (node.nodeType === Node.TEXT_NODE && (node as Text).data.trim()) {
      const parent = flatParent(node);
      // Text inside <select> is drawn by the select itself; <style> and <script> are not drawn.
      if (parent && !parent.closest('option, style, script, template')) check(parent, (node as Text).data);
    } else if (node.nodeType === Node.ELEMENT_NODE && (node as Element).matches('input:not([type=hidden]), textarea') && (node as HTMLInputElement).value) {
      check(node as Element, (node as HTMLInputElement).value);
    } else if (node.nodeType === Node.ELEMENT_NODE && (node as Element).localName === 'select') {
      check(node as Element, (node as HTMLSelectElement).selectedOptions[0]?.text ?? '');
    }
  }
  return findings;
}

/** The border of each element against the background painted around it (outside the element). */
export function edgeContrast(elements: Element[]): Finding[] {
  return elements.map((el) => {
    const style = getComputedStyle(el);
    const outside = painted(flatParent(el), style.borderTopColor);
    const width = parseFloat(style.borderTopWidth);
    return { what: `${label(el)} border ${width}px ${style.borderTopStyle}`, ratio: width > 0 && style.borderTopStyle !== 'none' ? ratio(outside.color, outside.background) : 0, needs: 3 };
  });
}

/** The focus ring of the focused element, against the background around it. */
export function ringContrast(el: Element): Finding {
  const style = getComputedStyle(el);
  const outside = painted(flatParent(el), style.outlineColor);
  const width = parseFloat(style.outlineWidth);
  return { what: `${label(el)} focus ring ${width}px ${style.outlineStyle}`, ratio: width >= 2 && style.outlineStyle !== 'none' ? ratio(outside.color, outside.background) : 0, needs: 3 };
}

/** The findings below their threshold, one readable line each (empty when all pass). */
export const failures = (findings: Finding[]) =>
  findings.filter((f) => f.ratio + 1e-9 < f.needs).map((f) => `${f.what}: ${f.ratio.toFixed(2)}:1 < ${f.needs}:1`);
