// Issue 10: while the article is open, the reader's own pending comment turns approved (into the
// list, the heading counting it) or rejected with its reason within 10 s, announced politely.
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import '../../../src/comments.js';
import '../../../src/comment-count.js';
import type { RwComments } from '../../../src/components/comments/comments.js';
import { approve, reject, uniqueThread, useServer } from '../../support/comments-server.js';
import { mineShown, phaseOf } from '../../support/comments-state.js';
import { until, $, $$, text } from '../../support/dom.js';
import { fill, submit } from '../../support/comment-form.js';

const server = useServer();
afterEach(() => fixtureCleanup());

async function postOne(thread: string, body: string) {
  const el = await fixture<RwComments>(html`<rw-comments thread=${thread} endpoint=${server.endpoint} loading="eager" sort="newest"></rw-comments>`);
  await until(() => phaseOf(el) === 'ready', 'the list never loaded');
  fill(el, body);
  submit(el);
  const { detail } = await oneEvent(el, 'rw-comment-posted');
  await el.updateComplete;
  return { el, id: detail.id as string };
}
const within = (ms: number) => ({ timeout: ms, interval: 100 });
const waitFor = async (predicate: () => boolean, ms: number, what: string) => {
  const end = performance.now() + ms;
  while (!predicate()) {
    if (performance.now() > end) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, within(ms).interval));
  }
};

describe('the reader sees the outcome live', function () {
  this.timeout(45000);

  it('an approval moves the comment into the list within 10 s, the heading counts it, and it is announced', async () => {
    const thread = uniqueThread();
    const { el, id } = await postOne(thread, 'Approve me live');
    expect(text($(el, '[part=heading]'))).to.match(/^(No comments|0 comments)/);
    // A count elsewhere on the page (say in the article's header) agrees with the list afterwards.
    const counter = Object.assign(document.createElement('rw-comment-count'), { thread, endpoint: server.endpoint });
    document.body.append(counter);
    await until(() => text(counter.shadowRoot?.querySelector('[part=count]')));
    const before = text(counter.shadowRoot!.querySelector('[part=count]'));
    const decided = performance.now();
    await approve(server, id);
    await waitFor(() => $$(el, '[part~=comment]').some((a) => a.dataset.id === id && !a.matches('[part~=mine]')), 10000, 'the approved comment in the list');
    const elapsed = performance.now() - decided;
    // The figure README.md quotes (decision → the reader's screen).
    console.log(`decision → reader's screen (approval): ${elapsed.toFixed(0)} ms`);
    expect(elapsed).to.be.below(10000);
    await el.updateComplete;
    expect(text($(el, '[part=heading]'))).to.equal('1 comment');
    expect(mineShown(el)).to.deep.equal([]);
    expect(text($(el, 'form [role=status]'))).to.equal('Your comment was approved and is now in the list.');
    await until(() => text(counter.shadowRoot!.querySelector('[part=count]')) !== before, 'the count did not follow');
    expect(text(counter.shadowRoot!.querySelector('[part=count]'))).to.equal('1 comment');
    counter.remove();
  });

  it('a rejection shows its reason within 10 s, announced politely', async () => {
    const thread = uniqueThread();
    const { el, id } = await postOne(thread, 'Buy my book');
    const decided = performance.now();
    await reject(server, id, 'promotion');
    await waitFor(() => mineShown(el)[0] === 'rejected', 10000, 'the rejection');
    console.log(`decision → reader's screen (rejection): ${(performance.now() - decided).toFixed(0)} ms`);
    expect(performance.now() - decided).to.be.below(10000);
    await el.updateComplete;
    expect(text($(el, '[part~=mine] [part=status]'))).to.equal('Not published: commercial or personal promotion');
    expect(text($(el, 'form [role=status]'))).to.equal('Your comment was not published. Reason: commercial or personal promotion.');
    await expect(el).to.be.accessible();
  });

  it('stops asking once nothing of the reader’s is pending', async () => {
    const thread = uniqueThread();
    const { el, id } = await postOne(thread, 'Short-lived');
    await reject(server, id, 'off-topic');
    await waitFor(() => mineShown(el)[0] === 'rejected', 10000, 'the rejection');
    // Questions asked from now on. The browser can record the question that brought the rejection
    // after the rejection shows (its resource entry trails its body on a busy machine): no new question.
    const since = performance.now();
    const asked: string[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => e.name.includes('/status') && e.startTime >= since && asked.push(e.name)));
    observer.observe({ type: 'resource' });
    await new Promise((r) => setTimeout(r, 9000));
    observer.disconnect();
    expect(asked).to.deep.equal([]);
  });
});
