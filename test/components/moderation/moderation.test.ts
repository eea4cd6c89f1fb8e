import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/moderation.js';
import type { RwModeration } from '../../../src/components/moderation/moderation.js';
import { post, uniqueThread } from '../../support/comments-server.js';
import { useModerationPage } from '../../support/moderation-page.js';
import { until, $, $$, deepActive, text } from '../../support/dom.js';

const server = useModerationPage();

async function signIn(token: string) {
  const el = await fixture<RwModeration>(html`<rw-moderation endpoint=${server.endpoint}></rw-moderation>`);
  const input = $<HTMLInputElement>(el, '#token');
  input.value = token;
  $(el, '[part~=submit]').click();
  return el;
}

const statusOf = (id: string, token: string) =>
  fetch(`${server.endpoint}/comments/${id}/status`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());

describe('rw-moderation', function () {
  // Real service on a shared, busy machine: generous time, never asserted.
  this.timeout(45000);
  it('refuses a wrong token and asks again', async () => {
    const el = await signIn('not-the-token');
    await until(() => text($(el, '[role=alert]')));
    expect(text($(el, '[role=alert]'))).to.equal('That token was not accepted.');
    expect($(el, '#token')).to.exist;
    expect($(el, '#token').getAttribute('type')).to.equal('password');
    expect(sessionStorage.getItem('rw-moderator-token')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('lists the pending comments oldest first, as text, and remembers the token for the tab', async () => {
    const thread = uniqueThread();
    await post(server, thread, { author: 'First', text: 'Older <img src=x onerror="window.__rwXss=1">' });
    await post(server, thread, { author: 'Second', email: 'second@example.com', text: 'Newer' });
    const el = await signIn(server.token);
    await until(() => $$(el, 'article').length === 2, 'the queue did not load');
    const [first, second] = $$(el, 'article');
    expect(text(first.querySelector('[part=text]'))).to.equal('Older <img src=x onerror="window.__rwXss=1">');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(text(second)).to.contain('Second').and.contain('second@example.com').and.contain(thread);
    expect(sessionStorage.getItem('rw-moderator-token')).to.equal(server.token);
    await expect(el).to.be.accessible();

    fixtureCleanup();
    const again = await fixture<RwModeration>(html`<rw-moderation endpoint=${server.endpoint}></rw-moderation>`);
    await until(() => $$(again, 'article').length === 2, 'the remembered token was not used');
    $(again, '.bar button:last-of-type').click();
    await again.updateComplete;
    expect($(again, '#token')).to.exist;
    expect(sessionStorage.getItem('rw-moderator-token')).to.equal(null);
  });

  it('works from the keyboard: J/K move, A approves, R rejects with the chosen reason', async () => {
    const thread = uniqueThread();
    const a = await post(server, thread, { author: 'Ava', text: 'to approve' });
    const b = await post(server, thread, { author: 'Bo', text: 'to reject' });
    const c = await post(server, thread, { author: 'Cy', text: 'stays' });
    const el = await signIn(server.token);
    await until(() => $$(el, 'article').length === 3);
    const items = $$(el, 'article');
    expect(items.map((item) => item.tabIndex)).to.deep.equal([0, -1, -1]);
    items[0].focus();
    await sendKeys({ press: 'j' });
    await until(() => deepActive() === $$(el, 'article')[1]);
    await sendKeys({ press: 'ArrowDown' });
    await until(() => deepActive() === $$(el, 'article')[2]);
    await sendKeys({ press: 'k' });
    await sendKeys({ press: 'k' });
    await until(() => deepActive() === $$(el, 'article')[0]);

    await sendKeys({ press: 'a' });
    await until(() => $$(el, 'article').length === 2);
    expect(text($(el, '[role=status]'))).to.equal('Approved the comment by Ava.');
    expect(deepActive()).to.equal($$(el, 'article')[0]);
    expect((await statusOf(a.id, a.token)).status).to.equal('approved');

    const select = $<HTMLSelectElement>(el, `#r${b.id}`);
    expect(text(el.shadowRoot!.querySelector(`label[for="r${b.id}"]`))).to.equal('Reason');
    select.value = 'personal-attack';
    select.dispatchEvent(new Event('change'));
    $$(el, 'article')[0].focus();
    await sendKeys({ press: 'r' });
    await until(() => $$(el, 'article').length === 1);
    expect(text($(el, '[role=status]'))).to.equal('Rejected the comment by Bo.');
    expect(await statusOf(b.id, b.token)).to.deep.equal({ status: 'rejected', reason: 'personal-attack' });
    expect((await statusOf(c.id, c.token)).status).to.equal('pending');
    await expect(el).to.be.accessible();
  });

  it('approves with the buttons, and shows the empty queue', async () => {
    const thread = uniqueThread();
    const a = await post(server, thread, { author: 'Dilan', text: 'by mouse' });
    const el = await signIn(server.token);
    await until(() => $$(el, 'article').length === 1);
    $(el, '[part~=approve]').click();
    await until(() => $$(el, 'article').length === 0);
    expect((await statusOf(a.id, a.token)).status).to.equal('approved');
    expect(text(el.shadowRoot as unknown as Element)).to.contain('No comments are waiting for moderation.');
    await post(server, thread, { text: 'arrives later' });
    $(el, '.bar button').click();
    await until(() => $$(el, 'article').length === 1, 'refresh did not load the new comment');
    const dark = await fixture(html`<div style="background: #17191c"><rw-moderation theme="dark" endpoint=${server.endpoint}></rw-moderation></div>`);
    await until(() => dark.querySelector('rw-moderation')!.shadowRoot!.querySelectorAll('article').length === 1);
    await expect(dark).to.be.accessible();
  });
});
