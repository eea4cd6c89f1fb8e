// Issue 12 in <rw-moderation>: the administrator downloads exports and erases a commenter by
// email, against the real service; a moderator sees neither.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../../src/moderation.js';
import type { RwModeration } from '../../../src/components/moderation/moderation.js';
import { pending, post, seed, uniqueThread } from '../../support/comments-server.js';
import { useModerationPage } from '../../support/moderation-page.js';
import { failures, textContrast } from '../../support/contrast.js';
import { until, $, $$, deepActive, text } from '../../support/dom.js';

const server = useModerationPage();

async function signIn(token: string, markup = html`<rw-moderation endpoint=${server.endpoint}></rw-moderation>`) {
  const host = await fixture<HTMLElement>(markup);
  const el = (host.localName === 'rw-moderation' ? host : host.querySelector('rw-moderation')!) as RwModeration;
  $<HTMLInputElement>(el, '#token').value = token;
  $(el, '[part~=submit]').click();
  await until(() => el.actor, 'sign-in failed');
  return el;
}
const tab = (el: RwModeration, name: string) => [...$$(el, '[part~=tabs] button')].find((b) => text(b) === name);
async function openData(el: RwModeration) {
  tab(el, 'Export and erasure')!.click();
  await until(() => $(el, '#ee'));
}
// no-store: the first answer would otherwise be reused from the browser's cache.
const publicList = (thread: string) => fetch(`${server.endpoint}/threads/${encodeURIComponent(thread)}/comments`, { cache: 'no-store' }).then((r) => r.json());

/** The next `<a download>` the page clicks: its file name and the JSON it links to (the real download is held back). */
function nextDownload() {
  return new Promise<{ name: string; doc: { comments: { email: string; thread: string; text: string }[] } }>((resolve) => {
    const seen = async (event: Event) => {
      const a = event.composedPath()[0];
      if (!(a instanceof HTMLAnchorElement) || !a.download) return;
      event.preventDefault();
      document.removeEventListener('click', seen, true);
      resolve({ name: a.download, doc: await (await fetch(a.href)).json() });
    };
    document.addEventListener('click', seen, true);
  });
}

describe('rw-moderation export and erasure', function () {
  this.timeout(60000);

  it('downloads one commenter’s comments, then one thread, as JSON files named for what they hold', async () => {
    const thread = uniqueThread();
    const email = `export-${Date.now()}@example.org`;
    await seed(server, thread, { author: 'Exported', email, text: 'mine' });
    await post(server, thread, { author: 'Other', email: 'other@example.org', text: 'not mine' });
    const el = await signIn(server.token);
    await openData(el);

    $<HTMLInputElement>(el, '#xe').value = email;
    let got = nextDownload();
    $(el, '#xe').closest('form')!.querySelector('button')!.click();
    let file = await got;
    expect(file.name).to.equal(`comments-commenter-${email}.json`);
    expect(file.doc.comments.map((c) => c.text)).to.deep.equal(['mine']);
    await until(() => text($(el, '[role=status]')));
    expect(text($(el, '[role=status]'))).to.equal(`Downloaded comments-commenter-${email}.json.`);

    $<HTMLInputElement>(el, '#xe').value = '';
    $<HTMLInputElement>(el, '#xt').value = thread;
    got = nextDownload();
    $(el, '#xt').closest('form')!.querySelector('button')!.click();
    file = await got;
    expect(file.name).to.equal(`comments-thread-${thread}.json`);
    expect(file.doc.comments.map((c) => c.text).sort()).to.deep.equal(['mine', 'not mine']);
    await expect(el).to.be.accessible();
  });

  it('shows the service’s refusal of an address it does not take', async () => {
    const el = await signIn(server.token);
    await openData(el);
    // The browser's email rule takes "ana@localhost"; the service's needs a domain with a dot.
    $<HTMLInputElement>(el, '#xe').value = 'ana@localhost';
    $(el, '#xe').closest('form')!.querySelector('button')!.click();
    await until(() => text($(el, '[role=alert]')));
    expect(text($(el, '[role=alert]'))).to.not.equal('');
    expect(text($(el, '[role=status]'))).to.equal('');
  });

  it('erases a commenter only after a confirmation that names them, then says how many comments went', async () => {
    const thread = uniqueThread();
    const email = `erase-${Date.now()}@example.org`;
    await seed(server, thread, { author: 'Leaving', email, text: 'published' });
    await post(server, thread, { author: 'Leaving', email, text: 'waiting' });
    const el = await signIn(server.token);
    await openData(el);
    $<HTMLInputElement>(el, '#ee').value = email;
    $(el, '#ee').closest('form')!.querySelector('button')!.click();
    await until(() => $(el, '#erase-yes'));
    expect(text($(el, '[part~=confirm] p'))).to.equal(`Erase every comment by ${email}? This cannot be undone.`);
    expect(deepActive()).to.equal($(el, '#erase-yes'));
    await expect(el).to.be.accessible();

    // Cancel erases nothing.
    [...$$(el, '[part~=confirm] button')].find((b) => text(b) === 'Cancel')!.click();
    await until(() => !$(el, '#erase-yes'));
    expect((await publicList(thread)).comments).to.have.length(1);

    $(el, '#ee').closest('form')!.querySelector('button')!.click();
    await until(() => $(el, '#erase-yes'));
    expect(text($(el, '#erase-yes'))).to.equal(`Erase ${email}`);
    $(el, '#erase-yes').click();
    await until(() => text($(el, '[role=status]')));
    expect(text($(el, '[role=status]'))).to.equal(`Erased ${email}: 2 comments removed.`);
    expect($(el, '#erase-yes')).to.equal(null);
    expect((await publicList(thread)).comments).to.have.length(0);
    expect(await pending(server)).to.have.length(0);
  });

  it('is not offered to a moderator', async () => {
    const added = await fetch(`${server.endpoint}/moderation/moderators`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Plain moderator' }),
    }).then((r) => r.json());
    const el = await signIn(added.secret);
    expect([...$$(el, '[part~=tabs] button')].map(text)).to.not.include('Export and erasure');
    expect(tab(el, 'Audit')).to.exist;
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`fits 320 px with the confirmation open, every text at 4.5:1, axe clean (${scheme})`, async () => {
      await setViewport({ width: 320, height: 640 });
      const background = scheme === 'dark' ? '#17191c' : '#ffffff';
      const el = await signIn(server.token, html`<div style="background: ${background}; color-scheme: ${scheme}"><rw-moderation theme=${scheme} endpoint=${server.endpoint}></rw-moderation></div>`);
      await openData(el);
      $<HTMLInputElement>(el, '#ee').value = 'a-rather-long-address-to-wrap-somewhere@example.org';
      $(el, '#ee').closest('form')!.querySelector('button')!.click();
      await until(() => $(el, '#erase-yes'));
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      expect(failures(textContrast(el.parentElement!))).to.deep.equal([]);
      await expect(el.parentElement).to.be.accessible();
    });
  }
});
