import { local, readJSON } from '../../storage.js';
import type { CommentStatus, Reason } from '../../api.js';

/**
 * The reader's own comments on a thread, remembered from what the service answered to their post
 * (including the token that lets them follow its status), until they show up approved in the list
 * or the reader dismisses a rejection.
 */
export interface Mine {
  id: string;
  token: string;
  author: string;
  text: string;
  createdAt: string;
  parentId: string | null;
  status: CommentStatus;
  reason?: Reason;
}

const name = (thread: string) => `rw-mine:${thread}`;

export const loadMine = (thread: string): Mine[] => readJSON<Mine[]>(local, name(thread)) ?? [];

export function saveMine(thread: string, mine: Mine[]): void {
  if (mine.length) local.set(name(thread), JSON.stringify(mine));
  else local.remove(name(thread));
}
