/**
 * Web Storage that never throws. Safari private mode, sandboxed iframes, disabled cookies and full
 * quotas all make `localStorage` throw, on access or on write; readers must not pay for that.
 */
export interface SafeStorage {
  get(key: string): string | null;
  set(key: string, value: string): boolean;
  remove(key: string): void;
}

export function wrap(kind: 'localStorage' | 'sessionStorage'): SafeStorage {
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

/** For the reader's text size (src/text-scale.ts); what comments and moderation keep is in `kept.ts`, outside the script-tag bundle. */
export const local = wrap('localStorage');
