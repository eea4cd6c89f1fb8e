import { wrap, type SafeStorage } from './storage.js';

/*
 * What the comments and moderation elements keep in this browser, apart from the storage the
 * script-tag bundle needs for the text size: only their chunks load this.
 */
export const session = wrap('sessionStorage');

/** Parses a stored JSON value; garbage reads as `null` instead of throwing. */
export function readJSON<T>(store: SafeStorage, key: string): T | null {
  const raw = store.get(key);
  if (raw == null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

/** How long the comments element keeps what a reader left in this browser (drafts, own comments, name). */
export const KEEP_DAYS = 30;

/** Whether a record saved at `time` (epoch ms or an ISO date) is still within `KEEP_DAYS`. */
export function fresh(time: number | string | undefined): boolean {
  const at = typeof time === 'string' ? Date.parse(time) : time;
  return typeof at === 'number' && Date.now() - at < KEEP_DAYS * 86400000;
}
