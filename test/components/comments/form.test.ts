import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import '../../../src/comments.js';
import type { RwComments } from '../../../src/components/comments/comments.js';
import { sendKeys } from '@web/test-runner-commands';
import { pending, restartServer, seed, stopServer, uniqueThread, useServer } from '../../support/comments-server.js';
import { until, $, deepActive, text, type } from '../../support/dom.js';
import { fill, submit } from '../../support/comment-form.js';
import { phaseOf, storedKey } from '../../support/comments-state.js';

const server = useServer();
// No localStorage.clear(): test files run side by side on one origin; unique threads keep them apart.
afterEach(() => fixtureCleanup());

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


async function posted(el: RwComments) {
  const event = await oneEvent(el, 'rw-comment-posted');
  await el.updateComplete;
  return event.detail;
}

describe('rw-comments form', function () {
  // Real service on a shared, busy machine: generous time, never asserted.
  this.timeout(45000);
  it('checks the fields before sending, says what each empty one needs, and focuses the first invalid one', async () => {
    const thread = uniqueThread();
    const el = await mount(thread);
    submit(el);
    await until(() => $(el, '[aria-invalid=true]'));
    const textarea = $(el, '#text');
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect(deepActive()).to.equal(textarea);
    const needs = { text: 'Enter your comment.', author: 'Enter your name.', email: 'Enter your email address.' };
    for (const [id, need] of Object.entries(needs)) {
      const field = $(el, `#${id}`);
      expect(field.getAttribute('aria-required')).to.equal('true');
      const described = field.getAttribute('aria-describedby')!.split(' ');
      expect(described).to.include(`${id}-error`);
      expect(text($(el, `#${id}-error`))).to.equal(need);
    }
    expect($(el, '#email').getAttribute('aria-describedby')).to.equal('email-hint email-error');
    expect(text($(el, 'label[for=text]'))).to.equal('Comment Required');
    expect($(el, 'label[for=text] [part=required]')).to.exist;
    expect(text($(el, 'label[for=author]'))).to.equal('Name Required');
    expect(text($(el, 'label[for=email]'))).to.equal('Email Required');
    await expect(el).to.be.accessible();

    fill(el, 'Fine text', 'Ava', 'not-an-address');
    await el.updateComplete;
    expect($(el, '#text').getAttribute('aria-invalid')).to.equal('false');
    submit(el);
    await until(() => $(el, '#email-error'));
    expect(text($(el, '#email-error'))).to.equal('Enter an email address like name@example.com.');
    expect(deepActive()).to.equal($(el, '#email'));

    type(el, 'email', 'ava@example.com');
    type(el, 'author', 'x'.repeat(81));
    submit(el);
    await until(() => $(el, '#author-error'));
    expect(text($(el, '#author-error'))).to.equal('Use at most 80 characters.');
    expect((await pending(server)).filter((c) => c.thread === thread)).to.have.length(0);
  });

  it('says "Post reply" in a reply form and keeps the thank-you note to the post it thanks for', async () => {
    const thread = uniqueThread();
    await seed(server, thread, { author: 'Shilan', text: 'Parent comment' });
    const el = await mount(thread);
    const thanks = () => el.shadowRoot!.querySelector('#thanks');
    expect(text($(el, '[part~=submit]'))).to.equal('Post comment');
    $(el, '[part~=reply]').click();
    await until(() => deepActive() === $(el, '#text'));
    expect(text($(el, '[part~=submit]'))).to.equal('Post reply');
    $(el, 'form [type=button]').click();
    await until(() => text($(el, '#fh')) === 'Post a comment');
    expect(text($(el, '[part~=submit]'))).to.equal('Post comment');

    fill(el);
    submit(el);
    await posted(el);
    await until(() => deepActive() === thanks(), 'focus did not move to the thank-you note');
    expect(text(thanks())).to.contain('Thank you');
    await expect(el).to.be.accessible();
    // One Tab leads back into the form, not through the list.
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '#text'));

    $(el, '[part~=reply]').click();
    await until(() => text($(el, '#fh')) === 'Reply to Shilan');
    expect(thanks()).to.equal(null);
    expect(text($(el, 'form'))).not.to.contain('Thank you');
    $(el, 'form [type=button]').click();
    await until(() => text($(el, '#fh')) === 'Post a comment');
    expect(text($(el, 'form'))).not.to.contain('Thank you');

    fill(el, 'Second thought');
    submit(el);
    await posted(el);
    expect(thanks()).to.exist;
    // Starting the next comment drops the note too.
    type(el, 'text', 'A third');
    await el.updateComplete;
    expect(thanks()).to.equal(null);
  });

  it('shows the characters left near the limit and announces it sparingly', async () => {
    const el = await mount(uniqueThread());
    type(el, 'text', 'x'.repeat(4400));
    await el.updateComplete;
    expect($(el, '[part=counter]')).to.equal(null);
    type(el, 'text', 'x'.repeat(4600));
    await el.updateComplete;
    expect(text($(el, '[part=counter]'))).to.equal('400 characters left');
    expect($(el, '#text').getAttribute('aria-describedby')).to.equal('text-hint');
    expect(text($(el, 'form [role=status]'))).to.equal('400 characters left');
    type(el, 'text', 'x'.repeat(4601));
    await el.updateComplete;
    expect(text($(el, 'form [role=status]'))).to.equal('400 characters left');
    type(el, 'text', 'x'.repeat(5003));
    await el.updateComplete;
    expect(text($(el, '[part=counter]'))).to.equal('0 characters left');
  });

  it('maps the service’s 422 field errors onto the form', async () => {
    const el = await mount(uniqueThread());
    fill(el);
    // A publisher's listener changes the body: the service, not our check, rejects it.
    el.addEventListener('rw-comment-submit', (e) => (e.detail.comment.email = 'nobody'), { once: true });
    submit(el);
    const error = await oneEvent(el, 'rw-error');
    expect(error.detail.code).to.equal('invalid');
    await until(() => $(el, '#email-error'));
    expect(text($(el, '#email-error'))).to.match(/email/i);
    expect($(el, '#email').getAttribute('aria-invalid')).to.equal('true');
    expect(deepActive()).to.equal($(el, '#email'));
    await expect(el).to.be.accessible();
  });

  it('lets a publisher veto a post or add data to it', async () => {
    const thread = uniqueThread();
    const el = await mount(thread);
    fill(el, 'Vetoed');
    el.addEventListener('rw-comment-submit', (e) => e.preventDefault(), { once: true });
    submit(el);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect($(el, '[part~=submit]').getAttribute('aria-disabled')).to.equal('false');
    expect((await pending(server)).filter((c) => c.thread === thread)).to.have.length(0);
    expect(($(el, '#text') as HTMLTextAreaElement).value).to.equal('Vetoed');
  });

  it('restores the draft after the element is created again', async () => {
    const thread = uniqueThread();
    const el = await mount(thread);
    fill(el, 'Half-written thought', 'Dara', 'dara@example.com');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const saved = JSON.parse(localStorage.getItem(`rw-draft:${thread}`)!);
    expect(saved).to.include({ text: 'Half-written thought', author: 'Dara', email: 'dara@example.com' });
    fixtureCleanup();
    const again = await mount(thread);
    expect(($(again, '#text') as HTMLTextAreaElement).value).to.equal('Half-written thought');
    expect(($(again, '#author') as HTMLInputElement).value).to.equal('Dara');
    await until(() => text($(again, 'form [role=status]')) === 'Your unsent comment was restored.');
    // The restored draft keeps its key: one more keystroke saves it again with the same one.
    type(again, 'text', 'Half-written thought, continued');
    await until(() => JSON.parse(localStorage.getItem(`rw-draft:${thread}`)!).text.endsWith('continued'));
    expect(storedKey(thread)).to.equal(saved.key);
  });

  it('keeps everything when the service is down, and the retry makes exactly one comment with the same key', async function () {
    this.timeout(40000);
    const thread = uniqueThread();
    const el = await mount(thread);
    fill(el, 'Posted while the service was down');
    await until(() => storedKey(thread), 'the draft was not saved');
    const key = storedKey(thread)!;
    await stopServer(server);
    try {
      submit(el);
      const error = await oneEvent(el, 'rw-error');
      expect(error.detail.code).to.equal('network');
      await el.updateComplete;
      expect(text($(el, 'form [role=alert]'))).to.equal(
        'We could not reach the comments service. Your comment is still here: try again.',
      );
      expect(($(el, '#text') as HTMLTextAreaElement).value).to.equal('Posted while the service was down');
      expect(JSON.parse(localStorage.getItem(`rw-draft:${thread}`)!).key).to.equal(key);
      await expect(el).to.be.accessible();
    } finally {
      await restartServer(server);
    }
    submit(el);
    const { id } = await posted(el);
    // The same key and body again: the service answers with the same comment, so the element used that key.
    const replay = await fetch(`${server.endpoint}/threads/${thread}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ author: 'Rêzan', email: 'rezan@example.com', text: 'Posted while the service was down' }),
    }).then((r) => r.json());
    expect(replay.id).to.equal(id);
    const mineInQueue = (await pending(server)).filter((c) => c.thread === thread);
    expect(mineInQueue.map((c) => c.text)).to.deep.equal(['Posted while the service was down']);
    expect(localStorage.getItem(`rw-draft:${thread}`)).to.equal(null);
  });

  it('posts once and shows one pending comment when Post is pressed twice in a row', async () => {
    const thread = uniqueThread();
    const el = await mount(thread);
    fill(el, 'Pressed twice');
    await el.updateComplete;
    let events = 0;
    el.addEventListener('rw-comment-posted', () => events++);
    submit(el);
    submit(el);
    await posted(el);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await el.updateComplete;
    expect(events).to.equal(1);
    expect(el.shadowRoot!.querySelectorAll('[part~=mine]')).to.have.length(1);
    expect((await pending(server)).filter((c) => c.thread === thread)).to.have.length(1);
  });
});
