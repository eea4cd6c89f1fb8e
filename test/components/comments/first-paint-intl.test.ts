import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/comments.js';
import type { RwComments } from '../../../src/components/comments/comments.js';
import { seed, uniqueThread, useServer } from '../../support/comments-server.js';
import { $$, until } from '../../support/dom.js';

/*
 * A page of comments is often the first thing on a page to format a date: the first Intl object
 * sets up ICU (about 25 ms on a desktop, 60–130 ms at 4× CPU), all of it before the list's first
 * paint. An English list, with its count, dates, form and hints, must paint without it.
 * Its own file: a test page that built a formatter earlier would hide the cost.
 */
const built: string[] = [];
const intl = Intl as unknown as Record<string, unknown>;
for (const name of ['DateTimeFormat', 'NumberFormat', 'PluralRules', 'RelativeTimeFormat', 'ListFormat', 'Locale']) {
  const real = intl[name] as (...args: unknown[]) => unknown;
  intl[name] = new Proxy(real, {
    construct: (target, args, newTarget) => (built.push(name), Reflect.construct(target as never, args, newTarget)),
    apply: (target, self, args) => (built.push(name), Reflect.apply(target, self, args)),
  });
}
for (const method of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'] as const) {
  const real = Date.prototype[method] as (...args: unknown[]) => string;
  Date.prototype[method] = function (this: Date, ...args: unknown[]) {
    built.push(`Date#${method}`);
    return real.apply(this, args);
  };
}

const server = useServer();

describe('<rw-comments> first page in English', function () {
  this.timeout(45000);

  it('shows its count, dates and form without building any Intl object', async () => {
    const thread = uniqueThread('intl');
    for (let i = 0; i < 3; i++) await seed(server, thread, { author: `Reader ${i}`, text: `Comment ${i}` });
    const el = await fixture<RwComments>(html`<div lang="en"><rw-comments loading="eager" thread=${thread} endpoint=${server.endpoint}></rw-comments></div>`);
    const comments = el.querySelector('rw-comments')!;
    await until(() => $$(comments, 'article[part~=comment]').length === 3, 'the list was not shown');
    expect(built, 'Intl objects built for the first page').to.deep.equal([]);
    const date = $$(comments, 'article [part=date]')[0]!;
    expect(date.textContent).to.equal(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(date.getAttribute('datetime')!)));
  });
});
