/**
 * English dates, whole numbers and plural forms without `Intl`. The first `Intl` object a page
 * builds sets up ICU (15–30 ms at 1× CPU here, 60–130 ms at 4×), and the article's first paint
 * needs a date and "100%": on an English page that set-up was most of the upgrade's task. These
 * give exactly what `Intl` gives (US English for dates and numbers; the tests compare every month
 * and a range of numbers in each browser) and `undefined` for anything they do not cover, which
 * `Intl` then formats.
 */
export const MONTHS = 'January February March April May June July August September October November December'.split(' ');

export const english = (lang: string) => /^en(-us)?$/i.test(lang);

/** `dateStyle: 'long'` in US English, "March 14, 2025", in the reader's time zone as `Intl` does. */
export function englishDate(lang: string, date: Date, options: Intl.DateTimeFormatOptions): string | undefined {
  const year = date.getFullYear();
  if (!english(lang) || Object.keys(options).length !== 1 || options.dateStyle !== 'long' || year < 1000 || year > 9999) return undefined;
  return `${MONTHS[date.getMonth()]} ${date.getDate()}, ${year}`;
}

/**
 * A whole number ("1,234"), or a percentage ("100%", with `maximumFractionDigits` "112.5%") whose
 * digits are exact, in US English. The text-size control's own figures never need `Intl`.
 */
export function englishNumber(lang: string, value: number, { style, maximumFractionDigits: digits = 0, ...other }: Intl.NumberFormatOptions = {}): string | undefined {
  const percent = style === 'percent';
  const n = percent ? value * 100 : value;
  // Anything else (another style or option, digits Intl would round) is left to Intl. With at
  // most two fraction digits, the grouping below never reaches into the fraction.
  if (english(lang) && (percent || !(style || digits)) && digits < 3 && !Object.keys(other).length && Number.isSafeInteger(n * 10 ** digits)) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (percent ? '%' : '');
  }
}

/** The plural form of a count in English ("1 comment", "2 comments"), as `Intl.PluralRules` picks it. */
export function englishPlural(lang: string, n: number): Intl.LDMLPluralRule | undefined {
  return /^en\b/i.test(lang) ? (Math.abs(n) === 1 ? 'one' : 'other') : undefined;
}
