import en from './locales/en.js';

/**
 * The message catalogue. English is built in; `ckb`, `ar` and `tr` load on demand so that they
 * never weigh on the script-tag bundle; a publisher adds or overrides any message at run time with
 * `registerMessages()`, no rebuild needed.
 */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type MessageKey = keyof typeof en;
export type Catalogue = Partial<Record<MessageKey, string | Plural>>;

const builtIn: Record<string, () => Promise<{ default: Catalogue }>> = {
  ckb: () => import('./locales/ckb.js'),
  ar: () => import('./locales/ar.js'),
  tr: () => import('./locales/tr.js'),
};

const loaded: Record<string, Catalogue> = { en };
const overrides: Record<string, Catalogue> = {};
const pending = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();

/** `ckb-IQ` → `ckb`; catalogues are kept per primary language. */
export const baseLanguage = (lang: string) => lang.toLowerCase().split(/[-_]/)[0] || 'en';

export function onCatalogueChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const changed = () => listeners.forEach((listener) => listener());

/**
 * Adds or overrides messages for a language (`'en'`, `'ckb'`, or a new one such as `'kmr'`).
 * Elements showing that language re-render at once.
 */
export function registerMessages(lang: string, messages: Catalogue): void {
  const base = baseLanguage(lang);
  overrides[base] = { ...overrides[base], ...messages };
  changed();
}

/** Starts loading a built-in catalogue; resolves at once when there is nothing to load. */
export function loadLanguage(lang: string): Promise<void> {
  const base = baseLanguage(lang);
  const load = builtIn[base];
  if (!load || loaded[base]) return Promise.resolve();
  let promise = pending.get(base);
  if (!promise) {
    promise = load()
      .then((module) => {
        loaded[base] = module.default;
        changed();
      })
      .catch(() => {
        // A catalogue that fails to load leaves English in place; retry on the next request.
        pending.delete(base);
      });
    pending.set(base, promise);
  }
  return promise;
}

function lookup(base: string, key: MessageKey): string | Plural {
  return overrides[base]?.[key] ?? loaded[base]?.[key] ?? overrides.en?.[key] ?? en[key];
}

/** Formats a message: plural by `values.n`, placeholders filled, numbers in the locale's digits. */
export function translate(lang: string, key: MessageKey, values: Record<string, string | number> = {}): string {
  const message = lookup(baseLanguage(lang), key);
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const rule = new Intl.PluralRules(lang).select(Number(values.n ?? 0));
    text = message[rule] ?? message.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

export function formatNumber(lang: string, value: number, options?: Intl.NumberFormatOptions): string {
  try {
    return new Intl.NumberFormat(lang, options).format(value);
  } catch {
    return String(value);
  }
}

/** A date in the reader's language; an unparseable date is shown as the publisher wrote it. */
export function formatDate(lang: string, iso: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(lang, options).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', options).format(date);
  }
}
