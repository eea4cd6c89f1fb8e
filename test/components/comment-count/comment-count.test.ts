import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/comment-count.js';
import { seed, uniqueThread, useServer } from '../../support/comments-server.js';
import { text, until } from '../../support/dom.js';

const server = useServer();

const countRequests = () =>
  performance.getEntriesByType('resource').filter((entry) => entry.name === `${server.endpoint}/counts`).length;

describe('rw-comment-count', function () {
  // Real service on a shared, busy machine: generous time, never asserted.
  this.timeout(45000);
  it('shows the approved counts of several threads with one request', async () => {
    const [a, b, c] = [uniqueThread('a'), uniqueThread('b'), uniqueThread('c')];
    await seed(server, a, { text: 'one' });
    await seed(server, a, { text: 'two' });
    await seed(server, b, { text: 'three' });
    const before = countRequests();
    const list = await fixture(html`<ul>
      <li><rw-comment-count thread=${a} endpoint=${server.endpoint}></rw-comment-count></li>
      <li><rw-comment-count thread=${b} endpoint=${server.endpoint}></rw-comment-count></li>
      <li><rw-comment-count thread=${c} endpoint=${server.endpoint}></rw-comment-count></li>
      <li><rw-comment-count thread=${a} endpoint=${server.endpoint}></rw-comment-count></li>
    </ul>`);
    const counts = [...list.querySelectorAll('rw-comment-count')];
    const shown = () => counts.map((el) => text(el.shadowRoot!.querySelector('[part=count]')));
    await until(() => shown().every(Boolean), 'the counts never showed');
    expect(shown()).to.deep.equal(['2 comments', '1 comment', '0 comments', '2 comments']);
    await until(() => countRequests() > before);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(countRequests() - before).to.equal(1);
    await expect(list).to.be.accessible();
  });

  it('uses the digits and plural rules of the page language', async () => {
    const thread = uniqueThread();
    await seed(server, thread, { text: 'one' });
    await seed(server, thread, { text: 'two' });
    const el = await fixture(html`<p lang="ar" style="background: #17191c"><rw-comment-count theme="dark" thread=${thread} endpoint=${server.endpoint}></rw-comment-count></p>`);
    const count = el.querySelector('rw-comment-count')!;
    await until(() => count.shadowRoot!.querySelector('[part=count]'));
    expect(text(count.shadowRoot!.querySelector('[part=count]'))).to.contain(new Intl.NumberFormat('ar').format(2));
    await expect(el).to.be.accessible();
  });

  it('fires rw-error and shows nothing when the service cannot be reached', async () => {
    let error: CustomEvent | undefined;
    const el = await fixture(
      html`<rw-comment-count thread="x" endpoint="http://127.0.0.1:9/api" @rw-error=${(e: CustomEvent) => (error = e)}></rw-comment-count>`,
    );
    await until(() => error, 'no rw-error');
    expect(error!.detail.code).to.equal('network');
    expect(el.shadowRoot!.querySelector('[part=count]')).to.equal(null);
  });
});
