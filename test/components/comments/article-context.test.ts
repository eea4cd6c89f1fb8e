// Issue 10: <rw-comments> sends the article's title and canonical URL with a post, so the
// moderation queue can show and link it; publishers override both with attributes.
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import '../../../src/comments.js';
import { articleContext } from '../../../src/components/comments/article-context.js';
import type { RwComments } from '../../../src/components/comments/comments.js';
import { pending, uniqueThread, useServer } from '../../support/comments-server.js';
import { phaseOf } from '../../support/comments-state.js';
import { until } from '../../support/dom.js';
import { fill, submit } from '../../support/comment-form.js';

const server = useServer();
afterEach(() => fixtureCleanup());

const page = (head: string) => new DOMParser().parseFromString(`<!doctype html><html><head><base href="https://news.example/politics/">${head}</head></html>`, 'text/html');

describe('the article context of a post', function () {
  this.timeout(45000);

  it('takes the page title and the canonical URL, without its fragment', () => {
    const doc = page('<title> Budget vote </title><link rel="canonical" href="/budget-vote#comments">');
    expect(articleContext({}, doc)).to.deep.equal({ articleTitle: 'Budget vote', articleUrl: 'https://news.example/budget-vote' });
  });

  it('prefers the publisher’s attributes, and leaves out an address the service would refuse', () => {
    const doc = page('<title>Site name</title>');
    expect(articleContext({ articleTitle: 'The real headline', articleUrl: 'javascript:alert(1)' }, doc)).to.deep.equal({ articleTitle: 'The real headline' });
    expect(articleContext({ articleUrl: 'budget' }, doc).articleUrl).to.equal('https://news.example/politics/budget');
  });

  it('reaches the moderation queue with the post', async () => {
    const thread = uniqueThread();
    // The test service's ALLOWED_ORIGINS is this page's origin: a link elsewhere would be dropped.
    const articleUrl = `${location.origin}/ferry-strike`;
    const el = await fixture<RwComments>(
      html`<rw-comments thread=${thread} endpoint=${server.endpoint} loading="eager" article-title="Ferry strike: day three"
        article-url=${articleUrl}></rw-comments>`,
    );
    await until(() => phaseOf(el) === 'ready', 'the list never loaded');
    fill(el, 'Context please.');
    submit(el);
    await oneEvent(el, 'rw-comment-posted');
    const queued = (await pending(server)).find((c) => c.thread === thread) as unknown as { threadTitle: string; threadUrl: string };
    expect(queued.threadTitle).to.equal('Ferry strike: day three');
    expect(queued.threadUrl).to.equal(articleUrl);
  });
});
