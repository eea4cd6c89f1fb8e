/** Small helpers to drive our elements through their shadow DOM as a reader would. */
export const $ = <T extends Element = HTMLElement>(host: Element, selector: string) =>
  host.shadowRoot!.querySelector<T>(selector as string) as T;
export const $$ = <T extends Element = HTMLElement>(host: Element, selector: string) => [
  ...host.shadowRoot!.querySelectorAll<T>(selector as string),
];

/** Types into a field the way a reader does: value, then a bubbling `input` event. */
export function type(host: Element, id: string, value: string): void {
  const field = $<HTMLInputElement>(host, `#${id}`);
  field.focus();
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** The text of an element with its whitespace collapsed. */
export const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The element that has focus, looking into shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** waitUntil with room for a busy machine (open-wc's default is one second). */
import { waitUntil } from '@open-wc/testing';
export const until = (predicate: () => unknown, message?: string) => waitUntil(predicate, message, { timeout: 15000 });
