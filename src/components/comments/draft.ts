import { fresh, readJSON, session } from '../../kept.js';
import { local } from '../../storage.js';

/**
 * The reader's unsent comment, kept per thread so that a reload, a crash or a failed post never
 * loses it. `key` is the Idempotency-Key of this draft: retries of the same text reuse it, so the
 * service can never store the comment twice; only a successful post starts a new draft with a new
 * key. `sent` is the last body tried: when the reader edits after a failure, the old key would
 * be refused (same key, different body), so a new one is taken.
 */
export interface Draft {
  author: string;
  email: string;
  text: string;
  key: string;
  sent?: string;
  /** When it was last saved (epoch ms); a draft is dropped `KEEP_DAYS` later. */
  savedAt?: number;
}

/** Where a draft could be kept: only `local` survives the tab; `memory` does not survive a reload. */
export type Kept = 'local' | 'session' | 'memory';

// randomUUID exists only in secure contexts; a plain-http page still needs a unique enough key.
export const newKey = (): string => crypto.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

const name = (thread: string) => `rw-draft:${thread}`;
// The last resort when neither storage takes the draft: an element created again on this page
// (a single-page app's navigation) still finds the draft and, above all, its key.
const memory = new Map<string, Draft>();
const str = (value: unknown) => (typeof value === 'string' ? value : '');

export function loadDraft(thread: string): Draft {
  const stored = readJSON<Partial<Draft>>(local, name(thread)) ?? readJSON<Partial<Draft>>(session, name(thread)) ?? memory.get(name(thread));
  // A draft saved before drafts had a date is taken as new; the next save dates it.
  const usable = stored && typeof stored === 'object' && (stored.savedAt === undefined || fresh(stored.savedAt)) ? stored : {};
  return {
    author: str(usable.author),
    email: str(usable.email),
    text: str(usable.text),
    key: str(usable.key) || newKey(),
    ...(typeof usable.sent === 'string' ? { sent: usable.sent } : {}),
  };
}

/**
 * Keeps a draft that has text (a name and email alone are not a draft: they are kept only when the
 * reader asks, see `reader.ts`). When localStorage refuses it (full, or blocked), the stale copy
 * there is removed, so that a reload cannot bring back an older draft with another key.
 */
export function saveDraft(thread: string, draft: Draft): Kept {
  const key = name(thread);
  if (!draft.text) {
    clearDraft(thread);
    return 'local';
  }
  const dated = { ...draft, savedAt: Date.now() };
  const raw = JSON.stringify(dated);
  if (local.set(key, raw)) {
    session.remove(key);
    memory.delete(key);
    return 'local';
  }
  local.remove(key);
  memory.set(key, dated);
  return session.set(key, raw) ? 'session' : 'memory';
}

export function clearDraft(thread: string): void {
  const key = name(thread);
  local.remove(key);
  session.remove(key);
  memory.delete(key);
}
