import { englishDate, englishNumber, englishPlural } from './english-format.js';
import core from './locales/en-core.js';
import type en from './locales/en.js';

/**
 * The message catalogue. English is built in; `ckb`, `ar` and `tr` load on demand so that they
 * never weigh on the script-tag bundle; a publisher adds or overrides any message at run time with
 * `registerMessages()`, no rebuild needed.
 */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type MessageKey = keyof typeof en;
export type Catalogue = Partial<Record<MessageKey, string | Plural>>;
export type CatalogueLoader = () => Promise<{ default: Catalogue }>;

const lazy: Record<string, CatalogueLoader> = {
  ckb: () => import('./locales/ckb.js'),
  ar: () => import('./locales/ar.js'),
  tr: () => import('./locales/tr.js'),
};

// English: the core part is built in; each element chunk adds its own part with `addDefaults`.
const english: Catalogue = { ...core };
const loaded: Record<string, Catalogue> = { en: english };
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
 * Adds or overrides messages for a language (`'en'`, `'ckb'`, or a new one such as `'kmr'`), or
 * gives a new language a loader (`() => import('./kmr.js')`) that runs only when an element shows
 * it. Elements showing that language re-render at once.
 */
export function registerMessages(lang: string, messages: Catalogue | CatalogueLoader): void {
  const base = baseLanguage(lang);
  if (typeof messages === 'function') {
    lazy[base] = messages;
    delete loaded[base];
    pending.delete(base);
  } else overrides[base] = { ...overrides[base], ...messages };
  changed();
}

/** Adds the English messages of an element that loads on its own (comments, moderation). */
export function addDefaults(messages: Catalogue): void {
  Object.assign(english, messages);
}

/** Starts loading a catalogue; resolves at once when there is nothing to load, never rejects. */
export function loadLanguage(lang: string): Promise<void> {
  const base = baseLanguage(lang);
  const load = lazy[base];
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
  return overrides[base]?.[key] ?? loaded[base]?.[key] ?? overrides.en?.[key] ?? english[key] ?? key;
}

// Formatting for languages a browser has no data for: Chromium has none for `ckb`, and Iraqi Arabic
// writes numbers the same way (٠١٢٣ digits); others get English with day-month-year dates.
const nearest: Record<string, string> = { ckb: 'ar-IQ' };

/**
 * Locales for `Intl`: a malformed `lang` (such as `en_US`) would make `Intl` throw. The fallback
 * keeps the numbering system the page asked for (`ckb-u-nu-latn` is `ar-IQ-u-nu-latn` where the
 * browser has no Kurdish), so that dates and numbers never come out in two sets of digits.
 */
function locales(lang: string): string[] {
  try {
    const [canonical] = Intl.getCanonicalLocales(lang);
    const numberingSystem = new Intl.Locale(canonical!).numberingSystem;
    const fallback = nearest[baseLanguage(lang)] ?? 'en-GB';
    return [canonical!, numberingSystem ? new Intl.Locale(fallback, { numberingSystem }).toString() : fallback];
  } catch {
    return ['en'];
  }
}

/** Building an `Intl` formatter costs far more than using one: each is made once per language and options. */
function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}
const plurals = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Formats a message: plural by `values.n`, placeholders filled, numbers in the locale's digits. */
export function translate(lang: string, key: MessageKey, values: Record<string, string | number> = {}): string {
  const message = lookup(baseLanguage(lang), key);
  const text =
    typeof message === 'string'
      ? message
      : (message[englishPlural(lang, Number(values.n ?? 0)) ?? cached(plurals, lang, () => new Intl.PluralRules(locales(lang))).select(Number(values.n ?? 0))] ?? message.other);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

export function formatNumber(lang: string, value: number, options?: Intl.NumberFormatOptions): string {
  return englishNumber(lang, value, options) ?? cached(numberFormats, lang + JSON.stringify(options), () => new Intl.NumberFormat(locales(lang), options)).format(value);
}

/** A date in the reader's language; an unparseable date is shown as the publisher wrote it. */
export function formatDate(lang: string, iso: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const english = englishDate(lang, date, options);
  if (english) return english;
  // A page of comments formats 100 dates.
  return cached(dateFormats, lang + JSON.stringify(options), () => {
    const list = locales(lang);
    // Without this language's month names in the browser: numbers only, rather than another language's words.
    const time = options.timeStyle || options.hour ? ({ hour: 'numeric', minute: '2-digit', hourCycle: 'h23' } as const) : {};
    const known = Intl.DateTimeFormat.supportedLocalesOf(list[0]).length > 0;
    return new Intl.DateTimeFormat(list, known ? options : { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: options.timeZone, ...time });
  }).format(date);
}
