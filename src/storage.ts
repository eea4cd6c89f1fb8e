/**
 * Web Storage that never throws. Safari private mode, sandboxed iframes, disabled cookies and full
 * quotas all make `localStorage` throw, on access or on write; readers must not pay for that.
 */
export interface SafeStorage {
  get(key: string): string | null;
  set(key: string, value: string): boolean;
  remove(key: string): void;
}

function wrap(kind: 'localStorage' | 'sessionStorage'): SafeStorage {
  // Each step may throw: reaching the storage at all (a sandboxed iframe), reading, writing.
  const attempt = <T>(fallback: T, act: (store: Storage | null) => T): T => {
    try {
      return act(window[kind]);
    } catch {
      return fallback;
    }
  };
  return {
    get: (key) => attempt(null, (store) => store?.getItem(key) ?? null),
    set: (key, value) => attempt(false, (store) => (store?.setItem(key, value), true)),
    remove: (key) => attempt(undefined, (store) => store?.removeItem(key)),
  };
}

export const local = wrap('localStorage');
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
