/**
 * Every event our elements fire, declared once here and registered in `GlobalEventHandlersEventMap`,
 * so a listener anywhere (the element, a parent, the document) gets a typed `detail`. Each event
 * bubbles and is composed: it crosses shadow roots to reach the host page.
 */
import type { NewComment } from './api.js';

/** Detail of `rw-error`, fired by every element when something it loads fails. */
export interface RwErrorDetail {
  /** Machine-readable cause, e.g. `network`, `timeout`, `http-404`, `invalid-json`. */
  code: string;
  message: string;
}

export interface RwTextSizeChangeDetail {
  /** The new scale: 1 is 100 %. */
  scale: number;
}

export interface CommentSubmitDetail {
  thread: string;
  /** The request body; add fields to it, or call `preventDefault()` on the event to veto the post. */
  comment: NewComment;
}

export interface CommentPostedDetail {
  id: string;
  status: string;
}

export interface RwEventMap {
  'rw-error': CustomEvent<RwErrorDetail>;
  'rw-text-size-change': CustomEvent<RwTextSizeChangeDetail>;
  /** Cancelable: calling `preventDefault()` vetoes the post. */
  'rw-comment-submit': CustomEvent<CommentSubmitDetail>;
  'rw-comment-posted': CustomEvent<CommentPostedDetail>;
}

export type RwEventName = keyof RwEventMap;
export type RwEventDetail<K extends RwEventName> = RwEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Dispatches one of our events from `target`; returns it, so a caller can read `defaultPrevented`. */
export function emit<K extends RwEventName>(target: EventTarget, type: K, detail: RwEventDetail<K>, cancelable = false): RwEventMap[K] {
  const event = new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }) as RwEventMap[K];
  target.dispatchEvent(event);
  return event;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface GlobalEventHandlersEventMap extends RwEventMap {}
}
