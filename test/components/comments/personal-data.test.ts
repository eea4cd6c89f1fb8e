import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import '../../../src/comments.js';
import type { RwComments } from '../../../src/components/comments/comments.js';
import { fill, submit } from '../../support/comment-form.js';
import { phaseOf } from '../../support/comments-state.js';
import { uniqueThread, useServer } from '../../support/comments-server.js';
import { $, text, until } from '../../support/dom.js';

const server = useServer();
const DAY = 86400000;

async function mount(thread: string, endpoint = server.endpoint) {
  const el = await fixture<RwComments>(html`<rw-comments loading="eager" thread=${thread} endpoint=${endpoint}></rw-comments>`);
  if (endpoint) await until(() => phaseOf(el) === 'ready', 'the list never loaded');
  await el.updateComplete;
  return el;
}

/** Every value this origin keeps in localStorage, as one string to search. */
const everythingStored = () => Object.keys(localStorage).map((key) => `${key}=${localStorage.getItem(key)}`).join('\n');
const value = (el: RwComments, id: string) => ($(el, `#${id}`) as HTMLInputElement).value;

describe('rw-comments and the reader’s personal data', function () {
  this.timeout(60000);
  afterEach(() => {
    fixtureCleanup();
    localStorage.removeItem('rw-reader');
  });

  it('keeps no name or email in the browser after a post unless the reader asks', async () => {
    const thread = uniqueThread();
    const el = await mount(thread);
    const remember = $<HTMLInputElement>(el, '#remember');
    expect(remember.checked).to.equal(false);
    expect(text($(el, 'label[for=remember]'))).to.equal('Remember my name and email on this device');
    fill(el, 'A comment', 'Hêja', 'heja-forget@example.com');
    submit(el);
    await oneEvent(el, 'rw-comment-posted');
    // Still in the form for this page, but nowhere in storage.
    expect(value(el, 'author')).to.equal('Hêja');
    await new Promise((resolve) => setTimeout(resolve, 400));
    fixtureCleanup();
    expect(everythingStored()).not.to.contain('heja-forget@example.com');
    expect(localStorage.getItem(`rw-draft:${thread}`)).to.equal(null);
    const again = await mount(thread);
    expect(value(again, 'author')).to.equal('');
    expect(value(again, 'email')).to.equal('');
  });

  it('remembers them with "Remember me", on every article, until the reader unticks it', async () => {
    const el = await mount(uniqueThread());
    await expect(el).to.be.accessible();
    const remember = $<HTMLInputElement>(el, '#remember');
    remember.click();
    fill(el, 'Remember me', 'Soran', 'soran@example.com');
    submit(el);
    await oneEvent(el, 'rw-comment-posted');
    expect(JSON.parse(localStorage.getItem('rw-reader')!)).to.include({ author: 'Soran', email: 'soran@example.com' });
    fixtureCleanup();

    const other = await mount(uniqueThread());
    expect(value(other, 'author')).to.equal('Soran');
    expect(value(other, 'email')).to.equal('soran@example.com');
    expect($<HTMLInputElement>(other, '#remember').checked).to.equal(true);
    $<HTMLInputElement>(other, '#remember').click();
    await other.updateComplete;
    expect(localStorage.getItem('rw-reader')).to.equal(null);
  });

  it('forgets drafts and own comments after 30 days', async () => {
    const thread = uniqueThread();
    const old = Date.now() - 31 * DAY;
    localStorage.setItem(`rw-draft:${thread}`, JSON.stringify({ author: 'Old', email: 'old@example.com', text: 'Old draft', key: 'k', savedAt: old }));
    const mine = (id: string, at: number) => ({ id, token: 't', author: 'Old', text: `Mine ${id}`, createdAt: new Date(at).toISOString(), parentId: null, status: 'approved' });
    localStorage.setItem(`rw-mine:${thread}`, JSON.stringify([mine('old', old), mine('new', Date.now() - 29 * DAY)]));
    const el = await mount(thread, '');
    expect(value(el, 'text')).to.equal('');
    expect([...el.shadowRoot!.querySelectorAll('[part~=mine] [part=text]')].map((p) => p.textContent)).to.deep.equal(['Mine new']);
    localStorage.removeItem(`rw-mine:${thread}`);
    localStorage.removeItem(`rw-draft:${thread}`);
  });
});
