/**
 * Web Storage that never throws. Safari private mode, sandboxed iframes, disabled cookies and full
 * quotas all make `localStorage` throw, on access or on write; readers must not pay for that.
 */
export interface SafeStorage {
  get(key: string): string | null;
  set(key: string, value: string): boolean;
  remove(key: string): void;
}

function open(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return window[kind];
  } catch {
    return null;
  }
}

function wrap(kind: 'localStorage' | 'sessionStorage'): SafeStorage {
  return {
    get(key) {
      try {
        return open(kind)?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        open(kind)?.setItem(key, value);
        return true;
      } catch {
        return false;
      }
    },
    remove(key) {
      try {
        open(kind)?.removeItem(key);
      } catch {
        /* nothing to clean when storage is unavailable */
      }
    },
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
