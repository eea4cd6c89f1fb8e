import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import '../../../src/comments.js';
import '../../../src/moderation.js';
import type { RwComments } from '../../../src/components/comments/comments.js';
import type { RwModeration } from '../../../src/components/moderation/moderation.js';
import { LIMITS } from '../../../src/internal/contract.js';
import { phaseOf } from '../../support/comments-state.js';
import { uniqueThread } from '../../support/comments-server.js';
import { $, $$, deepActive, text, until } from '../../support/dom.js';
import { calmest } from '../../support/long-tasks.js';

// A service that answers what the real one never would (test/support/hostile-service-plugin.mjs).
const hostile = (scenario: string) => `${location.origin}/__hostile/${scenario}`;
afterEach(() => fixtureCleanup());

/** An element that is already rendered, so that only the answer is measured once `endpoint` is set. */
async function mount(thread = uniqueThread()) {
  const el = await fixture<RwComments>(html`<rw-comments loading="eager" thread=${thread}></rw-comments>`);
  await el.updateComplete;
  return el;
}

async function load(el: RwComments, scenario: string) {
  el.endpoint = hostile(scenario);
  await until(() => phaseOf(el) === 'ready' || phaseOf(el) === 'error', 'the list never settled');
  await el.updateComplete;
}

const articles = (el: Element) => $$(el, 'article[part~=comment]');

/** Asserts no long task in the calmest run, and prints every run's long tasks: a figure for the report. */
function noLongTask(what: string, tasks: Awaited<ReturnType<typeof calmest>>) {
  if (!tasks) return;
  console.log(`[long-tasks] ${what}: long tasks (ms) per judged run ${JSON.stringify(tasks.runs)}, ${tasks.noisy} busy run(s) not judged`);
  expect(tasks.longest, `long tasks (ms) of each run: ${JSON.stringify(tasks.runs)}`).to.be.below(50);
}

/** Resolves once the number of rendered comments has not changed for 300 ms (long lists render a slice per frame). */
async function settled(el: Element, selector = 'article') {
  let last = -1;
  let calm = 0;
  while (calm < 3) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = $$(el, selector).length;
    calm = now === last && now > 0 ? calm + 1 : 0;
    last = now;
  }
  return last;
}

describe('rw-comments under bad answers', function () {
  this.timeout(60000);

  it('skips a comment whose author is an object, whose text is a number or whose date is not one, and shows the rest', async () => {
    const el = await mount();
    await load(el, 'object-author');
    expect(phaseOf(el)).to.equal('ready');
    expect(articles(el).map((a) => text(a.querySelector('[part=text]')))).to.deep.equal(['Comment number 1.']);
  });

  for (const scenario of ['no-comments', 'not-a-list']) {
    it(`says the list could not be loaded when "comments" is ${scenario === 'no-comments' ? 'missing' : 'not a list'}`, async () => {
      const el = await mount();
      const error = oneEvent(el, 'rw-error');
      await load(el, scenario);
      expect((await error).detail.code).to.equal('invalid-answer');
      expect(phaseOf(el)).to.equal('error');
      expect(text($(el, 'section [role=alert]'))).to.equal('Comments could not be loaded.');
      // The rest of the element is still there: the form is usable.
      expect($(el, '#text')).to.exist;
    });
  }

  it('shows "Not published" when a status answer has an unknown reason', async () => {
    const thread = uniqueThread();
    const mine = { id: 'm1', token: 't', author: 'Me', text: 'My comment', createdAt: new Date().toISOString(), parentId: null, status: 'pending' };
    localStorage.setItem(`rw-mine:${thread}`, JSON.stringify([mine]));
    const el = await mount(thread);
    await load(el, 'bad-reason');
    await until(() => text($(el, '[part~=mine] [part=status]')) === 'Not published', 'the rejection was not shown');
    expect(articles(el)).to.have.length(2);
    localStorage.removeItem(`rw-mine:${thread}`);
  });

  it('pages and moves focus to comments whose ids contain quotes and brackets', async () => {
    const el = await mount();
    await load(el, 'quote-id');
    expect(articles(el)[0].dataset.id).to.equal('a"]');
    $(el, '[part~=load-more]').click();
    await until(() => articles(el).length === 2, 'the second page was not shown');
    await until(() => deepActive() === articles(el)[1], 'focus did not move to the first new comment');
    expect(articles(el)[1].dataset.id).to.equal('b"] , *');
  });

  it('aborts a request that a newer one supersedes, and never shows its late answer', async () => {
    const abortedSoFar = async () => (await fetch(`${location.origin}/__hostile/aborted`).then((r) => r.json())).aborted as number;
    const before = await abortedSoFar();
    const el = await fixture<RwComments>(html`<rw-comments loading="eager" sort="oldest" thread=${uniqueThread()} endpoint=${hostile('slow')}></rw-comments>`);
    await until(() => phaseOf(el) === 'loading');
    el.sort = 'newest';
    await until(() => text($(el, '[part=text]')) === 'newest answer', 'the newer list was not shown');
    // Chromium closes the connection of an aborted request; Firefox keeps it open (observed here),
    // so only in Chromium can the test server see the abort itself.
    if (/Chrome\//.test(navigator.userAgent)) await until(async () => (await abortedSoFar()) > before, 'the superseded request was not aborted');
    else await new Promise((resolve) => setTimeout(resolve, 3300));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(articles(el).map((a) => text(a.querySelector('[part=text]')))).to.deep.equal(['newest answer']);
  });

  it('takes at most the contract’s number of comments from an answer of 10,000, without a long task', async () => {
    let el!: RwComments;
    const tasks = await calmest(async () => {
      fixtureCleanup();
      el = await mount();
      await load(el, 'ten-thousand');
      await settled(el);
    });
    noLongTask('rw-comments, 10,000 comments', tasks);
    expect(phaseOf(el)).to.equal('ready');
    expect(articles(el)).to.have.length(LIMITS.answerComments);
  });

  for (const scenario of ['huge', 'huge-chunked']) {
    it(`refuses a 50 MB answer (${scenario === 'huge' ? 'with its length declared' : 'chunked'}) without a long task`, async () => {
      let el!: RwComments;
      let code = '';
      const tasks = await calmest(async () => {
        fixtureCleanup();
        el = await mount();
        el.addEventListener('rw-error', (e) => (code = e.detail.code));
        await load(el, scenario);
      });
      noLongTask(`rw-comments, 50 MB ${scenario}`, tasks);
      expect(phaseOf(el)).to.equal('error');
      expect(code).to.equal('answer-too-large');
    });
  }
});

describe('rw-moderation under bad answers', function () {
  this.timeout(60000);

  it('shows at most one page of a queue of 10,000, without a long task', async () => {
    let el!: RwModeration;
    const tasks = await calmest(async () => {
      fixtureCleanup();
      sessionStorage.clear();
      el = await fixture<RwModeration>(html`<rw-moderation endpoint=${hostile('ten-thousand')}></rw-moderation>`);
      await el.updateComplete;
      // Signing in loads the queue.
      $<HTMLInputElement>(el, '#token').value = 'any';
      $(el, '[part~=submit]').click();
      await until(() => $$(el, 'article').length, 'the queue was not shown');
      await settled(el);
      // More tries than the default: in the full suite, beside the other browser's tests, whole
      // stretches of a run stay slow without the probe seeing it (CI saw six runs in a row).
    }, 12);
    noLongTask('rw-moderation, queue of 10,000', tasks);
    expect($$(el, 'article')).to.have.length(LIMITS.pageSize);
    sessionStorage.clear();
  });

  for (const scenario of ['huge', 'huge-chunked']) {
    it(`refuses a 50 MB queue (${scenario === 'huge' ? 'with its length declared' : 'chunked'}) as too large`, async () => {
      sessionStorage.clear();
      const el = await fixture<RwModeration>(html`<rw-moderation endpoint=${hostile(scenario)}></rw-moderation>`);
      let code = '';
      el.addEventListener('rw-error', (e) => (code = e.detail.code));
      await el.updateComplete;
      $<HTMLInputElement>(el, '#token').value = 'any';
      $(el, '[part~=submit]').click();
      await until(() => code, 'no error was reported');
      expect(code).to.equal('answer-too-large');
      expect($$(el, 'article')).to.have.length(0);
      sessionStorage.clear();
    });
  }
});
