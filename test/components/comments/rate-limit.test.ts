import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/reading-widget.js';
import type { RwComments } from '../../../src/components/comments/comments.js';
import { disposeServer, post, startServer, uniqueThread, type TestServer } from '../../support/comments-server.js';
import { $, text, type } from '../../support/dom.js';

// A service of its own: one post per minute per address.
let server: TestServer;
before(async function () {
  this.timeout(180000);
  server = await startServer({ rateLimit: 1 });
});
after(() => disposeServer(server));

describe('rw-comments rate limit', function () {
  // Real service on a shared, busy machine: generous time, never asserted.
  this.timeout(45000);
  it('tells the reader when to try again, keeping the comment', async () => {
    const thread = uniqueThread();
    await post(server, thread, { text: 'Uses up the minute' });
    const el = await fixture<RwComments>(html`<rw-comments loading="eager" thread=${thread} endpoint=${server.endpoint}></rw-comments>`);
    type(el, 'text', 'Too soon');
    type(el, 'author', 'Kawa');
    type(el, 'email', 'kawa@example.com');
    $(el, '[part~=submit]').click();
    const error = await oneEvent(el, 'rw-error');
    expect(error.detail.code).to.equal('rate-limited');
    await el.updateComplete;
    expect(text($(el, 'form [role=alert]'))).to.match(/^You are posting too quickly\. Please try again in \d+ seconds\.$/);
    expect(($(el, '#text') as HTMLTextAreaElement).value).to.equal('Too soon');
    await expect(el).to.be.accessible();
  });
});
