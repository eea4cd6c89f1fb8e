import { expect } from '@open-wc/testing';
import { englishDateTime } from '../src/english-date-time.js';
import { englishDate, englishNumber, englishPlural } from '../src/english-format.js';
import { formatDate, formatNumber } from '../src/i18n.js';

// The ICU-free English path must write what Intl writes, in this browser, or it is a second opinion.
const long = { dateStyle: 'long' } as const;

describe('English dates and numbers without Intl', () => {
  it('writes every month, day and a range of years as Intl does for en and en-US', () => {
    for (const lang of ['en', 'en-US', 'EN-us']) {
      const intl = new Intl.DateTimeFormat(lang, long);
      for (const year of [1000, 1999, 2024, 2025, 9999]) {
        for (let month = 0; month < 12; month++) {
          for (const day of [1, 9, 10, 28]) {
            const date = new Date(year, month, day, 12);
            expect(englishDate(lang, date, long), `${lang} ${date.toISOString()}`).to.equal(intl.format(date));
          }
        }
      }
    }
  });

  it('writes a comment’s date and time as Intl does for en and en-US, every month and hour', () => {
    const medium = { dateStyle: 'medium', timeStyle: 'short' } as const;
    for (const lang of ['en', 'en-US', 'EN-us']) {
      const intl = new Intl.DateTimeFormat(lang, medium);
      for (const year of [1000, 2025, 9999]) {
        for (let month = 0; month < 12; month++) {
          for (const [day, hour, minute] of [[1, 0, 0], [9, 0, 5], [10, 11, 59], [28, 12, 0], [14, 13, 7], [31, 23, 59]]) {
            const date = new Date(year, month, Math.min(day, 28), hour, minute, 30);
            expect(englishDateTime(lang, date.toISOString()), `${lang} ${date.toString()}`).to.equal(intl.format(date));
          }
        }
      }
      // Near midnight UTC the reader's local day and hour are what count, as for Intl.
      for (const iso of ['2025-03-14T23:30:00Z', '2025-03-14T00:30:00Z', '2025-12-31T23:59:59+14:00']) {
        expect(englishDateTime(lang, iso), iso).to.equal(intl.format(new Date(iso)));
      }
    }
    for (const lang of ['en-GB', 'ar', 'fr']) expect(englishDateTime(lang, '2025-03-14T12:00:00Z'), lang).to.equal(undefined);
    expect(englishDateTime('en', 'yesterday')).to.equal(undefined);
    expect(englishDateTime('en', '0999-01-01T12:00:00')).to.equal(undefined);
  });

  it('reads the date in the reader’s time zone, as Intl does', () => {
    // Near midnight UTC the local day differs from the UTC day in most time zones.
    for (const iso of ['2025-03-14T23:30:00Z', '2025-03-14T00:30:00Z', '2025-12-31T23:59:59+14:00', '2025-01-01T00:00:00-12:00']) {
      expect(formatDate('en', iso)).to.equal(new Intl.DateTimeFormat('en', long).format(new Date(iso)));
    }
  });

  it('writes whole numbers and whole percentages as Intl does', () => {
    const numbers = [0, 1, 7, 12, 100, 999, 1000, 1234, 12345, 123456, 1234567, 1000000000, -1, -1234, Number.MAX_SAFE_INTEGER];
    for (const n of numbers) expect(englishNumber('en', n), String(n)).to.equal(new Intl.NumberFormat('en').format(n));
    for (const ratio of [0, 0.5, 1, 1.25, 1.5, 2, 12]) {
      expect(englishNumber('en', ratio, { style: 'percent' }), String(ratio)).to.equal(new Intl.NumberFormat('en', { style: 'percent' }).format(ratio));
    }
    // The text-size control's announcement after a click ("Text size 112.5%").
    const oneDigit = { style: 'percent', maximumFractionDigits: 1 } as const;
    for (const ratio of [0.875, 1, 1.125, 1.25, 1.5, 1.75, 2, 12.5]) {
      expect(englishNumber('en', ratio, oneDigit), String(ratio)).to.equal(new Intl.NumberFormat('en', oneDigit).format(ratio));
    }
  });

  it('picks the plural form Intl picks, in every English', () => {
    for (const lang of ['en', 'en-GB', 'en-IN', 'EN-us']) {
      const rules = new Intl.PluralRules(lang);
      for (const n of [0, 1, 2, 3, 11, 21, 100, 101, 1000, -1, -2, 0.5, 1.5, 2.25]) expect(englishPlural(lang, n), `${lang} ${n}`).to.equal(rules.select(n));
    }
    expect(englishPlural('ar', 1)).to.equal(undefined);
    expect(englishPlural('eng', 1)).to.equal(undefined);
  });

  it('leaves to Intl what it does not cover', () => {
    const day = new Date(2025, 2, 14);
    expect(englishDate('en-GB', day, long)).to.equal(undefined);
    expect(englishDate('ar', day, long)).to.equal(undefined);
    expect(englishDate('en', day, { dateStyle: 'medium' })).to.equal(undefined);
    expect(englishDate('en', day, { dateStyle: 'long', timeZone: 'UTC' })).to.equal(undefined);
    expect(englishDate('en', new Date(999, 0, 1), long)).to.equal(undefined);
    expect(englishNumber('en-IN', 1234567)).to.equal(undefined);
    expect(englishNumber('en', 1.5)).to.equal(undefined);
    expect(englishNumber('en', 0.875, { style: 'percent' })).to.equal(undefined);
    expect(englishNumber('en', 0.12345, { style: 'percent', maximumFractionDigits: 1 })).to.equal(undefined);
    expect(englishNumber('en', 1.5, { maximumFractionDigits: 1 })).to.equal(undefined);
    expect(englishNumber('en', 1, { style: 'percent', minimumFractionDigits: 1 })).to.equal(undefined);
    expect(englishNumber('en', 1, { style: 'currency', currency: 'USD' })).to.equal(undefined);
    expect(englishNumber('en', NaN)).to.equal(undefined);
    // …and those still come out as Intl writes them.
    expect(formatNumber('en', 1.125, { style: 'percent', maximumFractionDigits: 1 })).to.equal('112.5%');
    expect(formatNumber('en-IN', 1234567)).to.equal(new Intl.NumberFormat('en-IN').format(1234567));
    expect(formatDate('en-GB', '2025-03-14T12:00:00Z')).to.equal(new Intl.DateTimeFormat('en-GB', long).format(new Date('2025-03-14T12:00:00Z')));
  });
});
