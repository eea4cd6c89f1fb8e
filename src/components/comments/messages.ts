import { ApiError, type Reason } from '../../api.js';
import { addDefaults, type MessageKey } from '../../i18n.js';
import type { LocaleController } from '../../locale-controller.js';
import count from '../../locales/en-count.js';

// Both comments elements show the count; its English travels with the chunk they share.
addDefaults(count);

/** A guideline's text in the reader's language; its code is the service's rejection reason. */
export const reasonText = (l: LocaleController, reason: Reason) =>
  l.t(`guideline${reason[0].toUpperCase()}${reason.slice(1)}` as MessageKey);

const KEYS: Record<string, MessageKey> = {
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  'rate-limited': 'errorRateLimited',
  invalid: 'errorInvalid',
};

/** What to tell a reader about a failed request: its code and a sentence from the catalogue. */
export function explain(l: LocaleController, error: unknown): { code: string; message: string } {
  const e = error instanceof ApiError ? error : new ApiError('network', String(error));
  return { code: e.code, message: l.t(KEYS[e.code] ?? 'errorServer', { seconds: e.retryAfter || 60 }) };
}
