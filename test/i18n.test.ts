import { expect } from '@open-wc/testing';
import en from '../src/locales/en.js';
import ckb from '../src/locales/ckb.js';
import ar from '../src/locales/ar.js';
import tr from '../src/locales/tr.js';
import { formatDate, formatNumber, loadLanguage, registerMessages, translate, type Catalogue, type MessageKey, type Plural } from '../src/i18n.js';
import enComments from '../src/locales/en-comments.js';
import enCount from '../src/locales/en-count.js';
import { addDefaults } from '../src/i18n.js';

// These tests speak of comments' messages, which in the bundle arrive with the comments chunk.
addDefaults(enComments);
addDefaults(enCount);

const builtIn: Record<string, Catalogue> = { ckb, ar, tr };
const keys = Object.keys(en) as MessageKey[];
const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
const arabicIndic = /[٠-٩]/;
const latinDigit = /[0-9]/;
const day = '2024-03-05T12:00:00Z';

describe('built-in catalogues', () => {
  for (const [lang, catalogue] of Object.entries(builtIn)) {
    describe(lang, () => {
      it('has every key of en.ts and no other', () => {
        expect(keys.filter((key) => !(key in catalogue)), 'missing keys').to.deep.equal([]);
        expect(Object.keys(catalogue).filter((key) => !(key in en)), 'unknown keys').to.deep.equal([]);
      });

      it('keeps the placeholders of en.ts', () => {
        for (const key of keys) {
          const source = en[key] as string | Plural;
          const message = catalogue[key];
          if (message === undefined) continue;
          const expected = placeholders(typeof source === 'string' ? source : source.other);
          if (typeof source === 'string') {
            expect(typeof message, `${key} is a plain message`).to.equal('string');
            expect(placeholders(message as string), key).to.deep.equal(expected);
            continue;
          }
          expect(typeof message, `${key} is a plural message`).to.equal('object');
          const forms = message as Plural;
          expect(placeholders(forms.other), `${key}.other`).to.deep.equal(expected);
          // Other forms may spell the number out (Arabic "تعليقان") but never invent a placeholder.
          for (const [category, form] of Object.entries(forms)) {
            expect(placeholders(form!).filter((name) => !expected.includes(name)), `${key}.${category}`).to.deep.equal([]);
          }
        }
      });

      it('names the same keyboard keys as the English keyboard hint', () => {
        // The hint is the only list of the console's shortcuts a moderator sees; a translation that
        // drops a key (X was missing in three languages) hides a shortcut that works.
        const letters = (text: string) => [...new Set(text.match(/\b[A-Z]\b/g))].sort();
        expect(letters(catalogue.moderationKeys as string)).to.deep.equal(letters(en.moderationKeys as string));
      });

      it('covers exactly the plural categories of the language', () => {
        const categories = [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
        for (const key of keys) {
          const message = catalogue[key];
          if (message && typeof message === 'object') expect(Object.keys(message).sort(), key).to.deep.equal(categories);
        }
      });
    });
  }

  it('Arabic uses all six plural categories', () => {
    expect([...new Intl.PluralRules('ar').resolvedOptions().pluralCategories].sort()).to.deep.equal(
      ['few', 'many', 'one', 'other', 'two', 'zero'],
    );
  });
});

describe('translate', () => {
  before(() => Promise.all(['ckb', 'ar', 'tr'].map(loadLanguage)));
  const counts = [0, 1, 2, 3, 11, 100];

  it('picks the English plural forms', () => {
    expect(counts.map((n) => translate('en', 'commentsCount', { n }))).to.deep.equal([
      '0 comments', '1 comment', '2 comments', '3 comments', '11 comments', '100 comments',
    ]);
  });

  it('picks each of the six Arabic plural forms', () => {
    const number = (n: number) => new Intl.NumberFormat('ar').format(n);
    expect(counts.map((n) => translate('ar', 'commentsCount', { n }))).to.deep.equal([
      `${number(0)} تعليق`,
      `${number(1)} تعليق`,
      `${number(2)} تعليقان`,
      `${number(3)} تعليقات`,
      `${number(11)} تعليقًا`,
      `${number(100)} تعليق`,
    ]);
    expect(translate('ar', 'formCharsLeft', { n: 102 })).to.equal(`يتبقى ${number(102)} حرف`);
    expect(translate('ar', 'formCharsLeft', { n: 1000 })).to.include('حرف');
  });

  it('keeps the noun singular after a number in Kurdish and Turkish', () => {
    expect(counts.map((n) => translate('tr', 'commentsCount', { n }))).to.deep.equal(
      ['0 yorum', '1 yorum', '2 yorum', '3 yorum', '11 yorum', '100 yorum'],
    );
    expect(counts.map((n) => translate('ckb', 'commentsCount', { n }))).to.deep.equal(
      ['٠ کۆمێنت', '١ کۆمێنت', '٢ کۆمێنت', '٣ کۆمێنت', '١١ کۆمێنت', '١٠٠ کۆمێنت'],
    );
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('tr', 'commentReplyTo', { author: 'Aso' })).to.equal('Yanıtla: Aso');
    expect(translate('tr', 'commentReplyTo')).to.equal('Yanıtla: {author}');
  });

  it('uses the catalogue of the primary language for a regional tag', () => {
    expect(translate('ar-IQ', 'commentsHeading')).to.equal('التعليقات');
    expect(translate('ar-IQ', 'commentsCount', { n: 3 })).to.equal('٣ تعليقات');
  });

  it('falls back to English for an unknown or malformed language', () => {
    expect(translate('sw', 'commentsHeading')).to.equal('Comments');
    expect(translate('en_US', 'commentsCount', { n: 2 })).to.equal('2 comments');
    expect(translate('not a language tag', 'commentsCount', { n: 1 })).to.equal('1 comment');
  });
});

describe('numbers', () => {
  it('uses Arabic-Indic digits in Kurdish, whether or not the browser has Kurdish data', () => {
    const text = formatNumber('ckb', 1234.5);
    expect(text).to.match(arabicIndic).and.not.match(latinDigit);
    expect(text).to.equal('١٬٢٣٤٫٥');
  });

  it('formats Arabic as the browser says Arabic is written, and Iraqi Arabic in Arabic-Indic digits', () => {
    const expected = new Intl.NumberFormat('ar').format(1234.5);
    expect(formatNumber('ar', 1234.5)).to.equal(expected);
    const digits = new Intl.NumberFormat('ar').resolvedOptions().numberingSystem === 'arab' ? arabicIndic : latinDigit;
    expect(formatNumber('ar', 125)).to.match(digits);
    expect(formatNumber('ar-IQ', 125)).to.equal('١٢٥');
  });

  it('uses Turkish separators', () => {
    expect(formatNumber('tr', 1234.5)).to.equal('1.234,5');
    expect(formatNumber('tr', 0.25, { style: 'percent' })).to.equal('%25');
  });
});

describe('dates', () => {
  const kurdishData = Intl.DateTimeFormat.supportedLocalesOf('ckb').length > 0;

  it('writes a Kurdish date in Arabic-Indic digits and no foreign words', () => {
    const text = formatDate('ckb', day);
    expect(text).to.match(arabicIndic).and.not.match(latinDigit).and.not.match(/[A-Za-z]/);
    expect(text).to.include('٥').and.include('٢٠٢٤');
    if (kurdishData) expect(text).to.include('ئازار');
    else expect(text).to.not.include('آذار');
  });

  it('writes Arabic and Turkish dates with their month names', () => {
    expect(formatDate('ar', day)).to.equal(new Intl.DateTimeFormat('ar', { dateStyle: 'long' }).format(new Date(day)));
    expect(formatDate('ar', day)).to.include('مارس');
    expect(formatDate('tr', day)).to.equal('5 Mart 2024');
    expect(formatDate('en', day)).to.equal('March 5, 2024');
  });

  it('keeps times in a fallback date numeric too', () => {
    const text = formatDate('ckb', day, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    expect(text).to.match(arabicIndic).and.not.match(/[A-Za-z0-9]/);
    expect(text).to.include('١٢:٠٠');
  });

  it('shows an unparseable date as written and survives a malformed language', () => {
    expect(formatDate('tr', 'yesterday')).to.equal('yesterday');
    expect(formatDate('en_US', day)).to.equal('March 5, 2024');
  });
});

describe('registerMessages', () => {
  it('overrides one message and keeps the rest of the catalogue', async () => {
    await loadLanguage('tr');
    registerMessages('tr-CY', { commentsHeading: 'Okur yorumları' });
    expect(translate('tr', 'commentsHeading')).to.equal('Okur yorumları');
    expect(translate('tr', 'formName')).to.equal('Ad');
  });

  it('adds a language, English filling what it lacks', () => {
    registerMessages('kmr', { commentsHeading: 'Şîrove', commentsCount: { one: '{n} şîrove', other: '{n} şîrove' } });
    expect(translate('kmr', 'commentsHeading')).to.equal('Şîrove');
    expect(translate('kmr', 'commentsCount', { n: 4 })).to.equal('4 şîrove');
    expect(translate('kmr', 'formName')).to.equal('Name');
  });

  it('loads a registered catalogue on demand, and leaves English when it fails to load', async () => {
    const missing = new URL('./no-such-catalogue.js', import.meta.url).href;
    registerMessages('fy', () => import(missing));
    await loadLanguage('fy');
    expect(translate('fy', 'commentsHeading')).to.equal('Comments');

    registerMessages('fy', async () => ({ default: { commentsHeading: 'Reaksjes' } }));
    await loadLanguage('fy');
    expect(translate('fy', 'commentsHeading')).to.equal('Reaksjes');
  });
});
