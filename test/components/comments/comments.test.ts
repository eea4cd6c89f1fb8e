import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import '../../../src/comments.js';
import type { RwComments } from '../../../src/components/comments/comments.js';
import { approve, erase, pending, reject, seed, uniqueThread, useServer } from '../../support/comments-server.js';
import { until, $, $$, deepActive, text } from '../../support/dom.js';
import { fill, submit } from '../../support/comment-form.js';
import { mineShown, phaseOf } from '../../support/comments-state.js';

const server = useServer();
// No localStorage.clear(): test files run side by side on one origin; unique threads keep them apart.
afterEach(() => fixtureCleanup());

/** A dark host page: a dark-themed element sits on one. */
function darkPage() {
  const page = document.createElement('div');
  page.style.background = '#17191c';
  document.body.append(page);
  return page;
}

/** A comments element that loads its list at once, resolved when that list is shown. */
async function mount(thread: string, attrs: { sort?: string; pageSize?: number; endpoint?: string } = {}) {
  const el = await fixture<RwComments>(
    html`<rw-comments thread=${thread} endpoint=${attrs.endpoint ?? server.endpoint} loading="eager" sort=${attrs.sort ?? 'newest'}
      page-size=${attrs.pageSize ?? 20}></rw-comments>`,
  );
  await until(() => phaseOf(el) === 'ready' || phaseOf(el) === 'error', 'the list never loaded');
  await el.updateComplete;
  return el;
}

/**
 * A comments element far below the viewport: its list is never fetched (lazy), so the browser
 * cannot cache the thread's list before the test is ready to look at it.
 */
async function mountBelow(thread: string) {
  scrollTo(0, 0);
  const wrapper = await fixture(html`<div><div style="block-size: 4000px"></div><rw-comments thread=${thread} endpoint=${server.endpoint}></rw-comments></div>`);
  const el = wrapper.querySelector('rw-comments')!;
  await el.updateComplete;
  return el;
}

const articles = (el: RwComments) => $$(el, 'article[part~=comment]');
const texts = (el: RwComments) => articles(el).map((a) => text(a.querySelector('[part=text]')));

async function posted(el: RwComments) {
  const event = await oneEvent(el, 'rw-comment-posted');
  await el.updateComplete;
  return event.detail;
}

describe('rw-comments', function () {
  // Real service on a shared, busy machine: generous time, never asserted.
  this.timeout(45000);
  it('shows an erased comment that others replied to as "a removed comment", with its replies and no Reply button', async () => {
    const thread = uniqueThread();
    const parent = await seed(server, thread, { author: 'Gone', email: 'gone@example.com', text: 'to be erased' });
    await seed(server, thread, { author: 'Stays', text: 'a reply that stays', parentId: parent });
    await erase(server, 'gone@example.com');
    const el = await mount(thread);
    expect(texts(el)).to.deep.equal(['A removed comment', 'a reply that stays']);
    const removed = articles(el)[0];
    expect(removed.querySelector('[part=author]')).to.equal(null);
    expect(removed.querySelector('button')).to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain('Gone');
  });

  it('"Delete my comment" removes the pending comment from the service and from this browser', async () => {
    const thread = uniqueThread();
    const el = await mountBelow(thread);
    fill(el, 'I take this back.');
    submit(el);
    const detail = await posted(el);
    const button = [...$$(el, '[part~=mine] button')].find((b) => text(b) === 'Delete my comment') as HTMLButtonElement;
    expect(button, 'no Delete my comment button').to.exist;
    button.click();
    await until(() => mineShown(el).length === 0, 'the comment was not removed');
    expect((await pending(server)).some((c) => c.id === detail.id)).to.equal(false);
    fixtureCleanup();
    const again = await mountBelow(thread);
    await again.updateComplete;
    expect(mineShown(again)).to.deep.equal([]);
  });

  it('shows the heading, notice, guidelines and an empty list', async () => {
    const el = await mount(uniqueThread());
    expect(text($(el, '[part=heading]'))).to.equal('0 comments');
    expect(text($(el, '[part=notice]'))).to.contain('moderate every comment');
    expect($$(el, '[part=guidelines] li')).to.have.length(7);
    expect(text($(el, 'section'))).to.contain('No comments yet');
    await expect(el).to.be.accessible();
  });

  it('lets a publisher replace the guidelines through the slot', async () => {
    const el = await fixture<RwComments>(html`<rw-comments thread=${uniqueThread()} endpoint=${server.endpoint}>
      <p slot="guidelines">Our house rules.</p></rw-comments>`);
    const slot = $<HTMLSlotElement>(el, 'slot[name=guidelines]');
    expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Our house rules.']);
  });

  it('does not fetch the list until it is near the viewport, and reserves its space', async () => {
    const el = await mountBelow(uniqueThread());
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(phaseOf(el)).to.equal('');
    expect($(el, 'section').getBoundingClientRect().height).to.be.at.least(200);
    el.scrollIntoView();
    await until(() => phaseOf(el) === 'ready', 'the list did not load once visible');
  });

  it('posts, shows the pending comment, and lists it once approved', async () => {
    const thread = uniqueThread();
    const el = await mountBelow(thread);
    fill(el, 'First!\nSecond line.');
    submit(el);
    const detail = await posted(el);
    expect(detail.status).to.equal('pending');
    const mine = $(el, '[part~=mine]');
    expect(text(mine.querySelector('[part=status]'))).to.equal('Awaiting moderation');
    expect(mine.querySelector('[part=text]')!.textContent).to.equal('First!\nSecond line.');
    expect(deepActive()).to.equal($(el, '#thanks'));
    expect(text($(el, 'form [role=status]'))).to.contain('Thank you');
    expect(($(el, '#text') as HTMLTextAreaElement).value).to.equal('');
    expect(($(el, '#author') as HTMLInputElement).value).to.equal('Rêzan');
    await expect(el).to.be.accessible();

    // Still shown after a reload, from what the service answered.
    fixtureCleanup();
    const again = await mountBelow(thread);
    await until(() => mineShown(again).length === 1);
    expect(text($(again, '[part~=mine] [part=status]'))).to.equal('Awaiting moderation');

    await approve(server, detail.id);
    fixtureCleanup();
    // Oldest first: a list URL this browser has not fetched (and cached) before.
    const listed = await mount(thread, { sort: 'oldest' });
    expect(text($(listed, '[part=heading]'))).to.equal('1 comment');
    expect(articles(listed).map((a) => a.querySelector('[part=text]')!.textContent)).to.deep.equal(['First!\nSecond line.']);
    expect($(listed, '[part~=mine]')).to.equal(null);
    // Kept, marked as listed, for "Delete my comment" (test/components/comments/delete-published.test.ts).
    expect(JSON.parse(localStorage.getItem(`rw-mine:${thread}`)!).map((m: { id: string; listed?: true }) => [m.id, m.listed])).to.deep.equal([[detail.id, true]]);
    const date = $(listed, 'time[part=date]');
    expect(Number.isNaN(Date.parse(date.getAttribute('datetime')!))).to.equal(false);
    expect(getComputedStyle($(listed, '[part=text]')).whiteSpace).to.equal('pre-line');
    await expect(listed).to.be.accessible();
  });

  it('shows a rejection with the guideline until the reader dismisses it', async () => {
    const thread = uniqueThread();
    const el = await mountBelow(thread);
    fill(el, 'Buy my book at my shop!');
    submit(el);
    const { id } = await posted(el);
    await reject(server, id, 'promotion');
    fixtureCleanup();
    const again = await mountBelow(thread);
    await until(() => mineShown(again)[0] === 'rejected', 'the rejection was not fetched');
    await again.updateComplete;
    expect(text($(again, '[part~=mine] [part=status]'))).to.equal('Not published: commercial or personal promotion');
    await expect(again).to.be.accessible();
    $(again, '[part~=mine] button').click();
    await again.updateComplete;
    expect($(again, '[part~=mine]')).to.equal(null);
    expect(localStorage.getItem(`rw-mine:${thread}`)).to.equal(null);
  });

  it('renders comment text as text, never as HTML', async () => {
    const thread = uniqueThread();
    const hostile = '<script>alert(1)</script><img src=x onerror="window.__rwXss=1"> https://example.com';
    await seed(server, thread, { author: '<b>Mallory</b>', text: hostile });
    const el = await mount(thread);
    expect(articles(el)[0].querySelector('[part=text]')!.textContent).to.equal(hostile);
    expect(text(articles(el)[0].querySelector('[part=author]'))).to.equal('<b>Mallory</b>');
    expect(el.shadowRoot!.querySelector('img, script, b b, a')).to.equal(null);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as unknown as { __rwXss?: number }).__rwXss).to.equal(undefined);
    expect(articles(el)[0].getAttribute('dir')).to.equal('auto');
  });

  it('pages with "Load more" and moves focus to the first new comment', async function () {
    this.timeout(30000);
    const thread = uniqueThread();
    for (let i = 1; i <= 7; i++) await seed(server, thread, { text: `Comment ${i}` });
    const el = await mount(thread, { pageSize: 3, sort: 'oldest' });
    expect(text($(el, '[part=heading]'))).to.equal('7 comments');
    expect(texts(el)).to.deep.equal(['Comment 1', 'Comment 2', 'Comment 3']);
    $(el, '[part~=load-more]').click();
    await until(() => articles(el).length === 6);
    // Focus moves once the new page has been laid out and painted (before that it would force the layout).
    await until(() => deepActive() === articles(el)[3], 'focus did not move to the first new comment');
    $(el, '[part~=load-more]').click();
    await until(() => articles(el).length === 7);
    expect($(el, '[part~=load-more]')).to.equal(null);
    expect(texts(el).at(-1)).to.equal('Comment 7');
    await expect(el).to.be.accessible();
  });

  it('sorts newest or oldest first', async () => {
    const thread = uniqueThread();
    for (const word of ['one', 'two', 'three']) await seed(server, thread, { text: word });
    const el = await mount(thread);
    expect(texts(el)).to.deep.equal(['three', 'two', 'one']);
    const select = $<HTMLSelectElement>(el, 'select[part=sort]');
    select.value = 'oldest';
    select.dispatchEvent(new Event('change'));
    await until(() => texts(el)[0] === 'one');
    expect(el.getAttribute('sort')).to.equal('oldest');
    expect(texts(el)).to.deep.equal(['one', 'two', 'three']);
  });

  it('asks for its list once, and again only for another sort, page size or thread', async () => {
    const thread = uniqueThread();
    await seed(server, thread, { text: 'one' });
    const asked: string[] = [];
    const fetch = window.fetch;
    window.fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('/comments?')) asked.push(new URL(url).search);
      return fetch(input, init);
    };
    try {
      const el = await mount(thread);
      expect(asked, 'at start').to.have.length(1);
      el.setAttribute('article-title', 'Another title');
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(asked, 'after attributes that do not change the list').to.have.length(1);
      el.setAttribute('sort', 'oldest');
      await until(() => asked.length === 2, 'a new sort did not ask again');
      el.setAttribute('page-size', '5');
      await until(() => asked.length === 3, 'a new page size did not ask again');
      el.setAttribute('thread', uniqueThread());
      await until(() => asked.length === 4, 'a new thread did not ask again');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(asked.map((query) => new URLSearchParams(query).get('sort'))).to.deep.equal(['newest', 'oldest', 'oldest', 'oldest']);
      expect(asked).to.have.length(4);
    } finally {
      window.fetch = fetch;
    }
  });

  it('replies under a comment, one level deep, with focus where the reader expects it', async () => {
    const thread = uniqueThread();
    const parentId = await seed(server, thread, { author: 'Shilan', text: 'Parent comment' });
    const el = await mount(thread);
    const replyButton = $(el, '[part~=reply]');
    expect(replyButton.getAttribute('aria-label')).to.equal('Reply to Shilan');
    replyButton.click();
    await el.updateComplete;
    await until(() => deepActive() === $(el, '#text'));
    const li = articles(el)[0].parentElement!;
    expect(li.querySelector('form')).to.exist;
    expect($$(el, 'form')).to.have.length(1);
    expect(text($(el, '#fh'))).to.equal('Reply to Shilan');
    expect(replyButton.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();

    $(el, 'form [type=button]').click();
    await until(() => deepActive() === $(el, '[part~=reply]'));
    expect(text($(el, '#fh'))).to.equal('Post a comment');

    $(el, '[part~=reply]').click();
    await el.updateComplete;
    fill(el, 'A reply');
    submit(el);
    const { id } = await posted(el);
    const reply = articles(el)[0].parentElement!.querySelector(':scope > ol [part~=mine]')!;
    expect(text(reply.querySelector('[part=text]'))).to.equal('A reply');
    const queued = (await pending(server)).find((c) => c.id === id)!;
    expect(queued.parentId).to.equal(parentId);
    // Replies have no Reply button of their own.
    await approve(server, id);
    fixtureCleanup();
    const listed = await mount(thread, { sort: 'oldest' });
    const nested = articles(listed)[0].parentElement!.querySelector(':scope > ol article')!;
    expect(text(nested.querySelector('[part=text]'))).to.equal('A reply');
    expect(nested.querySelector('[part~=reply]')).to.equal(null);
  });

  it('says when the list cannot be loaded and retries', async () => {
    const el = await mount(uniqueThread(), { endpoint: 'http://127.0.0.1:9/api' });
    expect(phaseOf(el)).to.equal('error');
    expect(text($(el, 'section [role=alert]'))).to.equal('Comments could not be loaded.');
    await expect(el).to.be.accessible();
    el.endpoint = server.endpoint;
    await until(() => phaseOf(el) === 'ready');
  });

  it('is accessible in the dark theme and in a right-to-left page', async () => {
    const thread = uniqueThread();
    await seed(server, thread, { author: 'ئاراس', text: 'سڵاو، ئەمە لێدوانێکە.' });
    const dark = await fixture<RwComments>(html`<rw-comments theme="dark" loading="eager" thread=${thread} endpoint=${server.endpoint}></rw-comments>`, {
      parentNode: darkPage(),
    });
    await until(() => phaseOf(dark) === 'ready');
    expect(getComputedStyle(dark).colorScheme).to.equal('dark');
    await expect(dark).to.be.accessible();
    fixtureCleanup();
    const wrapper = await fixture(html`<div dir="rtl" lang="ckb"><rw-comments loading="eager" thread=${thread} endpoint=${server.endpoint}></rw-comments></div>`);
    const rtl = wrapper.querySelector('rw-comments')!;
    await until(() => phaseOf(rtl) === 'ready');
    const article = articles(rtl)[0];
    expect(getComputedStyle(article).direction).to.equal('rtl');
    await expect(rtl).to.be.accessible();
  });
});
