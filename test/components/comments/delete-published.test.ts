// Issue 12, "Delete my comment" once it is published: the widget keeps the token of the reader's
// own approved comments, offers the deletion on them (theirs only) in the public list, and the
// comment leaves the list and the count, announced politely. Against the real service.
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import '../../../src/comments.js';
import type { RwComments } from '../../../src/components/comments/comments.js';
import { approve, seed, uniqueThread, useServer } from '../../support/comments-server.js';
import { until, $, $$, text } from '../../support/dom.js';
import { fill, submit } from '../../support/comment-form.js';
import { phaseOf } from '../../support/comments-state.js';

const server = useServer();
afterEach(() => fixtureCleanup());

// Far below the viewport, the list is not fetched (and cached) before the test wants it.
async function mountBelow(thread: string) {
  scrollTo(0, 0);
  const wrapper = await fixture(html`<div><div style="block-size: 4000px"></div><rw-comments thread=${thread} endpoint=${server.endpoint}></rw-comments></div>`);
  return wrapper.querySelector('rw-comments')!;
}
const articles = (el: RwComments) => $$(el, 'article[part~=comment]');
const deleteButtons = (el: RwComments) => $$(el, 'article button').filter((b) => text(b) === 'Delete my comment');
const publicList = (thread: string) =>
  fetch(`${server.endpoint}/threads/${encodeURIComponent(thread)}/comments`, { cache: 'no-store' }).then((r) => r.json());

describe('rw-comments: deleting one’s own published comment', function () {
  this.timeout(45000);

  it('offers "Delete my comment" on the reader’s own published comment only; it leaves the list and the count', async () => {
    const thread = uniqueThread();
    await seed(server, thread, { author: 'Someone else', text: 'not yours' });
    const el = await mountBelow(thread);
    fill(el, 'Mine, soon published.');
    submit(el);
    const { detail } = await oneEvent(el, 'rw-comment-posted');
    await approve(server, detail.id);

    fixtureCleanup();
    const listed = await fixture<RwComments>(html`<rw-comments thread=${thread} endpoint=${server.endpoint} loading="eager" sort="oldest"></rw-comments>`);
    await until(() => phaseOf(listed) === 'ready' && articles(listed).length === 2, 'the list never loaded');
    expect(text($(listed, '[part=heading]'))).to.equal('2 comments');
    expect($(listed, '[part~=mine]')).to.equal(null);
    const [other, own] = articles(listed);
    expect(text(own.querySelector('[part=text]'))).to.equal('Mine, soon published.');
    expect(deleteButtons(listed)).to.have.length(1);
    expect(own.contains(deleteButtons(listed)[0])).to.equal(true);
    expect(other.querySelector('button')?.textContent).to.not.contain('Delete');
    await expect(listed).to.be.accessible();

    deleteButtons(listed)[0].click();
    await until(() => articles(listed).length === 1, 'the comment stayed in the list');
    expect(text($(listed, '[part=heading]'))).to.equal('1 comment');
    expect(text(articles(listed)[0].querySelector('[part=text]'))).to.equal('not yours');
    await until(() => text($(listed, 'form [role=status]')) === 'Your comment was deleted.', 'the deletion was not announced');
    expect((await publicList(thread)).comments.map((c: { text: string }) => c.text)).to.deep.equal(['not yours']);
    expect(localStorage.getItem(`rw-mine:${thread}`)).to.equal(null);
    await expect(listed).to.be.accessible();
  });
});
