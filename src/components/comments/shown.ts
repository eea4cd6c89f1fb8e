import type { Comment } from '../../api.js';
import { commentTime } from '../../english-date-time.js';
import { onCatalogueChange } from '../../i18n.js';
import type { LocaleController } from '../../locale-controller.js';

interface Shown {
  key: string;
  date: string;
  replyLabel: string;
}

/*
 * The strings a comment shows that cost work to make: its date (a `Date` parsed and formatted) and
 * its Reply button's label (a message filled with the author). The whole list renders again on every
 * update ("Load more" alone: once to say it is loading, once with the new page), so they are made
 * once per comment, language and catalogue, not once per comment and update.
 */
const made = new WeakMap<Comment, Shown>();
let catalogue = 0;
onCatalogueChange(() => catalogue++);

/** What the strings of every comment depend on: the language and the catalogue's version. */
export const wording = (l: LocaleController) => l.lang + catalogue;

export function shown(l: LocaleController, c: Comment): Shown {
  const key = wording(l);
  let s = made.get(c);
  if (s?.key !== key) {
    s = { key, date: commentTime(l, c.createdAt), replyLabel: l.t('commentReplyTo', { author: c.author }) };
    made.set(c, s);
  }
  return s;
}
