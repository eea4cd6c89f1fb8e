import { expect } from '@open-wc/testing';
import '../src/reading-widget.js';
import { settled } from './support/reading.js';

/*
 * An upgrade dirties the page's style (each element attaches a shadow root): anything that reads
 * style or layout while elements upgrade recalculates the whole page inside that task. The page's
 * colour scheme is read as the module loads instead. Its own file: the first element of a page is
 * the one that would read.
 */
const reads: string[] = [];
const spy = <T extends object>(owner: T, name: keyof T & string) => {
  const real = owner[name] as (...args: unknown[]) => unknown;
  (owner as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
    reads.push(name);
    return real.apply(this, args);
  };
};
spy(window, 'getComputedStyle');
spy(Element.prototype, 'getBoundingClientRect');
spy(Element.prototype, 'getClientRects');

describe('upgrade', () => {
  it('reads no style or layout while the page’s first elements upgrade and render', async () => {
    const holder = document.createElement('div');
    holder.innerHTML = `<rw-article format-date><h1 slot="headline">H</h1><time slot="date" datetime="2025-03-14">x</time><p>Body</p></rw-article>
      <rw-article variant="teaser" href="#t"><h3 slot="headline">T</h3><p>S</p></rw-article>`;
    document.body.append(holder);
    try {
      await settled(holder);
      expect(holder.querySelector('rw-article')!.shadowRoot!.querySelector('rw-text-size')!.shadowRoot!.querySelector('button')).to.exist;
      expect(reads).to.deep.equal([]);
    } finally {
      holder.remove();
    }
  });
});
