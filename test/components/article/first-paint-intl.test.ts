import { expect, fixture } from '@open-wc/testing';
import '../../../src/reading-widget.js';
// The count's English comes with the chunk the comments elements share.
import '../../../src/components/comments/messages.js';
import type { RwArticle } from '../../../src/components/article/article.js';
import { translate } from '../../../src/i18n.js';
import { setScale } from '../../../src/text-scale.js';
import { settled } from '../../support/reading.js';

/*
 * The first Intl object a page builds sets up ICU: about 25 ms on a desktop and 60–130 ms at 4× CPU
 * throttling, all of it inside the upgrade's task, before the article's first paint. An English
 * article (its date formatted, its text-size control showing "100%") must paint without it.
 * Its own file: a test page that built a formatter earlier would hide the cost.
 */
const built: string[] = [];
const intl = Intl as unknown as Record<string, unknown>;
const count = (name: string) => {
  const real = intl[name] as (...args: unknown[]) => unknown;
  intl[name] = new Proxy(real, {
    construct: (target, args, newTarget) => (built.push(name), Reflect.construct(target as never, args, newTarget)),
    apply: (target, self, args) => (built.push(name), Reflect.apply(target, self, args)),
  });
};
['DateTimeFormat', 'NumberFormat', 'PluralRules', 'Locale', 'getCanonicalLocales'].forEach(count);
for (const method of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'] as const) {
  const real = Date.prototype[method] as (...args: unknown[]) => string;
  Date.prototype[method] = function (this: Date, ...args: unknown[]) {
    built.push(`Date#${method}`);
    return real.apply(this, args);
  };
}

describe('<rw-article> first paint in English', () => {
  it('formats its date and shows its text size without building any Intl object', async () => {
    const el = await fixture<RwArticle>(`<div lang="en"><rw-article format-date>
        <h1 slot="headline">Hill town reopens its library</h1>
        <time slot="date" datetime="2025-03-14T12:00:00">14-03-2025</time>
        <p>Body.</p>
      </rw-article></div>`);
    const article = el.querySelector('rw-article')!;
    await settled(el);
    const sizes = article.shadowRoot!.querySelector('rw-text-size')!;
    expect(article.shadowRoot!.querySelector('[part=date] time')!.textContent).to.equal('March 14, 2025');
    expect(sizes.shadowRoot!.querySelector('[part~=reset] bdi')!.textContent).to.equal('100%');
    expect(built, 'Intl objects built before the first paint').to.deep.equal([]);
    // Nor on the reader's first A+, which announces the new size.
    sizes.shadowRoot!.querySelector<HTMLButtonElement>('[part~=increase]')!.click();
    await settled(el);
    expect(sizes.shadowRoot!.querySelector('[part=status]')!.textContent).to.equal('Text size 112.5%');
    expect(built, 'Intl objects built on the first A+').to.deep.equal([]);
    setScale(1);
  });

  it('writes an English comment count without building any Intl object either', () => {
    // <rw-comment-count> sits near the headline, in the first screen.
    expect([0, 1, 2, 1234].map((n) => translate('en', 'commentsCount', { n }))).to.deep.equal(['0 comments', '1 comment', '2 comments', '1,234 comments']);
    expect(built, 'Intl objects built for a count').to.deep.equal([]);
  });
});
