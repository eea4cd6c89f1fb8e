import type { Comment } from '../../api.js';
import type { Mine } from './pending.js';

/** The list as shown: top-level comments, the replies under each, and the reader's own comments. */
export interface ThreadTree {
  top: Comment[];
  replies: Map<string, Comment[]>;
  /** The reader's own replies, under the listed comment they answer. */
  mineUnder: Map<string, Mine[]>;
  /** The reader's own comments shown above the list: top-level ones, and replies whose parent is not listed. */
  loose: Mine[];
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * One level of replies: a reply goes under its parent when that parent is a listed top-level
 * comment; any other (its parent not loaded, or itself a reply) is shown at the top level, so no
 * comment can vanish whatever the service sends. Linear in the list.
 */
export function threadTree(items: readonly Comment[], mine: readonly Mine[]): ThreadTree {
  const ids = new Set(items.flatMap((c) => (c.parentId ? [] : [c.id])));
  const tree: ThreadTree = { top: [], replies: new Map(), mineUnder: new Map(), loose: [] };
  for (const c of items) {
    if (c.parentId && ids.has(c.parentId)) push(tree.replies, c.parentId, c);
    else tree.top.push(c);
  }
  for (const m of mine) {
    if (m.parentId && ids.has(m.parentId)) push(tree.mineUnder, m.parentId, m);
    else tree.loose.push(m);
  }
  return tree;
}
