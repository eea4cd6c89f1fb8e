import { local, readJSON } from '../../storage.js';

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
}

// randomUUID exists only in secure contexts; a plain-http page still needs a unique enough key.
export const newKey = (): string => crypto.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

const name = (thread: string) => `rw-draft:${thread}`;

export const loadDraft = (thread: string): Draft => ({
  author: '',
  email: '',
  text: '',
  ...readJSON<Draft>(local, name(thread)),
  key: readJSON<Draft>(local, name(thread))?.key || newKey(),
});

export function saveDraft(thread: string, draft: Draft): void {
  if (draft.author || draft.email || draft.text) local.set(name(thread), JSON.stringify(draft));
  else local.remove(name(thread));
}

export const clearDraft = (thread: string) => local.remove(name(thread));
