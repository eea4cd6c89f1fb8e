import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../../src/comments.js';
import type { RwComments } from '../../../src/components/comments/comments.js';
import { registerMessages } from '../../../src/i18n.js';
import { LocaleController } from '../../../src/locale-controller.js';
import { seed, uniqueThread, useServer } from '../../support/comments-server.js';
import { $, $$, deepActive, text, until } from '../../support/dom.js';
import { phaseOf } from '../../support/comments-state.js';

// What a page of comments costs the element beyond drawing it: how many frames it takes to show,
// and the work done again for comments already on screen when "Load more" adds a page.
const server = useServer();
const SEEDED = 130;
let thread = '';
afterEach(() => fixtureCleanup());
before(async function () {
  this.timeout(120000);
  thread = uniqueThread('paging');
  await Promise.all(Array.from({ length: SEEDED }, (_, i) => seed(server, thread, { author: `Reader ${i}`, text: `Comment ${i}` })));
});

const articles = (el: RwComments) => $$(el, 'article[part~=comment]');

/** Counts calls of `format` on every Intl.DateTimeFormat and of `t(key)` on every LocaleController, until `stop()`. */
function spy(key: string) {
  const proto = Intl.DateTimeFormat.prototype;
  const getter = Object.getOwnPropertyDescriptor(proto, 'format')!;
  const t = LocaleController.prototype.t;
  const counts = { dates: 0, labels: 0 };
  Object.defineProperty(proto, 'format', {
    ...getter,
    get(this: Intl.DateTimeFormat) {
      const format = getter.get!.call(this) as (date?: Date | number) => string;
      return (date?: Date | number) => (counts.dates++, format(date));
    },
  });
  LocaleController.prototype.t = function (this: LocaleController, ...args: Parameters<typeof t>) {
    if (args[0] === key) counts.labels++;
    return t.apply(this, args);
  };
  return {
    counts,
    stop() {
      Object.defineProperty(proto, 'format', getter);
      LocaleController.prototype.t = t;
    },
  };
}

describe('rw-comments paging work', function () {
  this.timeout(45000);

  it('shows a page of 100 in one frame (slicing is for longer, hostile answers)', async () => {
    const counts: number[] = [];
    let watching = true;
    const el = await fixture<RwComments>(html`<rw-comments loading="eager" page-size="100" thread=${thread} endpoint=${server.endpoint}></rw-comments>`);
    const frame = () => {
      counts.push(articles(el).length);
      if (watching) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    await until(() => articles(el).length === 100, 'the page was not shown');
    await new Promise((resolve) => setTimeout(resolve, 300));
    watching = false;
    expect(counts.filter((n) => n > 0)[0], `comments shown per frame: ${[...new Set(counts)].join(', ')}`).to.equal(100);
  });

  it('"Load more" formats each new date once and makes no Reply label again for comments already shown', async () => {
    // In French, whose dates Intl writes (English ones are written without it), so each is counted.
    const el = await fixture<RwComments>(html`<rw-comments lang="fr" loading="eager" page-size="100" thread=${thread} endpoint=${server.endpoint}></rw-comments>`);
    await until(() => phaseOf(el) === 'ready' && articles(el).length === 100, 'the first page was not shown');
    const calls = spy('commentReplyTo');
    try {
      $(el, '[part~=load-more]').click();
      await until(() => articles(el).length === SEEDED, 'the next page was not shown');
      await until(() => deepActive() === articles(el)[100], 'focus did not move to the first new comment');
    } finally {
      calls.stop();
    }
    expect(calls.counts.dates, 'dates formatted').to.equal(SEEDED - 100);
    expect(calls.counts.labels, 'Reply labels made').to.equal(SEEDED - 100);
  });
});

describe('rw-comments strings made once per comment', function () {
  this.timeout(45000);

  it('are made again when the language or the catalogue changes', async () => {
    const el = await fixture<RwComments>(html`<rw-comments loading="eager" page-size="3" thread=${thread} endpoint=${server.endpoint}></rw-comments>`);
    await until(() => phaseOf(el) === 'ready', 'the list was not shown');
    const date = () => text($(el, 'article [part=date]'));
    const label = () => $(el, 'article [part~=reply]').getAttribute('aria-label');
    const english = date();
    el.setAttribute('lang', 'ar');
    await until(() => date() !== english, 'the date did not follow the language');
    el.setAttribute('lang', 'en');
    await until(() => date() === english, 'the date did not come back to English');
    registerMessages('en', { commentReplyTo: 'Answer {author}' });
    try {
      await until(() => label()?.startsWith('Answer '), 'the Reply label did not follow the catalogue');
    } finally {
      registerMessages('en', { commentReplyTo: undefined });
    }
  });
});

describe('rw-comments "Load more" with a slow answer', function () {
  this.timeout(45000);
  const fetch = window.fetch;
  afterEach(() => (window.fetch = fetch));

  it('says it is loading once the answer takes long, and ignores a second click meanwhile', async () => {
    const el = await fixture<RwComments>(html`<rw-comments loading="eager" page-size="100" thread=${thread} endpoint=${server.endpoint}></rw-comments>`);
    await until(() => phaseOf(el) === 'ready' && articles(el).length === 100, 'the first page was not shown');
    // The real service answers; the next page's answer is held back on its way, as a slow network would.
    let pages = 0;
    window.fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input instanceof Request ? input.url : input).includes('cursor=')) return response;
      pages++;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return response;
    };
    const button = $(el, '[part~=load-more]');
    button.click();
    button.click();
    await until(() => phaseOf(el) === 'loading', 'the slow page was never said to be loading');
    expect($(el, '[part~=load-more]')).to.equal(null);
    await until(() => articles(el).length === SEEDED, 'the next page was not shown');
    expect(pages, 'requests for the next page').to.equal(1);
  });
});
