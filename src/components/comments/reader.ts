import { fresh, readJSON } from '../../kept.js';
import { local } from '../../storage.js';

/**
 * The reader's name and email, kept for the next comment on any article only when they tick
 * "Remember me": personal data stays in the browser only by the reader's choice, and for
 * `KEEP_DAYS` after their last post.
 */
export interface Reader {
  author: string;
  email: string;
}

const KEY = 'rw-reader';

export function loadReader(): Reader | null {
  const stored = readJSON<Reader & { savedAt?: number }>(local, KEY);
  if (!stored || typeof stored.author !== 'string' || typeof stored.email !== 'string' || !fresh(stored.savedAt)) return null;
  return { author: stored.author, email: stored.email };
}

export const rememberReader = (reader: Reader) => local.set(KEY, JSON.stringify({ ...reader, savedAt: Date.now() }));
export const forgetReader = () => local.remove(KEY);
