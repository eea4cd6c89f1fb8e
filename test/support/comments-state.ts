import type { RwComments } from '../../src/components/comments/comments.js';
import { $, $$ } from './dom.js';

/**
 * What a reader can see of the list's state, read from the shadow DOM (the element keeps its
 * state private): '' (not needed yet), loading, ready or error.
 */
export function phaseOf(el: RwComments): '' | 'loading' | 'ready' | 'error' {
  const section = $(el, 'section');
  if (!section) return '';
  if (section.getAttribute('aria-busy') === 'true') return 'loading';
  if ($(el, 'section > [role=alert]')) return 'error';
  return section.classList.contains('wait') ? '' : 'ready';
}

/** The reader's own comments as shown: their moderation state (the class of their status line). */
export const mineShown = (el: RwComments) => $$(el, '[part~=mine] [part=status]').map((status) => status.className);

/** The Idempotency-Key the element keeps for the thread's draft. */
export const storedKey = (thread: string) => JSON.parse(localStorage.getItem(`rw-draft:${thread}`) ?? 'null')?.key as string | undefined;
