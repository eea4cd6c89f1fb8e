import { codePoints, isEmail, LIMITS } from '../../internal/contract.js';
import type { LocaleController } from '../../locale-controller.js';

/** The form's fields, in the order the form shows them (focus goes to the first invalid one). */
export const FIELDS = ['text', 'author', 'email'] as const;
export type Field = (typeof FIELDS)[number];
export const isField = (name: string): name is Field => (FIELDS as readonly string[]).includes(name);

/** The service's limits count code points after trimming (an emoji or an Arabic letter is one). */
export const length = (value: string) => codePoints(value.trim());

const REQUIRED = { text: 'errorRequiredText', author: 'errorRequiredAuthor', email: 'errorRequiredEmail' } as const;

/**
 * The same checks as the service, so a reader rarely meets its 422. Returns the message or ''.
 * An empty field names what it needs: three identical "fill in this field" lines told nothing apart.
 */
export function check(field: Field, value: string, locale: LocaleController): string {
  const v = value.trim();
  if (!v) return locale.t(REQUIRED[field]);
  if (length(v) > LIMITS[field]) return locale.t('errorTooLong', { n: LIMITS[field] });
  return field !== 'email' || isEmail(v) ? '' : locale.t('errorEmail');
}
