// Issue 10, <rw-moderation> against the real service: context, no default reason, live queue,
// bulk decisions, named moderators, watch words, and the page at 320 px in light and dark.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/moderation.js';
import type { RwModeration } from '../../../src/components/moderation/moderation.js';
import { approve, post, uniqueThread } from '../../support/comments-server.js';
import { useModerationPage } from '../../support/moderation-page.js';
import { failures, textContrast } from '../../support/contrast.js';
import { until, $, $$, deepActive, text } from '../../support/dom.js';

const server = useModerationPage();

async function signIn(token: string, wrapper?: (el: unknown) => unknown) {
  const host = await fixture<HTMLElement>(
    wrapper ? (wrapper(html`<rw-moderation endpoint=${server.endpoint}></rw-moderation>`) as never) : html`<rw-moderation endpoint=${server.endpoint}></rw-moderation>`,
  );
  const el = (host.localName === 'rw-moderation' ? host : host.querySelector('rw-moderation')!) as RwModeration;
  $<HTMLInputElement>(el, '#token').value = token;
  $(el, '[part~=submit]').click();
  await until(() => el.actor, 'sign-in failed');
  return el;
}
const statusOf = (id: string, token: string) =>
  fetch(`${server.endpoint}/comments/${id}/status`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
const api = (path: string, init: RequestInit = {}) =>
  fetch(server.endpoint + path, { ...init, headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' } }).then((r) => r.json());
const articles = (el: RwModeration) => $$(el, 'article');

describe('rw-moderation queue', function () {
  this.timeout(60000);

  it('shows the article linked, the comment a reply answers, the commenter record and who decided', async () => {
    const thread = uniqueThread();
    const top = await post(server, thread, { author: 'Top', text: 'The original', articleTitle: 'Harbour plans', articleUrl: `${location.origin}/harbour` } as never);
    await approve(server, top.id);
    const reply = await post(server, thread, { author: 'Top', text: 'A reply', parentId: top.id });
    const el = await signIn(server.token);
    await until(() => articles(el).length === 1);
    const item = articles(el)[0];
    const link = item.querySelector<HTMLAnchorElement>('[part~=article]')!;
    expect(text(link)).to.equal('Harbour plans');
    expect(link.href).to.equal(`${location.origin}/harbour`);
    expect([...item.querySelectorAll('[part~=parent] p')].map(text)).to.deep.equal(['In reply to Top:', 'The original']);
    expect(text(item.querySelector('[part~=record] span'))).to.equal('Earlier comments: 1 approved, 0 rejected, 0 pending');
    // Their other comments, all statuses, with the decision line.
    item.querySelector<HTMLButtonElement>('[part~=link]')!.click();
    await until(() => articles(el).length === 2);
    expect(text($(el, '[part~=decided]'))).to.match(/^Approved by Administrator, /);
    expect(articles(el).map((a) => a.dataset.id)).to.deep.equal([top.id, reply.id]);
    await expect(el).to.be.accessible();
  });

  it('has no default reason: R without a chosen reason asks for one and decides nothing', async () => {
    const c = await post(server, uniqueThread(), { author: 'Spammer', text: 'Buy now' });
    const el = await signIn(server.token);
    await until(() => articles(el).length === 1);
    const select = $<HTMLSelectElement>(el, `#r${c.id}`);
    expect(select.value).to.equal('');
    expect(select.required).to.equal(true);
    expect(text(select.selectedOptions[0])).to.equal('Choose a reason (required to reject)');
    articles(el)[0].focus();
    await sendKeys({ press: 'r' });
    await until(() => text($(el, '[role=alert]')));
    expect(text($(el, '[role=alert]'))).to.equal('Choose a guideline reason before rejecting the comment by Spammer.');
    expect(deepActive()).to.equal(select);
    expect((await statusOf(c.id, c.token)).status).to.equal('pending');
    // The keys are declared and shown.
    expect(articles(el)[0].getAttribute('aria-keyshortcuts')).to.contain('A').and.contain('R');
    expect($(el, '[part~=reject]').getAttribute('aria-keyshortcuts')).to.equal('R');
    expect(text($(el, '[part~=reject] kbd'))).to.equal('R');
  });

  it('shows a new pending comment within 5 s without a reload', async () => {
    const el = await signIn(server.token);
    await until(() => el.queue.loaded);
    const started = performance.now();
    await post(server, uniqueThread(), { author: 'Newcomer', text: 'Just arrived' });
    await until(() => articles(el).length === 1, 'the new comment did not appear');
    expect(performance.now() - started).to.be.below(5000);
    expect(text(articles(el)[0])).to.contain('Just arrived');
  });

  it('selects with X and approves several at once; focus moves to the next comment', async () => {
    const thread = uniqueThread();
    const a = await post(server, thread, { author: 'Ana', text: 'one' });
    const b = await post(server, thread, { author: 'Ben', text: 'two' });
    const c = await post(server, thread, { author: 'Cem', text: 'three' });
    const el = await signIn(server.token);
    await until(() => articles(el).length === 3);
    articles(el)[0].focus();
    await sendKeys({ press: 'x' });
    await sendKeys({ press: 'j' });
    await sendKeys({ press: 'x' });
    await until(() => $(el, '.bulk'));
    expect(text($(el, '.bulk span'))).to.equal('2 selected');
    $(el, '.bulk [part~=approve]').click();
    await until(() => articles(el).length === 1);
    expect(text($(el, '[role=status]'))).to.equal('Decided 2 comments; 0 could not be decided (already decided or gone).');
    expect((await statusOf(a.id, a.token)).status).to.equal('approved');
    expect((await statusOf(b.id, b.token)).status).to.equal('approved');
    expect((await statusOf(c.id, c.token)).status).to.equal('pending');
    expect(deepActive()).to.equal(articles(el)[0]);
  });

  it('the administrator adds a moderator (secret shown once), who signs in and decides under their name', async () => {
    const admin = await signIn(server.token);
    [...$$(admin, '[part~=tabs] button')].find((b) => text(b) === 'Moderators')!.click();
    await until(() => $(admin, '#mn'));
    $<HTMLInputElement>(admin, '#mn').value = 'Rozhan';
    $(admin, '#mn').closest('form')!.querySelector('button')!.click();
    await until(() => $(admin, '#secret'));
    const secret = text($(admin, '#secret'));
    expect(secret).to.match(/^rwm_/);
    await expect(admin).to.be.accessible();
    fixtureCleanup();
    sessionStorage.clear();

    const c = await post(server, uniqueThread(), { author: 'Reader', text: 'Judge me' });
    const el = await signIn(secret);
    expect(text($(el, '.bar span'))).to.equal('Signed in as Rozhan');
    expect([...$$(el, '[part~=tabs] button')].map(text)).to.not.include('Moderators');
    await until(() => articles(el).length === 1);
    const select = $<HTMLSelectElement>(el, `#r${c.id}`);
    select.value = 'off-topic';
    select.dispatchEvent(new Event('change'));
    $(el, '[part~=reject]').click();
    await until(() => articles(el).length === 0);
    const audit = await api(`/moderation/audit?commentId=${c.id}`);
    expect(audit.entries.map((e: { actorName: string; action: string }) => `${e.actorName} ${e.action}`)).to.deep.equal(['Rozhan reject']);
  });

  it('blocks a commenter from the queue with the chosen reason; their next comment is rejected without a moderator', async () => {
    const email = `blocked-${Date.now()}@example.com`;
    await post(server, uniqueThread(), { author: 'Pest', email, text: 'first' });
    const el = await signIn(server.token);
    await until(() => articles(el).length === 1);
    const id = articles(el)[0].dataset.id!;
    const select = $<HTMLSelectElement>(el, `#r${id}`);
    select.value = 'abuse';
    select.dispatchEvent(new Event('change'));
    [...$$(el, '[part~=block]')].find((b) => text(b) === 'Block this email')!.click();
    await until(() => text($(el, '[role=status]')));
    expect(text($(el, '[role=status]'))).to.equal(`Blocked ${email}. Their new comments are rejected as: abusive language.`.replace('abusive language', text(select.selectedOptions[0])));
    const next = await post(server, uniqueThread(), { author: 'Pest', email, text: 'second' });
    expect(await statusOf(next.id, next.token)).to.deep.equal({ status: 'rejected', reason: 'abuse' });
    const { blocks } = await api('/moderation/blocks');
    for (const b of blocks) await fetch(`${server.endpoint}/moderation/blocks/${b.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${server.token}` } });
  });

  it('highlights watch words as text marks, never as HTML', async () => {
    await api('/moderation/watch-words', { method: 'PUT', body: JSON.stringify({ words: ['casino'] }) });
    try {
      await post(server, uniqueThread(), { author: 'W', text: 'Visit the <b>Casino</b> today' });
      const el = await signIn(server.token);
      await until(() => articles(el).length === 1);
      const marks = $$(el, '[part~=text] mark');
      expect(marks.map(text)).to.deep.equal(['Casino']);
      expect(text($(el, '[part~=text]'))).to.equal('Visit the <b>Casino</b> today');
      expect(el.shadowRoot!.querySelector('[part~=text] b')).to.equal(null);
    } finally {
      await api('/moderation/watch-words', { method: 'PUT', body: JSON.stringify({ words: [] }) });
    }
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`fits 320 px without horizontal scrolling, every text at 4.5:1, axe clean (${scheme})`, async () => {
      await setViewport({ width: 320, height: 640 });
      const thread = uniqueThread();
      const top = await post(server, thread, { author: 'Long-named commenter', email: 'a-very-long-address-for-testing@example.com', text: 'Parent', articleTitle: 'A rather long article title that must wrap', articleUrl: `${location.origin}/a/very/long/path/that/must/wrap/somewhere` } as never);
      await approve(server, top.id);
      await post(server, thread, { author: 'Replier', text: 'casino '.repeat(30), parentId: top.id });
      await api('/moderation/watch-words', { method: 'PUT', body: JSON.stringify({ words: ['casino'] }) });
      const background = scheme === 'dark' ? '#17191c' : '#ffffff';
      try {
        const el = await signIn(server.token, () => html`<div style="background: ${background}; color-scheme: ${scheme}"><rw-moderation theme=${scheme} endpoint=${server.endpoint}></rw-moderation></div>`);
        await until(() => articles(el).length === 1);
        articles(el)[0].focus();
        $$<HTMLInputElement>(el, '[part~=select]')[0].click();
        await until(() => $(el, '.bulk'));
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
        expect(failures(textContrast(el.parentElement!))).to.deep.equal([]);
        await expect(el.parentElement).to.be.accessible();
      } finally {
        await api('/moderation/watch-words', { method: 'PUT', body: JSON.stringify({ words: [] }) });
      }
    });
  }
});
