import { codePoints, isEmail, LIMITS } from '../../internal/contract.js';
import type { LocaleController } from '../../locale-controller.js';

/** The form's fields, in the order the form shows them (focus goes to the first invalid one). */
export const FIELDS = ['text', 'author', 'email'] as const;
export type Field = (typeof FIELDS)[number];

/** The service's limits, in code points after trimming (an emoji or an Arabic letter is one). */
export const MAX = { text: LIMITS.text, author: LIMITS.author, email: LIMITS.email };

export const length = (value: string) => codePoints(value.trim());

/** The same checks as the service, so a reader rarely meets its 422. Returns the message or ''. */
export function check(field: Field, value: string, l: LocaleController): string {
  const v = value.trim();
  if (!v) return l.t('errorRequired');
  if (length(v) > MAX[field]) return l.t('errorTooLong', { n: MAX[field] });
  return field !== 'email' || isEmail(v) ? '' : l.t('errorEmail');
}
