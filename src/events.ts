/** Dispatches one of our `rw-*` events: they always bubble and cross shadow roots. */
export function emit<T>(target: EventTarget, type: string, detail: T, cancelable = false): CustomEvent<T> {
  const event = new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable });
  target.dispatchEvent(event);
  return event;
}

/** Detail of `rw-error`, fired by every element when something it loads fails. */
export interface RwErrorDetail {
  /** Machine-readable cause, e.g. `network`, `timeout`, `http-404`, `invalid-json`. */
  code: string;
  message: string;
}
