import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../../src/comments.js';
import type { RwComments } from '../../../src/components/comments/comments.js';
import { LIMITS } from '../../../src/internal/contract.js';
import { uniqueThread } from '../../support/comments-server.js';
import { $, text, type } from '../../support/dom.js';

// No service: the counter is the form's own business (no endpoint, so nothing is fetched).
afterEach(() => fixtureCleanup());

const counter = (el: RwComments) => text($(el, '[part=counter]'));
const announced = (el: RwComments) => text($(el, 'form [role=status]'));
const left = (n: number) => (n === 1 ? '1 character left' : `${n} characters left`);

/** Every length from `from` to `to`, typed one character at a time, as the reader types. */
async function typeUp(el: RwComments, from: number, to: number, each: (length: number) => void) {
  for (let length = from; length <= to; length++) {
    type(el, 'text', 'x'.repeat(length));
    await el.updateComplete;
    each(length);
  }
}

describe('rw-comments characters-left counter', function () {
  this.timeout(60000);
  const around = (threshold: number) => [LIMITS.text - threshold - 2, LIMITS.text - threshold + 2] as const;

  it('shows the exact count at every length from 500 left, and nothing before', async () => {
    const el = await fixture<RwComments>(html`<rw-comments thread=${uniqueThread()}></rw-comments>`);
    for (const threshold of [500, 100, 0]) {
      const [from, to] = around(threshold);
      await typeUp(el, from, to, (length) => {
        const n = LIMITS.text - length;
        if (n > 500) expect($(el, '[part=counter]'), `at ${length}`).to.equal(null);
        else expect(counter(el), `at ${length}`).to.equal(left(Math.max(n, 0)));
      });
    }
    // The probe that found the bug: from 4,600 to 4,601 characters.
    type(el, 'text', 'x'.repeat(4600));
    await el.updateComplete;
    type(el, 'text', 'x'.repeat(4601));
    await el.updateComplete;
    expect(counter(el)).to.equal('399 characters left');
  });

  it('announces only on crossing 500, 100 and 0 left', async () => {
    const el = await fixture<RwComments>(html`<rw-comments thread=${uniqueThread()}></rw-comments>`);
    // What the polite region says after each length, typing up through every threshold in turn.
    const expected = (length: number) => {
      const n = LIMITS.text - length;
      return n > 500 ? '' : n > 100 ? left(500) : n > 0 ? left(100) : left(0);
    };
    for (const threshold of [500, 100, 0]) {
      const [from, to] = around(threshold);
      await typeUp(el, from, to, (length) => expect(announced(el), `at ${length}`).to.equal(expected(length)));
    }
    // Deleting back below the band and crossing again announces again.
    type(el, 'text', 'x'.repeat(4000));
    await el.updateComplete;
    type(el, 'text', 'x'.repeat(4500));
    await el.updateComplete;
    expect(announced(el)).to.equal(left(500));
    expect($(el, '#text').getAttribute('aria-describedby')).to.equal('text-hint');
  });
});
