import { english, MONTHS } from './english-format.js';
import type { LocaleController } from './locale-controller.js';

/**
 * A comment's date, `dateStyle: 'medium', timeStyle: 'short'` in US English ("Mar 14, 2025, 3:07 PM"),
 * in the reader's time zone, exactly as `Intl` writes it (the tests compare them in each browser);
 * `undefined` for another language or a date it does not cover. A page of comments is often the
 * first thing on a page to format a date, and `Intl`'s ICU set-up would be most of its script.
 * Apart from english-format.ts because only the comments and moderation code need it, not the entry.
 */
export function englishDateTime(lang: string, iso: string): string | undefined {
  const date = new Date(iso);
  const year = date.getFullYear();
  if (!english(lang) || !(year >= 1000 && year <= 9999)) return undefined;
  const hours = date.getHours();
  const minutes = String(date.getMinutes()).padStart(2, '0');
  return `${MONTHS[date.getMonth()].slice(0, 3)} ${date.getDate()}, ${year}, ${hours % 12 || 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** A comment's date and time as readers and moderators see it, in the element's language. */
export const commentTime = (l: LocaleController, iso: string): string =>
  englishDateTime(l.lang, iso) ?? l.date(iso, { dateStyle: 'medium', timeStyle: 'short' });
