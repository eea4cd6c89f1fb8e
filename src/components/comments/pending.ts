import { fresh, readJSON } from '../../kept.js';
import { local } from '../../storage.js';
import { isReason, isStatus, type Reason, type Status } from '../../internal/contract.js';

/**
 * The reader's own comments on a thread, remembered from what the service answered to their post
 * (including the token that lets them follow its status and delete it), until the reader dismisses
 * a rejection or deletes it, or `KEEP_DAYS` pass. Once approved in the public list it is kept, marked
 * `listed`, for "Delete my comment".
 */
export interface Mine {
  id: string;
  token: string;
  author: string;
  text: string;
  createdAt: string;
  parentId: string | null;
  status: Status;
  reason?: Reason;
  /** Shown in the public list: kept only so the reader can still delete it with its token. */
  listed?: true;
}

const name = (thread: string) => `rw-mine:${thread}`;

// What is stored is read like an answer: another version of the widget (or a hand) may have written it.
const usable = (m: Partial<Mine> | null): m is Mine =>
  !!m &&
  typeof m.id === 'string' &&
  typeof m.token === 'string' &&
  typeof m.author === 'string' &&
  typeof m.text === 'string' &&
  (m.parentId === null || typeof m.parentId === 'string') &&
  isStatus(m.status) &&
  (m.reason === undefined || isReason(m.reason)) &&
  (m.listed === undefined || m.listed === true) &&
  fresh(m.createdAt);

export function loadMine(thread: string): Mine[] {
  const stored = readJSON<unknown>(local, name(thread));
  return Array.isArray(stored) ? stored.filter(usable) : [];
}

export function saveMine(thread: string, mine: Mine[]): void {
  if (mine.length) local.set(name(thread), JSON.stringify(mine));
  else local.remove(name(thread));
}
