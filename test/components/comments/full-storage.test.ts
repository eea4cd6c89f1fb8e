import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import '../../../src/comments.js';
import type { RwComments } from '../../../src/components/comments/comments.js';
import { fill, submit } from '../../support/comment-form.js';
import { phaseOf } from '../../support/comments-state.js';
import { pending, uniqueThread, useServer } from '../../support/comments-server.js';
import { $, text, until } from '../../support/dom.js';

const server = useServer();

/** localStorage refuses every write, as a full quota does; sessionStorage still works unless `both`. */
function fillLocalStorage(both = false): () => void {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
    if (this === localStorage || both) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return setItem.call(this, key, value);
  };
  return () => (Storage.prototype.setItem = setItem);
}

/** The next post reaches the service, but its answer never reaches the page (a dropped connection). */
function loseNextAnswer(): () => void {
  const real = window.fetch;
  window.fetch = async (input, init) => {
    const response = await real(input, init);
    if (init?.method !== 'POST') return response;
    window.fetch = real;
    throw new TypeError('Failed to fetch');
  };
  return () => (window.fetch = real);
}

async function mount(thread: string) {
  const el = await fixture<RwComments>(html`<rw-comments loading="eager" thread=${thread} endpoint=${server.endpoint}></rw-comments>`);
  await until(() => phaseOf(el) === 'ready', 'the list never loaded');
  return el;
}

describe('rw-comments with a full localStorage', function () {
  this.timeout(60000);
  let restore: Array<() => void> = [];
  afterEach(() => {
    restore.forEach((undo) => undo());
    restore = [];
    fixtureCleanup();
    sessionStorage.clear();
  });

  it('keeps the draft and its key for the tab, says a reload may lose it, and a retry after a lost answer stores ONE comment', async () => {
    const thread = uniqueThread();
    restore.push(fillLocalStorage());
    const el = await mount(thread);
    fill(el, 'Written on a full disk');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const note = text($(el, '[part~=storage]'));
    const described = $(el, '#text').getAttribute('aria-describedby');

    restore.push(loseNextAnswer());
    submit(el);
    expect((await oneEvent(el, 'rw-error')).detail.code).to.equal('network');
    expect((await pending(server)).filter((c) => c.thread === thread)).to.have.length(1);

    // The reader reloads (the element is created again) and posts again.
    fixtureCleanup();
    const again = await mount(thread);
    const restored = ($(again, '#text') as HTMLTextAreaElement).value;
    // Had the draft been lost, the reader would type it again, and the post would take a new key.
    if (!restored) fill(again, 'Written on a full disk');
    submit(again);
    await oneEvent(again, 'rw-comment-posted');
    expect((await pending(server)).filter((c) => c.thread === thread).map((c) => c.text)).to.deep.equal(['Written on a full disk']);
    expect(restored).to.equal('Written on a full disk');
    expect(note).to.contain('may be lost');
    expect(described).to.contain('kept');
    expect(sessionStorage.getItem(`rw-draft:${thread}`)).to.equal(null);
  });

  it('keeps the draft in memory for this page when no storage takes it', async () => {
    const thread = uniqueThread();
    restore.push(fillLocalStorage(true));
    const el = await fixture<RwComments>(html`<rw-comments thread=${thread}></rw-comments>`);
    fill(el, 'Nowhere to store this');
    await until(() => $(el, '[part~=storage]'), 'the reader was not told the draft may be lost');
    fixtureCleanup();
    // A single-page app shows the article again: same page, new element.
    const again = await fixture<RwComments>(html`<rw-comments thread=${thread}></rw-comments>`);
    expect(($(again, '#text') as HTMLTextAreaElement).value).to.equal('Nowhere to store this');
    expect(sessionStorage.getItem(`rw-draft:${thread}`)).to.equal(null);
  });
});
