import type { RwComments } from '../../src/components/comments/comments.js';
import { $, type } from './dom.js';

/** Types a whole comment into the form, as a reader would. */
export function fill(el: RwComments, text = 'A thoughtful remark.', author = 'Rêzan', email = 'rezan@example.com') {
  type(el, 'text', text);
  type(el, 'author', author);
  type(el, 'email', email);
}

export const submit = (el: RwComments) => $(el, '[part~=submit]').click();
